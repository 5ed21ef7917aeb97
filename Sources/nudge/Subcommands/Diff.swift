import ArgumentParser
import Foundation
import Notebook
import Runs

extension Nudge {
  /// `nudge diff RUN RUN... [--json] [--html FILE] [--fail-if COND]`: compares runs.
  struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Compare runs: changed params, every metric with its change, the first cell that differs.",
      discussion: """
        A RUN is a run folder, a run id, or NOTEBOOK.md@N (its N-th latest run; NOTEBOOK.md alone is @1).
        The first run is the baseline the others are compared with.
        """)

    @Argument(help: "Two or more runs; one NOTEBOOK.md alone compares its two latest runs.")
    var runs: [String]

    @Option(name: .shortAndLong, help: "The output folder the runs were written to.")
    var output: String = "output"

    @Flag(help: "Print the comparison as JSON.")
    var json = false

    @Option(help: "Also write the comparison as an HTML page with overlaid plots.")
    var html: String?

    @Option(
      name: .customLong("fail-if"),
      help:
        "Exit with status 1 when a metric's change from the first run satisfies METRIC OP NUMBER[%], e.g. 'test.accuracy < -0.01'."
    )
    var failIf: [String] = []

    func validate() throws {
      guard !runs.isEmpty else {
        throw ValidationError(
          "name at least one run, e.g. nudge diff notebooks/backprop.md@2 notebooks/backprop.md")
      }
    }

    func run() throws {
      let references =
        runs.count == 1 && runs[0].hasSuffix(".md") ? [runs[0] + "@2", runs[0] + "@1"] : runs
      let stored: [StoredRun]
      let conditions: [FailCondition]
      do {
        stored = try references.map { try RunReference.resolve($0, outputDirectory: output) }
        conditions = try failIf.map(FailCondition.init(parsing:))
      } catch let error as RunsError {
        printError("error: \(error)")
        throw ExitCode(2)
      }
      let comparison = RunComparison(stored)
      if json {
        writeOutput(
          String(decoding: try StableJSON.encode(comparison, pretty: true), as: UTF8.self) + "\n")
      } else {
        say(comparison.textTable())
      }
      if let html {
        try AtomicFile.write(DiffPage(comparison).html(), to: html)
        if !json { say("comparison page: \(html)") }
      }
      var violations: [String] = []
      do {
        for condition in conditions { violations += try condition.violations(in: comparison) }
      } catch let error as RunsError {
        printError("error: \(error)")
        throw ExitCode(2)
      }
      for violation in violations { printError("fail-if: \(violation)") }
      if !violations.isEmpty { throw ExitCode(1) }
    }
  }
}
