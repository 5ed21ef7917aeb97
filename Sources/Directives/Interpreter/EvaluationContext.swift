import Notebook

/// What a directive may reach while a cell runs: where its outputs go, the files it may touch,
/// the step budget, and the hooks for progress and interruption.
package final class EvaluationContext {
  package let cellID: String
  package let fileAccess: FileAccess
  package private(set) var outputs: [CellOutput] = []
  /// Files the cell read or wrote, for the run cache's keys.
  package private(set) var filesRead: [String] = []
  package private(set) var filesWritten: [String] = []
  package let options: EvaluationOptions
  var stepsLeft: Int

  init(cellID: String, fileAccess: FileAccess, options: EvaluationOptions) {
    self.cellID = cellID
    self.fileAccess = fileAccess
    self.options = options
    self.stepsLeft = options.stepBudget
  }

  package func emit(_ output: CellOutput) { outputs.append(output) }

  /// Records a headline number as `<cell id>.<name>`.
  package func metric(_ name: String, _ value: Double) {
    outputs.append(.metric(name: "\(cellID).\(name)", value: value))
  }

  /// Records a sequence as `<cell id>.<name>`.
  package func series(_ name: String, _ values: [Double]) {
    outputs.append(.series(name: "\(cellID).\(name)", values: values))
  }

  package func noteRead(_ path: String) { filesRead.append(path) }
  package func noteWrite(_ path: String) { filesWritten.append(path) }

  /// Counts one step of work; a runaway loop stops here with a clear error, and so does a loop
  /// running when the run is asked to stop (Ctrl-C, or SIGTERM from a batch scheduler).
  @inline(__always)
  func step(at position: Position) throws(EvaluationError) {
    stepsLeft -= 1
    if stepsLeft < 0 {
      throw EvaluationError(
        "the cell exceeded its step budget of \(options.stepBudget) steps (a loop that runs too long?); raise it with '--step-budget' if the work is intended",
        at: position)
    }
    // Every 1024 steps: soon enough for a stop request, rarely enough that the poll costs little.
    if stepsLeft & 1023 == 0, let shouldStop = options.shouldStop, shouldStop() {
      throw EvaluationError(
        "stopped here: the run was interrupted (Ctrl-C or SIGTERM)", at: position)
    }
  }
}

/// Settings that hold for a whole run.
package struct EvaluationOptions: Sendable {
  /// Statements and loop iterations a cell may execute.
  package var stepBudget: Int
  /// Whether training may draw a progress bar (on a terminal, without `-q`).
  package var showsProgress: Bool
  /// Polled between mini-batches so Ctrl-C can finish training early.
  package var shouldStop: (@Sendable () -> Bool)?

  package init(
    stepBudget: Int = 1_000_000, showsProgress: Bool = false,
    shouldStop: (@Sendable () -> Bool)? = nil
  ) {
    self.stepBudget = stepBudget
    self.showsProgress = showsProgress
    self.shouldStop = shouldStop
  }
}
