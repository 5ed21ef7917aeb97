import Runs

extension Nudge.ListRuns {
  /// What `nudge runs` adds for sweeps submitted to Slurm whose tasks have not all recorded their
  /// end: a row for each task without a run yet (pending, or ended without recording one), and
  /// the scheduler's word on runs whose `running` record outlived their task.
  struct SlurmListing {
    var statusByRunID: [String: String] = [:]
    var rowsWithoutRun: [[String]] = []
    var problems: [String] = []

    init(layout: OutputLayout, runs: [StoredRun]) {
      let (sweeps, unreadable) = SlurmSweep.all(in: layout)
      problems = unreadable
      let ended = Set(
        runs.compactMap { run -> String? in
          guard run.record.status != .running, let task = run.record.scheduler,
            let index = task.taskID
          else {
            return nil
          }
          return "\(task.jobID)_\(index)"
        })
      let slurm = SlurmCommands()
      for sweep in sweeps.reversed()
      where sweep.tasks.contains(where: { !ended.contains("\(sweep.jobID)_\($0.index)") }) {
        let active: [Int: String]
        do {
          active = try slurm.activeTasks(jobID: sweep.jobID)
        } catch {
          problems.append(
            "cannot ask Slurm about job \(sweep.jobID) of \(sweep.notebook): \(error)")
          continue
        }
        let progress = SlurmSweepProgress(
          sweep: sweep, runs: runs, active: active, ended: { slurm.endedTasks(jobID: sweep.jobID) })
        for item in progress.tasks {
          if let run = item.run {
            statusByRunID[run.record.id] = item.state.rawValue
            continue
          }
          let log = item.state == .pending ? "" : "log \(item.logPath)"
          rowsWithoutRun.append([
            "", "job \(sweep.jobID)_\(item.task.index)", item.state.rawValue, item.task.label,
            [item.note, log].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "; "),
          ])
        }
      }
    }
  }
}
