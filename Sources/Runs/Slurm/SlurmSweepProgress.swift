import Notebook

/// Where each task of a submitted sweep stands, from the runs it recorded and what the scheduler
/// says of the tasks without a final record.
package struct SlurmSweepProgress: Sendable {
  /// A task waits in the queue until it starts; from then on it stands as its run does (one
  /// that ended without a final record counts as failed or interrupted).
  package enum State: Hashable, Sendable {
    case pending
    case run(RunStatus)

    /// The word progress lines and listings show: `pending`, or the run's status.
    package var name: String {
      switch self {
      case .pending: "pending"
      case .run(let status): status.rawValue
      }
    }
  }

  package struct TaskProgress: Sendable {
    package var task: SlurmSweep.Task
    package var state: State
    /// The task's run, once it recorded one (its `running` record, then its final one).
    package var run: StoredRun?
    package var logPath: String
    /// Why a task without a final record is failed or interrupted, in words.
    package var note: String?
  }

  package var sweep: SlurmSweep
  package var tasks: [TaskProgress]

  /// Matches the sweep's tasks with `runs` (by the job and task ids their records keep).
  /// - Parameters:
  ///   - active: the tasks the scheduler still holds, by index, with Slurm's state; ask it
  ///     *before* reading the runs, so that a task that just ended has its final record read.
  ///   - ended: how tasks the scheduler no longer holds ended; consulted only for tasks that left
  ///     no final record.
  package init(
    sweep: SlurmSweep, runs: [StoredRun], active: [Int: String],
    ended: () -> [Int: SlurmCommands.EndedTask]
  ) {
    self.sweep = sweep
    var newest: [Int: StoredRun] = [:]
    for run in runs {
      guard let scheduler = run.record.scheduler, scheduler.system == "slurm",
        scheduler.jobID == sweep.jobID, let index = scheduler.taskID
      else { continue }
      // A requeued task records a second run; the newer one counts.
      if let known = newest[index], known.record.id > run.record.id { continue }
      newest[index] = run
    }
    var endings: [Int: SlurmCommands.EndedTask]?
    tasks = sweep.tasks.map { task in
      let run = newest[task.index]
      var progress = TaskProgress(
        task: task, state: .pending, run: run, logPath: sweep.logPath(of: task), note: nil)
      switch run?.record.status {
      case .running?, nil:
        if let state = active[task.index] {
          progress.state = state == "PENDING" && run == nil ? .pending : .run(.running)
          break
        }
        if endings == nil { endings = ended() }
        let ending = endings?[task.index]
        if ending?.wasStopped == true {
          progress.state = .run(.interrupted)
          progress.note = "stopped by Slurm (\(ending?.state ?? "")) before it recorded its end"
        } else {
          progress.state = .run(.failed)
          let how = ending.map { " (\($0.state), exit \($0.exitCode))" } ?? ""
          progress.note =
            run == nil
            ? "ended without recording a run\(how)" : "ended without its final record\(how)"
        }
      case let status?: progress.state = .run(status)
      }
      return progress
    }
  }

  /// True while some task has not ended.
  package var isInFlight: Bool {
    tasks.contains { $0.state == .pending || $0.state == .run(.running) }
  }

  /// The final records of the tasks that ended with one, in task order.
  package var finishedRuns: [StoredRun] {
    tasks.compactMap { progress in
      guard let run = progress.run, run.record.status != .running else { return nil }
      return run
    }
  }

  /// `2 ok, 1 running, 1 pending`, for progress lines.
  package var summary: String {
    let order: [State] = [.run(.ok), .run(.failed), .run(.interrupted), .run(.running), .pending]
    return order.compactMap { state in
      let count = tasks.count { $0.state == state }
      return count == 0 ? nil : "\(count) \(state.name)"
    }.joined(separator: ", ")
  }
}
