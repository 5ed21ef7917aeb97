/// A computed value in a sentence, written as Quarto does: `` `{swift} accuracy * 100` ``.
///
/// The report shows the expression's value, evaluated after the cells above it and formatted
/// as `print` would.
package struct InlineExpression: Hashable, Sendable {
  /// The Swift expression, trimmed.
  package var expression: String
  /// 0-based position among the notebook's inline expressions.
  package var index: Int
  /// How many cells come before it: it is evaluated after those.
  package var cellsBefore: Int
  /// Where the expression itself starts in the notebook (1-based line, UTF-8 column).
  package var line: Int
  package var column: Int

  package init(expression: String, index: Int, cellsBefore: Int, line: Int, column: Int) {
    self.expression = expression
    self.index = index
    self.cellsBefore = cellsBefore
    self.line = line
    self.column = column
  }

  /// The code span content that marks an inline expression.
  package static let marker = "{swift}"

  /// The expression in a code span's content, if the span is an inline expression.
  package static func expression(inCodeSpan content: String) -> String? {
    guard content.hasPrefix(marker) else { return nil }
    let rest = content.dropFirst(marker.count)
    guard rest.first == " " else { return nil }
    let trimmed = rest.drop(while: { $0 == " " })
    return trimmed.isEmpty ? nil : String(trimmed.reversed().drop(while: { $0 == " " }).reversed())
  }
}

extension Document {
  /// The inline expressions of the prose, in file order.
  package var inlineExpressions: [InlineExpression] {
    var found: [InlineExpression] = []
    var cellsSoFar = 0
    for block in blocks {
      switch block {
      case .cell: cellsSoFar += 1
      case .prose(let prose):
        for span in MathScanner.codeSpans(in: prose) {
          guard let expression = InlineExpression.expression(inCodeSpan: span.content) else {
            continue
          }
          let leading =
            span.content.utf8.count
            - span.content.drop(while: { $0 != " " }).drop(while: { $0 == " " }).utf8.count
          found.append(
            InlineExpression(
              expression: expression, index: found.count, cellsBefore: cellsSoFar,
              line: span.line, column: span.column + leading))
        }
      }
    }
    return found
  }
}
