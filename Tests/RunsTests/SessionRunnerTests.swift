import Directives
import Foundation
import Notebook
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
      document: document, overrides: try overrides.map { try ParamOverride(parsing: $0) },
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
}
