/// One set of points in a `ScatterChart`.
package struct ScatterSeries: Sendable {
  package var name: String
  package var x: [Double]
  package var y: [Double]
  package var style: SeriesStyle?

  package init(name: String, x: [Double], y: [Double], style: SeriesStyle? = nil) {
    self.name = name
    self.x = x
    self.y = y
    self.style = style
  }
}

/// Points against two linear axes, optionally with the line y = x on a shared scale: the
/// gradient backprop computes against the one finite differences estimate.
///
/// ```swift
/// ScatterChart(title: "Backprop against numerical gradient", xTitle: "numerical",
///              yTitle: "backprop", series: [ScatterSeries(name: "weights", x: numeric, y: analytic)],
///              identityLine: true).svg()
/// ```
package struct ScatterChart: Sendable {
  package var title: String
  package var xTitle: String
  package var yTitle: String
  package var series: [ScatterSeries]
  /// Draws y = x, with both axes on the same scale so the line runs corner to corner.
  package var identityLine: Bool
  package var xScale: Scale.Kind
  package var yScale: Scale.Kind
  package var size: ChartSize

  package init(
    title: String, xTitle: String, yTitle: String, series: [ScatterSeries],
    identityLine: Bool = false, xScale: Scale.Kind = .linear, yScale: Scale.Kind = .linear,
    size: ChartSize = .square
  ) {
    self.xScale = xScale
    self.yScale = yScale
    self.title = title
    self.xTitle = xTitle
    self.yTitle = yTitle
    self.series = series
    self.identityLine = identityLine
    self.size = size
  }

  /// Above this many points hover titles are left out, to keep the file small.
  private static let hoverLimit = 1500

  package func svg() -> String {
    var omissions = Omissions()
    let points: [[(x: Double, y: Double)]] = series.map { points in
      (0..<min(points.x.count, points.y.count)).compactMap { index in
        let (x, y) = (points.x[index], points.y[index])
        let admitted =
          omissions.admit(x, logScale: xScale == .log10)
          && omissions.admit(y, logScale: yScale == .log10)
        return admitted ? (x, y) : nil
      }
    }
    let all = points.flatMap { $0 }
    let styles = series.indices.map { series[$0].style ?? .automatic($0) }
    var legend = series.indices.map {
      LegendEntry(name: series[$0].name, style: styles[$0], sample: .marker)
    }
    if identityLine {
      legend.append(
        LegendEntry(
          name: "y = x", style: SeriesStyle(color: "currentColor", marker: .circle, dash: "5 4"),
          sample: .line(marker: false, faint: false)))
    }
    let chrome = ChartChrome(
      size: size, title: title, legend: legend.count > 1 ? legend : [],
      notes: omissions.notes)
    let xs = all.map(\.x)
    let ys = all.map(\.y)
    let frame = CartesianFrame(
      chrome: chrome, x: Self.scale(xScale, covering: identityLine ? xs + ys : xs),
      y: Self.scale(yScale, covering: identityLine ? xs + ys : ys))
    let (xAxis, yAxis) = (frame.x, frame.y)
    var svg = SVGBuilder()
    if frame.drawAxes(
      hasData: !all.isEmpty, hasInput: !series.isEmpty, xTitle: xTitle, yTitle: yTitle, into: &svg)
    {
      if identityLine {
        let low = max(xAxis.lower, yAxis.lower)
        let high = min(xAxis.upper, yAxis.upper)
        svg.element(
          "path",
          [
            (
              "d",
              "M\(xAxis.position(low).svg) \(yAxis.position(low).svg)L\(xAxis.position(high).svg) \(yAxis.position(high).svg)"
            ),
            ("class", "np-ref"),
          ], hover: "y = x")
      }
      let withHover = all.count <= Self.hoverLimit
      for (index, seriesPoints) in points.enumerated() {
        svg.open("g", [("fill-opacity", "0.8")])
        for point in seriesPoints {
          styles[index].marker.draw(
            into: &svg, x: xAxis.position(point.x), y: yAxis.position(point.y), radius: 3,
            color: styles[index].color,
            hover: withHover
              ? "\(series[index].name): \(xTitle) \(NumberText.summary(point.x)), \(yTitle) \(NumberText.summary(point.y))"
              : nil)
        }
        svg.close("g")
      }
    }
    chrome.drawNotes(into: &svg)
    return ChartDocument(
      width: size.width, height: size.height, title: title,
      description: description(points: points, omissions: omissions), body: svg.markup
    ).svg()
  }

  private static func scale(_ kind: Scale.Kind, covering values: [Double]) -> Scale {
    kind == .log10 ? Scale.log10(covering: values) : Scale.linear(covering: values, tickCount: 5)
  }

  private func description(points: [[(x: Double, y: Double)]], omissions: Omissions) -> String {
    var sentences = [
      "Scatter chart of \(yTitle) against \(xTitle)\(Scale.Kind.phrase(x: xScale, y: yScale))\(identityLine ? " with the line y = x" : "")."
    ]
    if series.isEmpty { sentences.append("No data.") }
    for (index, seriesPoints) in points.enumerated() {
      let xs = seriesPoints.map(\.x)
      let ys = seriesPoints.map(\.y)
      guard let xLow = xs.min(), let xHigh = xs.max(), let yLow = ys.min(), let yHigh = ys.max()
      else {
        sentences.append("\(series[index].name): no finite points.")
        continue
      }
      var sentence =
        "\(series[index].name): \(counted(seriesPoints.count, "point")), \(xTitle) from \(NumberText.spoken(xLow)) to \(NumberText.spoken(xHigh)), \(yTitle) from \(NumberText.spoken(yLow)) to \(NumberText.spoken(yHigh))"
      if identityLine {
        let farthest = seriesPoints.map { abs($0.y - $0.x) }.max() ?? 0
        sentence += "; the largest distance from y = x is \(NumberText.spoken(farthest))"
      }
      sentences.append(sentence + ".")
    }
    if let note = omissions.sentence { sentences.append(note) }
    return sentences.joined(separator: " ")
  }
}
