import ArgumentParser
import Directives
import Foundation
import Runs

extension Nudge.Render {
  /// `--slurm`: writes one sbatch script whose array runs one `nudge render` per combination,
  /// submits it (or prints it with `--dry-run`), and records what was submitted beside the runs.
  func submitToSlurm(_ runs: [[ParamOverride]]) throws {
    for option in slurm.options {
      if let problem = SlurmArrayScript.problem(withOption: option) {
        printError("error: \(problem)")
        throw ExitCode.badInput
      }
    }
    if let jobs, jobs < 1 {
      printError("error: --jobs \(jobs): give at least 1 task at once")
      throw ExitCode.badInput
    }
    let layout = OutputLayout(notebookPath: notebook, outputDirectory: outputDirectory)
    let outputFolder = URL(fileURLWithPath: outputDirectory).standardizedFileURL.path
    if outputFolder == "/tmp" || outputFolder.hasPrefix("/tmp/") {
      printError(
        "warning: the output folder \(outputFolder) is under /tmp, which is private to each node: "
          + "on a cluster of several nodes the runs and the cache are not gathered; use -o on a shared filesystem"
      )
    }
    let logDirectory = URL(fileURLWithPath: SlurmSweep.directory(of: layout)).standardizedFileURL
      .path
    if let problem = SlurmArrayScript.problem(withLogDirectory: logDirectory) {
      printError("error: \(problem)")
      throw ExitCode.badInput
    }
    let executable = Self.currentExecutable()
    let commands = runs.map { overrides in
      [executable] + runArguments(quiet: true)
        + overrides.flatMap { ["-p", ParamAssignments.argument(for: $0)] }
    }
    let script = SlurmArrayScript(
      jobName: "nudge-\(layout.folderName)",
      workingDirectory: FileManager.default.currentDirectoryPath,
      logDirectory: logDirectory, concurrencyLimit: jobs, options: slurm.options, tasks: commands)
    if slurm.dryRun {
      writeOutput(script.text())
      return
    }

    // The tasks' renders write into this folder: make it this notebook's before they start.
    try orExit { try layout.claim(for: notebook) }
    let submittedAt = Date()
    let scriptPath = "\(logDirectory)/sweep-\(RunID.make(at: submittedAt)).sbatch"
    try writeOrExit(script.text(), to: scriptPath)
    let jobID: String
    do {
      jobID = try SlurmCommands().submit(scriptPath: scriptPath)
    } catch {
      // Nothing was submitted: leave no script that looks as if it had been.
      try? FileManager.default.removeItem(atPath: scriptPath)
      printError("error: \(error)")
      throw ExitCode.badInput
    }
    let sweep = SlurmSweep(
      jobID: jobID, notebook: notebook, submittedAt: RunID.timestamp(submittedAt),
      scriptPath: scriptPath, logDirectory: logDirectory,
      tasks: zip(runs, commands).enumerated().map { index, pair in
        SlurmSweep.Task(
          index: index, params: pair.0.map { SlurmSweep.Param(name: $0.name, value: $0.text) },
          command: ShellWords.commandLine(pair.1))
      })
    try orExit { try sweep.save(to: SlurmSweep.path(of: layout, jobID: jobID)) }
    say("Submitted batch job \(jobID)")
    say(
      "\(sweep.tasks.count) task\(sweep.tasks.count == 1 ? "" : "s") of \(notebook); script \(scriptPath)"
    )
    say("Logs: \(SlurmArrayScript.logPath(in: logDirectory, jobID: jobID, taskID: 0)) and on")
    guard slurm.wait else {
      say(
        "Follow it with 'nudge runs \(notebook)', or wait for it with 'nudge sweep wait \(jobID)'")
      return
    }
    try SlurmSweepWaiter(sweep: sweep, layout: layout, pollInterval: slurm.pollInterval).wait()
  }
}
