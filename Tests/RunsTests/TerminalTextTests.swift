import Testing

@testable import Runs

@Suite struct TerminalTextTests {
  @Test func controlCharactersBecomeEscapesAndTheRestIsKept() {
    #expect(
      TerminalText.safe("plain\ttext, ünïcode ✓\nnext line") == "plain\ttext, ünïcode ✓\nnext line")
    #expect(TerminalText.safe("\u{1B}[31mred\u{07}") == "\\u{1B}[31mred\\u{7}")
    #expect(TerminalText.safe("a\u{0}b\u{7F}c\u{9B}d") == "a\\u{0}b\\u{7F}c\\u{9B}d")
    #expect(TerminalText.safe("\u{202E}txt.exe\u{2066}") == "\\u{202E}txt.exe\\u{2066}")
    #expect(TerminalText.safe("one\ntwo\r", keepsNewlines: false) == "one\\u{A}two\\u{D}")
  }

  @Test func tableCellsAreMadeSafeBeforeTheyAreMeasured() {
    let lines = TextTable(header: ["k", "v"], rows: [["a\u{1B}", "1"], ["b", "2\n3"]]).lines()
    #expect(lines == ["k        v", "-------  -------", "a\\u{1B}  1", "b        2\\u{A}3"])
  }
}
