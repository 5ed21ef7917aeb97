/// A place in a notebook file, as compilers print it: 1-based line and 1-based column
/// counted in UTF-8 bytes.
package struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
  package var file: String
  package var line: Int
  package var column: Int

  package init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  package var description: String { "\(file):\(line):\(column)" }
}
