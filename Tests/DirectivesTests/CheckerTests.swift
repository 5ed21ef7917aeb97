import Notebook
import Testing

@testable import Directives

/// `nudge check`'s findings, each at its exact notebook line and column.
@Suite struct CheckerTests {
  /// Checks the sources as consecutive cells (cell N starts at line 10 * (N + 1)).
  func check(_ sources: String..., params: [Param] = []) -> [String] {
    let cells = sources.enumerated().map { makeCell($1, index: $0, line: 10 * ($0 + 1)) }
    return NotebookChecker().check(cells: cells, params: params, file: "nb.md").map(\.description)
  }

  @Test func aCleanNotebookHasNoFindings() {
    #expect(
      check(
        "let sizes = [784, 16, 10]\nvar total = 0",
        "for s in sizes { total += s }\nif total > 3 { print(\"big \\(total)\") } else { print(total) }",
        "let half = Double(total) / 2\nmetric(\"half\", half)\nprint(max(1, 2.5), sizes[0..<2].count)",
        params: [Param(name: "epochs", value: .int(3), line: 3)]
      ) == [])
  }

  @Test func anErrorIsReportedOnceNotAtEveryUseOfWhatItLeftUntyped() {
    // `data` has no type after its failed call: the closures over its images cannot be typed
    // either, and saying so again at each of them would bury the one real error.
    #expect(
      check(
        "let data = mnist(trainCount: 5)\nlet images = data.train.images",
        "let sums = images.map { $0.reduce(0, +) }\nfunc f() -> Int {\n  let local = mnist(tst: 1)\n  return local.test.images.filter { $0.count > 1 }.count\n}",
        "prnt(images.count)\nlet kept = data.train.labels.filter { x in x > 1 }")
        == [
          "nb.md:10:18: error: unknown argument label 'trainCount:' in call to 'mnist'",
          "nb.md:22:21: error: unknown argument label 'tst:' in call to 'mnist'; did you mean 'test:'?",
          // An error of its own in a statement that uses such a value is still reported.
          "nb.md:30:1: error: cannot find 'prnt' in scope; did you mean 'print'?",
        ])
  }

  @Test func syntaxErrors() {
    let findings = check("let x = 1", "print(\"a\"")
    #expect(findings.count == 1)
    #expect(findings.first == "nb.md:20:10: error: expected ')' to end function call")
  }

  @Test func unknownNamesWithSuggestions() {
    #expect(
      check("let total = 1\nprint(totl)") == [
        "nb.md:11:7: error: cannot find 'totl' in scope; did you mean 'total'?"
      ])
    #expect(
      check("prnt(1)") == ["nb.md:10:1: error: cannot find 'prnt' in scope; did you mean 'print'?"])
  }

  @Test func useBeforeDefinitionAcrossCells() {
    #expect(
      check("print(rate * 2)", "let rate = 0.5") == [
        "nb.md:10:7: error: 'rate' is used before it is defined (in cell 'cell2', line 20)"
      ])
  }

  @Test func wrongAndMissingLabels() {
    #expect(
      check("print(1, seperator: \", \")") == [
        "nb.md:10:10: error: unknown argument label 'seperator:' in call to 'print'; did you mean 'separator:'?"
      ])
    #expect(
      check("metric(\"a\")") == [
        "nb.md:10:1: error: missing argument for parameter '_ value' in call to 'metric'"
      ])
    #expect(
      check("pow(2, exponent: 3)") == [
        "nb.md:10:8: error: unknown argument label 'exponent:' in call to 'pow'; this argument takes no label"
      ])
  }

  @Test func literalTypeMismatches() {
    #expect(
      check("metric(\"a\", \"high\")") == [
        "nb.md:10:13: error: cannot convert value of type 'String' to expected argument type 'Double'"
      ])
    #expect(
      check("let n: Int = 0.5") == [
        "nb.md:10:14: error: cannot convert value of type 'Double' to specified type 'Int'"
      ])
    #expect(
      check("let s = \"a\" + 1") == [
        "nb.md:10:13: error: binary operator '+' cannot be applied to operands of type 'String' and 'Int'"
      ])
    #expect(
      check("if 1 { }") == [
        "nb.md:10:4: error: cannot convert value of type 'Int' to expected condition type 'Bool'"
      ])
  }

  @Test func unknownMembersWithSuggestions() {
    #expect(
      check("let values = [1, 2]\nprint(values.cont)") == [
        "nb.md:11:14: error: value of type '[Int]' has no member 'cont'; did you mean 'count'?"
      ])
  }

  @Test func assignmentsToConstantsAndParams() {
    #expect(
      check(
        "epochs = 4", "let xs = [1]\nxs.append(2)",
        params: [Param(name: "epochs", value: .int(3), line: 3)]) == [
          "nb.md:10:1: error: cannot assign to value: 'epochs' is a param",
          "nb.md:21:4: error: cannot use mutating member 'append' on 'xs': it is a 'let' constant; declare it with 'var'",
        ])
  }

  @Test func cellsThatAreNotEvaluatedAreNotChecked() {
    var cell = makeCell("this is not swift (")
    cell.options.eval = false
    #expect(NotebookChecker().check(cells: [cell], params: [], file: "nb.md").isEmpty)
  }

  @Test func detailedDiagnosticsQuoteTheLineWithACaret() throws {
    let cells = [makeCell("let total = 1\nprint(totl)")]
    let finding = try #require(
      NotebookChecker().check(cells: cells, params: [], file: "nb.md").first)
    #expect(
      finding.detailedDescription == """
        nb.md:11:7: error: cannot find 'totl' in scope; did you mean 'total'?
        print(totl)
              ^
        """)
  }

  @Test func indentedCellsMapColumnsToTheNotebook() throws {
    let cell = Cell(
      index: 0, options: CellOptions(), source: "print(nope)", sourceLine: 5, sourceColumn: 5,
      fenceLine: 4)
    let finding = try #require(
      NotebookChecker().check(cells: [cell], params: [], file: "nb.md").first)
    #expect(finding.description == "nb.md:5:11: error: cannot find 'nope' in scope")
    #expect(finding.detailedDescription.hasSuffix("    print(nope)\n          ^"))
  }
}
