import Foundation

/// Where a notebook's outputs live: the latest report beside the notebook's folder of runs.
///
/// `output/backprop.html` is the latest report of `notebooks/backprop.md`; every run also lives in
/// `output/backprop/runs/<run-id>/` with `run.json` and `report.html`; the cell cache is in
/// `output/backprop/cache/`.
package struct OutputLayout: Hashable, Sendable {
  package var outputDirectory: String
  package var stem: String

  package init(notebookPath: String, outputDirectory: String = "output") {
    self.outputDirectory = outputDirectory
    self.stem = URL(fileURLWithPath: notebookPath).deletingPathExtension().lastPathComponent
  }

  package var latestReportPath: String { "\(outputDirectory)/\(stem).html" }
  package var notebookDirectory: String { "\(outputDirectory)/\(stem)" }
  package var runsDirectory: String { "\(notebookDirectory)/runs" }
  package var cacheDirectory: String { "\(notebookDirectory)/cache" }

  package func runDirectory(id: String) -> String { "\(runsDirectory)/\(id)" }
}

/// A problem with recorded runs, said with the path it concerns.
package struct RunsError: Error, CustomStringConvertible, Hashable, Sendable {
  package var message: String
  package init(_ message: String) { self.message = message }
  package var description: String { message }
}
