import ArgumentParser

/// `--slurm [--slurm-option OPT]... [--wait | --dry-run]`: a sweep as a Slurm job array.
struct SlurmArguments: ParsableArguments {
  @Flag(
    help:
      "Run the sweep as a Slurm job array: write the sbatch script, submit it, print the job id.")
  var slurm = false

  @Option(
    name: .customLong("slurm-option"), parsing: .unconditionalSingleValue,
    help: ArgumentHelp(
      "An sbatch option for the array, e.g. --partition=short (repeatable).", valueName: "option"))
  var options: [String] = []

  @Flag(help: "With --slurm: wait until every task has ended, then print the comparison table.")
  var wait = false

  @Flag(help: "With --slurm: print the sbatch script instead of submitting it.")
  var dryRun = false

  @Option(
    help: ArgumentHelp("With --wait: seconds between looks at the queue.", valueName: "seconds"))
  var pollInterval: Double = 5

  var isRequested: Bool { slurm }

  func validate() throws {
    if !slurm, wait || dryRun || !options.isEmpty {
      throw ValidationError("--wait, --dry-run and --slurm-option go with --slurm")
    }
    if wait, dryRun {
      throw ValidationError(
        "--wait and --dry-run exclude each other: a printed script is not submitted")
    }
    if !(pollInterval > 0) {
      throw ValidationError("--poll-interval must be a positive number of seconds")
    }
  }
}
