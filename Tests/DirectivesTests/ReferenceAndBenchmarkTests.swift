import Foundation
import Notebook
import Testing

@testable import Directives

@Suite struct DirectiveTableTests {
  @Test func everyDirectiveHasASummaryAndAUniqueSignature() {
    let table = DirectiveTable.standard
    #expect(table.directives.allSatisfy { !$0.summary.isEmpty })
    let signatures = table.directives.map(\.signature)
    #expect(Set(signatures).count == signatures.count)
  }

  @Test func theReferenceListsSignaturesFromTheTable() {
    let reference = DirectiveTable.standard.markdownReference
    #expect(
      reference.contains(
        "| `print(_ items: Any..., separator: String = \" \", terminator: String = \"\\n\")` |"))
    #expect(reference.contains("| `[Any].count: Int` | The number of elements. |"))
  }

  @Test func checkerAndEvaluatorAgreeOnLabels() throws {
    // The same call is refused by both, with the same message at the same place.
    let source = "print(1, seperator: \"-\")"
    let checked = NotebookChecker().check(cells: [makeCell(source)], params: [], file: "nb.md")
    let evaluated = try evaluate(source)
    #expect(checked.first?.description == failure(evaluated[0]))
  }
}

/// `NUDGE_BENCHMARK=1 swift test --filter Benchmark` prints how long a 200-cell notebook of cheap
/// directives takes to evaluate (the goal, in a release build, is under 0.2 s).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["NUDGE_BENCHMARK"] != nil))
struct BenchmarkTests {
  @Test func twoHundredCheapCells() throws {
    let sources = (0..<200).map { index in
      "let value\(index) = \(index) * 3 + 1\nlet text\(index) = \"cell \\(value\(index))\"\nprint(text\(index), value\(index) % 7 == 0)\nmetric(\"v\(index)\", Double(value\(index)) / 2)"
    }
    let cells = sources.enumerated().map { makeCell($1, index: $0, line: 10 * ($0 + 1)) }
    let start = Date()
    let session = try makeSession()
    for cell in cells {
      let result = session.evaluate(cell)
      #expect(result.error == nil)
    }
    let seconds = Date().timeIntervalSince(start)
    let checkStart = Date()
    #expect(NotebookChecker().check(cells: cells, params: [], file: "nb.md").isEmpty)
    let checkSeconds = Date().timeIntervalSince(checkStart)
    print("benchmark: 200 cells evaluated in \(seconds) s, checked in \(checkSeconds) s")
  }
}

/// `docs/directives.md` is generated from the directive table; this test fails when they drift.
/// Re-record with `NUDGE_RECORD_DOCS=1 swift test --filter GeneratedReference`.
@Suite struct GeneratedReferenceTests {
  @Test func docsDirectivesMatchesTheTable() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/directives.md").path
    let expected = DirectiveTable.standard.markdownReference + "\n"
    if ProcessInfo.processInfo.environment["NUDGE_RECORD_DOCS"] != nil {
      try expected.write(toFile: path, atomically: true, encoding: .utf8)
    }
    let recorded = try String(contentsOfFile: path, encoding: .utf8)
    #expect(
      recorded == expected,
      "docs/directives.md is out of date: run NUDGE_RECORD_DOCS=1 swift test --filter GeneratedReference"
    )
  }
}
