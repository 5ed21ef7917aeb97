import Foundation
import Notebook
import Testing

@testable import Directives

/// `plot` of any data and of functions, `table(..., digits:)`, and tables shown where called.
@Suite struct DataPlotTests {
  /// Evaluates the cells in a throwaway folder, removed afterwards.
  func run(_ sources: String...) throws -> [CellResult] {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let session = try makeSession(directory: directory)
    return sources.enumerated().map { index, source in
      session.evaluate(makeCell(source, index: index, line: 10 * (index + 1)))
    }
  }

  func figures(_ result: CellResult) -> [Figure] {
    result.outputs.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
  }

  /// How many times `part` occurs in `text`.
  func count(_ part: String, in text: String) -> Int {
    text.components(separatedBy: part).count - 1
  }

  @Test func linesOfOneAndOfSeveralSeries() throws {
    let one = try run(
      "plot(x: [1, 2, 3], y: [2.0, 4, 8], title: \"Doubling\", xLabel: \"step\", yLabel: \"size\")")[
        0]
    #expect(one.error == nil)
    let figure = try #require(figures(one).first)
    #expect(figure.caption == nil)
    #expect(figure.svg.contains(">Doubling</title>"))
    #expect(figure.svg.contains("Line chart of size against step."))
    #expect(count("<title>y: rose from 2 to 8 over step 1 to 3", in: figure.svg) == 1)

    let two = try run(
      "plot(x: [1, 2, 3], y: [[1.0, 2, 3], [3.0, 2, 1]], labels: [\"up\", \"down\"])")[0]
    let svg = try #require(figures(two).first).svg
    #expect(svg.contains("up: rose from 1 to 3"))
    #expect(svg.contains("down: fell from 3 to 1"))
  }

  @Test func scatterBarsAndLogScales() throws {
    let results = try run(
      "plot(x: [1, 2, 3], y: [1.0, 4, 9], kind: .scatter)",
      "plot(x: [1, 2, 3], y: [5.0, -2, 3], kind: .bar)",
      "plot(x: [1, 10, 100], y: [1.0, 0, 100], xScale: .log, yScale: .log)")
    #expect(results.allSatisfy { $0.error == nil })
    let scatter = try #require(figures(results[0]).first).svg
    #expect(scatter.contains("Scatter chart of y against x."))
    #expect(count("<circle", in: scatter) == 3)
    let bars = try #require(figures(results[1]).first).svg
    #expect(bars.contains("Bar chart of y per category."))
    #expect(bars.contains("2, y: -2"))
    let log = try #require(figures(results[2]).first).svg
    #expect(log.contains("with log x and y axes"))
    // A value at or below zero on a log axis is left out and said so.
    #expect(log.contains("Not shown: 1 value at or below zero (log scale)."))
  }

  @Test func aFunctionDrawnFromAClosure() throws {
    let result = try run("plot(from: -6, to: 6, points: 61) { x in 1 / (1 + exp(-x)) }")[0]
    #expect(result.error == nil)
    let svg = try #require(figures(result).first).svg
    #expect(svg.contains("y: rose from 0.00247 to 0.998 over x -6 to 6"))
    #expect(svg.contains("61 points"))
    let logX = try run(
      "let square = { (x: Double) in x * x }\nplot(from: 1, to: 100, points: 3, xScale: .log, yScale: .log) { x in square(x) }"
    )[0]
    #expect(logX.error == nil)
    #expect(try #require(figures(logX).first).svg.contains("rose from 1 to 10000 over x 1 to 100"))
  }

  @Test func badDataIsAnErrorAtItsArgument() throws {
    let results = try run(
      "plot(x: [1, 2, 3], y: [1.0, 2])",
      "plot(x: [1, 2], y: [[1.0, 2], [3.0]], labels: [\"a\", \"b\"])",
      "plot(x: [1, 2], y: [1.0, 2], labels: [\"a\", \"b\"])",
      "plot(from: 0, to: 1, xScale: .log) { x in x }",
      "plot(from: 2, to: 1) { x in x }",
      "plot(x: [1, 2], y: [1.0, 2], kind: .pie)")
    #expect(
      failure(results[0])
        == "nb.md:10:23: error: x has 3 values but y has 2; give one y value per x value")
    #expect(
      failure(results[1])?.hasPrefix("nb.md:20:20: error: x has 2 values but y[1] has 1") == true)
    #expect(
      failure(results[2])
        == "nb.md:30:38: error: 2 labels for 1 series; give one label per series")
    #expect(
      failure(results[3]) == "nb.md:40:12: error: a log x axis needs 'from' above zero, got 0")
    #expect(
      failure(results[4])
        == "nb.md:50:19: error: 'from' must be a finite number below 'to', got 2 and 1")
    #expect(failure(results[5])?.contains("has no member 'pie'") == true)
  }

  @Test func theCheckerPicksTheFormByItsLabels() {
    let table = DirectiveTable.standard
    #expect(table.function(named: "plot", labels: [nil])?.parameters.first?.name == "histories")
    #expect(table.function(named: "plot", labels: ["x", "y"])?.parameters.first?.label == "x")
    #expect(
      table.function(named: "plot", labels: ["from", "to", nil])?.parameters.first?.label
        == "from")
    // No form fits: the one sharing most labels speaks, so the message is about 'y:'.
    #expect(table.function(named: "plot", labels: ["x"])?.parameters.first?.label == "x")
  }

  @Test func tablesShowWhereCalledWithChosenDigits() throws {
    let result = try run(
      "table([[1.23456, 2]], columns: [\"a\", \"b\"], digits: 2)\nprint(\"between\")\ntable([[0.5]], digits: 0)\nlet done = 1"
    )[0]
    #expect(result.error == nil)
    var shown: [String] = []
    for output in result.outputs {
      switch output {
      case .table(let table): shown.append(table.rows.flatMap { $0 }.joined(separator: ","))
      case .text(let text): shown.append(text)
      default: break
      }
    }
    #expect(shown == ["1.23,2.00", "between\n", "0"])
    let negative = try run("table([[1.0]], digits: -1)")[0]
    #expect(failure(negative) == "nb.md:10:24: error: 'digits' must be at least 0, got -1")
  }
}
