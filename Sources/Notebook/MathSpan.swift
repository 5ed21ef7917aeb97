/// A formula in the prose: `$...$`, `$$...$$` or a ```` ```math ```` block.
package struct MathSpan: Hashable, Sendable {
  /// The TeX between the delimiters.
  package var tex: String
  /// Display (block) math rather than inline.
  package var display: Bool
  /// A ```` ```math ```` block rather than dollars in the text.
  package var isFencedBlock: Bool = false
  /// The UTF-8 byte range in the prose's Markdown that the formula replaces, delimiters and
  /// (for a math block) fences included.
  package var range: Range<Int>
  /// Where the TeX starts in the notebook (1-based line, 1-based UTF-8 column).
  package var line: Int
  package var column: Int

  /// The notebook line and column of the UTF-8 byte `offset` into `tex`.
  package func location(ofTeXOffset offset: Int) -> (line: Int, column: Int) {
    var line = self.line
    var column = self.column
    for byte in tex.utf8.prefix(offset) {
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }
}
