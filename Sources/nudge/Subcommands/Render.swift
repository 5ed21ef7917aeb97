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
        written, with the error at the cell); 2 bad input; 130 interrupted by Ctrl-C, 143 by \
        SIGTERM (the report and an interrupted run record are still written).
        """)

    @Argument(help: "The Markdown notebook to render.")
    var notebook: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "The folder to write into.")
    var outputDirectory = "output"

    @Option(
      name: .customShort("p"),
      help: ArgumentHelp(
        "Override a front-matter param (checked against its type); several comma-separated values make a sweep (\\, for a comma in a value).",
        valueName: "name=value"))
    var params: [String] = []

    @Flag(
      name: .shortAndLong,
      help: "Do not show progress (training bars) on standard error.")
    var quiet = false

    @Option(help: "Seconds one cell may run before it is stopped (a cell's '//| timeout:' wins).")
    var cellTimeout = EvaluationOptions.defaultCellTimeout

    @Option(
      help:
        "With a sweep (-p name=a,b,...), how many runs go at once (default 1; with --slurm, no cap)."
    )
    var jobs: Int?

    @OptionGroup(title: "Slurm") var slurm: SlurmArguments

    @Flag(help: "Recompute every cell instead of reusing cached results.")
    var noCache = false

    @Flag(
      help:
        "Pass raw HTML in the notebook through instead of escaping it (only for notebooks you trust)."
    )
    var unsafeHTML = false

    @Option(
      name: .customLong("allow-script"),
      help: ArgumentHelp(
        "With --unsafe-html, let the report run the inline <script> whose text is exactly this file's, or whose hash this is (repeatable).",
        valueName: "file|sha256-<base64>"))
    var allowScript: [String] = []

    @Option(
      help: ArgumentHelp(
        "Also write what the run did as JSON to this file (for programs driving nudge).",
        visibility: .hidden))
    var reportJSON: String?

    func run() throws {
      guard !outputDirectory.isEmpty else {
        printError(
          "error: the output folder (-o) is empty; name a folder, or leave -o out for 'output'")
        throw ExitCode.badInput
      }
      let runs = try orExit { try ParamAssignments(parsing: params).runs }
      if !allowScript.isEmpty, !unsafeHTML {
        printError(
          "error: --allow-script names scripts in raw HTML, which the report shows as text unless --unsafe-html is given"
        )
        throw ExitCode.badInput
      }
      let allowedScripts = try orExit { try allowScript.map(AllowedScript.source(for:)) }
      let document = try loadNotebook(notebook)
      try checkOrExit(document)
      if slurm.isRequested {
        try submitToSlurm(runs)
        return
      }
      Interruption.install()
      if runs.count > 1 {
        try runSweep(runs)
        return
      }
      let request = RenderRequest(
        document: document, overrides: runs[0], outputDirectory: outputDirectory,
        usesCache: !noCache, cellTimeout: cellTimeout,
        showsTrainingProgress: !quiet && isatty(2) != 0,
        reportOptions: ReportOptions(unsafeHTML: unsafeHTML, allowedScripts: allowedScripts),
        scheduler: SchedulerTask.slurm(environment: ProcessInfo.processInfo.environment))
      let run: RenderedRun
      do {
        run = try RenderPipeline.render(
          request, events: RenderEvents(shouldStop: { Interruption.isRequested }))
      } catch {
        for diagnostic in error.diagnostics { printError(diagnostic.detailedDescription) }
        printError("error: \(error)")
        throw ExitCode.badInput
      }
      if let reportJSON {
        try orExit {
          try AtomicFile.write(try StableJSON.encode(run, pretty: true), to: reportJSON)
        }
      }
      for warning in run.warnings { printError("warning: \(warning)") }
      say("Wrote \(run.latestReportPath)")
      say("Run \(run.id) recorded in \(run.runDirectory)")

      switch run.status {
      case .ok, .running: return
      case .interrupted:
        printError("interrupted: the cells after the current one were not run")
        throw ExitCode(Interruption.exitStatus)
      case .failed:
        for failure in run.failures { printError(failure) }
        throw ExitCode.failure
      }
    }
  }
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
