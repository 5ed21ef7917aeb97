import Notebook

/// What a render did, as a value: the run's id and status, where its files are, the params it
/// used, its metrics and its cells. Codable, so a sweep's child process hands it to the parent
/// as JSON (`nudge render --report-json PATH`).
package struct RenderedRun: Codable, Hashable, Sendable {
  package var id: String
  package var status: RunStatus
  /// `output/<stem>/runs/<id>`, holding `run.json` and `report.html`.
  package var runDirectory: String
  /// `output/<stem>.html`, the latest report.
  package var latestReportPath: String
  /// The params after the `-p` overrides.
  package var params: [String: ParamValue]
  /// Every metric the cells recorded, by name.
  package var metrics: [String: Double]
  /// Each cell's status, cache use, time and outputs summary, as in the record.
  package var cells: [RunRecord.CellRecord]
  /// Cache entries that could not be trusted or stored; the run went on without them.
  package var warnings: [String]
  /// The errors of failed cells, each as a compiler-style message (`FILE:LINE:COL: error: ...`).
  package var failures: [String]

  package var recordPath: String { "\(runDirectory)/run.json" }
  package var reportPath: String { "\(runDirectory)/report.html" }
}
