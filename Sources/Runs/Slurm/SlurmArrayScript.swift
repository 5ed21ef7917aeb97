/// The `sbatch` script of a sweep: one job array, one task per combination, each task the exact
/// `nudge render` command of its combination, readable by whoever submits it by hand.
package struct SlurmArrayScript: Hashable, Sendable {
  /// The job's name in `squeue` (`nudge-<notebook stem>`).
  package var jobName: String
  /// Where the tasks start (the submitting folder), so relative paths mean what they meant here.
  package var workingDirectory: String
  /// Where Slurm writes each task's log, as `<job id>_<task id>.log`; an absolute path.
  package var logDirectory: String
  /// At most this many tasks run at once (`--array=0-N%K`); nil leaves it to the scheduler.
  package var concurrencyLimit: Int?
  /// Extra `sbatch` options, one `#SBATCH` line each (`--partition=short`, `--time=00:10:00`).
  package var options: [String]
  /// Each task's command, as words.
  package var tasks: [[String]]

  package init(
    jobName: String, workingDirectory: String, logDirectory: String, concurrencyLimit: Int?,
    options: [String], tasks: [[String]]
  ) {
    self.jobName = jobName
    self.workingDirectory = workingDirectory
    self.logDirectory = logDirectory
    self.concurrencyLimit = concurrencyLimit
    self.options = options
    self.tasks = tasks
  }

  /// The log Slurm writes for one task (`--output` with `%A` and `%a` filled in).
  package static func logPath(in logDirectory: String, jobID: String, taskID: Int) -> String {
    "\(logDirectory)/\(jobID)_\(taskID).log"
  }

  /// Checks an `sbatch` option given on the command line; the message says what is wrong.
  package static func problem(withOption option: String) -> String? {
    if !option.hasPrefix("-") {
      return
        "--slurm-option '\(option)': an sbatch option starts with '-', e.g. --slurm-option=--partition=short"
    }
    if option.contains(where: \.isNewline) || option.contains("\"") {
      return
        "--slurm-option: an sbatch option is one line without double quotes; give each option in its own --slurm-option"
    }
    if option.hasPrefix("--array") || option.hasPrefix("-a") {
      return
        "--slurm-option '\(option)': nudge writes the --array line itself; use --jobs K to cap how many tasks run at once"
    }
    return nil
  }

  /// Checks the folder the logs go to: an `#SBATCH` line cannot carry every path.
  package static func problem(withLogDirectory path: String) -> String? {
    guard path.contains("\"") || path.contains(where: \.isNewline) else { return nil }
    return
      "the output folder \(path) holds a double quote or a line break, which an #SBATCH line cannot carry; choose another folder with -o"
  }

  /// A word on an `#SBATCH` line: sbatch splits those lines at spaces unless the word is in
  /// double quotes.
  private static func sbatchValue(_ value: String) -> String {
    value.contains(where: \.isWhitespace) ? "\"\(value)\"" : value
  }

  /// The script's text.
  package func text() -> String {
    let last = max(tasks.count - 1, 0)
    let cap = concurrencyLimit.map { "%\($0)" } ?? ""
    var lines = [
      "#!/bin/bash",
      "#SBATCH --job-name=\(jobName)",
      "#SBATCH --array=0-\(last)\(cap)",
      "#SBATCH --output=\(Self.sbatchValue("\(logDirectory)/%A_%a.log"))",
    ]
    lines += options.map { "#SBATCH \(Self.sbatchValue($0))" }
    lines += [
      "",
      "# A sweep of \(tasks.count) run\(tasks.count == 1 ? "" : "s"): task N runs combination N below.",
      "# Each run writes a 'running' record when it starts and its final record when it ends;",
      "# SIGTERM (scancel, the time limit) ends it with an 'interrupted' record.",
      "set -eu",
      "cd \(ShellWords.quote(workingDirectory))",
      "case \"${SLURM_ARRAY_TASK_ID:-}\" in",
    ]
    for (index, words) in tasks.enumerated() {
      // exec: the run itself receives Slurm's signals, not a shell in front of it.
      lines.append("  \(index)) exec \(ShellWords.commandLine(words)) ;;")
    }
    lines += [
      "  *) echo \"nudge: this sweep has no task '${SLURM_ARRAY_TASK_ID:-}' (tasks 0-\(last))\" >&2; exit 2 ;;",
      "esac",
      "",
    ]
    return lines.joined(separator: "\n")
  }
}
