import Foundation
import Math
import Notebook

/// Keeps formulas away from cmark: each `$...$` in the prose is swapped for an inert token
/// before parsing (cmark would read `\{` as an escape and `*` as emphasis) and the token for the
/// formula's MathML after rendering.
struct MathPlaceholders {
  private struct Formula {
    var token: String
    var tex: String
    var html: String
    var display: Bool
  }

  /// Private-use characters around a per-render number: no Markdown meaning, no clash with text.
  private let prefix = "\u{E000}\(UInt32.random(in: 0...UInt32.max))x"
  private var formulas: [Formula] = []

  /// The prose's Markdown with its dollar formulas replaced by tokens.
  mutating func substitute(in prose: Prose) -> String {
    let spans = MathScanner.spans(in: prose).filter { !$0.isFencedBlock }
    guard !spans.isEmpty else { return prose.markdown }
    let bytes = Array(prose.markdown.utf8)
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var copied = 0
    for span in spans where span.range.lowerBound >= copied {
      result += bytes[copied..<span.range.lowerBound]
      let token = "\(prefix)\(formulas.count)\u{E001}"
      formulas.append(
        Formula(
          token: token, tex: span.tex, html: Self.html(tex: span.tex, display: span.display),
          display: span.display))
      result += Array(token.utf8)
      copied = span.range.upperBound
    }
    result += bytes[copied...]
    return String(decoding: result, as: UTF8.self)
  }

  /// The rendered HTML with every token replaced by its formula; a display formula alone in a
  /// paragraph replaces the paragraph. A token inside a tag (an image's alt text) becomes the
  /// TeX, since markup cannot go in an attribute.
  func apply(to html: String) -> String {
    replacingTokens(in: html, unwrappingDisplayParagraphs: true) { formula, insideTag in
      insideTag ? formula.tex.htmlEscaped : formula.html
    }
  }

  /// Plain text (for headings in the table of contents) with tokens back as their TeX.
  func plainText(_ text: String) -> String {
    replacingTokens(in: text, unwrappingDisplayParagraphs: false) { formula, _ in formula.tex }
  }

  /// `text` with each token replaced, in one pass (a pass per formula made prose with many
  /// formulas take quadratic time).
  private func replacingTokens(
    in text: String, unwrappingDisplayParagraphs: Bool,
    by replacement: (_ formula: Formula, _ insideTag: Bool) -> String
  ) -> String {
    guard !formulas.isEmpty, text.contains("\u{E000}") else { return text }
    let bytes = Array(text.utf8)
    let marker = Array(prefix.utf8)
    let close = Array("\u{E001}".utf8)
    let (paragraphOpen, paragraphClose) = (Array("<p>".utf8), Array("</p>".utf8))
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count)
    var index = 0
    var insideTag = false
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "<") {
        insideTag = true
      } else if bytes[index] == UInt8(ascii: ">") {
        insideTag = false
      }
      guard bytes[index] == marker[0], bytes[index...].starts(with: marker) else {
        result.append(bytes[index])
        index += 1
        continue
      }
      var end = index + marker.count
      var number = 0
      while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9"),
        number < formulas.count
      {
        number = number * 10 + Int(bytes[end] - UInt8(ascii: "0"))
        end += 1
      }
      guard end > index + marker.count, number < formulas.count, bytes[end...].starts(with: close)
      else {
        result.append(bytes[index])
        index += 1
        continue
      }
      end += close.count
      let formula = formulas[number]
      if unwrappingDisplayParagraphs, formula.display, !insideTag,
        result.suffix(3).elementsEqual(paragraphOpen),
        bytes[end...].starts(with: paragraphClose)
      {
        result.removeLast(paragraphOpen.count)
        end += paragraphClose.count
      }
      result += Array(replacement(formula, insideTag).utf8)
      index = end
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// MathML for the formula, or, when it does not convert, its TeX as code (`nudge check`
  /// reports why).
  static func html(tex: String, display: Bool) -> String {
    switch TeXMath.mathML(for: tex, display: display) {
    case .success(let mathML):
      return mathML
    case .failure(let error):
      let delimiter = display ? "$$" : "$"
      return
        "<code class=\"math-error\" title=\"\(error.message.htmlEscaped)\">\(delimiter)\(tex.htmlEscaped)\(delimiter)</code>"
    }
  }
}
