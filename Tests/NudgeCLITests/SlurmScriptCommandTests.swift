import Foundation
import Testing

/// `--slurm --dry-run` and what a task of the printed script does, with no cluster needed: the
/// script is run by bash with the variables Slurm would set.
@Suite struct SlurmScriptCommandTests {
  static let notebook = """
    ---
    title: Two params
    params:
      a: 1
      b: 10
    ---

    ```swift
    //| name: sum
    metric("sum", Double(a + b))
    a + b
    ```
    """

  @Test func dryRunPrintsOneTaskPerCombinationAndSubmitsNothing() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    // An output folder under /tmp (private to each node) is warned about; a dry run writes
    // nothing there, so the folder is never made.
    let privateOutput = "/tmp/nudge-dry-run-\(UUID().uuidString)"
    let outcome = try NudgeRunner.run(
      [
        "render", "n.md", "-p", "a=1,2", "-p", "b=10,20", "--slurm", "--dry-run", "--jobs", "3",
        "--slurm-option", "--partition=short", "-o", privateOutput,
      ],
      in: scratch.path)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let script = outcome.standardOutput
    #expect(script.hasPrefix("#!/bin/bash\n"))
    #expect(script.contains("#SBATCH --array=0-3%3\n"))
    #expect(script.contains("#SBATCH --partition=short\n"))
    #expect(script.contains("-p a=1 -p b=10 ;;"))
    #expect(script.contains("-p a=2 -p b=20 ;;"))
    #expect(script.components(separatedBy: ") exec ").count - 1 == 4)
    #expect(outcome.standardError.contains("is under /tmp"))
    // Nothing was written: a printed script is for submitting by hand.
    #expect(!FileManager.default.fileExists(atPath: privateOutput))
    #expect(scratch.files() == ["n.md"])
  }

  @Test func aTaskOfTheScriptRendersItsCombinationAndRecordsItsJob() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    let dryRun = try NudgeRunner.run(
      ["render", "n.md", "-p", "a=1,2", "-p", "b=10,20", "--slurm", "--dry-run"], in: scratch.path)
    #expect(dryRun.status == 0, "\(dryRun.standardError)")
    let scriptPath = try scratch.write(dryRun.standardOutput, to: "sweep.sbatch")

    let task = try Self.runScript(
      scriptPath,
      environment: [
        "SLURM_ARRAY_JOB_ID": "77", "SLURM_ARRAY_TASK_ID": "2", "SLURMD_NODENAME": "node3",
      ])
    #expect(task.status == 0, "\(task.standardError)")
    let records = scratch.files(under: "output/n/runs").filter { $0.hasSuffix("run.json") }
    #expect(records.count == 1)
    let record = try Self.json(at: "\(scratch.path)/output/n/runs/\(try #require(records.first))")
    #expect(record["status"] as? String == "ok")
    #expect((record["params"] as? [String: Int]) == ["a": 2, "b": 10])
    #expect((record["metrics"] as? [String: Double])?["sum.sum"] == 12)
    let scheduler = try #require(record["scheduler"] as? [String: Any])
    #expect(scheduler["jobID"] as? String == "77")
    #expect(scheduler["taskID"] as? Int == 2)
    #expect(scheduler["node"] as? String == "node3")

    let outside = try Self.runScript(scriptPath, environment: ["SLURM_ARRAY_TASK_ID": "9"])
    #expect(outside.status == 2)
    #expect(outside.standardError.contains("no task '9' (tasks 0-3)"))
  }

  @Test func slurmOptionsAreCheckedBeforeAnythingIsWritten() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    let noSlurm = try NudgeRunner.run(["render", "n.md", "--wait"], in: scratch.path)
    #expect(noSlurm.status == 2)
    #expect(noSlurm.standardError.contains("go with --slurm"))
    let badOption = try NudgeRunner.run(
      ["render", "n.md", "-p", "a=1,2", "--slurm", "--slurm-option", "partition=short"],
      in: scratch.path)
    #expect(badOption.status == 2)
    #expect(badOption.standardError.contains("starts with '-'"))
    let both = try NudgeRunner.run(
      ["render", "n.md", "--slurm", "--wait", "--dry-run"], in: scratch.path)
    #expect(both.status == 2)
    let badJob = try NudgeRunner.run(["sweep", "wait", "12x"], in: scratch.path)
    #expect(badJob.status == 2)
    #expect(badJob.standardError.contains("not a Slurm job id"))
    let unknownJob = try NudgeRunner.run(["sweep", "wait", "12"], in: scratch.path)
    #expect(unknownJob.status == 2)
    #expect(unknownJob.standardError.contains("no sweep with job id 12"))
    #expect(!FileManager.default.fileExists(atPath: "\(scratch.path)/output"))
  }

  @Test func withoutSlurmTheSubmissionSaysWhatToDoAndLeavesNoScript() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    let outcome = try NudgeRunner.run(
      ["render", "n.md", "-p", "a=1,2", "--slurm"], in: scratch.path,
      environment: ProcessInfo.processInfo.environment.merging(["PATH": "\(scratch.path)/no-bin"]) {
        $1
      })
    #expect(outcome.status == 2)
    #expect(
      outcome.standardError.contains("sbatch was not found on PATH"), "\(outcome.standardError)")
    #expect(outcome.standardError.contains("--dry-run"))
    #expect(scratch.files(under: "output/n/slurm").isEmpty)
  }

  /// With stand-ins for `sbatch` and `squeue` (a job 4242 whose two tasks wait in the queue),
  /// `nudge runs --json` lists each task that has no run yet, as the table does.
  @Test func runsListsPendingTasksInJSONToo() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    try FileManager.default.createDirectory(
      atPath: "\(scratch.path)/bin", withIntermediateDirectories: true)
    let commands = [
      "sbatch": "echo 4242",
      "squeue": "printf '0|PENDING\\n1|PENDING\\n'",
    ]
    for (name, body) in commands {
      let path = try scratch.write("#!/bin/sh\n\(body)\n", to: "bin/\(name)")
      #expect(chmod(path, 0o755) == 0)
    }
    let environment = ProcessInfo.processInfo.environment.merging([
      "PATH": "\(scratch.path)/bin:/usr/bin:/bin"
    ]) { $1 }
    let submit = try NudgeRunner.run(
      ["render", "n.md", "-p", "a=1,2", "--slurm"], in: scratch.path, environment: environment)
    #expect(submit.status == 0, "\(submit.standardError)")

    let listing = try NudgeRunner.run(
      ["runs", "n.md", "--json"], in: scratch.path, environment: environment)
    #expect(listing.status == 0, "\(listing.standardError)")
    let entries = try #require(
      try JSONSerialization.jsonObject(with: Data(listing.standardOutput.utf8)) as? [[String: Any]])
    #expect(entries.map { $0["status"] as? String } == ["pending", "pending"])
    #expect(
      entries.map { ($0["params"] as? [String: String])?["a"] } == ["1", "2"])
    #expect(
      entries.map { ($0["scheduler"] as? [String: Any])?["taskID"] as? Int } == [0, 1])
    #expect(
      entries.allSatisfy { ($0["scheduler"] as? [String: Any])?["jobID"] as? String == "4242" })
    let table = try NudgeRunner.run(["runs", "n.md"], in: scratch.path, environment: environment)
    #expect(table.standardOutput.contains("job 4242_1  pending  a=2"), "\(table.standardOutput)")
  }

  static func runScript(_ path: String, environment: [String: String]) throws -> NudgeRunner.Outcome
  {
    try NudgeRunner.run(
      [path], in: FileManager.default.currentDirectoryPath,
      executable: URL(fileURLWithPath: "/bin/bash"),
      environment: ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM") }
        .merging(environment) { $1 })
  }

  static func json(at path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }
}
