import Foundation
import Testing

/// Bad input ends with one compiler-style line on stderr and status 2, and writes nothing.
@Suite("nudge with bad input", .serialized)
struct BadInputCommandTests {
  struct Case: CustomStringConvertible, Sendable {
    var name: String
    var notebook: [UInt8]?
    /// The first line of stderr, with `FILE` standing for the notebook's path.
    var firstLine: String
    var description: String { name }
  }

  static let cases: [Case] = [
    Case(
      name: "missing file", notebook: nil,
      firstLine: "FILE:1:1: error: no such file; check the notebook's path"),
    Case(
      name: "binary file", notebook: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00],
      firstLine:
        "FILE:3:1: error: binary file (NUL byte at byte 8); a notebook is a Markdown text file"),
    Case(
      name: "invalid UTF-8", notebook: Array("# Title\n\ncaf".utf8) + [0xE9, 0x0A],
      firstLine: "FILE:3:4: error: invalid UTF-8 (byte 0xE9); save the notebook as UTF-8"),
    Case(
      name: "malformed front matter",
      notebook: Array("---\ntitle: \"unclosed\nparams:\n  a: 1\n---\n".utf8),
      firstLine:
        "FILE:4:7: error: malformed front matter: found unexpected end of stream (while scanning a quoted scalar that starts at line 2, column 8)"
    ),
    Case(
      name: "unknown cell option",
      notebook: Array("Intro\n\n```swift\n//| cahce: false\nlet x = 1\n```\n".utf8),
      firstLine:
        "FILE:4:5: error: unknown cell option 'cahce'; did you mean 'cache'?; options are 'name', 'eval', 'echo', 'error', 'cache', 'label', 'fig-cap', 'tbl-cap', 'output', 'fold', 'metrics', 'timeout'"
    ),
    Case(
      name: "unknown cross-reference",
      notebook: Array("See @fig-cots.\n\n```swift\n//| label: fig-cost\nlet x = 1\n```\n".utf8),
      firstLine:
        "FILE:1:5: error: unknown reference '@fig-cots'; did you mean 'fig-cost'?; labels are 'fig-cost'"
    ),
    Case(
      name: "inline value using a later cell's variable",
      notebook: Array("Value `{swift} later + 1` here.\n\n```swift\nlet later = 1\n```\n".utf8),
      firstLine:
        "FILE:1:16: error: cannot find 'later' in scope; it is defined in a cell below this sentence, and an inline value sees only the cells above it"
    ),
    Case(
      name: "unterminated cell fence", notebook: Array("# T\n\n```swift\nlet x = 1\n".utf8),
      firstLine:
        "FILE:3:1: error: unterminated cell: the '```' fence opened here is never closed; add a closing '```' line after the cell's code"
    ),
  ]

  @Test(arguments: cases)
  func renderAndCheckRejectIt(_ badCase: Case) throws {
    let scratch = try Scratch()
    let path = "notebook.md"
    if let bytes = badCase.notebook { try scratch.write(bytes, to: path) }
    for command in ["render", "check"] {
      let outcome = try NudgeRunner.run([command, path], in: scratch.path)
      #expect(outcome.status == 2, "\(command): \(outcome.standardError)")
      let firstLine = outcome.standardError.split(separator: "\n", omittingEmptySubsequences: false)
        .first
      #expect(
        firstLine.map(String.init) == badCase.firstLine.replacing("FILE", with: path), "\(command)")
      #expect(outcome.standardOutput.isEmpty)
    }
    #expect(!FileManager.default.fileExists(atPath: "\(scratch.path)/output"))
  }

  @Test func directoryIsRejected() throws {
    let scratch = try Scratch()
    try FileManager.default.createDirectory(
      atPath: "\(scratch.path)/notes.md", withIntermediateDirectories: true)
    let outcome = try NudgeRunner.run(["render", "notes.md"], in: scratch.path)
    #expect(outcome.status == 2)
    #expect(outcome.standardError.hasPrefix("notes.md:1:1: error: is a directory, not a notebook"))
    #expect(!FileManager.default.fileExists(atPath: "\(scratch.path)/output"))
  }

  @Test func errorsShowTheLineAndACaret() throws {
    let scratch = try Scratch()
    try scratch.write("```swift\n//| eval: maybe\n```\n", to: "nb.md")
    let outcome = try NudgeRunner.run(["check", "nb.md"], in: scratch.path)
    #expect(
      outcome.standardError
        == "nb.md:2:11: error: cell option 'eval' takes true or false, not 'maybe'\n//| eval: maybe\n          ^\n"
    )
  }

  @Test func aFailedRenderKeepsThePreviousReport() throws {
    let scratch = try Scratch()
    try scratch.write("# Good\n", to: "nb.md")
    #expect(try NudgeRunner.run(["render", "nb.md"], in: scratch.path).status == 0)
    let before = try String(contentsOfFile: "\(scratch.path)/output/nb.html", encoding: .utf8)
    try scratch.write("```swift\n//| nmae: x\n```\n", to: "nb.md")
    #expect(try NudgeRunner.run(["render", "nb.md"], in: scratch.path).status == 2)
    #expect(try String(contentsOfFile: "\(scratch.path)/output/nb.html", encoding: .utf8) == before)
    #expect(
      scratch.files(under: "output").filter { !$0.hasPrefix("nb/") && $0 != "nb" } == ["nb.html"])
  }

  @Test func unwritableOutputFolderIsAnError() throws {
    let scratch = try Scratch()
    try scratch.write("# Hi\n", to: "nb.md")
    try scratch.write("not a folder", to: "out")
    let outcome = try NudgeRunner.run(["render", "nb.md", "-o", "out"], in: scratch.path)
    #expect(outcome.status == 2)
    #expect(outcome.standardError.hasPrefix("error: cannot write out/nb.html"))
    #expect(scratch.files() == ["nb.md", "out"])
  }

  @Test func badUsageExitsWithTwo() throws {
    let scratch = try Scratch()
    let outcome = try NudgeRunner.run(["render"], in: scratch.path)
    #expect(outcome.status == 2)
    #expect(outcome.standardError.contains("Missing expected argument '<notebook>'"))
  }

  @Test func aFormulaThatDoesNotConvertIsAWarningNotAFailure() throws {
    let scratch = try Scratch()
    try scratch.write(Array("Cost $\\frca{1}{2}$.\n".utf8), to: "notebook.md")
    let outcome = try NudgeRunner.run(["check", "notebook.md"], in: scratch.path)
    #expect(outcome.status == 0)
    #expect(
      outcome.standardError.hasPrefix(
        "notebook.md:1:7: warning: unknown command '\\frca'; did you mean '\\frac'?; the formula is shown as code until this is fixed"
      ))
    #expect(outcome.standardOutput.contains("ok"))
  }
}
