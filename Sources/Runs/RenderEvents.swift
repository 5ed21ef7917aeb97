import NeuralNetwork
import Notebook

/// How a caller follows a render and stops it: progress as callbacks, interruption as a poll.
///
/// The callbacks run on the rendering thread, between cells; keep them short.
package struct RenderEvents: Sendable {
  /// True once the render should stop (Ctrl-C, SIGTERM, a cancelled request). Polled between
  /// cells and, by the engine, between mini-batches.
  package var shouldStop: @Sendable () -> Bool
  /// The run's id and folder, once the folder exists and before any cell runs.
  package var runStarted: @Sendable (_ id: String, _ directory: String) -> Void
  /// A cell is about to be looked up in the cache or evaluated.
  package var cellStarted: @Sendable (Cell) -> Void
  /// A cell has its result (also called for cells that are skipped or not run).
  package var cellFinished: @Sendable (Cell, CellResult) -> Void
  /// A mini-batch was trained, in the cell with this id (called often: keep it cheap).
  package var trainingProgress: (@Sendable (_ cellID: String, TrainingProgress) -> Void)?

  package init(
    shouldStop: @escaping @Sendable () -> Bool = { false },
    runStarted: @escaping @Sendable (_ id: String, _ directory: String) -> Void = { _, _ in },
    cellStarted: @escaping @Sendable (Cell) -> Void = { _ in },
    cellFinished: @escaping @Sendable (Cell, CellResult) -> Void = { _, _ in },
    trainingProgress: (@Sendable (_ cellID: String, TrainingProgress) -> Void)? = nil
  ) {
    self.shouldStop = shouldStop
    self.runStarted = runStarted
    self.cellStarted = cellStarted
    self.cellFinished = cellFinished
    self.trainingProgress = trainingProgress
  }
}
