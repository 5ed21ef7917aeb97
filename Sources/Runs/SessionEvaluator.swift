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

  package mutating func evaluate(_ cell: Cell) -> CellResult { session.evaluate(cell) }

  package mutating func evaluateInline(_ expression: InlineExpression, file: String)
    -> Result<String, Diagnostic>
  {
    session.evaluateInline(
      expression: expression.expression,
      at: SourceLocation(file: file, line: expression.line, column: expression.column))
  }

  package func snapshot() throws -> Data { try session.snapshotData() }

  package func checkWritable(_ path: String) throws {
    let checked: String
    do {
      checked = try session.fileAccess.writable(path, at: Position(line: 0, column: 0))
    } catch {
      throw RunsError("cannot restore \(path) from the cache: \(error.message)")
    }
    guard checked == path else {
      throw RunsError("cannot restore \(path) from the cache: it now resolves to \(checked)")
    }
  }

  package mutating func restore(from snapshot: Data) throws { try session.restore(from: snapshot) }
}
