import ArgumentParser
import Directives
import Foundation
import Notebook
import Report
import Runs

extension Nudge {
  /// `nudge render NOTEBOOK.md [-p name=value]... [-o DIR] [--no-cache] [-q]`: runs the cells
  /// (reusing cached ones), writes the HTML report and a run record, prints where they are.
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a notebook's cells and render it to a self-contained HTML report.",
      discussion: """
        Writes DIR/<name>.html (default output/<name>.html) and DIR/<name>/runs/<run-id>/ with \
        run.json and report.html. Exit status: 0 ok; 1 a cell failed (the report is still \
        written, with the error at the cell); 2 bad input; 130 interrupted.
        """)

    @Argument(help: "The Markdown notebook to render.")
    var notebook: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "The folder to write into.")
    var outputDirectory = "output"

    @OptionGroup var evaluation: EvaluationArguments

    @Option(help: "With a sweep (-p name=a,b,...), how many runs go at once.")
    var jobs = 1

    @Flag(help: "Recompute every cell instead of reusing cached results.")
    var noCache = false

    @Flag(
      help:
        "Pass raw HTML in the notebook through instead of escaping it (only for notebooks you trust)."
    )
    var unsafeHTML = false

    func run() throws {
      let combinations = try orExit { try Sweep.expand(evaluation.params) }
      let document = try loadNotebook(notebook)
      try checkOrExit(document)
      if combinations.count > 1 {
        Interruption.install()
        try runSweep(combinations)
        return
      }
      let layout = OutputLayout(notebookPath: notebook, outputDirectory: outputDirectory)
      Interruption.install()
      let session = try makeSession(
        document, arguments: evaluation, outputDirectory: layout.notebookDirectory,
        shouldStop: { Interruption.isRequested })
      let params = Dictionary(uniqueKeysWithValues: session.params.map { ($0.name, $0.value) })
      let runner = Runner(
        document: document, params: params,
        cache: noCache ? nil : CellCache(directory: layout.cacheDirectory),
        engineVersion: nudgeVersion, shouldStop: { Interruption.isRequested })

      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: outputDirectory, isDirectory: &isFolder),
        !isFolder.boolValue
      {
        printError(
          "error: cannot write \(layout.latestReportPath): '\(outputDirectory)' is not a folder")
        throw ExitCode.badInput
      }
      let store = RunStore(layout: layout)
      let startedAt = Date()
      let (id, directory) = try orExit { try store.createRun(at: startedAt) }
      var evaluator = SessionEvaluator(session: session)
      let outcome = runner.run(with: &evaluator)
      let record = RunRecord(
        id: id, document: document, notebookBytes: readBytes(notebook), params: params,
        outcome: outcome, startedAt: startedAt, finishedAt: Date(), engineVersion: nudgeVersion)

      let page = reportHTML(
        document: document, outcome: outcome, params: session.params, startedAt: startedAt,
        details: [RunSummary.Detail("run", id)], unsafeHTML: unsafeHTML)
      try orExit { try store.save(record: record, reportHTML: page, in: directory) }
      for warning in outcome.warnings { printError("warning: \(warning)") }
      print("Wrote \(layout.latestReportPath)")
      print("Run \(id) recorded in \(directory)")

      switch outcome.status {
      case .ok: return
      case .interrupted:
        printError("interrupted: the cells after the current one were not run")
        throw ExitCode(130)
      case .failed:
        for case .error(let diagnostic) in outcome.cells.values.flatMap(\.outputs) {
          printError(diagnostic.detailedDescription)
        }
        throw ExitCode.failure
      }
    }
  }
}

/// The report of a run, as `render` writes it and `preview` serves it.
func reportHTML(
  document: Document, outcome: RunOutcome, params: [Param], startedAt: Date,
  details: [RunSummary.Detail], unsafeHTML: Bool
) -> String {
  HTMLReport(
    document: document, results: outcome.cells.mapValues(CellResult.init),
    run: RunSummary(
      status: RunSummary.Status(rawValue: outcome.status.rawValue),
      date: RunID.timestamp(startedAt), params: params,
      details: details + [RunSummary.Detail("engine", "nudge \(nudgeVersion)")]),
    options: ReportOptions(unsafeHTML: unsafeHTML)
  ).html()
}

extension CellResult {
  /// A runner's cell as the report shows it.
  init(_ run: CellRun) {
    let status: Status =
      switch run.status {
      case .ok: run.cached ? .cached : .ok
      case .failed: .failed
      case .skipped, .notRun: .skipped
      }
    self.init(status: status, outputs: run.outputs, seconds: run.seconds)
  }
}

/// The version that keys the cell cache: a new version recomputes every cell.
let nudgeVersion = "0.1.0"

func readBytes(_ path: String) -> [UInt8] {
  (FileManager.default.contents(atPath: path)).map { [UInt8]($0) } ?? []
}

/// Runs `body`, or prints its error and exits with status 2.
func orExit<T>(_ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch {
    printError("error: \(error)")
    throw ExitCode.badInput
  }
}
