import Testing

@testable import Notebook

@Suite("Cell options for presentation and cross-references")
struct CellOptionTests {
  static func notebook(_ cells: String, prose: String = "") -> String {
    "---\ntitle: T\n---\n\n\(prose)\n\n\(cells)"
  }

  @Test func labelsCaptionsAndDisplayFlagsAreRead() throws {
    let text = Self.notebook(
      """
      ```swift
      //| label: fig-cost
      //| fig-cap: "Cost per epoch"
      //| fold: true
      //| output: false
      //| metrics: false
      let x = 1
      ```
      """)
    let options = try #require(try Document(parsing: text, path: "n.md").cells.first?.options)
    #expect(options.label == "fig-cost")
    #expect(options.figureCaption == "Cost per epoch")
    #expect(options.fold)
    #expect(!options.output)
    #expect(!options.metrics)
  }

  @Test func figuresAndTablesAreNumberedSeparatelyInOrder() throws {
    let cell = { (options: String) in "```swift\n\(options)\nlet x = 1\n```\n\n" }
    let text = Self.notebook(
      cell("//| label: fig-a") + cell("//| label: tbl-a\n//| tbl-cap: Scores")
        + cell("//| label: fig-b"))
    let items = try Document(parsing: text, path: "n.md").numberedItems
    #expect(items["fig-a"]?.name == "Figure 1")
    #expect(items["fig-b"]?.name == "Figure 2")
    #expect(items["tbl-a"]?.name == "Table 1")
    #expect(items["tbl-a"]?.caption == "Scores")
  }

  @Test(arguments: [
    ("//| label: cost", "must be 'fig-'", 12),
    ("//| fig-cap: Cost", "add '//| label: fig-<name>'", 5),
    ("//| label: tbl-x\n//| fig-cap: Cost", "add '//| label: fig-<name>'", 5),
    ("//| tbl-cap:", "needs a caption", 13),
    ("//| fold: yes", "takes true or false", 11),
  ])
  func badOptionsAreErrorsAtTheirColumn(_ example: (String, String, Int)) {
    let text = Self.notebook("```swift\n\(example.0)\nlet x = 1\n```\n")
    #expect {
      try Document(parsing: text, path: "n.md")
    } throws: { error in
      guard let diagnostic = error as? Diagnostic else { return false }
      return diagnostic.message.contains(example.1) && diagnostic.location.column == example.2
    }
  }

  @Test func labelsMustBeUnique() {
    let cell = "```swift\n//| label: fig-a\nlet x = 1\n```\n\n"
    #expect(throws: Diagnostic.self) {
      try Document(parsing: Self.notebook(cell + cell), path: "n.md")
    }
  }

  @Test func unknownReferencesAreErrorsWithASuggestion() throws {
    let text = Self.notebook(
      "```swift\n//| label: fig-cost\nlet x = 1\n```\n",
      prose: "See @fig-cots and @fig-cost, not `@fig-code` or me@fig-mail.")
    let diagnostics = try Document(parsing: text, path: "n.md").proseDiagnostics()
    #expect(diagnostics.count == 1)
    let problem = try #require(diagnostics.first)
    #expect(problem.severity == .error)
    #expect(problem.location == SourceLocation(file: "n.md", line: 5, column: 5))
    #expect(problem.message.contains("unknown reference '@fig-cots'; did you mean 'fig-cost'?"))
  }
}
