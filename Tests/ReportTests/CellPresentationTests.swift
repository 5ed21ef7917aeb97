import Foundation
import Notebook
import Testing

@testable import Report

@Suite("Numbered figures, references and cell display options")
struct CellPresentationTests {
  @Test func labelledOutputsAreNumberedAndProseLinksToThem() throws {
    let text = """
      See @fig-cost and @tbl-scores.

      ```swift
      //| label: fig-cost
      //| fig-cap: Cost <per> epoch
      //| fold: true
      let x = 1
      ```

      ```swift
      //| label: tbl-scores
      //| tbl-cap: Scores
      //| metrics: false
      let y = 2
      ```

      ```swift
      //| output: false
      let z = 3
      ```
      """
    let document = try Document(parsing: text, path: "n.md")
    let results: [Int: CellResult] = [
      0: CellResult(status: .ok, outputs: [.text("chart\n")]),
      1: CellResult(status: .ok, outputs: [.text("rows\n"), .metric(name: "acc", value: 0.5)]),
      2: CellResult(status: .ok, outputs: [.text("hidden output\n")]),
    ]
    let html = HTMLReport(document: document, results: results).article().html
    #expect(
      html.contains(
        "See <a class=\"xref\" href=\"#fig-cost\">Figure 1</a> and <a class=\"xref\" href=\"#tbl-scores\">Table 1</a>."
      ))
    #expect(html.contains("<figure class=\"numbered numbered-figure\" id=\"fig-cost\">"))
    #expect(
      html.contains(
        "</div>\n<figcaption><span class=\"caption-number\">Figure 1</span>: Cost &lt;per&gt; epoch</figcaption>"
      ))
    #expect(
      html.contains(
        "id=\"tbl-scores\">\n<figcaption><span class=\"caption-number\">Table 1</span>: Scores</figcaption>\n<div class=\"outputs\">"
      ))
    #expect(
      html.contains("<details class=\"fold\"><summary>Code</summary>\n<pre class=\"source\">"))
    #expect(html.contains("rows"))
    #expect(!html.contains("acc"))
    #expect(!html.contains("hidden output"))
    #expect(html.contains("<span class=\"cell-line\">line 17</span>"))
  }
}

extension CellPresentationTests {
  @Test func labelsWithUnderscoresAreLinkedWhole() throws {
    let document = try Document(
      parsing: "See @fig-my_plot.\n\n```swift\n//| label: fig-my_plot\nlet x = 1\n```\n",
      path: "n.md")
    let html = HTMLReport(document: document).article().html
    #expect(html.contains("See <a class=\"xref\" href=\"#fig-my_plot\">Figure 1</a>."))
  }
}

@Suite("Inline values in the report")
struct InlineValueReportTests {
  @Test func valuesReplaceTheirCodeAndErrorsAreMarked() throws {
    let document = try Document(
      parsing: "A `{swift} a` B `{swift} b` C `{swift} c` D `code`.\n", path: "n.md")
    var report = HTMLReport(document: document)
    report.inlineValues = [0: .value("97.5 <%>"), 1: .error("unknown name 'b'")]
    let html = report.article().html
    #expect(
      html.contains(
        "A <span class=\"inline-value\" title=\"a\">97.5 &lt;%&gt;</span> B <code class=\"inline-error\" title=\"unknown name &#39;b&#39;\">b</code> C <code>{swift} c</code> D <code>code</code>."
      ))
  }
}
