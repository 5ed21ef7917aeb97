import ArgumentParser
import Foundation
import Notebook
import Runs

extension Nudge {
  /// `nudge runs NOTEBOOK.md [--json]`: the notebook's recorded runs, newest first, after the
  /// tasks of submitted sweeps that have not recorded one.
  struct ListRuns: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "runs",
      abstract: "List a notebook's recorded runs, newest first, with params and headline metrics.")

    @Argument(help: "The notebook whose runs to list.")
    var notebook: String

    @Option(name: .shortAndLong, help: "The output folder the runs were written to.")
    var output: String = "output"

    @Flag(
      help:
        "Print the runs as JSON: one array of run records, after an entry for each Slurm task without one yet."
    )
    var json = false

    func run() throws {
      let store = RunStore(layout: OutputLayout(notebookPath: notebook, outputDirectory: output))
      let (runs, problems) = store.list()
      for problem in problems { printError("warning: \(problem)") }
      let slurm = SlurmListing(layout: store.layout, runs: runs)
      for problem in slurm.problems { printError("warning: \(problem)") }
      if json {
        let listed =
          slurm.tasksWithoutRun.map(Listed.task)
          + runs.map { run in
            var record = run.record
            if let status = slurm.statusByRunID[record.id].flatMap(RunStatus.init(rawValue:)) {
              record.status = status
            }
            return Listed.run(record)
          }
        let bytes = try StableJSON.encode(listed, pretty: true)
        writeOutput(String(decoding: bytes, as: UTF8.self) + "\n")
        return
      }
      guard !runs.isEmpty || !slurm.rowsWithoutRun.isEmpty else {
        say(
          "\(notebook) has no recorded runs in \(store.layout.runsDirectory); render it with 'nudge render \(notebook)'"
        )
        return
      }
      // Positions count finished runs only, as `nudge diff NOTEBOOK.md@N` does.
      var position = 0
      let rows =
        slurm.rowsWithoutRun
        + runs.map { run -> [String] in
          let record = run.record
          let params = record.params.keys.sorted().map {
            "\($0)=\(record.params[$0]?.description ?? "")"
          }.joined(separator: " ")
          let metrics = record.headlineMetrics().map {
            "\($0.name)=\(NumberFormat.metric($0.value))"
          }
          .joined(separator: " ")
          let status = slurm.statusByRunID[record.id] ?? record.status.rawValue
          if record.status != .running { position += 1 }
          return [
            record.status == .running ? "" : "@\(position)", record.id, status, params, metrics,
          ]
        }
      say(
        TextTable(header: ["", "run", "status", "params", "metrics"], rows: rows).lines().joined(
          separator: "\n"))
    }
  }
}
