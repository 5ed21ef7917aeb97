import Foundation
import Testing

@Suite("nudge render and check", .serialized)
struct RenderCommandTests {
  @Test func rendersTheLessonIntoTheChosenFolder() throws {
    let scratch = try Scratch()
    let lesson = NudgeRunner.repositoryRoot.appendingPathComponent("notebooks/backprop.md").path
    // Few examples and one epoch keep the debug build quick; NotebookShelfTests checks the numbers.
    let small = ["-p", "trainSize=1000", "-p", "testSize=200", "-p", "epochs=1", "-q"]
    let outcome = try NudgeRunner.run(
      ["render", lesson, "-o", "reports"] + small, in: scratch.path)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.hasPrefix("Wrote reports/backprop.html\nRun "))
    #expect(scratch.files(under: "reports").contains("backprop.html"))
    #expect(scratch.files(under: "reports").contains { $0.hasPrefix("backprop/runs/") && $0.hasSuffix("/run.json") })
    let page = try String(contentsOfFile: "\(scratch.path)/reports/backprop.html", encoding: .utf8)
    #expect(page.contains("<title>What is backpropagation really doing?</title>"))
    #expect(page.contains("id=\"cell-gradcheck\""))
    #expect(!page.contains("http://") && !page.contains("https://"))
  }

  @Test func defaultFolderIsOutput() throws {
    let scratch = try Scratch()
    try scratch.write("# Hi\n\n```swift\nlet x = 1\n```\n", to: "intro.md")
    let outcome = try NudgeRunner.run(["render", "intro.md"], in: scratch.path)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.hasPrefix("Wrote output/intro.html\n"))
    #expect(scratch.files(under: "output").contains("intro.html"))
  }

  @Test func checkSummarisesAGoodNotebook() throws {
    let lesson = NudgeRunner.repositoryRoot.appendingPathComponent("notebooks/backprop.md").path
    let outcome = try NudgeRunner.run(["check", lesson], in: NudgeRunner.repositoryRoot.path)
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput == "\(lesson): ok (18 cells, 8 params)\n")
  }

  @Test func emptyNotebookRenders() throws {
    let scratch = try Scratch()
    try scratch.write("", to: "empty.md")
    let outcome = try NudgeRunner.run(["render", "empty.md"], in: scratch.path)
    #expect(outcome.status == 0)
    #expect(scratch.files(under: "output").contains("empty.html"))
  }

  @Test func fiveMegabyteNotebookRenders() throws {
    let scratch = try Scratch()
    let section =
      "## Section\n\nProse with *emphasis*, `code` and a list:\n\n- one\n- two\n\n```swift\n//| eval: false\nlet x = 1\n```\n\n"
    try scratch.write(
      String(repeating: section, count: 5_000_000 / section.utf8.count + 1), to: "big.md")
    let outcome = try NudgeRunner.run(["render", "big.md"], in: scratch.path)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let size =
      try FileManager.default.attributesOfItem(atPath: "\(scratch.path)/output/big.html")[.size]
      as? Int
    #expect((size ?? 0) > 5_000_000)
  }

  @Test func unsafeHTMLIsOptIn() throws {
    let scratch = try Scratch()
    try scratch.write("<b onclick=\"x()\">hi</b>\n", to: "raw.md")
    _ = try NudgeRunner.run(["render", "raw.md"], in: scratch.path)
    let safe = try String(contentsOfFile: "\(scratch.path)/output/raw.html", encoding: .utf8)
    #expect(safe.contains("&lt;b onclick=&quot;x()&quot;&gt;hi&lt;/b&gt;"))
    let outcome = try NudgeRunner.run(["render", "raw.md", "--unsafe-html"], in: scratch.path)
    #expect(outcome.status == 0)
    let unsafe = try String(contentsOfFile: "\(scratch.path)/output/raw.html", encoding: .utf8)
    #expect(unsafe.contains("<b onclick=\"x()\">hi</b>"))
    // The passed-through markup still runs no script.
    #expect(unsafe.contains("script-src 'none'"))
  }
}
