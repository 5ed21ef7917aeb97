import Directives
import Foundation
import Notebook

/// The interpreter's `Session` as the runner sees it: evaluate cells, say what they read, and
/// save or restore the variables for the cell cache.
package struct SessionEvaluator: CellEvaluating {
  package let session: Session

  package init(session: Session) { self.session = session }

  package func paramsReferenced(by cell: Cell) -> Set<String> {
    session.paramsReferenced(by: cell)
  }

  package mutating func evaluate(_ cell: Cell) -> EvaluatedCell {
    let evaluation = session.evaluate(cell)
    return EvaluatedCell(
      outputs: evaluation.outputs, failed: evaluation.failed, filesRead: evaluation.filesRead)
  }

  package func snapshot() throws -> Data { try session.snapshotData() }

  package mutating func restore(from snapshot: Data) throws { try session.restore(from: snapshot) }
}
