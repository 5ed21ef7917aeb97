import Runs

extension Nudge.ListRuns {
  /// What `nudge runs` adds for sweeps submitted to Slurm whose tasks have not all recorded their
  /// end: a row for each task without a run yet (pending, or ended without recording one), and
  /// the scheduler's word on runs whose `running` record outlived their task.
  struct SlurmListing {
    var statusByRunID: [String: String] = [:]
    var tasksWithoutRun: [TaskWithoutRun] = []
    var problems: [String] = []

    /// The table rows of the tasks without a run.
    var rowsWithoutRun: [[String]] {
      tasksWithoutRun.map { task in
        [
          "", "job \(task.scheduler.jobID)_\(task.scheduler.taskID ?? 0)", task.status,
          task.params.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "),
          [task.note, task.log.map { "log \($0)" }].compactMap { $0 }.filter { !$0.isEmpty }
            .joined(separator: "; "),
        ]
      }
    }

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
            statusByRunID[run.record.id] = item.state.name
            continue
          }
          tasksWithoutRun.append(
            TaskWithoutRun(
              status: item.state.name,
              params: Dictionary(
                item.task.params.map { ($0.name, $0.value) }, uniquingKeysWith: { _, last in last }),
              scheduler: SchedulerTask(
                system: "slurm", jobID: sweep.jobID, taskID: item.task.index, node: nil),
              log: item.state == .pending ? nil : item.logPath, note: item.note))
        }
      }
    }
  }
}

extension Nudge.ListRuns {
  /// A task of a submitted sweep that has not recorded a run (pending, or ended without one), as
  /// `nudge runs --json` lists it beside the run records: its `status`, its `params` as given to
  /// `-p`, the `scheduler` task a record of it would carry, its `log` once it ran, and a `note`.
  struct TaskWithoutRun: Encodable {
    var status: String
    var params: [String: String]
    var scheduler: SchedulerTask
    var log: String?
    var note: String?
  }

  /// One entry of `nudge runs --json`: a run record, or a task that has none yet.
  enum Listed: Encodable {
    case run(RunRecord)
    case task(TaskWithoutRun)

    func encode(to encoder: any Encoder) throws {
      switch self {
      case .run(let record): try record.encode(to: encoder)
      case .task(let task): try task.encode(to: encoder)
      }
    }
  }
}
