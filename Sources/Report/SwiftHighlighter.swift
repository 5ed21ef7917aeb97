import Plot
/// Turns Swift source into HTML with `<span>`s for keywords, strings, numbers, comments, type
/// names and attributes, escaping everything else.
///
/// It is a lexer, not a parser: it knows Swift's token shapes (nested block comments, multi-line
/// and raw strings with interpolation, `0x`/`0b`/`0o` literals, `1..<n` ranges) so that it never
/// colours across a token boundary, and it needs no grammar beyond that.
package enum SwiftHighlighter {
  /// CSS classes used in the output; the stylesheet colours these.
  enum Style: String {
    case keyword = "k", string = "s", number = "n", comment = "c", type = "t", attribute = "a"
  }

  static let keywords: Set<String> = [
    "actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch", "class",
    "continue", "default", "defer", "deinit", "do", "else", "enum", "extension", "fallthrough",
    "false", "fileprivate", "final", "for", "func", "guard", "if", "import", "in", "init",
    "inout", "internal", "is", "lazy", "let", "mutating", "nil", "nonisolated", "open",
    "operator", "override", "package", "precedencegroup", "private", "protocol", "public",
    "repeat", "rethrows", "return", "self", "Self", "some", "static", "struct", "subscript",
    "super", "switch", "throw", "throws", "true", "try", "typealias", "var", "weak", "where",
    "while",
  ]

  /// The highlighted HTML for `source` (no surrounding `<pre>`).
  package static func html(for source: String) -> String {
    var lexer = Lexer(bytes: Array(source.utf8))
    lexer.code(until: nil)
    return lexer.output
  }

  struct Lexer {
    let bytes: [UInt8]
    var position = 0
    var output = ""

    init(bytes: [UInt8]) {
      self.bytes = bytes
      output.reserveCapacity(bytes.count * 2)
    }

    func peek(_ offset: Int = 0) -> UInt8? {
      position + offset < bytes.count ? bytes[position + offset] : nil
    }

    /// Lexes code until end of input, or until the `)` that closes an interpolation when
    /// `closer` is given (nesting of parentheses is tracked).
    mutating func code(until closer: UInt8?) {
      var depth = 0
      while let byte = peek() {
        switch byte {
        case UInt8(ascii: "("):
          depth += 1
          plain(1)
        case UInt8(ascii: ")"):
          if closer != nil && depth == 0 { return }
          depth -= 1
          plain(1)
        case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
          let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
          emit(.comment, upTo: end)
        case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
          blockComment()
        case UInt8(ascii: "\""):
          string(hashes: 0)
        case UInt8(ascii: "#"):
          var hashes = 0
          while peek(hashes) == UInt8(ascii: "#") { hashes += 1 }
          if peek(hashes) == UInt8(ascii: "\"") {
            string(hashes: hashes)
          } else if let next = peek(1), isIdentifierStart(next) {
            emit(.attribute, upTo: identifierEnd(from: position + 1))
          } else {
            plain(1)
          }
        case UInt8(ascii: "@"):
          if let next = peek(1), isIdentifierStart(next) {
            emit(.attribute, upTo: identifierEnd(from: position + 1))
          } else {
            plain(1)
          }
        case UInt8(ascii: "`"):
          let end = bytes[(position + 1)...].firstIndex(of: UInt8(ascii: "`")).map { $0 + 1 }
          plain((end ?? position + 1) - position)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
          number()
        case UInt8(ascii: "."):
          // `.5` is not Swift, so a dot is never part of a number here; skipping the member name
          // after it keeps `.x1` from looking like a number.
          if let next = peek(1), isIdentifierStart(next) {
            plain(identifierEnd(from: position + 1) - position)
          } else {
            plain(1)
          }
        default:
          if isIdentifierStart(byte) {
            identifier()
          } else {
            plain(1)
          }
        }
      }
    }

    mutating func identifier() {
      let end = identifierEnd(from: position)
      let word = String(decoding: bytes[position..<end], as: UTF8.self)
      if SwiftHighlighter.keywords.contains(word) {
        emit(.keyword, upTo: end)
      } else if let first = word.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z")
      {
        emit(.type, upTo: end)
      } else {
        plain(end - position)
      }
    }

    /// Integer and floating-point literals: `60_000`, `3e-4`, `0x1p-3`, `0b1010`, `1.5`; a `.`
    /// belongs to the number only when a digit follows, so `0..<10` stays a range.
    mutating func number() {
      var end = position
      let isPrefixed =
        bytes[end] == UInt8(ascii: "0") && end + 1 < bytes.count
        && [UInt8(ascii: "x"), UInt8(ascii: "b"), UInt8(ascii: "o")].contains(bytes[end + 1])
      let isHex = isPrefixed && bytes[end + 1] == UInt8(ascii: "x")
      if isPrefixed { end += 2 }
      func isDigit(_ byte: UInt8) -> Bool {
        isHex ? byte.isHexDigit : (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      }
      while end < bytes.count, isDigit(bytes[end]) || bytes[end] == UInt8(ascii: "_") { end += 1 }
      if end + 1 < bytes.count, bytes[end] == UInt8(ascii: "."), isDigit(bytes[end + 1]),
        !isPrefixed || isHex
      {
        end += 1
        while end < bytes.count, isDigit(bytes[end]) || bytes[end] == UInt8(ascii: "_") { end += 1 }
      }
      let exponents: [UInt8] =
        isHex ? [UInt8(ascii: "p"), UInt8(ascii: "P")] : [UInt8(ascii: "e"), UInt8(ascii: "E")]
      if end < bytes.count, exponents.contains(bytes[end]), !isPrefixed || isHex {
        var exponentEnd = end + 1
        if exponentEnd < bytes.count,
          bytes[exponentEnd] == UInt8(ascii: "-") || bytes[exponentEnd] == UInt8(ascii: "+")
        {
          exponentEnd += 1
        }
        if exponentEnd < bytes.count, bytes[exponentEnd].isDecimalDigit {
          end = exponentEnd
          while end < bytes.count, bytes[end].isDecimalDigit || bytes[end] == UInt8(ascii: "_") {
            end += 1
          }
        }
      }
      emit(.number, upTo: end)
    }

    /// `/* ... */`, which nests in Swift.
    mutating func blockComment() {
      var end = position + 2
      var depth = 1
      while end < bytes.count, depth > 0 {
        if bytes[end] == UInt8(ascii: "/"), end + 1 < bytes.count,
          bytes[end + 1] == UInt8(ascii: "*")
        {
          depth += 1
          end += 2
        } else if bytes[end] == UInt8(ascii: "*"), end + 1 < bytes.count,
          bytes[end + 1] == UInt8(ascii: "/")
        {
          depth -= 1
          end += 2
        } else {
          end += 1
        }
      }
      emit(.comment, upTo: end)
    }

    /// A string literal with `hashes` `#`s (raw string); single-line or `"""` multi-line.
    /// Interpolations `\(...)` (or `\#(...)` in raw strings) are lexed as code.
    mutating func string(hashes: Int) {
      let quoteStart = position + hashes
      let isMultiline =
        quoteStart + 2 < bytes.count && bytes[quoteStart + 1] == UInt8(ascii: "\"")
        && bytes[quoteStart + 2] == UInt8(ascii: "\"")
      let quoteCount = isMultiline ? 3 : 1
      var segmentStart = position
      var end = quoteStart + quoteCount
      while end < bytes.count {
        let byte = bytes[end]
        if byte == UInt8(ascii: "\n") && !isMultiline { break }
        if byte == UInt8(ascii: "\\") && hasHashes(hashes, at: end + 1) {
          let afterHashes = end + 1 + hashes
          if afterHashes < bytes.count, bytes[afterHashes] == UInt8(ascii: "(") {
            // Close the string span, colour the interpolation as code, then resume.
            emitSpan(.string, from: segmentStart, to: afterHashes + 1)
            position = afterHashes + 1
            code(until: UInt8(ascii: ")"))
            segmentStart = position
            end = position + (peek() == UInt8(ascii: ")") ? 1 : 0)
            continue
          }
          end = afterHashes + 1
          continue
        }
        if byte == UInt8(ascii: "\""), closesString(at: end, quotes: quoteCount, hashes: hashes) {
          end += quoteCount + hashes
          emitSpan(.string, from: segmentStart, to: end)
          position = end
          return
        }
        end += 1
      }
      emitSpan(.string, from: segmentStart, to: min(end, bytes.count))
      position = min(end, bytes.count)
    }

    func hasHashes(_ count: Int, at index: Int) -> Bool {
      (0..<count).allSatisfy { index + $0 < bytes.count && bytes[index + $0] == UInt8(ascii: "#") }
    }

    func closesString(at index: Int, quotes: Int, hashes: Int) -> Bool {
      (0..<quotes).allSatisfy {
        index + $0 < bytes.count && bytes[index + $0] == UInt8(ascii: "\"")
      }
        && hasHashes(hashes, at: index + quotes)
    }

    func isIdentifierStart(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: "_")
        || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
        || byte >= 0x80
    }

    func identifierEnd(from start: Int) -> Int {
      var end = start
      while end < bytes.count, isIdentifierStart(bytes[end]) || bytes[end].isDecimalDigit {
        end += 1
      }
      return end
    }

    mutating func plain(_ count: Int) {
      let end = min(bytes.count, position + count)
      output += String(decoding: bytes[position..<end], as: UTF8.self).htmlEscaped
      position = end
    }

    mutating func emit(_ style: Style, upTo end: Int) {
      emitSpan(style, from: position, to: end)
      position = end
    }

    mutating func emitSpan(_ style: Style, from start: Int, to end: Int) {
      guard start < end else { return }
      output += "<span class=\"\(style.rawValue)\">"
      output += String(decoding: bytes[start..<end], as: UTF8.self).htmlEscaped
      output += "</span>"
    }
  }
}

extension UInt8 {
  fileprivate var isDecimalDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
  fileprivate var isHexDigit: Bool {
    isDecimalDigit || (self | 0x20 >= UInt8(ascii: "a") && self | 0x20 <= UInt8(ascii: "f"))
  }
}
