import Testing

@testable import Report

/// The prose extensions (formulas, tables, callouts, references) on inputs built to make a
/// careless scanner quadratic: time for 4n stays in proportion to the bytes, as for cmark's own
/// pathological inputs.
@Suite("Pathological prose extensions render in linear time")
struct PathologicalProseTests {
  typealias Case = PathologicalMarkdownTests.Case

  static let cases: [Case] = [
    Case(name: "dollars that never close", size: 5_000) {
      PathologicalMarkdownTests.repeated("$a ", $0)
    },
    Case(name: "display formulas, each a paragraph", size: 1_000) {
      PathologicalMarkdownTests.repeated("$$x^2$$\n\n", $0)
    },
    Case(name: "inline formulas in one paragraph", size: 2_000) {
      PathologicalMarkdownTests.repeated("$x_1$ ", $0)
    },
    Case(name: "backtick runs between dollars", size: 300) { n in
      (1..<n).map { "$" + String(repeating: "`", count: $0) }.joined()
    },
    Case(name: "table rows", size: 1_000) { n in
      "| a | b |\n| --- | --- |\n" + PathologicalMarkdownTests.repeated("| *x* | `y` |\n", n)
    },
    Case(name: "callouts", size: 1_000) {
      PathologicalMarkdownTests.repeated("> [!NOTE]\n> text\n\n", $0)
    },
    Case(name: "references to unknown labels", size: 5_000) {
      PathologicalMarkdownTests.repeated("@fig-a ", $0)
    },
  ]

  @Test("n and 4n take time in proportion to their bytes", arguments: cases)
  func scalesLinearly(_ pathological: Case) throws {
    try PathologicalMarkdownTests().scalesLinearly(pathological)
  }
}
