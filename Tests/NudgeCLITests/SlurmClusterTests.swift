import Foundation
import Testing

/// Sweeps submitted to the one-node Slurm cluster of `scripts/slurm-up`, end to end.
@Suite(
  .enabled(
    if: LocalSlurm.shouldRun,
    "no Slurm cluster answers here: start one with scripts/slurm-up (as root; make test does); NUDGE_REQUIRE_SLURM=1 makes this a failure"
  ))
struct SlurmClusterTests {
  init() throws {
    if let reason = LocalSlurm.unavailability {
      Issue.record("Slurm is required (NUDGE_REQUIRE_SLURM=1): \(reason)")
    }
  }

  func records(_ scratch: Scratch, output: String = "output", notebook: String) throws -> [[String:
    Any]]
  {
    try scratch.files(under: "\(output)/\(notebook)/runs").filter { $0.hasSuffix("run.json") }.map {
      try SlurmScriptCommandTests.json(at: "\(scratch.path)/\(output)/\(notebook)/runs/\($0)")
    }
  }

  @Test func aTwoByTwoSweepRunsAsOneArrayAndIsReadLikeALocalSweep() throws {
    let scratch = try Scratch()
    try scratch.write(SlurmScriptCommandTests.notebook, to: "n.md")
    // Held, so that the tasks are seen pending before any starts.
    let submit = try NudgeRunner.run(
      ["render", "n.md", "-p", "a=1,2", "-p", "b=10,20", "--slurm", "--slurm-option", "--hold"],
      in: scratch.path)
    #expect(submit.status == 0, "\(submit.standardError)")
    let jobID = try #require(
      LocalSlurm.jobID(in: submit.standardOutput), "\(submit.standardOutput)")
    defer { _ = try? LocalSlurm.command("scancel", [jobID]) }

    let pending = try NudgeRunner.run(["runs", "n.md"], in: scratch.path)
    #expect(pending.status == 0, "\(pending.standardError)")
    for task in 0..<4 {
      let row = pending.standardOutput.split(separator: "\n").first {
        $0.contains("job \(jobID)_\(task) ")
      }
      #expect(row?.contains("pending") == true, "\(pending.standardOutput)")
    }

    #expect(try LocalSlurm.command("scontrol", ["release", jobID]).status == 0)
    let wait = try NudgeRunner.run(
      ["sweep", "wait", jobID, "--poll-interval", "0.5"], in: scratch.path)
    #expect(wait.status == 0, "\(wait.standardOutput)\(wait.standardError)")
    #expect(wait.standardOutput.contains("Job \(jobID) ended: 4 ok"))
    #expect(wait.standardOutput.contains("[4/4] a=2 b=20: ok"))
    #expect(wait.standardOutput.contains("sum.sum"), "the comparison table lists the metric")

    let records = try records(scratch, notebook: "n")
    #expect(records.count == 4)
    #expect(records.allSatisfy { $0["status"] as? String == "ok" })
    let tasks = records.compactMap { $0["scheduler"] as? [String: Any] }
    #expect(Set(tasks.compactMap { $0["taskID"] as? Int }) == [0, 1, 2, 3])
    #expect(
      tasks.allSatisfy {
        $0["jobID"] as? String == jobID && $0["node"] as? String == LocalSlurm.nodeName
      })
    let sums = records.compactMap { ($0["metrics"] as? [String: Double])?["sum.sum"] }
    #expect(sums.sorted() == [11, 12, 21, 22])

    let listing = try NudgeRunner.run(["runs", "n.md"], in: scratch.path)
    #expect(listing.standardOutput.split(separator: "\n").filter { $0.contains(" ok ") }.count == 4)
    #expect(!listing.standardOutput.contains("pending"))
    let diff = try NudgeRunner.run(["diff", "n.md@4", "n.md@1"], in: scratch.path)
    #expect(diff.status == 0, "\(diff.standardError)")
    #expect(diff.standardOutput.contains("sum.sum"))
  }

  @Test func aCombinationThatFailsIsNamedWithItsLog() throws {
    let scratch = try Scratch()
    try scratch.write(SlurmScriptCommandTests.notebook, to: "n.md")
    let outcome = try NudgeRunner.run(
      // An output folder with a space: its log path must reach sbatch whole.
      [
        "render", "n.md", "-o", "my output", "-p", "a=1,oops", "--slurm", "--wait",
        "--poll-interval", "0.5",
      ],
      in: scratch.path)
    #expect(outcome.status == 1, "\(outcome.standardOutput)\(outcome.standardError)")
    let jobID = try #require(LocalSlurm.jobID(in: outcome.standardOutput))
    #expect(outcome.standardOutput.contains("[1/2] a=1: ok"))
    let failed = try #require(
      outcome.standardOutput.split(separator: "\n").first { $0.hasPrefix("[2/2] a=oops: failed") },
      "\(outcome.standardOutput)")
    let logPath = try #require(failed.range(of: "; log ").map { String(failed[$0.upperBound...]) })
    #expect(logPath.hasSuffix("/my output/n/slurm/\(jobID)_1.log"))
    let log = try String(contentsOfFile: logPath, encoding: .utf8)
    #expect(log.contains("oops"), "the log says what was wrong: \(log)")
    #expect(
      try records(scratch, output: "my output", notebook: "n").map { $0["status"] as? String } == [
        "ok"
      ])
    // The listing shows the task that recorded no run, with its log.
    let listing = try NudgeRunner.run(["runs", "n.md", "-o", "my output"], in: scratch.path)
    let row = listing.standardOutput.split(separator: "\n").first { $0.contains("job \(jobID)_1 ") }
    #expect(row?.contains("failed") == true, "\(listing.standardOutput)")
    #expect(row?.contains("log \(logPath)") == true, "\(listing.standardOutput)")
  }

  @Test func aCancelledTaskLeavesAnInterruptedRecord() throws {
    let scratch = try Scratch()
    try writeLongTraining(into: scratch)
    let submit = try NudgeRunner.run(["render", "long.md", "--slurm"], in: scratch.path)
    #expect(submit.status == 0, "\(submit.standardError)")
    let jobID = try #require(LocalSlurm.jobID(in: submit.standardOutput))
    defer { _ = try? LocalSlurm.command("scancel", [jobID]) }

    // The training cell saves before it trains: once the file is there, training is under way.
    let started = FileSystemWait.until(seconds: 120, under: scratch.path) {
      FileManager.default.fileExists(atPath: "\(scratch.path)/output/long/started.safetensors")
    }
    #expect(started, "the task started training")
    let running = try NudgeRunner.run(["runs", "long.md"], in: scratch.path)
    #expect(running.standardOutput.contains("  running"), "\(running.standardOutput)")

    #expect(try LocalSlurm.command("scancel", [jobID]).status == 0)
    let wait = try NudgeRunner.run(
      ["sweep", "wait", jobID, "--poll-interval", "0.5"], in: scratch.path)
    #expect(wait.status == 1)
    #expect(wait.standardOutput.contains("[1/1] (defaults): interrupted"), "\(wait.standardOutput)")
    let record = try #require(try records(scratch, notebook: "long").first)
    #expect(record["status"] as? String == "interrupted")
    #expect((record["scheduler"] as? [String: Any])?["jobID"] as? String == jobID)
    #expect((record["cells"] as? [[String: Any]])?.last?["status"] as? String == "not-run")
  }
}
