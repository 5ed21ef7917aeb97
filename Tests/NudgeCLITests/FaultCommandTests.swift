import Foundation
import Testing

/// Faults from outside the notebook (a killed process, a full or read-only disk, an output path
/// that is a file, renders racing each other): each ends in a clear error or a correct result,
/// and never loses an earlier run or leaves a half-made run folder.
@Suite("nudge under faults", .serialized)
struct FaultCommandTests {
  static let quick = """
    ```swift
    //| name: quick
    let answer = 21 * 2
    print("answer \\(answer)")
    ```
    """

  /// The visible run folders (hidden ones are work in progress, never listed).
  static func runFolders(_ scratch: Scratch, _ output: String, notebook: String = "n") -> [String] {
    let runs = "\(scratch.path)/\(output)/\(notebook)/runs"
    return ((try? FileManager.default.contentsOfDirectory(atPath: runs)) ?? [])
      .filter { !$0.hasPrefix(".") }.sorted()
  }

  /// The ids `nudge runs --json` lists, expecting no complaint about any folder.
  static func listedRuns(_ scratch: Scratch, _ output: String, notebook: String = "n.md") throws
    -> [String]
  {
    let outcome = try NudgeRunner.run(["runs", notebook, "-o", output, "--json"], in: scratch.path)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardError.isEmpty, "runs complains: \(outcome.standardError)")
    let records = try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8))
    return try #require(records as? [[String: Any]]).compactMap { $0["id"] as? String }
  }

  @Test("kill -9 in the middle of training loses nothing; the killed run is listed as interrupted")
  func killedMidTraining() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      atPath: "\(scratch.path)/data", withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: NudgeRunner.repositoryRoot.appendingPathComponent("notebooks/data/mnist").path,
      toPath: "\(scratch.path)/data/mnist")
    try scratch.write(
      """
      ---
      params:
        epochs: 1
      ---
      ```swift
      //| name: setup
      let data = mnist(train: 500, test: 100)
      let net = network([784, 16, 10], seed: 1)
      ```

      ```swift
      //| name: train
      save(net, "started")
      net.train(on: data.train, epochs: epochs, batchSize: 10, learningRate: 1.0)
      print("trained")
      ```
      """, to: "n.md")
    let first = try NudgeRunner.run(["render", "n.md"], in: scratch.path)
    #expect(first.status == 0, "\(first.standardError)")
    let report = try Data(contentsOf: URL(fileURLWithPath: "\(scratch.path)/output/n.html"))
    let started = "\(scratch.path)/output/n/started.safetensors"
    try FileManager.default.removeItem(atPath: started)

    let process = try NudgeRunner.start(
      ["render", "n.md", "-p", "epochs=1000000", "-q"], in: scratch.path)
    // The training cell saves before it trains: once the file is there, training is under way.
    FileSystemWait.until(seconds: 120, under: scratch.path) {
      FileManager.default.fileExists(atPath: started) || !process.isRunning
    }
    #expect(process.isRunning, "the long render is still training when killed")
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)

    // The killed run keeps the `running` record it wrote when it started; its process is gone,
    // so it is listed as interrupted, and the first run is untouched.
    #expect(Self.runFolders(scratch, "output").count == 2, "\(Self.runFolders(scratch, "output"))")
    #expect(try Self.listedRuns(scratch, "output").count == 2)
    let listing = try NudgeRunner.run(["runs", "n.md"], in: scratch.path)
    let killedRow = listing.standardOutput.split(separator: "\n").first { $0.contains("@1") }
    #expect(killedRow?.contains("interrupted") == true, "\(listing.standardOutput)")
    let after = try Data(contentsOf: URL(fileURLWithPath: "\(scratch.path)/output/n.html"))
    #expect(after == report, "the latest report is still the first run's")
    let rerun = try NudgeRunner.run(["render", "n.md"], in: scratch.path)
    #expect(rerun.status == 0, "\(rerun.standardError)")
    #expect(try Self.listedRuns(scratch, "output").count == 3)
  }

  @Test("an output path that is a file, lies below a file, or is empty is refused")
  func outputIsAFile() throws {
    let scratch = try Scratch()
    try scratch.write(Self.quick, to: "n.md")
    try scratch.write("keep me", to: "taken")
    for output in ["taken", "taken/below", ""] {
      let outcome = try NudgeRunner.run(["render", "n.md", "-o", output], in: scratch.path)
      #expect(outcome.status == 2, "-o '\(output)': \(outcome.standardError)")
      #expect(
        outcome.standardError.hasPrefix("error: "), "-o '\(output)': \(outcome.standardError)")
      #expect(outcome.standardOutput.isEmpty)
    }
    #expect(try String(contentsOfFile: "\(scratch.path)/taken", encoding: .utf8) == "keep me")
    #expect(scratch.files() == ["n.md", "taken"])
  }

  @Test("8 renders of one notebook at once each record a complete run")
  func concurrentRenders() throws {
    let scratch = try Scratch()
    try scratch.write(
      Self.quick + "\n\n```swift\nlet net = network([4, 3, 2], seed: 1)\nsave(net, \"net\")\n```\n",
      to: "n.md")
    let statuses = Locked<[Int32]>([])
    let folder = scratch.path
    DispatchQueue.concurrentPerform(iterations: 8) { _ in
      let outcome = try? NudgeRunner.run(["render", "n.md"], in: folder)
      statuses.update { $0.append(outcome?.status ?? -1) }
    }
    #expect(statuses.get() == Array(repeating: 0, count: 8))
    #expect(Self.runFolders(scratch, "output").count == 8)
    #expect(try Self.listedRuns(scratch, "output").count == 8)
    let page = try String(contentsOfFile: "\(scratch.path)/output/n.html", encoding: .utf8)
    #expect(page.contains("answer 42") && page.hasSuffix("</html>\n"))
    #expect(scratch.files(under: "output").filter { $0.hasSuffix(".tmp") }.isEmpty)
  }

  /// A scratch folder with a tmpfs mounted at `out` and a first run of `quick` rendered into it,
  /// unmounted when the test ends.
  final class MountedOutput {
    let scratch: Scratch
    var folder: String { scratch.path + "/out" }
    /// The first run's report.
    var report = Data()

    init(options: String) throws {
      scratch = try Scratch()
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      try #require(ScratchMount.mount(at: folder, options: options), "mount tmpfs \(options)")
      try scratch.write(FaultCommandTests.quick, to: "n.md")
      let first = try NudgeRunner.run(["render", "n.md", "-o", "out"], in: scratch.path)
      #expect(first.status == 0, "\(first.standardError)")
      report = try latestReport()
    }

    func latestReport() throws -> Data {
      try Data(contentsOf: URL(fileURLWithPath: folder + "/n.html"))
    }

    deinit { ScratchMount.unmount(folder) }
  }

  @Test(
    "a read-only output folder: a clear error, and the earlier run kept",
    .enabled(if: ScratchMount.isAvailable, "needs root to mount a tmpfs"))
  func readOnlyOutput() throws {
    let mounted = try MountedOutput(options: "size=4m")
    let scratch = mounted.scratch
    try #require(ScratchMount.remount(mounted.folder, options: "ro"))
    let outcome = try NudgeRunner.run(["render", "n.md", "-o", "out"], in: scratch.path)
    #expect(outcome.status == 2, "\(outcome.standardError)")
    #expect(outcome.standardError.contains("Read-only file system"), "\(outcome.standardError)")
    #expect(try mounted.latestReport() == mounted.report, "the latest report is the first run's")
    #expect(try Self.listedRuns(scratch, "out").count == 1)
  }

  @Test(
    "a full disk: a clear error, the earlier run kept, no half-made run or temporary file",
    .enabled(if: ScratchMount.isAvailable, "needs root to mount a tmpfs"))
  func fullDisk() throws {
    let mounted = try MountedOutput(options: "size=1m")
    let scratch = mounted.scratch
    // Fill the disk to its last byte.
    let filler = try #require(
      FileHandle(
        forWritingAtPath: {
          FileManager.default.createFile(atPath: "\(mounted.folder)/filler", contents: nil)
          return "\(mounted.folder)/filler"
        }()))
    let block = Data(count: 4096)
    while (try? filler.write(contentsOf: block)) != nil {}
    try? filler.close()

    let outcome = try NudgeRunner.run(["render", "n.md", "-o", "out"], in: scratch.path)
    #expect(outcome.status != 0)
    #expect(outcome.standardError.contains("No space left on device"), "\(outcome.standardError)")
    #expect(try mounted.latestReport() == mounted.report, "the latest report is the first run's")
    #expect(Self.runFolders(scratch, "out").count == 1)
    #expect(try Self.listedRuns(scratch, "out").count == 1)
    let leftovers = scratch.files(under: "out").filter {
      $0.hasSuffix(".tmp") || $0.contains(".pending-")
    }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }
}
