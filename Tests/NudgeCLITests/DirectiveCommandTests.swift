import Foundation
import Testing

/// `nudge render` and `nudge check` with evaluated cells: params, failures, findings.
@Suite("nudge render and check evaluate cells", .serialized)
struct DirectiveCommandTests {
  let notebook = """
    ---
    title: Small
    params:
      count: 3
      rate: 0.5
    ---

    # Small

    ```swift
    //| name: sum
    var total = 0
    for i in 0..<count { total += i }
    metric("total", Double(total))
    print("total \\(total), rate \\(rate)")
    ```

    """

  @Test func renderEvaluatesCellsWithParamOverrides() throws {
    let scratch = try Scratch()
    try scratch.write(notebook, to: "small.md")
    let outcome = try NudgeRunner.run(
      ["render", "small.md", "-p", "count=5", "-q"], in: scratch.path)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let page = try String(contentsOfFile: "\(scratch.path)/output/small.html", encoding: .utf8)
    #expect(page.contains("total 10, rate 0.5"))
    let runs = scratch.files(under: "output/small/runs").filter { $0.hasSuffix("run.json") }
    #expect(runs.count == 1)
    let record = try String(
      contentsOfFile: "\(scratch.path)/output/small/runs/\(runs[0])", encoding: .utf8)
    #expect(record.contains("\"sum.total\" : 10"))
  }

  @Test func aParamOverrideOfTheWrongTypeIsBadInput() throws {
    let scratch = try Scratch()
    try scratch.write(notebook, to: "small.md")
    let outcome = try NudgeRunner.run(
      ["render", "small.md", "-p", "count=three"], in: scratch.path)
    #expect(outcome.status == 2)
    #expect(
      outcome.standardError
        == "error: param 'count' is an Int (default 3), but '-p count=three' is not an Int\n")
  }

  @Test func aFailingCellExitsWithOneAndTheReportIsStillWritten() throws {
    let scratch = try Scratch()
    try scratch.write(
      "```swift\nlet values = [1, 2]\nprint(values[5])\n```\n\n```swift\nprint(\"never\")\n```\n",
      to: "fails.md")
    let outcome = try NudgeRunner.run(["render", "fails.md", "-q"], in: scratch.path)
    #expect(outcome.status == 1)
    #expect(
      outcome.standardError.contains(
        "fails.md:3:14: error: index 5 is out of range (0..<2)\nprint(values[5])\n             ^"))
    let page = try String(contentsOfFile: "\(scratch.path)/output/fails.html", encoding: .utf8)
    #expect(page.contains("index 5 is out of range"))
    #expect(!page.contains("never\n</"))
  }

  @Test func errorTrueLetsTheRunGoOn() throws {
    let scratch = try Scratch()
    try scratch.write(
      "```swift\n//| error: true\nlet x = 1 / 0\n```\n\n```swift\nprint(\"after\")\n```\n",
      to: "shown.md")
    let outcome = try NudgeRunner.run(["render", "shown.md", "-q"], in: scratch.path)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let page = try String(contentsOfFile: "\(scratch.path)/output/shown.html", encoding: .utf8)
    #expect(page.contains("division by zero"))
    #expect(page.contains("<pre class=\"out out-text\">after\n</pre>"))
  }

  @Test func checkReportsEveryFindingLikeACompiler() throws {
    let scratch = try Scratch()
    try scratch.write(
      "# Typos\n\n```swift\nlet data = mnist(train: 100, tst: 10)\nprnt(data)\n```\n",
      to: "typos.md")
    let outcome = try NudgeRunner.run(["check", "typos.md"], in: scratch.path)
    #expect(outcome.status == 2)
    #expect(
      outcome.standardError == """
        typos.md:4:30: error: unknown argument label 'tst:' in call to 'mnist'; did you mean 'test:'?
        let data = mnist(train: 100, tst: 10)
                                     ^
        typos.md:5:1: error: cannot find 'prnt' in scope; did you mean 'print'?
        prnt(data)
        ^
        2 problems found in typos.md; nothing was run

        """)
    // render refuses too, before running anything.
    let render = try NudgeRunner.run(["render", "typos.md"], in: scratch.path)
    #expect(render.status == 2)
    #expect(scratch.files(under: "output").isEmpty)
  }

  @Test func listDirectivesPrintsTheReference() throws {
    let outcome = try NudgeRunner.run(
      ["check", "--list-directives"], in: NudgeRunner.repositoryRoot.path)
    #expect(outcome.status == 0)
    let reference = try String(
      contentsOfFile: NudgeRunner.repositoryRoot.appendingPathComponent("docs/directives.md").path,
      encoding: .utf8)
    #expect(outcome.standardOutput == reference)
  }
}
