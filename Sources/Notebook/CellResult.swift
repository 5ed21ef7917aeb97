/// What running one cell gave, on its whole way from the evaluator through the runner and the
/// cache to the run record and the report: how it ended, what it produced, how long it took, and
/// what it depended on.
package struct CellResult: Hashable, Sendable {
  package enum Status: String, Codable, Hashable, Sendable {
    /// The cell ran to its end.
    case ok
    /// The cell stopped with an error (shown among its outputs).
    case failed
    /// The cell was cut short by Ctrl-C or SIGTERM; its outputs may be partial.
    case interrupted
    /// `eval: false`: the cell is shown but never evaluated.
    case skipped
    /// An earlier cell failed or the run was interrupted before this cell.
    case notRun = "not-run"
  }

  package var status: Status
  /// True when the outputs were restored from the cell cache instead of being computed.
  package var cached: Bool
  package var outputs: [CellOutput]
  /// The error that stopped the cell (also the last of `outputs`); nil for a cell that ran to
  /// its end and for one restored from the cache.
  package var error: Diagnostic?
  /// Wall-clock time of the evaluation (or of the cache lookup).
  package var seconds: Double
  /// Data files the cell read (paths as opened), for the cache's validity check.
  package var filesRead: [String]
  /// Files the cell wrote (absolute paths), restored with its outputs when taken from the cache.
  package var filesWritten: [String]
  /// Front-matter params the evaluation read (empty when restored from the cache).
  package var paramsRead: Set<String>
  /// Variables of earlier cells the evaluation read (empty when restored from the cache).
  package var variablesRead: Set<String>

  package init(
    status: Status, cached: Bool = false, outputs: [CellOutput] = [], error: Diagnostic? = nil,
    seconds: Double = 0, filesRead: [String] = [], filesWritten: [String] = [],
    paramsRead: Set<String> = [], variablesRead: Set<String> = []
  ) {
    self.status = status
    self.cached = cached
    self.outputs = outputs
    self.error = error
    self.seconds = seconds
    self.filesRead = filesRead
    self.filesWritten = filesWritten
    self.paramsRead = paramsRead
    self.variablesRead = variablesRead
  }

  /// Whether the cell was evaluated or restored (and so has outputs and a time worth showing).
  package var ran: Bool {
    switch status {
    case .ok, .failed, .interrupted: true
    case .skipped, .notRun: false
    }
  }
}
