import Foundation
import Notebook

/// What the runner needs of an interpreter: evaluate cells in order, say what they read, and
/// save and restore its state so cached cells can be skipped.
package protocol CellEvaluating {
  /// The params a cell refers to, found without running it; part of the cell's cache key.
  func paramsReferenced(by cell: Cell) -> Set<String>
  /// Evaluates one cell against the current state: `.ok` or `.failed`, its outputs and the
  /// files it read (the runner measures the time).
  mutating func evaluate(_ cell: Cell) -> CellResult
  /// The display text of an inline value's expression against the current state, which it
  /// leaves unchanged, or the diagnostic that stopped it.
  mutating func evaluateInline(_ expression: InlineExpression, file: String)
    -> Result<String, Diagnostic>
  /// The state after the cells evaluated so far, serialised.
  func snapshot() throws -> Data
  /// Replaces the state with one from `snapshot()`.
  mutating func restore(from snapshot: Data) throws
  /// Throws unless a cell may write `path` (as `filesWritten` named it) now: the cache checks
  /// each file it restores against the sandbox again.
  func checkWritable(_ path: String) throws
}

extension CellEvaluating {
  /// An evaluator whose cells write no files refuses every restored file.
  package func checkWritable(_ path: String) throws {
    throw RunsError("cannot restore \(path) from the cache: this evaluator writes no files")
  }
}
