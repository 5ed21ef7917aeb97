import Notebook

/// `run.json`: what one render of a notebook did, in the versioned schema documented in
/// `docs/run-record.md`.
///
/// It holds nothing that changes between identical runs except `startedAt`, `finishedAt` and the
/// cells' `seconds`, so two runs with the same inputs differ only there.
package struct RunRecord: Codable, Hashable, Sendable {
  /// The schema this code writes; records with another schema are reported and skipped.
  package static let currentSchema = 1

  package enum Status: String, Codable, Sendable {
    case ok, failed, interrupted
  }

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

  package struct CellRecord: Codable, Hashable, Sendable {
    package enum Status: String, Codable, Sendable {
      case ok, failed, skipped
      case notRun = "not-run"
    }
    package var index: Int
    package var name: String
    package var line: Int
    package var status: Status
    package var cached: Bool
    package var seconds: Double
    package var outputs: OutputSummary
  }

  /// Enough about a cell's outputs to tell whether two runs produced the same thing.
  package struct OutputSummary: Codable, Hashable, Sendable {
    /// How many outputs of each kind (`text`, `figure`, ...).
    package var counts: [String: Int]
    /// SHA-256 of the outputs' canonical JSON.
    package var sha256: String
  }

  package var schema: Int = currentSchema
  package var id: String
  package var notebook: NotebookIdentity
  package var params: [String: ParamValue]
  package var startedAt: String
  package var finishedAt: String
  package var status: Status
  package var engine: Engine
  package var host: Host
  package var cells: [CellRecord]
  package var metrics: [String: Double]
  package var series: [String: [Double]]
}

extension RunRecord.OutputSummary {
  /// Summarises outputs by kind and by a digest of their stable JSON encoding.
  package init(_ outputs: [CellOutput]) {
    var counts: [String: Int] = [:]
    for output in outputs { counts[output.kindName, default: 0] += 1 }
    let encoded = (try? StableJSON.encode(outputs)) ?? []
    self.init(counts: counts, sha256: SHA256.hex(bytes: encoded))
  }
}

extension CellOutput {
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
