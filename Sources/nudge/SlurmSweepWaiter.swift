import ArgumentParser
import Foundation
import Runs

/// Polls Slurm until a submitted sweep's array has ended, then prints each task's outcome (a
/// failed or interrupted one with its Slurm log) and the comparison table a local sweep prints.
struct SlurmSweepWaiter {
  var sweep: SlurmSweep
  var layout: OutputLayout
  var pollInterval: Double

  func wait() throws {
    let slurm = SlurmCommands()
    var shown = ""
    while true {
      // The queue first, then the records: a task that leaves the queue has written its record.
      let active = try orExit { try slurm.activeTasks(jobID: sweep.jobID) }
      let progress = SlurmSweepProgress(
        sweep: sweep, runs: RunStore(layout: layout).list().runs, active: active,
        ended: { slurm.endedTasks(jobID: sweep.jobID) })
      if active.isEmpty { return try finish(progress) }
      if progress.summary != shown {
        shown = progress.summary
        say("Job \(sweep.jobID): \(shown)")
      }
      Thread.sleep(forTimeInterval: pollInterval)
    }
  }

  private func finish(_ progress: SlurmSweepProgress) throws {
    say("Job \(sweep.jobID) ended: \(progress.summary)")
    let count = progress.tasks.count
    for item in progress.tasks {
      var line = "[\(item.task.index + 1)/\(count)] \(item.task.label): \(item.state.name)"
      if item.state == .run(.ok), let run = item.run {
        line += ", \(run.directory)"
      } else {
        if let note = item.note { line += " (\(note))" }
        line += "; log \(item.logPath)"
      }
      say(line)
    }
    let finished = progress.finishedRuns
    if finished.count > 1 {
      say("")
      say(RunComparison(finished).textTable())
    }
    if progress.tasks.contains(where: { $0.state != .run(.ok) }) { throw ExitCode.failure }
  }
}
