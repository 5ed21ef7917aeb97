import Foundation
import Notebook
import Testing

@testable import Runs

@Suite struct SlurmSweepProgressTests {
  let sweep = SlurmSweep(
    jobID: "40", notebook: "n.md", submittedAt: "2026-11-29T06:00:00.000Z",
    scriptPath: "/s/x.sbatch",
    logDirectory: "/s",
    tasks: (0..<6).map {
      SlurmSweep.Task(
        index: $0, params: [.init(name: "seed", value: "\($0)")], command: "nudge render n.md")
    })

  func run(task: Int, status: RunStatus, job: String = "40", id: String? = nil) -> StoredRun {
    var record = makeRecord(id: id ?? "r\(task)")
    record.status = status
    record.scheduler = SchedulerTask(system: "slurm", jobID: job, taskID: task, node: "vm")
    return StoredRun(directory: "/out/\(record.id)", record: record)
  }

  @Test func eachTaskTakesItsRecordOrTheSchedulersWord() {
    let runs = [
      run(task: 0, status: .ok), run(task: 1, status: .failed), run(task: 2, status: .running),
      run(task: 3, status: .running),
      // Another job's record for the same task index is not this sweep's.
      run(task: 5, status: .ok, job: "41", id: "other"),
    ]
    var askedForEndings = 0
    let progress = SlurmSweepProgress(
      sweep: sweep, runs: runs, active: [2: "RUNNING", 5: "PENDING"],
      ended: {
        askedForEndings += 1
        return [
          3: .init(state: "CANCELLED", exitCode: "0:15"),
          4: .init(state: "FAILED", exitCode: "2:0"),
        ]
      })
    #expect(
      progress.tasks.map(\.state) == [
        .run(.ok), .run(.failed), .run(.running), .run(.interrupted), .run(.failed), .pending,
      ])
    #expect(askedForEndings == 1)
    #expect(progress.tasks[4].note == "ended without recording a run (FAILED, exit 2:0)")
    #expect(progress.tasks[4].logPath == "/s/40_4.log")
    #expect(progress.tasks[3].note?.contains("CANCELLED") == true)
    #expect(progress.isInFlight)
    #expect(progress.finishedRuns.map(\.record.id) == ["r0", "r1"])
    #expect(progress.summary == "1 ok, 2 failed, 1 interrupted, 1 running, 1 pending")
  }

  @Test func theNewestRecordOfARequeuedTaskCounts() {
    let progress = SlurmSweepProgress(
      sweep: sweep,
      runs: [
        run(task: 0, status: .ok, id: "b-second"),
        run(task: 0, status: .interrupted, id: "a-first"),
      ],
      active: [:], ended: { [:] })
    #expect(progress.tasks[0].state == .run(.ok))
    #expect(progress.tasks[0].run?.record.id == "b-second")
    #expect(!progress.isInFlight)
  }

  @Test func sweepRecordsRoundTripAndAreFoundByJobID() throws {
    let output = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: output) }
    let layout = OutputLayout(notebookPath: "notebooks/n.md", outputDirectory: output)
    try sweep.save(to: SlurmSweep.path(of: layout, jobID: sweep.jobID))
    let (found, foundLayout) = try SlurmSweep.find(jobID: "40", outputDirectory: output)
    #expect(found == sweep)
    #expect(foundLayout == layout)
    #expect(SlurmSweep.all(in: layout).sweeps == [sweep])
    #expect(throws: RunsError.self) { try SlurmSweep.find(jobID: "39", outputDirectory: output) }
  }
}
