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

  /// The rendered HTML with every token replaced by its formula, in one pass; a display formula
  /// alone in a paragraph replaces the paragraph. A token inside a tag (an image's alt text)
  /// becomes the TeX, since markup cannot go in an attribute.
  func apply(to html: String) -> String {
    replacingTokens(in: html) { formula, insideTag, result, rest in
      if insideTag { return formula.tex.htmlEscaped }
      if formula.display, result.hasSuffix("<p>"), rest.hasPrefix("</p>") {
        result.removeLast(3)
        rest = rest.dropFirst(4)
      }
      return formula.html
    }
  }

  /// Plain text (for headings in the table of contents) with tokens back as their TeX.
  func plainText(_ text: String) -> String {
    replacingTokens(in: text) { formula, _, _, _ in formula.tex }
  }

  /// `text` with each token replaced by what `replacement` makes of its formula, given whether
  /// the token is inside a tag, the result so far and the text after the token (both of which
  /// it may trim).
  private func replacingTokens(
    in text: String,
    _ replacement: (Formula, Bool, inout String, inout Substring) -> String
  ) -> String {
    guard !formulas.isEmpty, text.contains("\u{E000}") else { return text }
    let byToken = Dictionary(
      formulas.map { ($0.token, $0) }, uniquingKeysWith: { first, _ in first })
    var result = ""
    result.reserveCapacity(text.utf8.count)
    var insideTag = false
    var rest = text[...]
    while let character = rest.first {
      if character == "\u{E000}", let end = rest.firstIndex(of: "\u{E001}"),
        let formula = byToken[String(rest[...end])]
      {
        var after = rest[rest.index(after: end)...]
        let replaced = replacement(formula, insideTag, &result, &after)
        result += replaced
        rest = after
        continue
      }
      if character == "<" { insideTag = true } else if character == ">" { insideTag = false }
      result.append(character)
      rest = rest.dropFirst()
    }
    return result
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
