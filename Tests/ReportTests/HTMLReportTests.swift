import Foundation
import Notebook
import Testing

@testable import Report

@Suite("The HTML report")
struct HTMLReportTests {
  static let notebook = """
    ---
    title: Tiny <lesson>
    params:
      epochs: 3
      rate: 0.1
    ---

    ## Setup

    Prose with <b onclick="alert(1)">raw html</b> and a [bad link](javascript:alert(1)).

    <script>alert("block")</script>

    ```swift
    //| name: setup
    let x = 60_000 // comment
    ```

    ## Setup

    ```swift
    //| echo: false
    print("hidden source")
    ```

    ### Results
    """

  /// A small chart shaped like the ones Plot draws.
  static let chart = """
    <svg xmlns="http://www.w3.org/2000/svg" width="360" height="140" viewBox="0 0 360 140" role="img">\
    <title>cost</title><path d="M40 120H350M40 10V120" stroke="currentColor" fill="none"/>\
    <polyline points="40,20 150,80 260,100 350,108" fill="none" stroke="var(--plot-1)" stroke-width="2"/></svg>
    """

  static func document() throws -> Document {
    try Document(parsing: notebook, path: "notebooks/tiny.md")
  }

  @Test func pageIsSelfContained() throws {
    let page = HTMLReport(document: try Self.document()).html()
    #expect(page.hasPrefix("<!DOCTYPE html>"))
    #expect(!page.contains("http://") && !page.contains("https://"))
    #expect(!page.contains("<link") && !page.contains("<script") && !page.contains("@import"))
    #expect(
      page.contains("<style>") && page.contains("prefers-color-scheme: dark")
        && page.contains("@media print"))
    #expect(page.contains("<title>Tiny &lt;lesson&gt;</title>"))
  }

  @Test func rawHTMLIsEscapedUnlessAllowed() throws {
    let safe = HTMLReport(document: try Self.document()).html()
    #expect(!ScriptScanner.findsScript(in: safe))
    #expect(safe.contains("&lt;b onclick=&quot;alert(1)&quot;&gt;raw html&lt;/b&gt;"))
    #expect(safe.contains("&lt;script&gt;alert(&quot;block&quot;)&lt;/script&gt;"))
    #expect(safe.contains("Content-Security-Policy"))
    let unsafe = HTMLReport(document: try Self.document(), options: ReportOptions(unsafeHTML: true))
      .html()
    #expect(unsafe.contains("<b onclick=\"alert(1)\">raw html</b>"))
    #expect(unsafe.contains("script-src 'none'") && unsafe.contains("img-src data: 'self' https:"))
  }

  @Test func tableOfContentsLinksToUniqueHeadingAnchors() throws {
    let report = HTMLReport(document: try Self.document())
    let (html, headings) = report.article()
    #expect(headings.map(\.anchor) == ["setup", "setup-2", "results"])
    for heading in headings {
      #expect(html.contains("id=\"\(heading.anchor)\""))
    }
    let page = report.html()
    #expect(page.contains("<nav class=\"toc\""))
    #expect(page.contains("<a href=\"#setup-2\">Setup</a>"))
  }

  @Test func cellsShowHighlightedSourceUnlessEchoIsOff() throws {
    let page = HTMLReport(document: try Self.document()).html()
    #expect(page.contains("id=\"cell-setup\""))
    #expect(
      page.contains(
        "<span class=\"k\">let</span> x = <span class=\"n\">60_000</span> <span class=\"c\">// comment</span>"
      ))
    #expect(page.contains("id=\"cell-cell2\""))
    #expect(!page.contains("hidden source"))
  }

  @Test func headerShowsTitleAndParamsWithOverrides() throws {
    let document = try Self.document()
    var run = RunSummary(status: .ok, date: "2026-11-29 07:00 UTC")
    run.params = [
      Param(name: "epochs", value: .int(5), line: 4),
      Param(name: "rate", value: .double(0.1), line: 5),
    ]
    run.details = [.init("run", "r-1")]
    let page = HTMLReport(document: document, run: run).html()
    #expect(page.contains("<h1 class=\"title\">Tiny &lt;lesson&gt;</h1>"))
    #expect(page.contains("<span class=\"badge ok\">ok</span>"))
    #expect(page.contains("2026-11-29 07:00 UTC"))
    #expect(
      page.contains(
        "<code>epochs</code></th><td><code>5</code> <span class=\"overridden\">(notebook: <code>3</code>)</span></td><td>Int</td>"
      ))
    #expect(page.contains("<code>rate</code></th><td><code>0.1</code></td><td>Double</td>"))
  }

  @Test func titleFallsBackToTheFileName() throws {
    let document = try Document(parsing: "Just prose.\n", path: "notebooks/intro.md")
    #expect(HTMLReport(document: document).title == "intro")
  }

  @Test func everyOutputKindIsRendered() throws {
    let document = try Self.document()
    let diagnostic = Diagnostic(
      "unknown argument label 'epoch:'; did you mean 'epochs:'?",
      at: SourceLocation(file: "notebooks/tiny.md", line: 17, column: 11),
      sourceLine: "net.train(epoch: 3)")
    let results: [Int: CellResult] = [
      0: CellResult(
        status: .ok,
        outputs: [
          .text("a <b>\n"), .text("c\n"), .value("Network(784-16-16-10)"),
          .table(
            Table(
              caption: "Confusion", columns: ["digit", "accuracy"],
              rows: [["0", "0.98"], ["1", "0.97"]])),
          .figure(Figure(svg: Self.chart, caption: "Cost per epoch")),
          .metric(name: "test.accuracy", value: 0.9731),
          .metric(name: "train.cost", value: 0.1234567),
          .series(name: "train.cost", values: [2.3, 1.1, 0.6]),
        ], seconds: 1.5),
      1: CellResult(status: .failed, outputs: [.error(diagnostic)], seconds: 0.2),
    ]
    let page = HTMLReport(document: document, results: results, run: RunSummary(status: .failed))
      .html()
    #expect(page.contains("<pre class=\"out out-text\">a &lt;b&gt;\nc\n</pre>"))
    #expect(page.contains("Network(784-16-16-10)</pre>"))
    #expect(page.contains("<caption>Confusion</caption>"))
    #expect(page.contains("<td class=\"num\">0.98</td>"))
    #expect(page.contains("<figure class=\"out out-figure\"><svg width=\"360\" height=\"140\""))
    #expect(page.contains("</svg><figcaption>Cost per epoch</figcaption></figure>"))
    #expect(!page.contains("http://"))
    #expect(page.contains("<dt>test.accuracy</dt><dd>0.9731</dd>"))
    #expect(page.contains("<dt>train.cost</dt><dd>0.1235<svg class=\"sparkline\""))
    #expect(page.contains("<svg class=\"sparkline\""))
    #expect(
      page.contains("<span class=\"badge ok\">ok</span><span class=\"cell-time\">1.50 s</span>"))
    // A failed cell shows its source even with echo: false, and the error with its caret.
    #expect(page.contains("print(<span class=\"s\">&quot;hidden source&quot;</span>)"))
    #expect(
      page.contains(
        "<p>notebooks/tiny.md:17:11: error: unknown argument label &#39;epoch:&#39;; did you mean &#39;epochs:&#39;?</p><pre>net.train(epoch: 3)\n          ^</pre>"
      ))
    #expect(page.contains("class=\"cell cell-failed\""))

    if let samplePath = ProcessInfo.processInfo.environment["NUDGE_WRITE_SAMPLE_REPORT"] {
      // For looking at the styles in a browser: NUDGE_WRITE_SAMPLE_REPORT=/tmp/sample.html swift test
      try AtomicFile.write(page, to: samplePath)
    }
  }

  @Test func aMetricRecordedSeveralTimesShowsOnceWithItsLastValue() {
    let html = OutputRenderer.html(for: [
      .metric(name: "train.test.accuracy", value: 0.91), .text("between\n"),
      .metric(name: "train.test.accuracy", value: 0.95),
      .metric(name: "train.train.cost", value: 0.2),
      .series(name: "train.cost", values: [1, 0.5]),
      .series(name: "train.cost", values: [2, 0.25]),
    ])
    #expect(html.components(separatedBy: "<div class=\"out metrics\">").count == 2)
    #expect(
      html.contains(
        "<dt>train.test.accuracy</dt><dd>0.95 <span class=\"series-count\">(last of 2)</span></dd>")
    )
    #expect(!html.contains("0.91"))
    #expect(html.contains("<dt>train.train.cost</dt><dd>0.2</dd>"))
    #expect(html.components(separatedBy: "<dt>train.cost</dt>").count == 2)
    #expect(html.contains("between"))
  }

  @Test func aMetricAndASeriesOfOneNameShareOneItemInOneRow() {
    let html = OutputRenderer.html(for: [
      .metric(name: "train.cost", value: 0.2), .metric(name: "test.accuracy", value: 0.9),
      .series(name: "train.cost", values: [1, 0.5, 0.2]),
      .series(name: "batch.cost", values: [3, 2]),
    ])
    #expect(html.components(separatedBy: "<div class=\"out metrics\">").count == 2)
    #expect(html.components(separatedBy: "<dt>train.cost</dt>").count == 2)
    #expect(html.contains("<dt>train.cost</dt><dd>0.2<svg class=\"sparkline\""))
    #expect(html.contains("<dt>test.accuracy</dt><dd>0.9</dd>"))
    // A series without a metric shows its last value beside its line.
    #expect(html.contains("<dt>batch.cost</dt><dd>2<svg class=\"sparkline\""))
    #expect(html.components(separatedBy: "<svg class=\"sparkline\"").count == 3)
    #expect(html.components(separatedBy: "<dl>").count == 4)
  }

  @Test func numbersAndDurationsReadWell() {
    #expect(NumberFormat.metric(60000) == "60000")
    #expect(NumberFormat.metric(1.2e-5) == "1.2e-05")
    #expect(NumberFormat.metric(0.97312) == "0.9731")
    #expect(NumberFormat.metric(.nan) == "NaN")
    #expect(NumberFormat.metric(.infinity) == "inf")
    #expect(NumberFormat.metric(-.infinity) == "-inf")
    #expect(HTMLReport.duration(0.004) == "<0.01 s")
    #expect(HTMLReport.duration(125) == "2 min 5 s")
  }
}

@Suite struct SparklineTests {
  @Test func longSeriesKeepTheirExtremesInFewPoints() {
    var values = (0..<28_000).map { 1.0 / Double($0 + 1) }
    values[14_000] = 5  // one spike must survive
    let line = OutputRenderer.sparkline(values)
    let attribute =
      line.components(separatedBy: "points=\"").last?.split(separator: "\"").first ?? ""
    let ys = attribute.split(separator: " ").compactMap {
      $0.split(separator: ",").last.flatMap { Double($0) }
    }
    #expect(ys.count > 90 && ys.count <= 2 * 97)
    #expect(ys.min() == 2)  // the spike still reaches the top of the line's box
    #expect(OutputRenderer.sparkline([1, 2, 3]).contains("polyline"))
  }
}
