import Directives
import Foundation
import Notebook
import Report
import Testing

@testable import Runs

/// The runner with the real interpreter: cached state and `-p` overrides work together.
@Suite struct SessionRunnerTests {
  let notebook = """
    ---
    params:
      factor: 2
    ---

    ```swift
    //| name: base
    var base = 10
    base = base + 1
    ```

    ```swift
    //| name: scaled
    let total = base * factor
    metric("total", Double(total))
    ```
    """

  func run(_ document: Document, overrides: [String], cache: CellCache) throws -> RunOutcome {
    let output = try temporaryDirectory()
    defer { removeTemporaryDirectory(output) }
    let session = try Session(
      document: document, overrides: try ParamAssignments(parsing: overrides).runs[0],
      outputDirectory: output)
    let params = Dictionary(uniqueKeysWithValues: session.params.map { ($0.name, $0.value) })
    var evaluator = SessionEvaluator(session: session)
    return Runner(document: document, params: params, cache: cache, engineVersion: "test")
      .run(with: &evaluator)
  }

  @Test func aRestoredStateKeepsTheOverriddenParams() throws {
    let document = try Document(parsing: notebook, path: "n.md")
    let scratch = try temporaryDirectory()
    defer { removeTemporaryDirectory(scratch) }
    let cache = CellCache(directory: scratch)
    #expect(try run(document, overrides: [], cache: cache).metrics["scaled.total"] == 22)
    let rerun = try run(document, overrides: ["factor=3"], cache: cache)
    #expect(rerun.cells[0]?.cached == true)
    #expect(rerun.cells[1]?.cached == false)
    #expect(rerun.metrics["scaled.total"] == 33)
    let again = try run(document, overrides: [], cache: cache)
    #expect(again.cells.values.allSatisfy { $0.cached })
    #expect(again.metrics["scaled.total"] == 22)
  }

  let proseNotebook = """
    ```swift
    //| name: first
    var count = 3
    ```

    Count is `{swift} count * factor`, past the end `{swift} [1, 2][count]`, and later
    `{swift} later + 1`.

    ```swift
    //| name: second
    count = 7
    let later = 1
    ```

    Now `{swift} Double(count) / 2`.
    """

  @Test func inlineValuesSeeTheCellsAboveWithTheirErrorsInPlace() throws {
    let document = try Document(
      parsing: "---\nparams:\n  factor: 2\n---\n" + proseNotebook, path: "n.md")
    let scratch = try temporaryDirectory()
    defer { removeTemporaryDirectory(scratch) }
    let outcome = try run(document, overrides: [], cache: CellCache(directory: scratch))
    #expect(outcome.inlineValues[0] == .value("6"))
    guard case .error(let outOfRange) = outcome.inlineValues[1],
      case .error(let later) = outcome.inlineValues[2]
    else {
      Issue.record("expected two errors, got \(outcome.inlineValues)")
      return
    }
    #expect(outOfRange.hasPrefix("n.md:10:"))
    #expect(later.hasPrefix("n.md:11:10: error:"))
    #expect(later.contains("later"))
    #expect(outcome.inlineValues[3] == .value("3.5"))
    let rerun = try run(
      document, overrides: ["factor=5"], cache: CellCache(directory: scratch))
    #expect(rerun.cells[0]?.cached == true)
    #expect(rerun.inlineValues[0] == .value("15"))
    #expect(rerun.inlineValues[3] == .value("3.5"))
  }

  @Test func theCheckFindsAnInlineValueThatUsesALaterCellsVariable() throws {
    let document = try Document(
      parsing: "---\nparams:\n  factor: 2\n---\n" + proseNotebook, path: "n.md")
    let findings = NotebookChecker().check(document)
    #expect(findings.map(\.location) == [SourceLocation(file: "n.md", line: 11, column: 10)])
    #expect(findings.first?.message.contains("defined in a cell below this sentence") == true)
  }
}
