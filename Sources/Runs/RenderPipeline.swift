import Directives
import Foundation
import Notebook
import Report

/// Renders a notebook: the one call behind `nudge render`, each run of a sweep, batch tasks and
/// the preview server.
///
/// ```swift
/// let document = try Document.load(path: "notebooks/backprop.md")
/// let run = try RenderPipeline.render(
///   RenderRequest(document: document, overrides: [ParamOverride(name: "epochs", text: "3")]),
///   events: RenderEvents(shouldStop: { Interruption.isRequested }))
/// print(run.status, run.latestReportPath, run.metrics)
/// ```
///
/// It checks the cells, applies the params, creates a fresh run folder, runs the cells through
/// the cell cache, then writes the report and `run.json` (each atomically) and makes the report
/// the latest. A cell that fails is a `failed` run, not a thrown error; Ctrl-C (via
/// `events.shouldStop`) is an `interrupted` run whose record and report are still written.
package enum RenderPipeline {
  package static func render(_ request: RenderRequest, events: RenderEvents = RenderEvents())
    throws(RenderError) -> RenderedRun
  {
    let document = request.document
    let session = try checkedSession(for: request, events: events)
    let bytes = try notebookBytes(document.path)
    let layout = request.layout
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: request.outputDirectory, isDirectory: &isFolder),
      !isFolder.boolValue
    {
      throw RenderError(
        .cannotWrite, location: request.outputDirectory,
        reason:
          "cannot write \(layout.latestReportPath): '\(request.outputDirectory)' is not a folder")
    }

    do {
      try layout.claim(for: document.path)
    } catch {
      throw RenderError(.cannotWrite, location: layout.notebookDirectory, reason: "\(error)")
    }

    let store = RunStore(layout: layout)
    let startedAt = Date()
    let (id, directory): (String, String)
    do {
      (id, directory) = try store.createRun(at: startedAt)
    } catch {
      throw RenderError(.cannotWrite, location: layout.runsDirectory, reason: "\(error)")
    }
    let params = Dictionary(uniqueKeysWithValues: session.params.map { ($0.name, $0.value) })
    // A `running` record first, so that listings show the run in flight.
    var running = RunRecord.running(
      id: id, document: document, notebookBytes: bytes, params: params, startedAt: startedAt,
      engineVersion: request.engineVersion)
    running.scheduler = request.scheduler
    running.process = .current
    do {
      try store.save(record: running, in: directory)
    } catch {
      store.discard(directory)
      throw RenderError(.cannotWrite, location: directory, reason: "\(error)")
    }
    events.runStarted(id, directory)

    let outcome = run(request, session: session, events: events)

    var record = RunRecord(
      id: id, document: document, notebookBytes: bytes, params: params,
      outcome: outcome, startedAt: startedAt, finishedAt: Date(),
      engineVersion: request.engineVersion)
    record.scheduler = request.scheduler
    let page = reportHTML(
      request, outcome: outcome, params: session.params, startedAt: startedAt,
      details: [RunSummary.Detail("run", id)])
    do {
      try store.save(record: record, reportHTML: page, in: directory)
    } catch {
      throw RenderError(.cannotWrite, location: directory, reason: "\(error)")
    }

    return RenderedRun(
      id: id, status: outcome.status, runDirectory: directory,
      latestReportPath: layout.latestReportPath, params: params, metrics: record.metrics,
      cells: record.cells, warnings: outcome.warnings,
      failures: document.cells.flatMap { cell in
        (outcome.cells[cell.index]?.outputs ?? []).compactMap { output in
          if case .error(let diagnostic) = output { diagnostic.detailedDescription } else { nil }
        }
      })
  }

  /// The session for a request's notebook, once its cells and prose check without errors and
  /// its params accept the overrides.
  static func checkedSession(for request: RenderRequest, events: RenderEvents)
    throws(RenderError) -> Session
  {
    let document = request.document
    let cellFindings =
      request.memory?.checkedClean(document) == true ? [] : NotebookChecker().check(document)
    let findings = (cellFindings + document.proseDiagnostics()).filter { $0.severity == .error }
    if !cellFindings.contains(where: { $0.severity == .error }) {
      request.memory?.rememberClean(document)
    }
    if !findings.isEmpty {
      let count = findings.count
      throw RenderError(
        .notebookHasErrors, location: document.path,
        reason:
          "\(count) problem\(count == 1 ? "" : "s") found in \(document.path); nothing was run",
        diagnostics: findings)
    }
    do {
      return try Session(
        document: document, overrides: request.overrides,
        outputDirectory: request.layout.notebookDirectory,
        options: EvaluationOptions(
          cellTimeout: request.cellTimeout, showsProgress: request.showsTrainingProgress,
          shouldStop: events.shouldStop, trainingProgress: events.trainingProgress))
    } catch {
      throw RenderError(.badParam, location: document.path, reason: error.message)
    }
  }

  /// Runs the cells through the cell cache (the request's own, if it brings one).
  static func run(_ request: RenderRequest, session: Session, events: RenderEvents) -> RunOutcome {
    let runner = Runner(
      document: request.document,
      params: Dictionary(uniqueKeysWithValues: session.params.map { ($0.name, $0.value) }),
      cache: request.usesCache
        ? (request.cache ?? CellCache(directory: request.layout.cacheDirectory)) : nil,
      engineVersion: request.engineVersion, events: events)
    let evaluator = SessionEvaluator(session: session)
    guard let memory = request.memory else {
      var plain = evaluator
      return runner.run(with: &plain)
    }
    var remembering = RememberingEvaluator(
      base: evaluator, memory: memory, paramNames: session.params.map(\.name))
    return runner.run(with: &remembering)
  }

  static func reportHTML(
    _ request: RenderRequest, outcome: RunOutcome, params: [Param], startedAt: Date,
    details: [RunSummary.Detail]
  ) -> String {
    var report = HTMLReport(
      document: request.document, results: outcome.cells,
      run: RunSummary(
        status: outcome.status, date: RunID.timestamp(startedAt), params: params,
        details: details + [RunSummary.Detail("engine", "nudge \(request.engineVersion)")]),
      options: request.reportOptions)
    report.inlineValues = outcome.inlineValues
    return report.html()
  }

  /// The notebook's bytes, for the record's digest.
  private static func notebookBytes(_ path: String) throws(RenderError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RenderError(
        .cannotRead, location: path, reason: "cannot read \(path) again to record its digest")
    }
    return [UInt8](data)
  }
}
