import ArgumentParser
import Runs

extension Nudge {
  /// `nudge sweep wait JOBID`: sweeps submitted to a batch scheduler.
  struct SweepCommands: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "sweep", abstract: "Follow sweeps submitted with 'nudge render --slurm'.",
      subcommands: [Wait.self])
  }
}

extension Nudge.SweepCommands {
  /// Waits for a submitted sweep's job array to end, then prints the comparison table.
  struct Wait: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Wait until a sweep's Slurm job array has ended, then compare its runs.",
      discussion:
        "Exit status: 0 every task ended ok; 1 a task failed or was interrupted; 2 bad input.")

    @Argument(help: "The job id 'nudge render --slurm' printed.")
    var jobID: String

    @Option(name: .shortAndLong, help: "The output folder the sweep was submitted with.")
    var output = "output"

    @Option(help: ArgumentHelp("Seconds between looks at the queue.", valueName: "seconds"))
    var pollInterval: Double = 5

    func validate() throws {
      if jobID.isEmpty || !jobID.allSatisfy(\.isNumber) {
        throw ValidationError(
          "'\(jobID)' is not a Slurm job id (a number, as 'nudge render --slurm' printed it)")
      }
      if !(pollInterval > 0) {
        throw ValidationError("--poll-interval must be a positive number of seconds")
      }
    }

    func run() throws {
      let (sweep, layout) = try orExit {
        try SlurmSweep.find(jobID: jobID, outputDirectory: output)
      }
      try SlurmSweepWaiter(sweep: sweep, layout: layout, pollInterval: pollInterval).wait()
    }
  }
}
