import Foundation
import Testing

/// The tasks of a sweep share one cell cache: processes writing the same entries at once never
/// leave a torn entry behind, and none of them ever reads one.
@Suite struct SharedCacheTests {
  /// Cells with outputs and states of tens of kilobytes, so that a write is not over in an instant.
  static let notebook = """
    ---
    params:
      size: 1500
    ---

    ```swift
    //| name: build
    var values: [Double] = []
    for index in 0..<size {
      values.append(Double(index) * 0.5)
    }
    values
    ```

    ```swift
    //| name: total
    var total = 0.0
    for value in values {
      total = total + value
    }
    metric("total", total)
    ```
    """

  @Test func concurrentProcessesOnOneCacheNeverSeeATornEntry() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    let folder = scratch.path
    let processes = 4
    for _ in 0..<3 {
      // A cold cache each round, so that every process computes and writes every entry while the
      // others read and write the same files.
      try? FileManager.default.removeItem(atPath: "\(folder)/output/n/cache")
      let outcomes = Locked<[NudgeRunner.Outcome]>([])
      DispatchQueue.concurrentPerform(iterations: processes) { _ in
        if let outcome = try? NudgeRunner.run(["render", "n.md", "-q"], in: folder) {
          outcomes.update { $0.append(outcome) }
        }
      }
      let finished = outcomes.get()
      #expect(finished.count == processes)
      for outcome in finished {
        #expect(outcome.status == 0, "\(outcome.standardError)")
        // Any of these means a reader met a half-written or mismatched entry.
        for trouble in [
          "corrupt cache entry", "foreign cache entry", "could not be restored", "was not cached",
          "does not match",
        ] {
          #expect(!outcome.standardError.contains(trouble), "\(outcome.standardError)")
        }
      }
      let entries = scratch.files(under: "output/n/cache")
      #expect(entries.allSatisfy { !$0.hasSuffix(".tmp") }, "\(entries)")
      let cells = entries.filter { $0.hasSuffix(".cell") }
      #expect(cells.count == 2)
      for cell in cells {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(folder)/output/n/cache/\(cell)"))
        // A checksum line, then the entry's JSON, whole.
        let lines = data.split(separator: UInt8(ascii: "\n"), maxSplits: 1)
        #expect(lines.first?.starts(with: Array("sha256 ".utf8)) == true, "\(cell) has no checksum")
        #expect(
          (try? JSONSerialization.jsonObject(with: Data(lines.last ?? Data()))) != nil,
          "\(cell) is not whole JSON")
        #expect(entries.contains(cell.dropLast(".cell".count) + ".state"))
      }
    }
    // A rerun on the shared cache takes every cell from it and computes the same total.
    let rerun = try NudgeRunner.run(["render", "n.md", "-q"], in: folder)
    #expect(rerun.status == 0)
    let records = scratch.files(under: "output/n/runs").filter { $0.hasSuffix("run.json") }
    #expect(records.count == 3 * processes + 1)
    let last = try SlurmScriptCommandTests.json(
      at: "\(folder)/output/n/runs/\(try #require(records.last))")
    #expect(
      (last["cells"] as? [[String: Any]])?.allSatisfy { $0["cached"] as? Bool == true } == true)
    let expectedTotal: Double = 0.5 * 1499 * 1500 / 2
    #expect((last["metrics"] as? [String: Double])?["total.total"] == expectedTotal)
  }
}
