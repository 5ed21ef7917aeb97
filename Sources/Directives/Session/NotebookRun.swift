import Notebook

/// What running a notebook's cells in order gave.
package struct NotebookRun: Sendable {
  package enum CellStatus: String, Sendable {
    case ok, failed, skipped
  }

  /// Each cell's evaluation, by `Cell.index` (skipped cells have none).
  package var evaluations: [Int: CellEvaluation] = [:]
  package var statuses: [Int: CellStatus] = [:]

  /// Whether a cell failed that was not marked `error: true` (the run's exit status is then 1).
  package var failed: Bool = false
}

extension Session {
  /// Evaluates the cells in order. `eval: false` cells are skipped; a failing cell stops the run
  /// (later cells are skipped) unless it is marked `error: true`, whose failure is shown and the
  /// run goes on.
  ///
  /// - Parameter willEvaluate: called before each evaluated cell (for progress lines).
  package func run(
    _ cells: [Cell], willEvaluate: ((Cell) -> Void)? = nil,
    didEvaluate: ((Cell, CellEvaluation) -> Void)? = nil
  ) -> NotebookRun {
    var run = NotebookRun()
    for cell in cells {
      guard cell.options.eval, !run.failed else {
        run.statuses[cell.index] = .skipped
        continue
      }
      willEvaluate?(cell)
      let evaluation = evaluate(cell)
      run.evaluations[cell.index] = evaluation
      run.statuses[cell.index] = evaluation.failed ? .failed : .ok
      if evaluation.failed, !cell.options.error { run.failed = true }
      didEvaluate?(cell, evaluation)
    }
    return run
  }
}
