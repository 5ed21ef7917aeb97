import Foundation
import Notebook

/// A recorded run: its folder and its record.
package struct StoredRun: Hashable, Sendable {
  package var directory: String
  package var record: RunRecord

  package var reportPath: String { "\(directory)/report.html" }
}

/// Reads and writes a notebook's runs under its `OutputLayout`.
package struct RunStore: Sendable {
  package var layout: OutputLayout

  package init(layout: OutputLayout) { self.layout = layout }

  /// Creates a fresh, empty run folder with a new id. `mkdir` fails when the folder exists, so two
  /// renders at once never share a folder.
  package func createRun(at date: Date = Date()) throws -> (id: String, directory: String) {
    try FileManager.default.createDirectory(
      atPath: layout.runsDirectory, withIntermediateDirectories: true)
    for _ in 0..<100 {
      let id = RunID.make(at: date)
      let directory = layout.runDirectory(id: id)
      if mkdir(directory, 0o755) == 0 { return (id, directory) }
      if errno != EEXIST {
        throw RunsError(
          "cannot create the run folder \(directory): \(String(cString: strerror(errno)))")
      }
    }
    throw RunsError("cannot find a free run id in \(layout.runsDirectory)")
  }

  /// Writes a run's report and record, each atomically, then makes the report the latest. When
  /// that fails (a full disk, say) the run folder is removed, so no half-made run is listed.
  package func save(record: RunRecord, reportHTML: String, in directory: String) throws {
    do {
      try AtomicFile.write(reportHTML, to: "\(directory)/report.html")
      try save(record: record, in: directory)
    } catch {
      discard(directory)
      throw error
    }
    try AtomicFile.write(reportHTML, to: layout.latestReportPath)
  }

  /// Removes a run folder that could not be completed. Best effort: the caller reports the
  /// error that made the run fail, which says more than a failure to clean up would.
  package func discard(_ directory: String) {
    try? FileManager.default.removeItem(atPath: directory)
  }

  /// Writes only the run's record, atomically (alone: the `running` record of a render that starts).
  package func save(record: RunRecord, in directory: String) throws {
    try AtomicFile.write(
      try StableJSON.encode(record, pretty: true) + [0x0A], to: "\(directory)/run.json")
  }

  /// The recorded runs, newest first, and a message for each folder whose record could not be
  /// trusted (missing, corrupt, foreign or of another schema): those are skipped, never used.
  package func list() -> (runs: [StoredRun], problems: [String]) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: layout.runsDirectory)) ?? []
    var runs: [StoredRun] = []
    var problems: [String] = []
    for name in names.sorted(by: >) where !name.hasPrefix(".") {
      let directory = layout.runDirectory(id: name)
      switch Self.load(directory: directory) {
      case .success(var run):
        if run.record.status == .running, run.record.process?.hasEnded == true {
          run.record.status = .interrupted
        }
        runs.append(run)
      case .failure(let error): problems.append(error.message)
      }
    }
    return (runs, problems)
  }

  /// Reads one run folder's `run.json`, checking that it is a Nudge record of a known schema.
  package static func load(directory: String) -> Result<StoredRun, RunsError> {
    let path = "\(directory)/run.json"
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(RunsError("\(path): no run record here (skipped)"))
    }
    if let probe = try? StableJSON.decode(SchemaProbe.self, from: Array(data)),
      probe.schema != RunRecord.currentSchema
    {
      return .failure(
        RunsError(
          "\(path): run record schema \(probe.schema) is not the \(RunRecord.currentSchema) this nudge reads (skipped)"
        ))
    }
    do {
      let record = try StableJSON.decode(RunRecord.self, from: Array(data))
      return .success(StoredRun(directory: directory, record: record))
    } catch {
      return .failure(
        RunsError("\(path): not a valid Nudge run record (skipped): \(Self.describe(error))"))
    }
  }

  private struct SchemaProbe: Decodable { var schema: Int }

  private static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, _): "missing field '\(key.stringValue)'"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      "unexpected value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
    case DecodingError.dataCorrupted: "the file is not valid JSON"
    default: "\(error)"
    }
  }
}
