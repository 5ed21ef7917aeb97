import Foundation
import Notebook

extension RunRecord {
  /// The record a render writes when it starts: status `running`, no cell run yet, an empty
  /// `finishedAt`. The final record replaces it, so a listing shows renders still in flight and
  /// a render killed outright is seen to have never finished.
  package static func running(
    id: String, document: Document, notebookBytes: [UInt8], params: [String: ParamValue],
    startedAt: Date, engineVersion: String
  ) -> RunRecord {
    var record = RunRecord(
      id: id, document: document, notebookBytes: notebookBytes, params: params,
      outcome: RunOutcome(cells: [:], status: .running, warnings: []), startedAt: startedAt,
      finishedAt: startedAt, engineVersion: engineVersion)
    record.finishedAt = ""
    return record
  }
}
