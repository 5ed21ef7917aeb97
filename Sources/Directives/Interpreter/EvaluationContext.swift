import NeuralNetwork
import Notebook

/// What a directive may reach while a cell runs: where its outputs go, the files it may touch,
/// and the hooks for progress and interruption.
package final class EvaluationContext {
  package let cellID: String
  package let fileAccess: FileAccess
  package private(set) var outputs: [CellOutput] = []
  /// About how many bytes `outputs` hold, checked against `options.outputLimit` as the cell runs.
  package private(set) var outputBytes = 0
  /// Files the cell read or wrote, for the run cache's keys.
  package private(set) var filesRead: [String] = []
  package private(set) var filesWritten: [String] = []
  package let options: EvaluationOptions

  init(cellID: String, fileAccess: FileAccess, options: EvaluationOptions) {
    self.cellID = cellID
    self.fileAccess = fileAccess
    self.options = options
  }

  package func emit(_ output: CellOutput) {
    outputBytes += output.approximateBytes
    outputs.append(output)
  }

  /// Records a headline number as `<cell id>.<name>`.
  package func metric(_ name: String, _ value: Double) {
    emit(.metric(name: "\(cellID).\(name)", value: value))
  }

  /// Records a sequence as `<cell id>.<name>`.
  package func series(_ name: String, _ values: [Double]) {
    emit(.series(name: "\(cellID).\(name)", values: values))
  }

  /// A file the cell wrote before reading it back is not something it depends on: what it reads
  /// is what it computed (and the cache restores the file with the cell).
  package func noteRead(_ path: String) {
    if !filesWritten.contains(path) { filesRead.append(path) }
  }
  package func noteWrite(_ path: String) { filesWritten.append(path) }
}

/// Settings that hold for a whole run.
package struct EvaluationOptions: Sendable {
  /// Generous: the lesson's longest training cell takes a few minutes.
  package static let defaultCellTimeout: Double = 3600

  /// Enough for any report a reader can use; a cell printing in a loop that never ends would
  /// otherwise fill the memory long before its time limit stops it.
  package static let defaultOutputLimit = 4 << 20

  /// How long one cell may run, in seconds, unless its `timeout` option says otherwise.
  package var cellTimeout: Double
  /// About how many bytes of output (text, tables, figures, metrics) one cell may make.
  package var outputLimit: Int
  /// The largest string or array a cell may build, in bytes (see `ValueLimits`).
  package var valueLimit = ValueLimits.defaultBytes
  /// Whether training may draw a progress bar (on a terminal, without `-q`).
  package var showsProgress: Bool
  /// Polled between mini-batches so Ctrl-C can finish training early.
  package var shouldStop: (@Sendable () -> Bool)?
  /// Told of every trained mini-batch with the training cell's id (the live preview shows it).
  package var trainingProgress: (@Sendable (_ cellID: String, TrainingProgress) -> Void)?

  package init(
    cellTimeout: Double = EvaluationOptions.defaultCellTimeout,
    outputLimit: Int = EvaluationOptions.defaultOutputLimit, showsProgress: Bool = false,
    shouldStop: (@Sendable () -> Bool)? = nil,
    trainingProgress: (@Sendable (_ cellID: String, TrainingProgress) -> Void)? = nil
  ) {
    self.cellTimeout = cellTimeout
    self.outputLimit = outputLimit
    self.showsProgress = showsProgress
    self.shouldStop = shouldStop
    self.trainingProgress = trainingProgress
  }
}
