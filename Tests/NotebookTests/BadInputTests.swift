import Foundation
import Testing

@testable import Notebook

/// Every kind of bad input gives one clear diagnostic at the right place, never a crash.
@Suite("Bad notebooks")
struct BadInputTests {
  func diagnostic(parsing text: String) -> Diagnostic? {
    do {
      _ = try Document(parsing: text, path: "bad.md")
      return nil
    } catch {
      return error
    }
  }

  func diagnostic(loading path: String) -> Diagnostic? {
    do {
      _ = try Document.load(path: path)
      return nil
    } catch {
      return error
    }
  }

  @Test func missingFile() throws {
    let error = try #require(diagnostic(loading: "/nonexistent/notebook.md"))
    #expect(
      error.description
        == "/nonexistent/notebook.md:1:1: error: no such file; check the notebook's path")
  }

  @Test func directory() throws {
    let folder = try TemporaryFolder()
    let error = try #require(diagnostic(loading: folder.path))
    #expect(error.description.hasPrefix("\(folder.path):1:1: error: is a directory"))
  }

  @Test func binaryFileNamesTheNULByte() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write([0x23, 0x20, 0x41, 0x0A, 0x42, 0x00, 0x01], named: "x.md")
    let error = try #require(diagnostic(loading: path))
    #expect(error.description.hasPrefix("\(path):2:2: error: binary file"))
  }

  @Test func invalidUTF8NamesTheByte() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(Array("line one\nab".utf8) + [0xC3, 0x28], named: "x.md")
    let error = try #require(diagnostic(loading: path))
    #expect(
      error.description
        == "\(path):2:3: error: invalid UTF-8 (byte 0xC3); save the notebook as UTF-8")
  }

  @Test func emptyFileLoads() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write([], named: "empty.md")
    let document = try Document.load(path: path)
    #expect(document.blocks.isEmpty)
  }

  @Test func malformedFrontMatterIsReportedAtItsLineAndColumn() throws {
    let error = try #require(diagnostic(parsing: "---\ntitle: x\nparams:\n  epochs: [1, 2\n---\n"))
    #expect(error.location.line == 5)
    #expect(error.message.hasPrefix("malformed front matter:"))
    let tab = try #require(diagnostic(parsing: "---\ntitle: ok\n\tparams: 1\n---\n"))
    #expect(tab.location.line == 3)
    #expect(tab.location.column == 1)
  }

  @Test func unknownFrontMatterKeySuggestsTheKnownOne() throws {
    let error = try #require(diagnostic(parsing: "---\ntitle: x\nparms:\n  a: 1\n---\n"))
    #expect(
      error.description
        == "bad.md:3:1: error: unknown front-matter key 'parms'; did you mean 'params'?; known keys are 'title' and 'params'"
    )
  }

  @Test func paramsMustBeScalarsWithSwiftNames() throws {
    let list = try #require(diagnostic(parsing: "---\nparams:\n  sizes: [1, 2]\n---\n"))
    #expect(list.location.line == 3)
    #expect(list.location.column == 10)
    #expect(list.message.contains("'sizes' must be a number, true/false or text"))
    let name = try #require(diagnostic(parsing: "---\nparams:\n  batch size: 10\n---\n"))
    #expect(name.message.contains("not a Swift identifier"))
  }

  @Test func unknownCellOptionSuggestsTheClosest() throws {
    let text = "Intro\n\n```swift\n//| name: a\n  //| evl: false\nlet x = 1\n```\n"
    let error = try #require(diagnostic(parsing: text))
    #expect(
      error.description
        == "bad.md:5:7: error: unknown cell option 'evl'; did you mean 'eval'?; options are 'name', 'eval', 'echo', 'error', 'cache', 'label', 'fig-cap', 'tbl-cap', 'output', 'fold', 'metrics', 'timeout'"
    )
    #expect(error.sourceLine == "  //| evl: false")
    #expect(error.detailedDescription.hasSuffix("  //| evl: false\n      ^"))
  }

  @Test func badCellOptionValues() throws {
    let flag = try #require(diagnostic(parsing: "```swift\n//| eval: nope\n```\n"))
    #expect(
      flag.description == "bad.md:2:11: error: cell option 'eval' takes true or false, not 'nope'")
    let twice = try #require(
      diagnostic(parsing: "```swift\n//| echo: true\n//| echo: false\n```\n"))
    #expect(twice.location.line == 3)
    #expect(twice.message.contains("given twice"))
    let noColon = try #require(diagnostic(parsing: "```swift\n//| eval\n```\n"))
    #expect(noColon.message.contains("'//| key: value'"))
    let name = try #require(diagnostic(parsing: "```swift\n//| name: has space\n```\n"))
    #expect(name.location.column == 11)
  }

  @Test func duplicateCellNames() throws {
    let text = "```swift\n//| name: a\n```\n\n```swift\n//| name: a\n```\n"
    let error = try #require(diagnostic(parsing: text))
    #expect(
      error.description
        == "bad.md:5:1: error: cell name 'a' is already used by the cell at line 1; names must be unique"
    )
  }

  @Test func unterminatedCellFenceNamesTheFenceLine() throws {
    let text = "# Title\n\nprose\n\n  ````swift\nlet x = 1\n```\nmore\n"
    let error = try #require(diagnostic(parsing: text))
    #expect(
      error.description
        == "bad.md:5:3: error: unterminated cell: the '````' fence opened here is never closed; add a closing '````' line after the cell's code"
    )
  }

  @Test func unterminatedNonSwiftFenceIsJustProse() throws {
    let document = try Document(parsing: "text\n\n```python\nx = 1\n", path: "ok.md")
    #expect(document.cells.isEmpty)
    #expect(document.blocks.count == 1)
  }

  @Test func byteOrderMarkIsIgnored() throws {
    let document = try Document(parsing: "\u{FEFF}---\ntitle: T\n---\n", path: "bom.md")
    #expect(document.title == "T")
  }
}

/// A fresh folder under the system's temporary directory, removed when the value goes away.
final class TemporaryFolder {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("nudge-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  func write(_ bytes: [UInt8], named name: String) throws -> String {
    let file = "\(path)/\(name)"
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  var entries: [String] {
    (try? FileManager.default.contentsOfDirectory(atPath: path).sorted()) ?? []
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
