import Foundation
import Notebook

extension RunRecord {
  /// The record of a finished run of `document`.
  package init(
    id: String, document: Document, notebookBytes: [UInt8], params: [String: ParamValue],
    outcome: RunOutcome,
    startedAt: Date, finishedAt: Date, engineVersion: String
  ) {
    self.init(
      id: id,
      notebook: NotebookIdentity(path: document.path, sha256: SHA256.hex(bytes: notebookBytes)),
      params: params, startedAt: RunID.timestamp(startedAt),
      finishedAt: RunID.timestamp(finishedAt),
      status: outcome.status, engine: Engine(version: engineVersion), host: .current,
      cells: document.cells.map { cell in
        CellRecord(outcome.cells[cell.index] ?? CellResult(status: .notRun), of: cell)
      },
      metrics: outcome.metrics, series: outcome.series)
  }

  /// The headline metrics for listings: accuracy and cost figures first, at most `limit`.
  package func headlineMetrics(limit: Int = 3) -> [(name: String, value: Double)] {
    let ranked = metrics.sorted { a, b in
      let (ra, rb) = (Self.rank(a.key), Self.rank(b.key))
      return ra != rb ? ra < rb : a.key < b.key
    }
    return ranked.prefix(limit).map { ($0.key, $0.value) }
  }

  private static func rank(_ name: String) -> Int {
    if name.hasSuffix(".accuracy") { return 0 }
    if name.hasSuffix("cost") { return 1 }
    if name.contains("relative_error") { return 2 }
    return 3
  }
}
