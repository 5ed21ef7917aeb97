import Foundation
import Notebook
import Testing

@testable import Runs

@Suite struct RunStoreTests {
  @Test func recordRoundTripsThroughJSONWithNonFiniteNumbers() throws {
    var record = makeRecord(id: "r1")
    record.metrics["train.train.cost"] = .nan
    record.series["train.cost"] = [1, .infinity]
    let bytes = try StableJSON.encode(record, pretty: true)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\"NaN\""))
    #expect(text.contains("\"epochs\" : 3"))
    let decoded = try StableJSON.decode(RunRecord.self, from: bytes)
    #expect(decoded.metrics["train.train.cost"]?.isNaN == true)
    #expect(decoded.series["train.cost"] == [1, .infinity])
    #expect(decoded.params == record.params)
  }

  @Test func identicalRecordsEncodeIdentically() throws {
    #expect(try StableJSON.encode(makeRecord(id: "a")) == StableJSON.encode(makeRecord(id: "a")))
  }

  @Test func runIDsSortByTimeAndAreUniqueWithinOneMillisecond() {
    let now = Date()
    let ids = (0..<50).map { _ in RunID.make(at: now) }
    let later = RunID.make(at: now.addingTimeInterval(1))
    #expect(Set(ids).count > 40)  // random suffixes; the store retries the rare collision
    #expect(ids.allSatisfy { $0 < later })
    #expect(later.count == "20261129-064512-123-3fa9".count)
  }

  @Test func concurrentRunsGetDistinctFolders() async throws {
    let output = try temporaryDirectory()
    defer { removeTemporaryDirectory(output) }
    let store = RunStore(layout: OutputLayout(notebookPath: "x/lesson.md", outputDirectory: output))
    let date = Date()
    let folders = try await withThrowingTaskGroup(of: String.self) { group in
      for _ in 0..<64 { group.addTask { try store.createRun(at: date).directory } }
      return try await group.reduce(into: [String]()) { $0.append($1) }
    }
    #expect(Set(folders).count == 64)
  }

  @Test func listIsNewestFirstAndSkipsCorruptAndForeignRecords() throws {
    let output = try temporaryDirectory()
    defer { removeTemporaryDirectory(output) }
    let store = try saveRuns(
      [makeRecord(id: "20260101-000000-000-0001"), makeRecord(id: "20260101-000000-000-0002")],
      output: output)
    let corrupt = store.layout.runDirectory(id: "20260101-000000-000-0003")
    try FileManager.default.createDirectory(atPath: corrupt, withIntermediateDirectories: true)
    try "{ not json".write(toFile: corrupt + "/run.json", atomically: true, encoding: .utf8)
    let foreign = store.layout.runDirectory(id: "20260101-000000-000-0004")
    try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
    try #"{"schema": 99, "id": "x"}"#.write(
      toFile: foreign + "/run.json", atomically: true, encoding: .utf8)

    let (runs, problems) = store.list()
    #expect(runs.map(\.record.id) == ["20260101-000000-000-0002", "20260101-000000-000-0001"])
    #expect(problems.count == 2)
    #expect(problems.contains { $0.contains("0003/run.json") && $0.contains("not valid JSON") })
    #expect(problems.contains { $0.contains("schema 99") })
  }

  @Test func saveWritesReportRecordAndLatestWithoutTemporaryFiles() throws {
    let output = try temporaryDirectory()
    defer { removeTemporaryDirectory(output) }
    let store = try saveRuns([makeRecord(id: "r1")], output: output)
    let files = try FileManager.default.contentsOfDirectory(
      atPath: store.layout.runDirectory(id: "r1")
    ).sorted()
    #expect(files == ["report.html", "run.json"])
    #expect(
      try String(contentsOfFile: store.layout.latestReportPath, encoding: .utf8) == "<p>r1</p>")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: output).sorted() == [
        "lesson", "lesson.html",
      ])
  }

  @Test func referencesResolveFoldersIdsAndNotebookPositions() throws {
    let output = try temporaryDirectory()
    defer { removeTemporaryDirectory(output) }
    let store = try saveRuns(
      [makeRecord(id: "20260101-000000-000-0001"), makeRecord(id: "20260101-000000-000-0002")],
      output: output)
    #expect(
      try RunReference.resolve("notebooks/lesson.md", outputDirectory: output).record.id
        == "20260101-000000-000-0002")
    #expect(
      try RunReference.resolve("notebooks/lesson.md@2", outputDirectory: output).record.id
        == "20260101-000000-000-0001")
    #expect(
      try RunReference.resolve("20260101-000000-000-0001", outputDirectory: output).record.id
        == "20260101-000000-000-0001")
    let folder = store.layout.runDirectory(id: "20260101-000000-000-0002")
    #expect(try RunReference.resolve(folder, outputDirectory: output).directory == folder)
    #expect(throws: RunsError.self) {
      try RunReference.resolve("notebooks/lesson.md@3", outputDirectory: output)
    }
    #expect(throws: RunsError.self) { try RunReference.resolve("nope", outputDirectory: output) }
  }
}
