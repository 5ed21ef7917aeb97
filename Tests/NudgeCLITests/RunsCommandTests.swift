import Foundation
import Testing

/// Reruns, sweeps, run listings and diffs, through the command line as a user types them.
@Suite struct RunsCommandTests {
  /// A notebook that needs no data: cheap to run, with a param, a metric and a series.
  static let notebook = """
    ---
    title: Arithmetic
    params:
      factor: 2
    ---

    Some prose.

    ```swift
    //| name: base
    var values = [1.0, 2.0, 3.0]
    values.append(4.0)
    ```

    ```swift
    //| name: scaled
    var total = 0.0
    for value in values {
      total = total + value * Double(factor)
    }
    metric("total", total)
    total
    ```
    """

  func latestRecord(_ scratch: Scratch, notebook: String = "n") throws -> [String: Any] {
    let runs = scratch.files(under: "output/\(notebook)/runs").filter { $0.hasSuffix("run.json") }
    let last = try #require(runs.last)
    let data = try Data(
      contentsOf: URL(fileURLWithPath: "\(scratch.path)/output/\(notebook)/runs/\(last)"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  @Test func rerunReusesEveryCellAndRecordsIt() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    let first = try NudgeRunner.run(["render", "n.md"], in: scratch.path)
    #expect(first.status == 0, "\(first.standardError)")
    let second = try NudgeRunner.run(["render", "n.md"], in: scratch.path)
    #expect(second.status == 0)
    let record = try latestRecord(scratch)
    let cells = try #require(record["cells"] as? [[String: Any]])
    #expect(cells.allSatisfy { $0["cached"] as? Bool == true })
    #expect((record["metrics"] as? [String: Double])?["scaled.total"] == 20)
    let report = try String(contentsOfFile: "\(scratch.path)/output/n.html", encoding: .utf8)
    // Every cell's badge says so (the stylesheet also names the class: count the badges).
    #expect(report.components(separatedBy: "<span class=\"badge cached\">cached</span>").count == 3)

    let fresh = try NudgeRunner.run(["render", "n.md", "--no-cache"], in: scratch.path)
    #expect(fresh.status == 0)
    let freshCells = try #require(try latestRecord(scratch)["cells"] as? [[String: Any]])
    #expect(freshCells.allSatisfy { $0["cached"] as? Bool == false })
  }

  @Test func identicalRunsDiffAsUnchangedAndChangedOnesShowTheirDeltas() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    #expect(try NudgeRunner.run(["render", "n.md"], in: scratch.path).status == 0)
    #expect(try NudgeRunner.run(["render", "n.md", "--no-cache"], in: scratch.path).status == 0)
    let same = try NudgeRunner.run(["diff", "n.md"], in: scratch.path)
    #expect(same.status == 0)
    #expect(same.standardOutput.contains("no metric changed"))
    #expect(same.standardOutput.contains("every cell produced the same outputs"))

    #expect(
      try NudgeRunner.run(["render", "n.md", "-p", "factor=3"], in: scratch.path).status == 0)
    let changed = try NudgeRunner.run(["diff", "n.md@2", "n.md", "--json"], in: scratch.path)
    #expect(changed.status == 0)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(changed.standardOutput.utf8)) as? [String: Any])
    let metrics = try #require(json["metrics"] as? [[String: Any]])
    let total = try #require(metrics.first { $0["name"] as? String == "scaled.total" })
    #expect((total["deltas"] as? [Any])?.last as? Double == 10)
    #expect((json["firstDifferingCell"] as? [String: Any])?["name"] as? String == "scaled")

    let gate = try NudgeRunner.run(
      ["diff", "n.md@2", "n.md", "--fail-if", "total > 5"], in: scratch.path)
    #expect(gate.status == 1)
    #expect(gate.standardError.contains("scaled.total changed by 10"))
    let pass = try NudgeRunner.run(
      ["diff", "n.md@2", "n.md", "--fail-if", "total < 0"], in: scratch.path)
    #expect(pass.status == 0)

    let html = try NudgeRunner.run(
      ["diff", "n.md@2", "n.md", "--html", "diff.html"], in: scratch.path)
    #expect(html.status == 0)
    let page = try String(contentsOfFile: "\(scratch.path)/diff.html", encoding: .utf8)
    #expect(page.contains("Comparison of 2 runs"))
  }

