import Foundation
import Notebook
import Synchronization

/// What one render learns that the next render of the same notebook can reuse, for a process
/// that renders again and again (the preview). Parsing the cells with swift-syntax is most of
/// the cost of a render whose cells all come from the cache; both memories skip it.
package final class RenderMemory: Sendable {
  /// The params a cell refers to, by param names and cell source.
  private let referencedParams = Mutex<[String: Set<String>]>([:])
  /// Cells and params that checked without errors. The checker reads nothing else, and a clean
  /// result holds no positions, so an edit that only moves the cells needs no new check.
  private let cleanChecks = Mutex<Set<CheckedCells>>([])

  package init() {}

  func paramsReferenced(
    by cell: Cell, among names: [String], finding: (Cell) -> Set<String>
  ) -> Set<String> {
    let key = names.sorted().joined(separator: ",") + "\n" + cell.source
    if let known = referencedParams.withLock({ $0[key] }) { return known }
    let found = finding(cell)
    referencedParams.withLock { $0[key] = found }
    return found
  }

  func checkedClean(_ document: Document) -> Bool {
    cleanChecks.withLock { $0.contains(CheckedCells(document)) }
  }

  func rememberClean(_ document: Document) {
    _ = cleanChecks.withLock { $0.insert(CheckedCells(document)) }
  }

  /// What the checker reads of a notebook: its params, its cells and its inline values (with
  /// how many cells precede each), wherever they stand.
  private struct CheckedCells: Hashable, Sendable {
    var params: [Param]
    var cells: [Cell]
    var inlineExpressions: [InlineExpression]

    init(_ document: Document) {
      params = document.params
      cells = document.cells.map { cell in
        var placed = cell
        placed.sourceLine = 0
        placed.fenceLine = 0
        return placed
      }
      inlineExpressions = document.inlineExpressions.map { expression in
        var placed = expression
        placed.line = 0
        placed.column = 0
        return placed
      }
    }
  }
}

/// An evaluator whose `paramsReferenced` answers from a `RenderMemory`.
struct RememberingEvaluator<Base: CellEvaluating>: CellEvaluating {
  var base: Base
  let memory: RenderMemory
  let paramNames: [String]

  func paramsReferenced(by cell: Cell) -> Set<String> {
    memory.paramsReferenced(by: cell, among: paramNames) { base.paramsReferenced(by: $0) }
  }

  mutating func evaluate(_ cell: Cell) -> CellResult { base.evaluate(cell) }

  mutating func evaluateInline(_ expression: InlineExpression, file: String)
    -> Result<String, Diagnostic>
  {
    base.evaluateInline(expression, file: file)
  }

  func snapshot() throws -> Data { try base.snapshot() }

  mutating func restore(from snapshot: Data) throws { try base.restore(from: snapshot) }

  func checkWritable(_ path: String) throws { try base.checkWritable(path) }
}
