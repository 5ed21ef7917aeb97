import Plot
import SwiftIDEUtils
import SwiftParser
import SwiftSyntax

/// Turns Swift source into HTML with `<span>`s for keywords, strings, numbers, comments, type
/// names and attributes, escaping everything else.
///
/// The tokens and their kinds come from swift-syntax's own classification (the parser the cells
/// run through), so the colours follow Swift's grammar: nested block comments, multi-line and raw
/// strings with interpolation, contextual keywords. Source that does not parse is still shown
/// whole: every byte lands in the output exactly once.
package enum SwiftHighlighter {
  /// CSS classes used in the output; the stylesheet colours these.
  enum Style: String {
    case keyword = "k", string = "s", number = "n", comment = "c", type = "t", attribute = "a"
  }

  /// The highlighted HTML for `source` (no surrounding `<pre>`).
  package static func html(for source: String) -> String {
    let tree = Parser.parse(source: source)
    let bytes = Array(source.utf8)
    var output = ""
    output.reserveCapacity(bytes.count * 2)
    var position = 0
    func append(_ range: Range<Int>, style: Style?) {
      guard !range.isEmpty else { return }
      let text = String(decoding: bytes[range], as: UTF8.self).htmlEscaped
      if let style {
        output += "<span class=\"\(style.rawValue)\">\(text)</span>"
      } else {
        output += text
      }
    }
    for classified in tree.classifications {
      let start = min(max(classified.range.lowerBound.utf8Offset, position), bytes.count)
      let end = min(classified.range.upperBound.utf8Offset, bytes.count)
      append(position..<start, style: nil)
      if start < end {
        append(start..<end, style: style(of: classified.kind, text: bytes[start..<end]))
        position = end
      } else {
        position = start
      }
    }
    append(position..<bytes.count, style: nil)
    return output
  }

  /// The style of a classified range: swift-syntax's kinds, plus the Swift convention that a
  /// capitalised name (`Network(...)`, `Dataset.load`) is a type even where the grammar only
  /// says "identifier".
  static func style(of kind: SyntaxClassification, text: ArraySlice<UInt8>) -> Style? {
    switch kind {
    case .keyword: .keyword
    case .stringLiteral, .regexLiteral: .string
    case .integerLiteral, .floatLiteral: .number
    case .lineComment, .blockComment, .docLineComment, .docBlockComment: .comment
    case .type: .type
    case .attribute, .ifConfigDirective: .attribute
    case .identifier:
      text.first.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } == true ? .type : nil
    case .none, .operator, .dollarIdentifier, .argumentLabel, .editorPlaceholder: nil
    @unknown default: nil
    }
  }
}
