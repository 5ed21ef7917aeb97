import Directives
import Foundation
import Notebook
import Preview
import Runs

/// One render for the preview: the library's render pipeline without a record, with every
/// problem turned into a page instead of an exit.
struct PreviewRenderer: Sendable {
  var notebook: String
  var outputDirectory: String
  var overrides: [ParamOverride]
  var cellTimeout: Double
  var showsProgress: Bool
  /// One cache for every render: its entries and file digests stay in memory between saves.
  var cache: CellCache
  /// Which cells checked clean and which params each cell refers to, found once.
  let memory = RenderMemory()

  func render(_ progress: RenderProgress) -> RenderedPage {
    let document: Document
    do {
      document = try Document.load(path: notebook)
    } catch {
      return problem("The notebook does not parse", [error.detailedDescription])
    }
    let count = document.cells.count
    var request = RenderRequest(
      document: document, overrides: overrides, outputDirectory: outputDirectory,
      cellTimeout: cellTimeout, showsTrainingProgress: showsProgress)
    request.cache = cache
    request.memory = memory
    let events = RenderEvents(
      shouldStop: { Interruption.isRequested },
      cellStarted: { cell in
        progress.cellStarted(name: cell.id, number: cell.index + 1, count: count)
      },
      trainingProgress: { _, step in
        progress.trained(
          epoch: step.epoch, epochs: step.epochs, batch: step.batch, batches: step.batches)
      })
    let rendered: (html: String, outcome: RunOutcome)
    do {
      rendered = try RenderPipeline.renderUnrecorded(request, events: events)
    } catch {
      let diagnostics = error.diagnostics.map(\.detailedDescription)
      return problem(
        error.reason, diagnostics.isEmpty ? ["\(notebook): error: \(error.reason)"] : diagnostics)
    }
    let runs = document.cells.compactMap { cell in
      rendered.outcome.cells[cell.index].map { (cell, $0) }
    }
    return RenderedPage(
      html: rendered.html, outcome: rendered.outcome.status.rawValue,
      computed: runs.filter { !$0.1.cached && $0.1.ran }.map(\.0.id),
      cached: runs.filter(\.1.cached).count,
      watchedFiles: runs.flatMap(\.1.filesRead))
  }

  private func problem(_ headline: String, _ diagnostics: [String]) -> RenderedPage {
    RenderedPage(
      html: ProblemPage.html(notebookPath: notebook, headline: headline, diagnostics: diagnostics),
      outcome: "invalid", watchedFiles: [notebook])
  }
}
