import Foundation

/// How `nudge diff` names a run: a run folder, a run id, or `NOTEBOOK.md@N` (the N-th latest run
/// of that notebook; plain `NOTEBOOK.md` is `@1`).
package enum RunReference {
  package static func resolve(_ reference: String, outputDirectory: String) throws -> StoredRun {
    let fileManager = FileManager.default
    var isDirectory: ObjCBool = false
    if fileManager.fileExists(atPath: reference, isDirectory: &isDirectory), isDirectory.boolValue {
      return try RunStore.load(directory: reference).get()
    }
    if let (notebook, position) = notebookReference(reference) {
      let store = RunStore(
        layout: OutputLayout(notebookPath: notebook, outputDirectory: outputDirectory))
      let runs = store.list().runs
      guard !runs.isEmpty else {
        throw RunsError(
          "\(notebook) has no recorded runs in \(store.layout.runsDirectory); render it first with 'nudge render \(notebook)'"
        )
      }
      guard position >= 1, position <= runs.count else {
        throw RunsError(
          "\(reference): \(notebook) has \(runs.count) recorded run\(runs.count == 1 ? "" : "s"); use @1 to @\(runs.count)"
        )
      }
      return runs[position - 1]
    }
    let notebooks = (try? fileManager.contentsOfDirectory(atPath: outputDirectory)) ?? []
    for folder in notebooks.sorted() {
      let directory = "\(outputDirectory)/\(folder)/runs/\(reference)"
      if fileManager.fileExists(atPath: directory) {
        return try RunStore.load(directory: directory).get()
      }
    }
    throw RunsError(
      "no run '\(reference)': name a run folder, a run id from 'nudge runs NOTEBOOK.md', or NOTEBOOK.md@N"
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
