import Testing

@testable import Notebook

@Suite("Reading pipe tables")
struct PipeTableParsingTests {
  @Test func rowCellsAreSplitAtUnescapedPipes() {
    #expect(PipeTable.cells(of: #"| a \| b | `c` |"#) == ["a | b", "`c`"])
    #expect(PipeTable.cells(of: "a|b|") == ["a", "b"])
    #expect(PipeTable.delimiterRow(":-- | :-: | --: | -") == [.left, .center, .right, .none])
    #expect(PipeTable.delimiterRow("| a | - |") == nil)
  }

  @Test func aTableMayFollowParagraphLinesAndNeedsMatchingCellCounts() throws {
    let found = try #require(PipeTable.find(inParagraph: ["text", "a | b", "--|--", "1"]))
    #expect(found.leadingLines == 1)
    #expect(found.table.header == ["a", "b"])
    #expect(found.table.rows == [["1", ""]])
    #expect(PipeTable.find(inParagraph: ["| a | b | c |", "| --- | --- |"]) == nil)
  }
}
