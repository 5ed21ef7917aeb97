import Foundation
import Testing

/// What a crafted param, record or notebook name can do to `nudge runs`, `nudge diff` and the
/// output folder: nothing but show up as text.
@Suite struct HostileRecordCommandTests {
  static let escape = "\u{1B}"

  /// The JSON of the newest run record under `output/<folder>/runs`.
  static func newestRecord(_ scratch: Scratch, folder: String) throws -> [String: Any] {
    let records = scratch.files(under: "output/\(folder)/runs").filter { $0.hasSuffix("run.json") }
    let path = "\(scratch.path)/output/\(folder)/runs/\(try #require(records.last))"
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// Rewrites every record under `output/<folder>/runs` with `change`.
  static func editRecords(
    _ scratch: Scratch, folder: String, _ change: (inout [String: Any]) -> Void
  ) throws {
    for name in scratch.files(under: "output/\(folder)/runs") where name.hasSuffix("run.json") {
      let path = "\(scratch.path)/output/\(folder)/runs/\(name)"
      var record = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
          as? [String: Any])
      change(&record)
      try JSONSerialization.data(withJSONObject: record).write(to: URL(fileURLWithPath: path))
    }
  }

  @Test("two notebooks of one name in different folders keep their runs apart")
  func sameNameInTwoFolders() throws {
    let scratch = try Scratch()
    for folder in ["a", "b"] {
      try FileManager.default.createDirectory(
        atPath: "\(scratch.path)/\(folder)", withIntermediateDirectories: true)
      try scratch.write(
        "```swift\n//| name: only\nmetric(\"which\", \(folder == "a" ? 1 : 2))\n```\n",
        to: "\(folder)/n.md")
    }
    for notebook in ["a/n.md", "b/n.md", "a/n.md"] {
      let outcome = try NudgeRunner.run(["render", notebook, "-q"], in: scratch.path)
      #expect(outcome.status == 0, "\(notebook): \(outcome.standardError)")
    }
    // The first notebook keeps the plain layout; the second gets a folder of its own.
    let folders = try FileManager.default.contentsOfDirectory(atPath: "\(scratch.path)/output")
      .filter { !$0.hasSuffix(".html") }.sorted()
    #expect(folders.count == 2 && folders[0] == "n" && folders[1].hasPrefix("n-"), "\(folders)")
    let other = folders.last ?? ""
    #expect(
      try String(contentsOfFile: "\(scratch.path)/output/n/notebook.txt", encoding: .utf8)
        == "../a/n.md\n")
    #expect(
      try String(contentsOfFile: "\(scratch.path)/output/\(other)/notebook.txt", encoding: .utf8)
        == "../b/n.md\n")
    #expect(scratch.files(under: "output/n/runs").filter { $0.hasSuffix("run.json") }.count == 2)
    #expect(
      scratch.files(under: "output/\(other)/runs").filter { $0.hasSuffix("run.json") }.count == 1)
    #expect(
      (try Self.newestRecord(scratch, folder: other)["metrics"] as? [String: Double])?["only.which"]
        == 2)
    #expect(FileManager.default.fileExists(atPath: "\(scratch.path)/output/\(other).html"))

    // Listing and diffing by notebook find each notebook's own runs.
    let listing = try NudgeRunner.run(["runs", "b/n.md", "--json"], in: scratch.path)
    let runs = try #require(
      try JSONSerialization.jsonObject(with: Data(listing.standardOutput.utf8)) as? [[String: Any]])
    #expect(runs.count == 1)
    #expect((runs.first?["notebook"] as? [String: Any])?["path"] as? String == "b/n.md")
    let diff = try NudgeRunner.run(["diff", "a/n.md", "--json"], in: scratch.path)
    #expect(diff.status == 0, "\(diff.standardError)")
    #expect(!diff.standardOutput.contains("b/n.md"))
    // Named another way (./, a longer path), the notebook is still the same one.
    let again = try NudgeRunner.run(["render", "./b/../b/n.md", "-q"], in: scratch.path)
    #expect(again.status == 0)
    #expect(
      scratch.files(under: "output/\(other)/runs").filter { $0.hasSuffix("run.json") }.count == 2)
  }

  @Test("control characters from params and records reach the terminal as escapes")
  func controlCharactersAreEscaped() throws {
    let scratch = try Scratch()
    try scratch.write(
      """
      ---
      params:
        label: "plain"
      ---
      ```swift
      //| name: only
      metric("size", Double(label.count))
      ```
      """, to: "n.md")
    let hostile = "\(Self.escape)]0;owned\u{07}\(Self.escape)[2J\u{9B}31m\u{202E}txt"
    #expect(try NudgeRunner.run(["render", "n.md", "-q"], in: scratch.path).status == 0)
    let render = try NudgeRunner.run(
      ["render", "n.md", "-q", "-p", "label=\(hostile)"], in: scratch.path)
    #expect(render.status == 0, "\(render.standardError)")
    try Self.editRecords(scratch, folder: "n") { record in
      record["metrics"] = ["only.size\(Self.escape)[8m": 1.0]
    }
    let outcomes = [
      try NudgeRunner.run(["runs", "n.md"], in: scratch.path),
      try NudgeRunner.run(["diff", "n.md"], in: scratch.path),
      try NudgeRunner.run(
        ["diff", "n.md", "--fail-if", "\(Self.escape)[8mx > 1"], in: scratch.path),
      try NudgeRunner.run(["render", "missing\(Self.escape)[31m.md"], in: scratch.path),
    ]
    for outcome in outcomes {
      let text = outcome.standardOutput + outcome.standardError
      let raw = text.unicodeScalars.filter {
        ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}"
      }
      #expect(raw.isEmpty, "raw control characters in: \(text.debugDescription)")
    }
    #expect(
      outcomes[0].standardOutput.contains(
        "label=\\u{1B}]0;owned\\u{7}\\u{1B}[2J\\u{9B}31m\\u{202E}txt"))
    #expect(outcomes[1].standardOutput.contains("only.size\\u{1B}[8m"))
    #expect(outcomes[2].standardError.contains("\\u{1B}[8mx"), "\(outcomes[2].standardError)")
    #expect(
      outcomes[3].standardError.contains("missing\\u{1B}[31m.md"), "\(outcomes[3].standardError)")
  }

  @Test("a crafted record puts no link or markup into the diff page")
  func craftedRecordInTheDiffPage() throws {
    let scratch = try Scratch()
    try scratch.write(RunsCommandTests.notebook, to: "n.md")
    #expect(try NudgeRunner.run(["render", "n.md"], in: scratch.path).status == 0)
    #expect(
      try NudgeRunner.run(["render", "n.md", "-p", "factor=3"], in: scratch.path).status == 0)
    let link = "[here](https://example.com/a) <a href=\"https://example.com/b\">b</a>"
    try Self.editRecords(scratch, folder: "n") { record in
      var cells = record["cells"] as? [[String: Any]] ?? []
      for index in cells.indices { cells[index]["name"] = "x` \(link) `" }
      record["cells"] = cells
      record["notebook"] = ["path": link, "sha256": "0"]
      record["metrics"] = ["m \(link)": 1.0]
      record["series"] = ["s \(link)": [1.0, 2.0]]
    }
    let outcome = try NudgeRunner.run(["diff", "n.md", "--html", "diff.html"], in: scratch.path)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let page = try String(contentsOfFile: "\(scratch.path)/diff.html", encoding: .utf8)
    let links = page.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
    #expect(!links.isEmpty && links.allSatisfy { $0.hasPrefix("#") }, "\(links)")
    #expect(!page.contains("<a href=\"https"))
    // The crafted text is there, as text.
    #expect(page.contains("<td>x` [here](https://example.com/a) &lt;a href="))
  }

  @Test("cell names that could make two metrics one are refused")
  func metricNamesCannotCollide() throws {
    let scratch = try Scratch()
    try scratch.write(
      """
      ```swift
      //| name: a.b
      metric("c", 1)
      ```

      ```swift
      //| name: a
      metric("b.c", 2)
      ```
      """, to: "dotted.md")
    let dotted = try NudgeRunner.run(["render", "dotted.md"], in: scratch.path)
    #expect(dotted.status == 2)
    #expect(
      dotted.standardError.contains(
        "dotted.md:2:11: error: cell name 'a.b' must be letters, digits, '_' or '-'"),
      "\(dotted.standardError)")
    try scratch.write(
      """
      ```swift
      //| name: cell2
      metric("m", 1)
      ```

      ```swift
      metric("m", 2)
      ```
      """, to: "default.md")
    let clash = try NudgeRunner.run(["render", "default.md"], in: scratch.path)
    #expect(clash.status == 2)
    #expect(
      clash.standardError.contains(
        "default.md:6:1: error: default cell name 'cell2' is already used by the cell at line 1"),
      "\(clash.standardError)")
    #expect(scratch.files() == ["default.md", "dotted.md"])
  }

  @Test("a gate fails closed when the metric became NaN or was not recorded")
  func failIfFailsClosed() throws {
    let scratch = try Scratch()
    try scratch.write(
      """
      ---
      params:
        factor: 1
      ---
      ```swift
      //| name: m
      if factor != 3 {
        metric("loss", sqrt(Double(1 - factor)))
      }
      ```
      """, to: "n.md")
    for factor in [1, 2, 3] {
      let outcome = try NudgeRunner.run(
        ["render", "n.md", "-q", "-p", "factor=\(factor)"], in: scratch.path)
      #expect(outcome.status == 0, "\(outcome.standardError)")
    }
    // @3 has loss 0; @2 has NaN (the square root of -1); @1 has none.
    let nan = try NudgeRunner.run(
      ["diff", "n.md@3", "n.md@2", "--fail-if", "loss > 0.01"], in: scratch.path)
    #expect(nan.status == 1)
    #expect(nan.standardError.contains("m.loss is NaN"), "\(nan.standardError)")
    let missing = try NudgeRunner.run(
      ["diff", "n.md@3", "n.md@1", "--fail-if", "loss > 0.01"], in: scratch.path)
    #expect(missing.status == 1)
    #expect(missing.standardError.contains("m.loss is not recorded"), "\(missing.standardError)")
    let unknown = try NudgeRunner.run(
      ["diff", "n.md@3", "n.md@1", "--fail-if", "accuracy > 0.01"], in: scratch.path)
    #expect(unknown.status == 2)
  }

  @Test("diff NOTEBOOK.md@N counts finished runs only; a running run is named as such")
  func aRunningRunIsNotDiffed() throws {
    let scratch = try Scratch()
    try scratch.write(RunsCommandTests.notebook, to: "n.md")
    #expect(try NudgeRunner.run(["render", "n.md", "-q"], in: scratch.path).status == 0)
    #expect(
      try NudgeRunner.run(["render", "n.md", "-q", "-p", "factor=3"], in: scratch.path).status == 0)
    // A third run still in flight: its process (this test) is alive.
    let runs = "\(scratch.path)/output/n/runs"
    let finished = try FileManager.default.contentsOfDirectory(atPath: runs).sorted()
    let inFlight = "29991231-235959-999-aaaa"
    try FileManager.default.createDirectory(
      atPath: "\(runs)/\(inFlight)", withIntermediateDirectories: true)
    var record = try #require(
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: "\(runs)/\(finished[1])/run.json")))
        as? [String: Any])
    record["id"] = inFlight
    record["status"] = "running"
    record["finishedAt"] = ""
    record["cells"] = [[String: Any]]()
    record["metrics"] = [String: Double]()
    record["process"] = ["hostName": ProcessInfo.processInfo.hostName, "pid": Int(getpid())]
    try JSONSerialization.data(withJSONObject: record).write(
      to: URL(fileURLWithPath: "\(runs)/\(inFlight)/run.json"))

    let diff = try NudgeRunner.run(["diff", "n.md", "--json"], in: scratch.path)
    #expect(diff.status == 0, "\(diff.standardError)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(diff.standardOutput.utf8)) as? [String: Any])
    let ids = (json["runs"] as? [[String: Any]])?.compactMap { $0["id"] as? String }
    #expect(ids == finished)
    let named = try NudgeRunner.run(["diff", "n.md", inFlight], in: scratch.path)
    #expect(named.status == 2)
    #expect(
      named.standardError.contains("run '\(inFlight)' is still running"), "\(named.standardError)")
    let beyond = try NudgeRunner.run(["diff", "n.md@3"], in: scratch.path)
    #expect(beyond.status == 2)
    #expect(
      beyond.standardError.contains("2 finished runs (1 more still running"),
      "\(beyond.standardError)")
    let listing = try NudgeRunner.run(["runs", "n.md"], in: scratch.path)
    let row = listing.standardOutput.split(separator: "\n").first { $0.contains(inFlight) }
    #expect(
      row?.hasPrefix("  ") == true && row?.contains("running") == true, "\(listing.standardOutput)")
  }
}
