import Foundation
import Testing

@testable import Notebook

@Suite("Images in prose")
struct ProseImageTests {
  /// A folder with a notebook path, a small PNG, an SVG and an oversized PNG; removed after.
  static func withFolder(_ body: (String) throws -> Void) throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("nudge-images-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("pictures"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data([0x89, 0x50, 0x4E, 0x47]).write(to: folder.appendingPathComponent("pictures/dot.png"))
    try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(
      to: folder.appendingPathComponent("shape.svg"))
    try Data(count: ProseImage.sizeLimit + 1).write(to: folder.appendingPathComponent("big.png"))
    try body(folder.appendingPathComponent("notebook.md").path)
  }

  @Test func filesInTheFolderBecomeDataURIs() throws {
    try Self.withFolder { notebook throws in
      #expect(
        try ProseImage.dataURI(for: "pictures/dot.png", notebookPath: notebook).get()
          == "data:image/png;base64,iVBORw==")
      #expect(
        try ProseImage.dataURI(for: "shape.svg", notebookPath: notebook).get()
          .hasPrefix("data:image/svg+xml;base64,"))
    }
  }

  @Test func problemsAreWarningsAtTheImage() throws {
    try Self.withFolder { notebook throws in
      let text = """
        # Pictures

        ![ok](pictures/dot.png) and ![gone](missing.png)
        ![far](https://example.com/x.png) ![up](../secret.png)
        ![big](big.png) ![doc](notes.txt)
        """
      let document = try Document(parsing: text, path: notebook)
      let found = document.proseDiagnostics()
      let places = found.map { "\($0.location.line):\($0.location.column)" }
      #expect(places == ["3:37", "4:8", "4:41", "5:8", "5:24"])
      #expect(found.allSatisfy { $0.severity == .warning })
      let messages = found.map(\.message)
      #expect(messages[0].contains("does not exist"))
      #expect(messages[1].contains("is remote"))
      #expect(messages[2].contains("outside the notebook's folder"))
      #expect(messages[3].contains("over 1 MB are not embedded"))
      #expect(messages[4].contains("not a PNG, JPEG, GIF, WebP or SVG"))
    }
  }
}
