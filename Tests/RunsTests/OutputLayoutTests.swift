import Foundation
import Testing

@testable import Runs

@Suite struct OutputLayoutTests {
  @Test func theFirstNotebookKeepsThePlainFolderAndASecondOfTheSameNameGetsItsOwn() throws {
    let root = try temporaryDirectory()
    defer { removeTemporaryDirectory(root) }
    let output = "\(root)/out"
    let first = OutputLayout(notebookPath: "\(root)/a/n.md", outputDirectory: output)
    #expect(first.folderName == "n")
    try first.claim(for: "\(root)/a/n.md")
    #expect(
      try String(contentsOfFile: first.ownerPath, encoding: .utf8) == "../a/n.md\n")
    // The same notebook, named another way, is still the owner.
    let again = OutputLayout(notebookPath: "\(root)/a/./../a/n.md", outputDirectory: output)
    #expect(again == first)

    let second = OutputLayout(notebookPath: "\(root)/b/n.md", outputDirectory: output)
    #expect(second.folderName.hasPrefix("n-") && second.folderName.count == 10)
    #expect(second.latestReportPath == "\(output)/\(second.folderName).html")
    try second.claim(for: "\(root)/b/n.md")
    #expect(
      OutputLayout(notebookPath: "\(root)/b/n.md", outputDirectory: output) == second)
  }

  @Test func aFolderClaimedByAnotherNotebookMeanwhileIsNotWrittenInto() throws {
    let root = try temporaryDirectory()
    defer { removeTemporaryDirectory(root) }
    let output = "\(root)/out"
    // Resolved before the other notebook's render claimed the plain folder.
    let late = OutputLayout(notebookPath: "\(root)/b/n.md", outputDirectory: output)
    try OutputLayout(notebookPath: "\(root)/a/n.md", outputDirectory: output)
      .claim(for: "\(root)/a/n.md")
    #expect(throws: RunsError.self) { try late.claim(for: "\(root)/b/n.md") }
  }
}
