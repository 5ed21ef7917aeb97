/// Which batch-scheduler task ran a render: kept in its run record so that a sweep's records can
/// be matched to the tasks of its job array, and a slow or failing node can be told apart.
package struct SchedulerTask: Codable, Hashable, Sendable {
  /// `slurm` (the only scheduler read today).
  package var system: String
  /// The array's job id (`SLURM_ARRAY_JOB_ID`), or the job's own id outside an array.
  package var jobID: String
  /// The task's index in the array (`SLURM_ARRAY_TASK_ID`), absent outside an array.
  package var taskID: Int?
  /// The node the task ran on (`SLURMD_NODENAME`).
  package var node: String?

  package init(system: String, jobID: String, taskID: Int?, node: String?) {
    self.system = system
    self.jobID = jobID
    self.taskID = taskID
    self.node = node
  }

  /// The Slurm task this process runs in, read from the variables Slurm sets; nil outside Slurm.
  package static func slurm(environment: [String: String]) -> SchedulerTask? {
    guard
      let jobID = nonEmpty(environment["SLURM_ARRAY_JOB_ID"])
        ?? nonEmpty(environment["SLURM_JOB_ID"])
    else { return nil }
    return SchedulerTask(
      system: "slurm", jobID: jobID,
      taskID: nonEmpty(environment["SLURM_ARRAY_TASK_ID"]).flatMap { Int($0) },
      node: nonEmpty(environment["SLURMD_NODENAME"]))
  }

  private static func nonEmpty(_ value: String?) -> String? {
    guard let value, !value.isEmpty else { return nil }
    return value
  }
}
