import Foundation

/// One set of values in a `Histogram`, e.g. a layer's weights before training.
package typealias HistogramSeries = NamedValues

/// A histogram of one or more sets of values on shared bins, overlaid (weights before and
/// after training).
///
/// ```swift
/// Histogram(title: "Layer 1 weights", xTitle: "weight",
///           series: [HistogramSeries(name: "before", values: w0),
///                    HistogramSeries(name: "after", values: w1)]).svg()
/// ```
package struct Histogram: Sendable {
  package var title: String
  package var xTitle: String
  package var yTitle: String
  package var series: [HistogramSeries]
  package var bins: BinRule
  package var size: ChartSize

  package init(
    title: String, xTitle: String, yTitle: String = "count", series: [HistogramSeries],
    bins: BinRule = .auto, size: ChartSize = .standard
  ) {
    self.title = title
    self.xTitle = xTitle
    self.yTitle = yTitle
    self.series = series
    self.bins = bins
    self.size = size
  }

  package func svg() -> String {
    var omissions = Omissions()
    let finite = series.map { $0.values.filter { omissions.admit($0) } }
    let edges = HistogramBins.edges(for: finite.flatMap { $0 }, rule: bins)
    let counts = finite.map { HistogramBins.counts(of: $0, edges: edges) }
    let styles = series.styles
    let chrome = ChartChrome(
      size: size, title: title, legend: series.swatchLegend,
      notes: omissions.notes)
    let highest = counts.flatMap { $0 }.max() ?? 0
    let frame = CartesianFrame(
      chrome: chrome, x: Scale.linear(covering: edges),
      y: Scale.linear(covering: [0, Double(max(highest, 1))], integerTicks: true))
    var svg = SVGBuilder()
    if frame.drawAxes(
      hasData: !edges.isEmpty, hasInput: !series.allSatisfy(\.values.isEmpty), xTitle: xTitle,
      yTitle: yTitle, xGrid: false, into: &svg)
    {
      for index in series.indices {
        drawBars(
          index, counts: counts[index], edges: edges, style: styles[index], x: frame.x, y: frame.y,
          into: &svg)
      }
    }
    chrome.drawNotes(into: &svg)
    return ChartDocument(
      width: size.width, height: size.height, title: title,
      description: description(finite: finite, edges: edges, counts: counts, omissions: omissions),
      body: svg.markup
    ).svg()
  }

  /// Translucent bars (each with a hover title) and the outline of their tops in the
  /// series' dash pattern, so overlaid histograms stay distinguishable without colour.
  private func drawBars(
    _ index: Int, counts: [Int], edges: [Double], style: SeriesStyle, x: Scale, y: Scale,
    into svg: inout SVGBuilder
  ) {
    let base = y.position(0)
    svg.open("g", [("fill", style.color), ("fill-opacity", series.count > 1 ? "0.35" : "0.55")])
    for (bin, count) in counts.enumerated() where count > 0 {
      let left = x.position(edges[bin])
      let right = x.position(edges[bin + 1])
      let top = y.position(Double(count))
      let closing = bin == counts.count - 1 ? "]" : ")"
      svg.element(
        "rect",
        [
          ("x", left.svg), ("y", top.svg), ("width", max(0.5, right - left).svg),
          ("height", (base - top).svg),
        ],
        hover:
          "\(series[index].name): \(counted(count, "value")) in [\(NumberText.summary(edges[bin])), \(NumberText.summary(edges[bin + 1]))\(closing)"
      )
    }
    svg.close("g")
    var d = "M\(x.position(edges[0]).svg) \(base.svg)"
    for (bin, count) in counts.enumerated() {
      let top = y.position(Double(count))
      d += "V\(top.svg)H\(x.position(edges[bin + 1]).svg)"
    }
    d += "V\(base.svg)"
    var attributes = [("d", d), ("fill", "none"), ("stroke", style.color), ("stroke-width", "1.5")]
    if let dash = style.dash { attributes.append(("stroke-dasharray", dash)) }
    svg.element("path", attributes)
  }

  private func description(
    finite: [[Double]], edges: [Double], counts: [[Int]], omissions: Omissions
  ) -> String {
    var sentences = ["Histogram of \(xTitle)."]
    if let first = edges.first, let last = edges.last {
      sentences.append(
        "\(counted(edges.count - 1, "bin")) of width \(NumberText.spoken((last - first) / Double(edges.count - 1))) from \(NumberText.spoken(first)) to \(NumberText.spoken(last))."
      )
    } else {
      sentences.append("No data.")
    }
    for index in series.indices {
      let values = finite[index]
      guard !values.isEmpty else {
        sentences.append("\(series[index].name): no finite values.")
        continue
      }
      let mean = values.reduce(0, +) / Double(values.count)
      let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
      var sentence =
        "\(series[index].name): \(counted(values.count, "value")), mean \(NumberText.spoken(mean)), standard deviation \(NumberText.spoken(variance.squareRoot())), from \(NumberText.spoken(values.min() ?? 0)) to \(NumberText.spoken(values.max() ?? 0))"
      if let peak = counts[index].indices.max(by: { counts[index][$0] < counts[index][$1] }) {
        sentence +=
          "; most in the bin from \(NumberText.spoken(edges[peak])) to \(NumberText.spoken(edges[peak + 1])) (\(counts[index][peak]))"
      }
      sentences.append(sentence + ".")
    }
    if let note = omissions.sentence { sentences.append(note) }
    return sentences.joined(separator: " ")
  }
}
