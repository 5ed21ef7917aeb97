import Foundation
import Notebook

/// What the runner needs of an interpreter: evaluate cells in order, say what they read, and
/// save and restore its state so cached cells can be skipped.
package protocol CellEvaluating {
  /// The params a cell refers to, found without running it; part of the cell's cache key.
  func paramsReferenced(by cell: Cell) -> Set<String>
  /// Evaluates one cell against the current state.
  mutating func evaluate(_ cell: Cell) -> EvaluatedCell
  /// The state after the cells evaluated so far, serialised.
  func snapshot() throws -> Data
  /// Replaces the state with one from `snapshot()`.
  mutating func restore(from snapshot: Data) throws
}

/// One cell's evaluation.
package struct EvaluatedCell: Sendable {
  package var outputs: [CellOutput]
  package var failed: Bool
  /// Data files the cell read (paths as opened), for cache validity.
  package var filesRead: [String]

  package init(outputs: [CellOutput], failed: Bool, filesRead: [String] = []) {
    self.outputs = outputs
    self.failed = failed
    self.filesRead = filesRead
  }
}
