import Foundation
import Notebook
import Testing

@testable import Report

@Suite("Images in the report")
struct ReportImageTests {
  @Test func imagesNextToTheNotebookAreEmbedded() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("nudge-report-images-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(
      to: folder.appendingPathComponent("a b.svg"))
    let document = try Document(
      parsing: "![A *shape*](a%20b.svg \"Shape\") ![gone](none.png)\n",
      path: folder.appendingPathComponent("n.md").path)
    let html = HTMLReport(document: document, options: ReportOptions()).article().html
    #expect(
      html.contains(
        "<img src=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\" alt=\"A shape\" title=\"Shape\">"
      ))
    #expect(html.contains("<img src=\"none.png\" alt=\"gone\" />"))
  }
}