  @Test func runsListsNewestFirstAndSkipsACorruptRecord() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    #expect(try NudgeRunner.run(["render", "n.md"], in: scratch.path).status == 0)
    #expect(
      try NudgeRunner.run(["render", "n.md", "-p", "factor=5"], in: scratch.path).status == 0)
    let folders = scratch.files(under: "output/n/runs").filter { !$0.contains("/") }
    try scratch.write("{ broken", to: "output/n/runs/\(folders[0])/run.json")
    let listing = try NudgeRunner.run(["runs", "n.md"], in: scratch.path)
    #expect(listing.status == 0)
    #expect(listing.standardOutput.contains("factor=5"))
    #expect(listing.standardOutput.contains("scaled.total=50"))
    #expect(!listing.standardOutput.contains("factor=2"))
    #expect(listing.standardError.contains("not a valid Nudge run record"))
  }

  @Test func aSweepRunsEveryValueAndComparesThem() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    let sweep = try NudgeRunner.run(
      ["render", "n.md", "-p", "factor=1,2,3", "--jobs", "2"], in: scratch.path)
    #expect(sweep.status == 0, "\(sweep.standardError)")
    #expect(sweep.standardOutput.contains("Sweep: 3 runs"))
    #expect(sweep.standardOutput.contains("1 of 1 metrics changed"))
    let records = scratch.files(under: "output/n/runs").filter { $0.hasSuffix("run.json") }
    #expect(records.count == 3)
    let listing = try NudgeRunner.run(["runs", "n.md", "--json"], in: scratch.path)
    let runs = try #require(
      try JSONSerialization.jsonObject(with: Data(listing.standardOutput.utf8)) as? [[String: Any]])
    let totals = Set(runs.compactMap { ($0["metrics"] as? [String: Double])?["scaled.total"] })
    #expect(totals == [10, 20, 30])
  }

  @Test func anEscapedCommaIsOneValueInASingleRunAndInASweep() throws {
    let scratch = try Scratch()
    let notebook = Self.notebook.replacingOccurrences(
      of: "  factor: 2\n", with: "  factor: 2\n  label: \"plain\"\n")
    try scratch.write(notebook, to: "n.md")
    let single = try NudgeRunner.run(["render", "n.md", "-p", "label=a\\,b"], in: scratch.path)
    #expect(single.status == 0, "\(single.standardError)")
    #expect(!single.standardOutput.contains("Sweep:"))
    #expect(
      try latestRecord(scratch)["params"] as? [String: Any] as NSDictionary? == [
        "factor": 2, "label": "a,b",
      ])

    let sweep = try NudgeRunner.run(
      ["render", "n.md", "-p", "label=a\\,b", "-p", "factor=1,2"], in: scratch.path)
    #expect(sweep.status == 0, "\(sweep.standardError)")
    #expect(sweep.standardOutput.contains("Sweep: 2 runs"))
    let records = scratch.files(under: "output/n/runs").filter { $0.hasSuffix("run.json") }
    #expect(records.count == 3)
    for record in records {
      let data = try Data(
        contentsOf: URL(fileURLWithPath: "\(scratch.path)/output/n/runs/\(record)"))
      let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
      #expect((json["params"] as? [String: Any])?["label"] as? String == "a,b")
    }
  }

  @Test func concurrentRendersBothCompleteWithDistinctRecords() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    let outcomes = Locked<[Int32]>([])
    let folder = scratch.path
    DispatchQueue.concurrentPerform(iterations: 4) { index in
      let outcome = try? NudgeRunner.run(
        ["render", "n.md", "-p", "factor=\(index + 1)"], in: folder)
      outcomes.update { $0.append(outcome?.status ?? -1) }
    }
    #expect(outcomes.get() == [0, 0, 0, 0])
    let records = scratch.files(under: "output/n/runs").filter { $0.hasSuffix("run.json") }
    #expect(records.count == 4)
    #expect(scratch.files(under: "output").allSatisfy { !$0.hasSuffix(".tmp") })
  }

  @Test func aCorruptCacheEntryIsReportedAndRecomputed() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    #expect(try NudgeRunner.run(["render", "n.md"], in: scratch.path).status == 0)
    for entry in scratch.files(under: "output/n/cache") where entry.hasSuffix(".cell") {
      try scratch.write("not json at all", to: "output/n/cache/\(entry)")
    }
    let rerun = try NudgeRunner.run(["render", "n.md"], in: scratch.path)
    #expect(rerun.status == 0)
    #expect(rerun.standardError.contains("cache entry does not match its checksum"))
    #expect((try latestRecord(scratch)["metrics"] as? [String: Double])?["scaled.total"] == 20)
  }

  /// Ctrl-C (SIGINT, exit 130), and SIGTERM (exit 143) as `timeout` and Slurm send it to a task
  /// they cancel or time out.
  @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
  func aStopSignalFinishesTheReportAndRecordsAnInterruptedRun(stopSignal: Int32, status: Int32)
    throws
  {
    let scratch = try Scratch()
    try writeLongTraining(into: scratch)
    let process = try NudgeRunner.start(["render", "long.md", "-q"], in: scratch.path)
    // The training cell saves before it trains: once the file is there, training is under way.
    let started = FileSystemWait.until(seconds: 120, under: scratch.path) {
      FileManager.default.fileExists(atPath: "\(scratch.path)/output/long/started.safetensors")
    }
    #expect(started && process.isRunning, "training started")
    #expect(try latestRecord(scratch, notebook: "long")["status"] as? String == "running")
    kill(process.processIdentifier, stopSignal)
    #expect(NudgeRunner.waitForExit(process, seconds: 60), "the render ends after the signal")
    #expect(process.terminationStatus == status)
    let record = try latestRecord(scratch, notebook: "long")
    #expect(record["status"] as? String == "interrupted")
    let cells = try #require(record["cells"] as? [[String: Any]])
    #expect(cells.map { $0["status"] as? String } == ["ok", "interrupted", "not-run"])
    #expect(FileManager.default.fileExists(atPath: "\(scratch.path)/output/long.html"))
  }
}

