import Foundation
import Testing

@testable import Plot

/// Every chart kind, with ordinary and awkward data, is well-formed XML with an accessible
/// name and description.
@Suite struct ChartDocumentTests {
  static let charts = SampleCharts.all + SampleCharts.awkward

  @Test(arguments: charts.map(\.name))
  func parsesAsXMLWithTitleAndDescription(name: String) throws {
    let svg = try #require(Self.charts.first { $0.name == name }?.svg)
    let structure = SVGStructure(svg)
    #expect(structure.parsed, "\(name): \(structure.error ?? "")")
    #expect(structure.rootName == "svg")
    #expect(structure.rootAttributes["role"] == "img")
    #expect(structure.rootAttributes["viewBox"]?.hasPrefix("0 0 ") == true)
    #expect(structure.rootAttributes["width"] == "100%")
    #expect(Array(structure.firstChildren.prefix(2)) == ["title", "desc"])
    #expect(!(structure.title ?? "").isEmpty)
    #expect(
      (structure.desc ?? "").count > 20, "\(name) describes its data: \(structure.desc ?? "")")
    let labelledBy = (structure.rootAttributes["aria-labelledby"] ?? "").split(separator: " ").map(
      String.init)
    #expect(labelledBy.count == 2)
    for id in labelledBy + structure.references {
      #expect(structure.ids.contains(id), "\(name) refers to the missing id \(id)")
    }
  }

  @Test func chartsOnOnePageHaveDistinctIds() {
    let ids = SampleCharts.all.map { SVGStructure($0.svg).rootAttributes["aria-labelledby"] ?? "" }
    #expect(Set(ids).count == ids.count)
  }

  @Test func sameInputGivesTheSameMarkup() {
    #expect(SampleCharts.confusionMatrix.svg() == SampleCharts.confusionMatrix.svg())
  }

  @Test func descriptionsSummariseTheData() {
    let cost = SVGStructure(SampleCharts.costPerEpoch.svg()).desc ?? ""
    #expect(cost.contains("train: fell from 0.52 to 0.254 over epoch 1 to 3"))
    let accuracy = SVGStructure(SampleCharts.accuracyRuns.svg()).desc ?? ""
    #expect(accuracy.contains("rate 0.1: rose from 0.906 to 0.944"))
    let check = SVGStructure(SampleCharts.gradientCheck.svg()).desc ?? ""
    #expect(check.contains("layer 1 weights: max 3.1e-8 (excellent), median 1.2e-10 (excellent)."))
    let confusion = SVGStructure(SampleCharts.confusionMatrix.svg()).desc ?? ""
    #expect(confusion.contains("on the diagonal"))
    #expect(confusion.contains("true digit 4, predicted digit 9"))
    let digits = SVGStructure(SampleCharts.digits.svg()).desc ?? ""
    #expect(digits.contains("guessed 14 of 16 right"))
    let nudges = SVGStructure(SampleCharts.nudges.svg()).desc ?? ""
    #expect(nudges.contains("right answer is 5"))
    #expect(nudges.contains("5 (right) up by 0.58"))
  }

  @Test func awkwardDataIsReportedInWordsNotDropped() throws {
    let awkward = Dictionary(uniqueKeysWithValues: SampleCharts.awkward.map { ($0.name, $0.svg) })
    let expectations: [(String, String)] = [
      ("line-empty", "No data"),
      ("line-nan", "Not shown: 1 NaN value, 1 infinite value."),
      ("line-log-nonpositive", "Not shown: 2 values at or below zero (log scale)."),
      ("line-log-x", "Not shown: 1 value at or below zero (log scale)."),
      ("scatter-log-log", "Not shown: 1 value at or below zero (log scale)."),
      ("bars-linear-signed", "Not shown: 1 NaN value."),
      ("histogram-empty", "No data"),
      ("histogram-nan", "Not shown: 1 NaN value, 1 infinite value."),
      ("bars-zero-nan", "1 value exactly 0"),
      ("scatter-nan", "Not shown: 1 NaN value."),
      ("heatmap-nan", "Not shown: 1 NaN value, 1 infinite value."),
      ("grid-nan", "Not shown: 1 NaN value."),
      ("nudges-nan", "Not shown: 2 NaN values."),
    ]
    for (name, phrase) in expectations {
      let svg = try #require(awkward[name])
      let structure = SVGStructure(svg)
      // Said on the chart itself and in its description.
      #expect(
        svg.contains(">\(phrase.htmlEscaped)") || svg.contains(">\(phrase.htmlEscaped)<"),
        "\(name) shows “\(phrase)”")
      #expect((structure.desc ?? "").contains(phrase), "\(name) describes “\(phrase)”")
    }
  }

  @Test func awkwardRangesGetReadableTickLabels() throws {
    let awkward = Dictionary(uniqueKeysWithValues: SampleCharts.awkward.map { ($0.name, $0.svg) })
    let decimals = try #require(awkward["line-decimals"])
    #expect(decimals.contains(">0.30<") && !decimals.contains("0000000"))
    let negative = try #require(awkward["line-negative"])
    #expect(negative.contains(">−4<") && negative.contains(">8<"))
    let tiny = try #require(awkward["line-tiny"])
    #expect(tiny.contains(">4×10⁻¹⁰<"))
  }

  @Test func weightImagesSaturateOutliersAndSaySo() {
    let weights = (0..<1000).map { $0 == 500 ? 5.0 : ($0 % 2 == 0 ? 0.1 : -0.1) }
    let svg = ImageGrid.weights(title: "w", images: [weights], width: 40, height: 25).svg()
    #expect(svg.contains(">1 value beyond ±0.1 drawn in the colours at the ends of the scale.<"))
  }

  @Test func logAxesAndSignedBarsAreDrawnAndDescribed() throws {
    let charts = Dictionary(uniqueKeysWithValues: SampleCharts.awkward.map { ($0.name, $0.svg) })
    let logX = try #require(charts["line-log-x"])
    #expect(
      (SVGStructure(logX).desc ?? "").hasPrefix(
        "Line chart of cost against rate with a log x axis."))
    // Decade ticks on the x axis, evenly spaced.
    for label in ["0.001", "0.01", "0.1", "1"] {
      #expect(logX.contains("class=\"np-tick\">\(label)<"), "tick \(label)")
    }
    #expect(logX.contains("<path d=\"M59.1 38L246.1 211.8L433 298.6L620 316\""))
    let scatter = try #require(charts["scatter-log-log"])
    #expect((SVGStructure(scatter).desc ?? "").contains("with log x and y axes"))
    #expect(scatter.components(separatedBy: "<circle").count - 1 == 3)
    let bars = try #require(charts["bars-linear-signed"])
    let rects = bars.components(separatedBy: "<rect").dropFirst().filter {
      $0.contains("fill-opacity=\"0.85\"")
    }
    #expect(rects.count == 2)
    #expect((SVGStructure(bars).desc ?? "").hasPrefix("Bar chart of change per category. "))
    #expect(bars.contains("b, change: -2"))
    #expect(!bars.contains("outside the bands"))
  }

  @Test func aLineChartCanStartItsAxisAtZero() {
    let chart = LineChart(
      title: "c", xTitle: "epoch", yTitle: "cost",
      series: [LineSeries(name: "train", y: [0.52, 0.31])],
      yIncluding: [0])
    #expect(chart.svg().contains(">0.0</text>"))
    #expect(!SampleCharts.costPerEpoch.svg().contains(">0.0</text>"))
  }

  @Test func epochMarksAreDrawnWhereEpochsBegin() {
    let svg = SampleCharts.miniBatchCost.svg()
    #expect(svg.contains(">epoch 2</text>") && svg.contains(">epoch 3</text>"))
    #expect(svg.components(separatedBy: "class=\"np-ref\"").count == 3)
  }

  @Test func pointsAndBarsHaveHoverTitles() {
    #expect(SVGStructure(SampleCharts.costPerEpoch.svg()).hoverTitleCount >= 6)
    #expect(SVGStructure(SampleCharts.gradientCheck.svg()).hoverTitleCount >= 6)
    #expect(SVGStructure(SampleCharts.confusionMatrix.svg()).hoverTitleCount >= 100)
    #expect(
      SampleCharts.gradientCheck.svg().contains(
        "<title>layer 1 weights, max: 3.1×10⁻⁸ (excellent)</title>")
    )
  }

  @Test func markupFromUserTextCannotBreakTheDocument() {
    let svg = LineChart(
      title: "</svg><script>alert(1)</script>", xTitle: "a & b", yTitle: "\"y\"",
      series: [LineSeries(name: "<x>", y: [1, 2])]
    ).svg()
    #expect(SVGStructure(svg).parsed)
    #expect(!svg.contains("<script>"))
  }

  @Test func longSeriesAreThinnedToTheScreensResolution() {
    let svg = SampleCharts.miniBatchCost.svg()
    // 6000 points per line would be ~90 KB of path data; the envelope needs far fewer.
    #expect(svg.utf8.count < 60_000)
  }
}

