import Testing

@testable import Notebook

@Suite("Finding formulas in prose")
struct MathScannerTests {
  static func spans(_ markdown: String, line: Int = 1) -> [MathSpan] {
    MathScanner.spans(in: Prose(markdown: markdown, line: line))
  }

  @Test func inlineAndDisplayFormulasWithTheirPlaces() {
    let found = Self.spans("Cost $C_0$ is\n\n$$\n\\sum_j x_j\n$$\n", line: 10)
    #expect(found.map(\.tex) == ["C_0", "\n\\sum_j x_j\n"])
    #expect(found.map(\.display) == [false, true])
    #expect(found.map(\.line) == [10, 12])
    #expect(found.map(\.column) == [7, 3])
    #expect(found[1].location(ofTeXOffset: 1) == (line: 13, column: 1))
  }

  @Test(arguments: [
    "It costs $5 or $6.", "a $ b$ c", "a $b $ c", "price: $20$3", "escaped \\$x$", "`$x$` in code",
    "``a `$x$` b``", "    $x$ indented code", "```\n$x$\n```", "$$\n\nx$$", "$x\n\ny$",
  ])
  func pandocRulesLeaveTheseAsText(_ markdown: String) {
    #expect(Self.spans(markdown).isEmpty)
  }

  @Test func aDollarInsideDisplayMathIsPartOfIt() {
    #expect(Self.spans("$$a $ b$$").map(\.tex) == ["a $ b"])
  }

  @Test func escapedDollarInsideAFormulaDoesNotCloseIt() {
    #expect(Self.spans(#"$x = \$5$"#).map(\.tex) == [#"x = \$5"#])
  }

  @Test func mathBlocksAreDisplayFormulas() {
    let found = Self.spans("Text\n\n```math\na^2 + b^2\n```\n", line: 3)
    #expect(found.count == 1)
    #expect(found.first?.tex == "a^2 + b^2\n")
    #expect(found.first?.isFencedBlock == true)
    #expect(found.first?.line == 6)
    #expect(found.first?.column == 1)
  }

  @Test func unconvertibleFormulasAreCheckWarningsAtTheirColumn() throws {
    let text = """
      ---
      title: T
      ---

      Fine $x^2$ but $\\alpah + y$ and $$\\frac{1}{$$.
      """
    let document = try Document(parsing: text, path: "nb.md")
    let diagnostics = document.proseDiagnostics()
    #expect(diagnostics.count == 2)
    #expect(diagnostics.allSatisfy { $0.severity == .warning })
    #expect(diagnostics.first?.location == SourceLocation(file: "nb.md", line: 5, column: 17))
    #expect(diagnostics.first?.message.contains("did you mean '\\alpha'?") == true)
    #expect(diagnostics.first?.message.contains("shown as code") == true)
    #expect(diagnostics.last?.location.column == 43)
  }
}
