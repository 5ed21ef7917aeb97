import Notebook

/// Maps positions inside a cell's source to the notebook file, and builds diagnostics that quote
/// the offending notebook line.
package struct CellSourceMap: Sendable {
  package let file: String
  package let firstLine: Int
  package let firstColumn: Int
  private let lines: [Substring]

  package init(cell: Cell, file: String) {
    self.file = file
    self.firstLine = cell.sourceLine
    self.firstColumn = cell.sourceColumn
    self.lines = cell.source.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The notebook position of a 1-based line and UTF-8 column inside the cell.
  package func position(cellLine: Int, cellColumn: Int) -> Position {
    Position(line: firstLine + cellLine - 1, column: firstColumn + cellColumn - 1)
  }

  /// The notebook line's text: the cell's line with the fence's indentation put back, so a caret
  /// at the notebook column lands under the right character.
  package func sourceLine(at position: Position) -> String? {
    let index = position.line - firstLine
    guard lines.indices.contains(index) else { return nil }
    var line = String(lines[index])
    if line.hasSuffix("\r") { line.removeLast() }
    return String(repeating: " ", count: max(0, firstColumn - 1)) + line
  }

  package func location(_ position: Position) -> SourceLocation {
    SourceLocation(file: file, line: position.line, column: position.column)
  }

  package func diagnostic(
    _ message: String, at position: Position, severity: Diagnostic.Severity = .error
  ) -> Diagnostic {
    Diagnostic(
      message, at: location(position), severity: severity, sourceLine: sourceLine(at: position))
  }
}
