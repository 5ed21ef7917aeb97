import Foundation

/// Slurm's own commands (`sbatch`, `squeue`, `sacct`, `scontrol`), run as the user would and read
/// in their machine-readable forms.
package struct SlurmCommands: Sendable {
  package init() {}

  /// What a finished command printed.
  package struct Output: Sendable {
    package var status: Int32
    package var standardOutput: String
    package var standardError: String
  }

  /// Submits `scriptPath` and returns the job id.
  package func submit(scriptPath: String) throws -> String {
    let output = try run("sbatch", ["--parsable", scriptPath])
    // `--parsable` prints `JOBID` or `JOBID;CLUSTER`.
    let jobID = output.standardOutput.split(separator: ";").first.map {
      $0.trimmingCharacters(in: .whitespacesAndNewlines)
    }
    guard output.status == 0, let jobID, !jobID.isEmpty, jobID.allSatisfy(\.isNumber) else {
      throw RunsError(
        "sbatch did not accept \(scriptPath): \(Self.firstLine(output.standardError, or: "exit status \(output.status)"))"
      )
    }
    return jobID
  }

  /// The tasks of `jobID` the scheduler still holds (pending, running, completing), by task index
  /// with Slurm's state name. Empty once the array has ended.
  package func activeTasks(jobID: String) throws -> [Int: String] {
    let output = try run("squeue", ["--noheader", "--array", "--jobs", jobID, "--format", "%K|%T"])
    if output.status != 0 {
      // A job that ended long ago is unknown to squeue: nothing of it is active.
      if output.standardError.contains("Invalid job id") { return [:] }
      throw RunsError(
        "squeue failed: \(Self.firstLine(output.standardError, or: "exit status \(output.status)"))"
      )
    }
    return Self.parseQueue(output.standardOutput)
  }

  /// How the tasks of `jobID` ended, by task index: from `sacct` where accounting is kept, else
  /// from `scontrol`, which remembers a finished job for a few minutes (`MinJobAge`).
  package func endedTasks(jobID: String) -> [Int: EndedTask] {
    if let output = try? run(
      "sacct",
      [
        "--noheader", "--parsable2", "--allocations", "--jobs", jobID, "--format",
        "JobID,State,ExitCode",
      ]),
      output.status == 0
    {
      let tasks = Self.parseAccounting(output.standardOutput)
      if !tasks.isEmpty { return tasks }
    }
    guard let output = try? run("scontrol", ["--oneliner", "show", "job", jobID]),
      output.status == 0
    else { return [:] }
    return Self.parseJobDetails(output.standardOutput)
  }

  /// `squeue --array --format '%K|%T'`: task index and state, one task a line.
  package static func parseQueue(_ text: String) -> [Int: String] {
    var tasks: [Int: String] = [:]
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard fields.count == 2, let index = Int(fields[0]), activeStates.contains(fields[1])
      else { continue }
      tasks[index] = fields[1]
    }
    return tasks
  }

  /// `sacct --parsable2 --format JobID,State,ExitCode`: `40_3|CANCELLED by 0|0:15`, a task a line.
  package static func parseAccounting(_ text: String) -> [Int: EndedTask] {
    var tasks: [Int: EndedTask] = [:]
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 3, let underscore = fields[0].lastIndex(of: "_"),
        let index = Int(fields[0][fields[0].index(after: underscore)...])
      else { continue }
      tasks[index] = EndedTask(state: stateName(fields[1]), exitCode: fields[2])
    }
    return tasks
  }

  /// `scontrol --oneliner show job`: `KEY=VALUE` words, one task a line.
  package static func parseJobDetails(_ text: String) -> [Int: EndedTask] {
    var tasks: [Int: EndedTask] = [:]
    for line in text.split(separator: "\n") {
      let fields = keyValues(String(line))
      guard let index = fields["ArrayTaskId"].flatMap({ Int($0) }), let state = fields["JobState"]
      else { continue }
      tasks[index] = EndedTask(state: stateName(state), exitCode: fields["ExitCode"] ?? "")
    }
    return tasks
  }

  /// A task's end as the scheduler saw it: `COMPLETED`, `FAILED`, `CANCELLED`, `TIMEOUT`, ...
  package struct EndedTask: Hashable, Sendable {
    package var state: String
    /// `status:signal`, e.g. `2:0`.
    package var exitCode: String

    package init(state: String, exitCode: String) {
      self.state = state
      self.exitCode = exitCode
    }

    /// Ended by the scheduler or a user rather than by itself.
    package var wasStopped: Bool {
      ["CANCELLED", "TIMEOUT", "PREEMPTED", "NODE_FAIL", "DEADLINE"].contains(state)
    }
  }

  private static let activeStates: Set<String> = [
    "PENDING", "RUNNING", "CONFIGURING", "COMPLETING", "SUSPENDED", "REQUEUED", "REQUEUE_HOLD",
    "REQUEUE_FED", "RESIZING", "SIGNALING", "STAGE_OUT",
  ]

  /// `CANCELLED by 0` is `CANCELLED`.
  private static func stateName(_ text: String) -> String {
    String(text.split(separator: " ").first ?? "")
  }

  private static func keyValues(_ line: String) -> [String: String] {
    var fields: [String: String] = [:]
    for word in line.split(separator: " ") {
      guard let equals = word.firstIndex(of: "=") else { continue }
      fields[String(word[..<equals])] = String(word[word.index(after: equals)...])
    }
    return fields
  }

  private static func firstLine(_ text: String, or fallback: String) -> String {
    text.split(separator: "\n").first.map(String.init) ?? fallback
  }

  /// Runs one Slurm command to its end.
  package func run(_ command: String, _ arguments: [String]) throws -> Output {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [command] + arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      throw RunsError("cannot run \(command): \(error.localizedDescription)")
    }
    // Read the error pipe on another thread so that neither pipe can fill up and stall the command.
    let errorData = ErrorBytes()
    let errorsRead = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      errorData.bytes = errors.fileHandleForReading.readDataToEndOfFile()
      errorsRead.signal()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    errorsRead.wait()
    process.waitUntilExit()
    // `env` exits with 127 when the command is not on PATH.
    if process.terminationStatus == 127 {
      throw RunsError(
        "\(command) was not found on PATH: run this on a Slurm login node, or use --dry-run to print the script"
      )
    }
    return Output(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData.bytes, as: UTF8.self))
  }
}

/// The error output of a command, filled by the thread that reads it before the semaphore that
/// publishes it is signalled.
private final class ErrorBytes: @unchecked Sendable {
  var bytes = Data()
}