extension RunsCommandTests {
  /// A stop signal ends a long interpreter loop too, not only training.
  @Test func sigtermStopsALongLoopAndRecordsAnInterruptedRun() throws {
    let scratch = try Scratch()
    try scratch.write(
      """
      ```swift
      //| name: loop
      save(network([2, 2], seed: 1), "started")
      var total = 0
      for index in 0..<1_000_000_000 {
        total = total + index
      }
      ```

      ```swift
      //| name: after
      print("never reached")
      ```
      """, to: "loop.md")
    let process = try NudgeRunner.start(
      ["render", "loop.md", "-q", "--no-cache"], in: scratch.path)
    // The loop runs once the cell has saved its file.
    let started = FileSystemWait.until(seconds: 60, under: scratch.path) {
      FileManager.default.fileExists(atPath: "\(scratch.path)/output/loop/started.safetensors")
    }
    #expect(started && process.isRunning, "the loop started")
    kill(process.processIdentifier, SIGTERM)
    // A loop that ignored the signal would run for many minutes: end it rather than hang.
    if !NudgeRunner.waitForExit(process, seconds: 30) {
      kill(process.processIdentifier, SIGKILL)
      Issue.record("the loop went on for 30 s after SIGTERM")
    }
    process.waitUntilExit()
    #expect(process.terminationStatus == 143)  // as shells report a death by SIGTERM
    let record = try latestRecord(scratch, notebook: "loop")
    #expect(record["status"] as? String == "interrupted")
    let cells = try #require(record["cells"] as? [[String: Any]])
    #expect(cells.map { $0["status"] as? String } == ["interrupted", "not-run"])
  }

  /// A sweep's runs are processes of their own, in process groups of their own: a stop signal to
  /// the sweep reaches them only through it, and each records itself interrupted.
  @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
  func aSweepPassesAStopSignalToItsRuns(stopSignal: Int32, status: Int32) throws {
    let scratch = try Scratch()
    try scratch.write(
      """
      ---
      params:
        step: 1
      ---
      ```swift
      //| name: loop
      var total = 0
      for index in 0..<1_000_000_000 {
        total = total + index * step
      }
      ```
      """, to: "sweep.md")
    let process = try NudgeRunner.start(
      ["render", "sweep.md", "-q", "--no-cache", "-p", "step=1,2", "--jobs", "2"],
      in: scratch.path)
    let runs = "\(scratch.path)/output/sweep/runs"
    // Ready once both runs have written their `running` record (their cells start right after).
    let ready = FileSystemWait.until(seconds: 60, under: scratch.path) {
      RunsCommandTests.statuses(in: runs) == ["running", "running"]
    }
    #expect(ready, "both runs started: \(RunsCommandTests.statuses(in: runs))")
    kill(process.processIdentifier, stopSignal)
    if !NudgeRunner.waitForExit(process, seconds: 60) {
      kill(process.processIdentifier, SIGKILL)
      Issue.record("the sweep went on for 60 s after the signal")
    }
    process.waitUntilExit()
    #expect(process.terminationStatus == status)
    #expect(RunsCommandTests.statuses(in: runs) == ["interrupted", "interrupted"])
  }

  /// The status of each run record under `runs`, in the order of the run folders.
  static func statuses(in runs: String) -> [String] {
    let folders = ((try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? []).sorted()
    return folders.compactMap { folder in
      guard let data = FileManager.default.contents(atPath: "\(runs)/\(folder)/run.json"),
        let record = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
      else { return nil }
      return record["status"] as? String
    }
  }
}

/// Writes `long.md`, a notebook whose training runs for minutes (to be stopped), with a copy of
/// the MNIST files it reads.
func writeLongTraining(into scratch: Scratch) throws {
  // A copy, not a link: cells may not follow links out of the notebook's folder.
  try FileManager.default.createDirectory(
    atPath: "\(scratch.path)/data", withIntermediateDirectories: true)
  try FileManager.default.copyItem(
    atPath: NudgeRunner.repositoryRoot.appendingPathComponent("notebooks/data/mnist").path,
    toPath: "\(scratch.path)/data/mnist")
  try scratch.write(
    """
    ```swift
    //| name: setup
    let data = mnist(train: 2000, test: 100)
    let net = network([784, 16, 10], seed: 1)
    ```

    ```swift
    //| name: train
    save(net, "started")
    net.train(on: data.train, epochs: 5000, batchSize: 10, learningRate: 1.0)
    ```

    ```swift
    //| name: after
    print("never reached")
    ```
    """, to: "long.md")
}

/// A value shared between threads behind a lock.
final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value
  init(_ value: Value) { self.value = value }
  func update(_ change: (inout Value) -> Void) { lock.withLock { change(&value) } }
  func get() -> Value { lock.withLock { value } }
}
