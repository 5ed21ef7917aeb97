import Notebook

/// What running one cell gave: how it ended, what it produced, and how long it took.
///
/// The runner fills one per evaluated cell and hands them to `HTMLReport` keyed by
/// `Cell.index`; the report needs nothing else from the run to show them.
package struct CellResult: Hashable, Sendable {
  package enum Status: String, Hashable, Sendable, Codable {
    /// The cell ran to its end.
    case ok
    /// The cell stopped with an error (shown among its outputs).
    case failed
    /// The cell was not evaluated (`eval: false`, or an earlier cell failed).
    case skipped
    /// The outputs were restored from the cache instead of being computed.
    case cached
  }

  package var status: Status
  package var outputs: [CellOutput]
  /// Wall-clock time of the evaluation, when it ran.
  package var seconds: Double?

  package init(status: Status, outputs: [CellOutput] = [], seconds: Double? = nil) {
    self.status = status
    self.outputs = outputs
    self.seconds = seconds
  }
}
