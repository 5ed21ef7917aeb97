import Directives
import Foundation
import Notebook
import Preview
import Report
import Runs
import Synchronization

/// One render for the preview: the same steps as `render` (parse, check, run with the cache,
/// report), except that nothing but cache entries is written and every problem becomes a page
/// instead of an exit.
struct PreviewRenderer: Sendable {
  var notebook: String
  var layout: OutputLayout
  var overrides: [ParamOverride]
  var stepBudget: Int
  var showsProgress: Bool
  /// One cache for every render: its entries and file digests stay in memory between saves.
  var cache: CellCache
  /// What earlier renders found that the next ones can reuse.
  let memory = PreviewMemory()

  func render(_ progress: RenderProgress) -> RenderedPage {
    let startedAt = Date()
    let document: Document
    do {
      document = try Document.load(path: notebook)
    } catch {
      return problem("The notebook does not parse", [error.detailedDescription])
    }
    let errors = checkErrors(document)
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
      cache: cache, engineVersion: nudgeVersion,
      shouldStop: { Interruption.isRequested })
    var evaluator = ObservedEvaluator(
      base: SessionEvaluator(session: session), cellCount: document.cells.count,
      progress: progress, memory: memory,
      paramNames: session.params.map(\.name).sorted())
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

  private func checkErrors(_ document: Document) -> [Diagnostic] {
    let checked = CheckedCells(document)
    if memory.cleanChecks.withLock({ $0.contains(checked) }) { return [] }
    let errors = NotebookChecker().check(document).filter { $0.severity == .error }
    if errors.isEmpty { memory.cleanChecks.withLock { _ = $0.insert(checked) } }
    return errors
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
  let memory: PreviewMemory
  let paramNames: [String]

  func paramsReferenced(by cell: Cell) -> Set<String> {
    let key = paramNames.joined(separator: ",") + "\n" + cell.source
    if let known = memory.referencedParams.withLock({ $0[key] }) { return known }
    let names = base.paramsReferenced(by: cell)
    memory.referencedParams.withLock { $0[key] = names }
    return names
  }

  mutating func evaluate(_ cell: Cell) -> EvaluatedCell {
    progress.cellStarted(name: cell.id, number: cell.index + 1, count: cellCount)
    return base.evaluate(cell)
  }

  func snapshot() throws -> Data { try base.snapshot() }

  mutating func restore(from snapshot: Data) throws { try base.restore(from: snapshot) }
}

/// What one render learns that the next can reuse; parsing cells is most of the cost of a render
/// whose cells all come from the cache.
final class PreviewMemory: Sendable {
  /// The params a cell refers to, by param names and cell source.
  let referencedParams = Mutex<[String: Set<String>]>([:])
  /// Cells and params that checked without errors. The checker reads nothing else, and a clean
  /// result holds no positions, so a prose edit that moves the cells needs no new check.
  let cleanChecks = Mutex<Set<CheckedCells>>([])
}

/// What the checker reads of a notebook: its params and its cells, wherever they stand.
struct CheckedCells: Hashable, Sendable {
  var params: [Param]
  var cells: [Cell]

  init(_ document: Document) {
    params = document.params
    cells = document.cells.map { cell in
      var placed = cell
      placed.sourceLine = 0
      placed.fenceLine = 0
      return placed
    }
  }
}
