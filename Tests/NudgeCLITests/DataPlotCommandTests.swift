import Foundation
import Testing

/// `plot` of data and of a closure through `nudge check` and `nudge render`: numbered figures,
/// cross-references, tables where they are called, and static errors at line:column.
@Suite("plot of any data, end to end", .serialized)
struct DataPlotCommandTests {
  static let notebook = """
    # Curves

    The logistic curve is in @fig-sigmoid; the data in @fig-squares.

    ```swift
    //| label: fig-sigmoid
    //| fig-cap: "The logistic function"
    plot(from: -6, to: 6, title: "Logistic") { x in 1 / (1 + exp(-x)) }
    ```

    ```swift
    //| label: fig-squares
    //| fig-cap: Squares and cubes
    let xs = [1.0, 2, 3, 4]
    table([xs, xs.map { $0 * $0 }], digits: 1)
    plot(x: xs, y: [xs.map { $0 * $0 }, xs.map { $0 * $0 * $0 }], labels: ["square", "cube"], yScale: .log)
    let done = true
    ```
    """

  @Test func labelledDataPlotsAreNumberedAndReferenced() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "curves.md")
    let outcome = try NudgeRunner.run(["render", "curves.md", "-q"], in: scratch.path)
    #expect(outcome.status == 0, "\(outcome.standardError)")
    let page = try String(contentsOfFile: "\(scratch.path)/output/curves.html", encoding: .utf8)
    #expect(
      page.contains(
        "The logistic curve is in <a class=\"xref\" href=\"#fig-sigmoid\">Figure 1</a>; the data in <a class=\"xref\" href=\"#fig-squares\">Figure 2</a>."
      ))
    #expect(page.contains("id=\"fig-sigmoid\""))
    #expect(
      page.contains(
        "<figcaption><span class=\"caption-number\">Figure 2</span>: Squares and cubes</figcaption>"
      ))
    #expect(page.contains("Line chart of y against x on a log scale."))
    // The table made before the plot shows, before it, with one decimal place.
    let table = try #require(page.range(of: "<td class=\"num\">16.0</td>"))
    let chart = try #require(page.range(of: "cube: rose from 1 to 64"))
    #expect(table.lowerBound < chart.lowerBound)
  }

  @Test func wrongLabelsAndTypesAreCheckErrorsAtTheirColumn() throws {
    let scratch = try Scratch()
    try scratch.write(
      "# Bad\n\n```swift\nplot(x: [1.0, 2], y: \"up\")\nplot(from: 0, to: 1, colour: \"red\") { x in x }\n```\n",
      to: "bad.md")
    let outcome = try NudgeRunner.run(["check", "bad.md"], in: scratch.path)
    #expect(outcome.status != 0)
    #expect(
      outcome.standardError.contains(
        "bad.md:4:22: error: cannot convert value of type 'String' to expected argument type '[Double] or [[Double]]'"
      ))
    #expect(
      outcome.standardError.contains(
        "bad.md:5:22: error: unknown argument label 'colour:' in call to 'plot'"))
  }
}
