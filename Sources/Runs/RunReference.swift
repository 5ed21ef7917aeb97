import Foundation

/// How `nudge diff` names a run: a run folder, a run id, or `NOTEBOOK.md@N` (the N-th latest run
/// of that notebook; plain `NOTEBOOK.md` is `@1`).
package enum RunReference {
  package static func resolve(_ reference: String, outputDirectory: String) throws -> StoredRun {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    if fileManager.fileExists(atPath: reference, isDirectory: &isDirectory), isDirectory.boolValue {
      return try finished(RunStore.load(directory: reference).get(), named: reference)
    }
    if let (notebook, position) = notebookReference(reference) {
      let store = RunStore(
        layout: OutputLayout(notebookPath: notebook, outputDirectory: outputDirectory))
      let runs = store.list().runs
      // A run still in flight has no results yet: @N counts finished runs only, as
      // `nudge runs` numbers them.
      let finished = runs.filter { $0.record.status != .running }
      let running = runs.count - finished.count
      let stillRunning =
        running == 0
        ? ""
        : " (\(running) more still running: wait for \(running == 1 ? "it" : "them") to finish)"
      guard !finished.isEmpty else {
        throw RunsError(
          "\(notebook) has no finished runs in \(store.layout.runsDirectory)\(stillRunning); render it first with 'nudge render \(notebook)'"
        )
      }
      guard position >= 1, position <= finished.count else {
        throw RunsError(
          "\(reference): \(notebook) has \(finished.count) finished run\(finished.count == 1 ? "" : "s")\(stillRunning); use @1 to @\(finished.count)"
        )
      }
      return finished[position - 1]
    }
    let notebooks = (try? fileManager.contentsOfDirectory(atPath: outputDirectory)) ?? []
    for folder in notebooks.sorted() {
      let directory = "\(outputDirectory)/\(folder)/runs/\(reference)"
      if fileManager.fileExists(atPath: directory) {
        return try finished(RunStore.load(directory: directory).get(), named: reference)
      }
    }
    throw RunsError(
      "no run '\(reference)': name a run folder, a run id from 'nudge runs NOTEBOOK.md', or NOTEBOOK.md@N"
    )
  }

  /// `run`, unless it is still running (its process alive, or on another host): then its record
  /// has no results to compare yet. A `running` record whose process is gone was cut short, as
  /// `RunStore.list` says too.
  private static func finished(_ run: StoredRun, named reference: String) throws -> StoredRun {
    guard run.record.status == .running else { return run }
    if run.record.process?.hasEnded == true {
      var ended = run
      ended.record.status = .interrupted
      return ended
    }
    throw RunsError(
      "run '\(reference)' is still running: it has no results to compare yet; wait for it to finish (see 'nudge runs NOTEBOOK.md')"
    )
  }

  /// Splits `notebooks/x.md@2` into the notebook path and the position (1 when absent).
  private static func notebookReference(_ reference: String) -> (String, Int)? {
    var path = reference
    var position = 1
    if let at = reference.lastIndex(of: "@") {
      guard let number = Int(reference[reference.index(after: at)...]) else { return nil }
      path = String(reference[..<at])
      position = number
    }
    return path.hasSuffix(".md") ? (path, position) : nil
  }
}
