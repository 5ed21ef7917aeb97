import Foundation
import Notebook
import Testing

@testable import Runs

@Suite struct RenderUnrecordedTests {
  static func document(prose: String, cell: String, in folder: String) throws -> Document {
    let text =
      "---\ntitle: T\nparams:\n  n: 3\n---\n\n\(prose)\n\n```swift\n//| name: sum\n\(cell)\n```\n"
    let path = folder + "/t.md"
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return try Document(parsing: text, path: path)
  }

  @Test func rendersThroughTheCacheAndWritesNoRecord() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let memory = RenderMemory()
    let cache = CellCache(directory: folder + "/output/t/cache", remembersEntries: true)
    func request(_ document: Document) -> RenderRequest {
      var request = RenderRequest(document: document, outputDirectory: folder + "/output")
      request.cache = cache
      request.memory = memory
      return request
    }

    let first = try RenderPipeline.renderUnrecorded(
      request(try Self.document(prose: "Before.", cell: "n * 7", in: folder)))
    #expect(first.html.contains("Before."))
    #expect(first.html.contains(">21<"))
    #expect(first.outcome.cells[0]?.cached == false)

    let second = try RenderPipeline.renderUnrecorded(
      request(
        try Self.document(
          prose: "After, with more lines\n\nabove the cell.", cell: "n * 7", in: folder)))
    #expect(second.html.contains("above the cell."))
    #expect(second.outcome.cells[0]?.cached == true)
    #expect(!FileManager.default.fileExists(atPath: folder + "/output/t/runs"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/output/t.html"))

    // Cells that never checked clean are checked, memory or not.
    #expect(throws: RenderError.self) {
      try RenderPipeline.renderUnrecorded(
        request(try Self.document(prose: "Broken.", cell: "plott(n)", in: folder)))
    }
  }
}
