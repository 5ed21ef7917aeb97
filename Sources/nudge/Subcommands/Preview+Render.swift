import Directives
import Foundation
import Notebook
import Preview
import Report
import Runs

/// One render for the preview: the same steps as `render` (parse, check, run with the cache,
/// report), except that nothing but cache entries is written and every problem becomes a page
/// instead of an exit.
struct PreviewRenderer: Sendable {
  var notebook: String
  var layout: OutputLayout
  var overrides: [ParamOverride]
  var stepBudget: Int
  var showsProgress: Bool

  func render(_ progress: RenderProgress) -> RenderedPage {
    let startedAt = Date()
    let document: Document
    do {
      document = try Document.load(path: notebook)
    } catch {
      return problem("The notebook does not parse", [error.detailedDescription])
    }
    let errors = NotebookChecker().check(document).filter { $0.severity == .error }
    if !errors.isEmpty {
      let count = errors.count
      return problem(
        "\(count) problem\(count == 1 ? "" : "s") found; nothing was run",
        errors.map(\.detailedDescription))
    }
    let options = EvaluationOptions(
      stepBudget: stepBudget, showsProgress: showsProgress,
      shouldStop: { Interruption.isRequested },
      trainingProgress: { _, step in
        progress.trained(
          epoch: step.epoch, epochs: step.epochs, batch: step.batch, batches: step.batches)
      })
    let session: Session
    do {
      session = try Session(
        document: document, overrides: overrides, outputDirectory: layout.notebookDirectory,
        options: options)
    } catch {
      return problem("The -p overrides do not fit the notebook", [error.message])
    }
    let runner = Runner(
      document: document,
      params: Dictionary(uniqueKeysWithValues: session.params.map { ($0.name, $0.value) }),
      cache: CellCache(directory: layout.cacheDirectory), engineVersion: nudgeVersion,
      shouldStop: { Interruption.isRequested })
    var evaluator = ObservedEvaluator(
      base: SessionEvaluator(session: session), cellCount: document.cells.count,
      progress: progress)
    let outcome = runner.run(with: &evaluator)
    let html = reportHTML(
      document: document, outcome: outcome, params: session.params, startedAt: startedAt,
      details: [RunSummary.Detail("preview", "live")], unsafeHTML: false)
    let runs = document.cells.compactMap { cell in outcome.cells[cell.index].map { (cell, $0) } }
    return RenderedPage(
      html: html, outcome: outcome.status.rawValue,
      computed: runs.filter { !$0.1.cached && $0.1.status != .skipped && $0.1.status != .notRun }
        .map(\.0.id),
      cached: runs.filter(\.1.cached).count,
      watchedFiles: runs.flatMap(\.1.filesRead))
  }

  private func problem(_ headline: String, _ diagnostics: [String]) -> RenderedPage {
    RenderedPage(
      html: ProblemPage.html(notebookPath: notebook, headline: headline, diagnostics: diagnostics),
      outcome: "invalid", watchedFiles: [notebook])
  }
}

/// The session's evaluator, telling the preview which cell it computes.
private struct ObservedEvaluator: CellEvaluating {
  var base: SessionEvaluator
  let cellCount: Int
  let progress: RenderProgress

  func paramsReferenced(by cell: Cell) -> Set<String> { base.paramsReferenced(by: cell) }

  mutating func evaluate(_ cell: Cell) -> EvaluatedCell {
    progress.cellStarted(name: cell.id, number: cell.index + 1, count: cellCount)
    return base.evaluate(cell)
  }

  func snapshot() throws -> Data { try base.snapshot() }

  mutating func restore(from snapshot: Data) throws { try base.restore(from: snapshot) }
}
