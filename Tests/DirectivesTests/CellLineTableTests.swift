import SwiftParser
import SwiftSyntax
import Testing

@testable import Directives

/// `CellLineTable` places every position where swift-syntax's own converter does.
@Suite struct CellLineTableTests {
  @Test(arguments: [
    "", "x", "let a = 1\nlet b = 2\n", "a\r\nb\rc\n\nd", "\r\n\r\n", "let é = \"ü\"\n  é\n",
    "print(1)\r", "\n\n\nx",
  ])
  func linesAndColumnsMatchSwiftSyntax(source: String) {
    let tree = Parser.parse(source: source)
    let converter = SourceLocationConverter(fileName: "cell", tree: tree)
    let table = CellLineTable(source)
    for offset in -1...(source.utf8.count + 1) {
      let position = AbsolutePosition(utf8Offset: offset)
      let expected = converter.location(for: position)
      let found = table.location(of: position)
      #expect(
        found.line == expected.line && found.column == expected.column,
        "offset \(offset) of \(source.debugDescription)")
    }
  }
}
