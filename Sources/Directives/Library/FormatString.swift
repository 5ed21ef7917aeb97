import Foundation

/// A `String(format:)` format, parsed once: literal text and conversion specifications
/// (`%d %i %x %f %e %g %s %@ %%`, with flags, width and precision such as `%-8s` or `%5.2f`).
///
/// Numbers are formatted by Foundation one specification at a time, each with an argument of the
/// type it reads, so the output is Foundation's; `%s` and `%@` take a String, formatted here
/// (`%s` padded as C pads it), since handing a Swift String to a C `%s` is undefined.
struct FormatString: Sendable {
  enum Kind: Sendable, Equatable {
    case integer
    case floating
    case text
  }

  struct Specification: Sendable {
    var kind: Kind
    /// The specification as written (`%-8.3f`), handed to Foundation for numbers.
    var text: String
    var leftAligned: Bool
    var width: Int?
    var precision: Int?
  }

  enum Piece: Sendable {
    case literal(String)
    case specification(Specification)
  }

  var pieces: [Piece]

  var specifications: [Specification] {
    pieces.compactMap { if case .specification(let spec) = $0 { spec } else { nil } }
  }

  /// The parsed format, or a message saying what is wrong with it.
  static func parse(_ format: String) -> Result<FormatString, FormatError> {
    var pieces: [Piece] = []
    var literal = ""
    var characters = format[...]
    while let character = characters.popFirst() {
      guard character == "%" else {
        literal.append(character)
        continue
      }
      var text = "%"
      var flags = ""
      while let next = characters.first, "-+ 0#".contains(next) {
        flags.append(next)
        characters.removeFirst()
      }
      let widthDigits = String(characters.prefix(while: \.isASCIIDigit))
      characters.removeFirst(widthDigits.count)
      var precisionDigits: String?
      if characters.first == "." {
        characters.removeFirst()
        let digits = String(characters.prefix(while: \.isASCIIDigit))
        characters.removeFirst(digits.count)
        precisionDigits = digits
      }
      var length = ""
      while let next = characters.first, next == "l" {
        length.append(next)
        characters.removeFirst()
      }
      guard let conversion = characters.popFirst() else {
        return .failure(
          FormatError("the format ends inside a '%' specification; write '%%' for a percent sign"))
      }
      text += flags + widthDigits + (precisionDigits.map { "." + $0 } ?? "") + length
      text.append(conversion)
      let kind: Kind
      switch conversion {
      case "%" where text == "%%":
        literal.append("%")
        continue
      case "d", "i", "x", "X", "o": kind = .integer
      case "f", "F", "e", "E", "g", "G": kind = .floating
      case "s", "@": kind = .text
      default:
        return .failure(
          FormatError(
            "'\(text)' is not a supported format specification; use %d, %i, %x, %f, %e, %g, %s, %@ or %% (with flags, width and precision such as %-8s or %5.2f)"
          ))
      }
      // `%lf` is a Double as `%f` is; `l` means nothing for a String.
      if (kind == .text && !length.isEmpty) || (kind == .floating && length.count > 1) {
        return .failure(
          FormatError("'\(text)': the length modifier does not apply to this conversion"))
      }
      if widthDigits.count > 3 || (precisionDigits?.count ?? 0) > 3 {
        return .failure(FormatError("'\(text)': a width or precision is at most 999"))
      }
      if !literal.isEmpty { pieces.append(.literal(literal)) }
      literal = ""
      pieces.append(
        .specification(
          Specification(
            kind: kind, text: text, leftAligned: flags.contains("-"), width: Int(widthDigits),
            precision: precisionDigits.map { Int($0) ?? 0 })))
    }
    if !literal.isEmpty { pieces.append(.literal(literal)) }
    return .success(FormatString(pieces: pieces))
  }

  /// The formatted text; the arguments' kinds were checked against the specifications.
  func format(_ arguments: [Value]) -> String {
    var output = ""
    var index = 0
    for piece in pieces {
      switch piece {
      case .literal(let text): output += text
      case .specification(let spec):
        let argument = index < arguments.count ? arguments[index] : .void
        index += 1
        output += Self.format(argument, spec)
      }
    }
    return output
  }

  private static func format(_ argument: Value, _ spec: Specification) -> String {
    switch (spec.kind, argument) {
    case (.integer, .int(let number)): return String(format: spec.text, number)
    case (.floating, .double(let number)): return String(format: spec.text, number)
    case (.floating, .int(let number)): return String(format: spec.text, Double(number))
    default:
      var text = argument.description
      // Foundation ignores the width and precision of `%@`.
      if spec.text.hasSuffix("@") { return text }
      if let precision = spec.precision { text = String(text.prefix(precision)) }
      let padding = String(repeating: " ", count: max(0, (spec.width ?? 0) - text.count))
      return spec.leftAligned ? text + padding : padding + text
    }
  }

  /// Why an argument cannot go to a specification, or nil when it can.
  static func mismatch(_ type: ValueType, for spec: Specification) -> String? {
    switch (spec.kind, type) {
    case (_, .any), (.integer, .int), (.floating, .double), (.text, .string): return nil
    case (.floating, .int):
      return "'\(spec.text)' needs a Double, not an Int; write 'Double(value)'"
    case (.integer, .double):
      return "'\(spec.text)' needs an Int, not a Double; write 'Int(value)' or use '%f'"
    case (.text, _):
      return
        "'\(spec.text)' needs a String, not a '\(type)'; write 'String(value)' or \"\\(value)\""
    case (.integer, _):
      return "'\(spec.text)' needs an Int, not a '\(type)'"
    case (.floating, _):
      return "'\(spec.text)' needs a Double, not a '\(type)'"
    }
  }
}

struct FormatError: Error, Sendable {
  var message: String
  init(_ message: String) { self.message = message }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