/// Values at the edges of what a double holds must not crash a chart or break its markup.
@Suite struct ExtremeValueTests {
  static let charts: [(String, @Sendable () -> String)] = [
    (
      "line",
      {
        LineChart(
          title: "t", xTitle: "x", yTitle: "y",
          series: [LineSeries(name: "a", y: [1e308, -1e308, 5e-324])]
        ).svg()
      }
    ),
    (
      "line log",
      {
        LineChart(
          title: "t", xTitle: "x", yTitle: "y",
          series: [LineSeries(name: "a", y: [5e-324, 1e308])], yScale: .log10
        ).svg()
      }
    ),
    (
      "histogram",
      {
        Histogram(
          title: "t", xTitle: "x", series: [HistogramSeries(name: "a", values: [-1e308, 1e308, 0])]
        ).svg()
      }
    ),
    (
      "histogram width",
      {
        Histogram(
          title: "t", xTitle: "x", series: [HistogramSeries(name: "a", values: [0, 1])],
          bins: .width(1e-300)
        ).svg()
      }
    ),
    (
      "bars",
      {
        LogBarChart(
          title: "t", yTitle: "y", categories: ["a", "b"],
          series: [BarSeries(name: "m", values: [5e-324, 1e308])]
        ).svg()
      }
    ),
    (
      "scatter",
      {
        ScatterChart(
          title: "t", xTitle: "x", yTitle: "y",
          series: [ScatterSeries(name: "p", x: [1e308, -1e308], y: [0, 1])], identityLine: true
        ).svg()
      }
    ),
    ("heatmap", { Heatmap(title: "t", values: [[1e300, -1e300], [0, 1]]).svg() }),
    (
      "grid",
      { ImageGrid.weights(title: "t", images: [[1e308, -1e308, 0, 1]], width: 2, height: 2).svg() }
    ),
    (
      "nudges",
      { NudgesChart(outputChanges: [1e308, -1e308], target: 0, previousChanges: [1e300]).svg() }
    ),
  ]

  @Test(arguments: charts.map(\.0))
  func chartStaysWellFormed(name: String) throws {
    let draw = try #require(Self.charts.first { $0.0 == name }?.1)
    let svg = draw()
    #expect(SVGStructure(svg).parsed, "\(name)")
    #expect(
      !svg.contains("nan") && !svg.contains("inf\""), "\(name) wrote a non-number into an attribute"
    )
  }
}
