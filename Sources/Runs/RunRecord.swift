import Notebook

/// `run.json`: what one render of a notebook did, in the versioned schema documented in
/// `docs/run-record.md`.
///
/// It holds nothing that changes between identical runs except `startedAt`, `finishedAt` and the
/// cells' `seconds`, so two runs with the same inputs differ only there.
package struct RunRecord: Codable, Hashable, Sendable {
  /// The schema this code writes; records with another schema are reported and skipped.
  package static let currentSchema = 1

  package struct NotebookIdentity: Codable, Hashable, Sendable {
    package var path: String
    package var sha256: String
  }

  package struct Engine: Codable, Hashable, Sendable {
    package var version: String
  }

  package struct Host: Codable, Hashable, Sendable {
    package var os: String
    package var cpu: String
    package var cores: Int
  }

  /// A cell's `CellResult` as the record keeps it (the JSON of schema 1): its place, how it
  /// ended, and its outputs summarised, not stored; made by `init(_:of:)`.
  package struct CellRecord: Codable, Hashable, Sendable {
    package var index: Int
    package var name: String
    package var line: Int
    package var status: CellResult.Status
    package var cached: Bool
    package var seconds: Double
    package var outputs: OutputSummary
  }

  /// Enough about a cell's outputs to tell whether two runs produced the same thing.
  package struct OutputSummary: Codable, Hashable, Sendable {
    /// How many outputs of each kind (`text`, `figure`, ...).
    package var counts: [String: Int]
    /// SHA-256 of the outputs' kinds and contents, each field length-prefixed.
    package var sha256: String
  }

  package var schema: Int = currentSchema
  package var id: String
  package var notebook: NotebookIdentity
  package var params: [String: ParamValue]
  package var startedAt: String
  package var finishedAt: String
  package var status: RunStatus
  package var engine: Engine
  package var host: Host
  package var cells: [CellRecord]
  package var metrics: [String: Double]
  package var series: [String: [Double]]
  /// The batch scheduler's job, task and node, when a scheduler ran the render (absent otherwise).
  package var scheduler: SchedulerTask? = nil
  /// The process writing a `running` record (absent from final records): a listing shows a
  /// running record whose process has ended (killed outright) as interrupted.
  package var process: RunProcess? = nil
}

extension RunRecord.CellRecord {
  /// What the record keeps of `result`, the result of `cell`: the cell's place, how it ended,
  /// and its outputs as a summary (the outputs themselves are in the report and the cache).
  package init(_ result: CellResult, of cell: Cell) {
    self.init(
      index: cell.index, name: cell.id, line: cell.fenceLine, status: result.status,
      cached: result.cached, seconds: (result.seconds * 1000).rounded() / 1000,
      outputs: RunRecord.OutputSummary(result.outputs))
  }
}

extension RunRecord.OutputSummary {
  /// Summarises outputs by kind and by a digest of their content.
  package init(_ outputs: [CellOutput]) {
    var counts: [String: Int] = [:]
    var hasher = SHA256()
    for output in outputs {
      counts[output.kindName, default: 0] += 1
      output.digest(into: &hasher)
    }
    self.init(counts: counts, sha256: hasher.hexDigest())
  }
}

extension CellOutput {
  /// Feeds the output's kind and content to `hasher`, each field length-prefixed so that no two
  /// different outputs hash alike.
  func digest(into hasher: inout SHA256) {
    func text(_ value: String) {
      hasher.update("\(value.utf8.count):")
      hasher.update(value)
    }
    func numbers(_ values: [Double]) {
      hasher.update("\(values.count):")
      var bytes: [UInt8] = []
      bytes.reserveCapacity(values.count * 8)
      for value in values {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
      }
      hasher.update(bytes)
    }
    text(kindName)
    switch self {
    case .text(let value), .value(let value): text(value)
    case .table(let table):
      text(table.caption ?? "")
      numbers([Double(table.columns.count), Double(table.rows.count)])
      for cell in table.columns + table.rows.flatMap({ $0 }) { text(cell) }
    case .figure(let figure):
      text(figure.svg)
      text(figure.caption ?? "")
    case .metric(let name, let value):
      text(name)
      numbers([value])
    case .series(let name, let values):
      text(name)
      numbers(values)
    case .error(let diagnostic): text(diagnostic.detailedDescription)
    }
  }

  /// The output's kind as the run record names it.
  package var kindName: String {
    switch self {
    case .text: "text"
    case .value: "value"
    case .table: "table"
    case .figure: "figure"
    case .metric: "metric"
    case .series: "series"
    case .error: "error"
    }
  }
}
