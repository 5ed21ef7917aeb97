import Foundation
import Notebook
import Testing

@testable import Directives

/// A saved state is data: the files its data sets load must be ones a cell of the restoring
/// session could read.
@Suite struct SnapshotSandboxTests {
  @Test func aDataSetOutsideTheRestoringSessionsFoldersIsRefused() throws {
    let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("notebooks")
      .path
    let output = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: output) }
    let original = try Session(
      file: "lesson.md", params: [], notebookDirectory: notebooks, outputDirectory: output)
    let cell = original.evaluate(makeCell("let data = mnist(train: 20, test: 5)"))
    #expect(cell.error == nil, "\(cell.outputs)")
    let bytes = try original.snapshotData()

    let same = try Session(
      file: "lesson.md", params: [], notebookDirectory: notebooks, outputDirectory: output)
    try same.restore(from: bytes)
    #expect(same.variables["data"] != nil)

    // A notebook elsewhere may not read the project's MNIST through a saved state.
    let other = try Session(
      file: "other.md", params: [], notebookDirectory: output, outputDirectory: output + "/out")
    #expect {
      try other.restore(from: bytes)
    } throws: { error in
      "\(error)".contains("the saved state reads \(notebooks)/data/mnist")
    }
    #expect(other.variables["data"] == nil)
  }
}
