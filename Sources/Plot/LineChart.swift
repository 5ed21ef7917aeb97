/// One line of a `LineChart`: y values at x positions.
package struct LineSeries: Sendable {
  /// When markers are drawn on the points.
  package enum Markers: Sendable {
    /// When the series has few enough points for markers to stay apart (at most 60).
    case automatic
    case always
    case never
  }

  package var name: String
  package var x: [Double]
  package var y: [Double]
  /// Colour, marker and dash; nil takes the automatic style of the series' position.
  package var style: SeriesStyle?
  package var markers: Markers
  /// Drawn thin and translucent, beneath a smoothed version of itself.
  package var isFaint: Bool
  /// Computed from another series (a moving average): its gaps are that series' gaps, so they
  /// are not counted twice in the chart's note.
  var isDerived = false
  /// The name of the series a derived one was computed from: it shares that series' colour.
  var source: String?

  /// A series of points `(x[i], y[i])`; extra values in the longer array are ignored.
  package init(
    name: String, x: [Double], y: [Double], style: SeriesStyle? = nil,
    markers: Markers = .automatic,
    isFaint: Bool = false
  ) {
    self.name = name
    self.x = x
    self.y = y
    self.style = style
    self.markers = markers
    self.isFaint = isFaint
  }

  /// A series of y values at x = `firstX`, `firstX + 1`, ... (e.g. epochs 1, 2, 3).
  package init(
    name: String, y: [Double], firstX: Double = 1, style: SeriesStyle? = nil,
    markers: Markers = .automatic, isFaint: Bool = false
  ) {
    self.init(
      name: name, x: y.indices.map { firstX + Double($0) }, y: y, style: style, markers: markers,
      isFaint: isFaint)
  }

  /// The trailing moving average over `window` points (fewer at the start), skipping values
  /// that are not finite: the trend of a noisy per-mini-batch cost.
  package func movingAverage(window: Int, name: String? = nil) -> LineSeries {
    let window = max(1, window)
    var averaged: [Double] = []
    averaged.reserveCapacity(y.count)
    var sum = 0.0
    var included: [Double] = []
    var start = 0
    for value in y {
      if value.isFinite {
        included.append(value)
        sum += value
        if included.count - start > window {
          sum -= included[start]
          start += 1
        }
      }
      averaged.append(included.count > start ? sum / Double(included.count - start) : .nan)
    }
    var smoothed = LineSeries(
      name: name ?? "\(self.name) (average of \(window))", x: x, y: averaged, style: style,
      markers: .never)
    smoothed.isDerived = true
    smoothed.source = self.name
    return smoothed
  }

  var count: Int { min(x.count, y.count) }
}

/// A chart of one or more lines against a shared x axis: cost or accuracy per epoch, cost per
/// mini-batch with its moving average, several runs overlaid.
///
/// ```swift
/// let chart = LineChart(
///   title: "Cost per epoch", xTitle: "epoch", yTitle: "cost",
///   series: [LineSeries(name: "train", y: trainCost), LineSeries(name: "test", y: testCost)])
/// let markup = chart.svg()
/// ```
package struct LineChart: Sendable {
  package var title: String
  package var xTitle: String
  package var yTitle: String
  package var series: [LineSeries]
  package var xScale: Scale.Kind
  package var yScale: Scale.Kind
  /// Values the y axis must show besides the data, e.g. `[0]` so a cost starts from zero.
  package var yIncluding: [Double]
  /// Labelled vertical lines, e.g. where each epoch starts on a per-mini-batch chart.
  package var marks: [AxisMark]
  package var size: ChartSize

  package init(
    title: String, xTitle: String, yTitle: String, series: [LineSeries],
    xScale: Scale.Kind = .linear, yScale: Scale.Kind = .linear, yIncluding: [Double] = [],
    marks: [AxisMark] = [], size: ChartSize = .standard
  ) {
    self.xScale = xScale
    self.yIncluding = yIncluding
    self.marks = marks
    self.title = title
    self.xTitle = xTitle
    self.yTitle = yTitle
    self.series = series
    self.yScale = yScale
    self.size = size
  }

  /// The chart as a standalone SVG document.
  package func svg() -> String {
    let logX = xScale == .log10
    let logY = yScale == .log10
    var omissions = Omissions()
    var points: [[(x: Double, y: Double)?]] = []
    for line in series {
      var linePoints: [(x: Double, y: Double)?] = []
      for index in 0..<line.count {
        let (x, y) = (line.x[index], line.y[index])
        let admitted =
          line.isDerived
          ? x.isFinite && y.isFinite && (!logX || x > 0) && (!logY || y > 0)
          : omissions.admit(x, logScale: logX) && omissions.admit(y, logScale: logY)
        linePoints.append(admitted ? (x, y) : nil)
      }
      points.append(linePoints)
    }
    let drawn = points.flatMap { $0.compactMap { $0 } }
    let styles = series.indices.map { index in
      if let style = series[index].style { return style }
      // A moving average takes its source's colour and marker but a solid line.
      if let source = series[index].source,
        let origin = series.firstIndex(where: { $0.name == source })
      {
        var style = series[origin].style ?? .automatic(origin)
        style.dash = nil
        return style
      }
      return .automatic(series[..<index].filter { $0.source == nil }.count)
    }
    let legend = series.indices.map { index in
      LegendEntry(
        name: series[index].name, style: styles[index],
        sample: .line(marker: showsMarkers(index, points: points), faint: series[index].isFaint))
    }
    let chrome = ChartChrome(
      size: size, title: title, legend: series.count > 1 ? legend : [],
      notes: omissions.notes)
    let ys = drawn.map(\.y)
    let xs = drawn.map(\.x)
    let integerX = !xs.isEmpty && xs.allSatisfy { $0 == $0.rounded() }
    let frame = CartesianFrame(
      chrome: chrome,
      x: logX ? Scale.log10(covering: xs) : Scale.linear(covering: xs, integerTicks: integerX),
      y: logY
        ? Scale.log10(covering: ys, including: yIncluding)
        : Scale.linear(covering: ys, including: yIncluding))
    let (xAxis, yAxis) = (frame.x, frame.y)
    var svg = SVGBuilder()
    if frame.drawAxes(
      hasData: !drawn.isEmpty, hasInput: !series.isEmpty, xTitle: xTitle, yTitle: yTitle, into: &svg
    ) {
      let clip = Axes.clipPath(named: "clip", area: frame.area, into: &svg)
      svg.open("g", [("clip-path", clip)])
      for index in series.indices {
        drawLine(index, points: points[index], style: styles[index], x: xAxis, y: yAxis, into: &svg)
      }
      svg.close("g")
      for mark in marks where mark.value.isFinite {
        let x = xAxis.position(mark.value)
        guard x >= frame.area.left && x <= frame.area.right else { continue }
        svg.line(x1: x, y1: frame.area.top, x2: x, y2: frame.area.bottom, cssClass: "np-ref")
        svg.text(mark.label, x: x + 4, y: frame.area.top + 12, cssClass: "np-small")
      }
      for index in series.indices where showsMarkers(index, points: points) {
        drawMarkers(
          index, points: points[index], style: styles[index], x: xAxis, y: yAxis, into: &svg)
      }
    }
    chrome.drawNotes(into: &svg)
    return ChartDocument(
      width: size.width, height: size.height, title: title,
      description: description(points: points, omissions: omissions), body: svg.markup
    ).svg()
  }

  private func showsMarkers(_ index: Int, points: [[(x: Double, y: Double)?]]) -> Bool {
    switch series[index].markers {
    case .always: true
    case .never: false
    case .automatic: points[index].count <= 60 && !series[index].isFaint
    }
  }

  private func drawLine(
    _ index: Int, points: [(x: Double, y: Double)?], style: SeriesStyle, x: Scale, y: Scale,
    into svg: inout SVGBuilder
  ) {
    let pixels = points.map { point in point.map { (x.position($0.x), y.position($0.y)) } }
    var d = ""
    for run in LineDecimation.runs(of: pixels) {
      for (offset, point) in LineDecimation.decimated(run).enumerated() {
        d += (offset == 0 ? "M" : "L") + point.0.svg + " " + point.1.svg
      }
    }
    guard !d.isEmpty else { return }
    let faint = series[index].isFaint
    var attributes = [
      ("d", d), ("fill", "none"), ("stroke", style.color), ("stroke-width", faint ? "1" : "2"),
      ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
    ]
    if faint { attributes.append(("stroke-opacity", "0.4")) }
    if let dash = style.dash { attributes.append(("stroke-dasharray", dash)) }
    svg.element("path", attributes, hover: summary(of: series[index], points: points))
  }

  private func drawMarkers(
    _ index: Int, points: [(x: Double, y: Double)?], style: SeriesStyle, x: Scale, y: Scale,
    into svg: inout SVGBuilder
  ) {
    for point in points.compactMap({ $0 }) {
      let hover =
        "\(series[index].name): \(xTitle) \(NumberText.summary(point.x)), \(yTitle) \(NumberText.summary(point.y))"
      style.marker.draw(
        into: &svg, x: x.position(point.x), y: y.position(point.y), radius: 3.5, color: style.color,
        hover: hover)
    }
  }

  /// "train: fell from 0.52 to 0.21 over epoch 1 to 3 (lowest 0.21, highest 0.52)".
  private func summary(of line: LineSeries, points: [(x: Double, y: Double)?]) -> String {
    let finite = points.compactMap { $0 }
    guard let first = finite.first, let last = finite.last else {
      return "\(line.name): no finite values"
    }
    if finite.count == 1 {
      return
        "\(line.name): one value, \(NumberText.spoken(first.y)) at \(xTitle) \(NumberText.spoken(first.x))"
    }
    let trend = last.y > first.y ? "rose" : last.y < first.y ? "fell" : "stayed"
    let lowest = finite.map(\.y).min() ?? first.y
    let highest = finite.map(\.y).max() ?? first.y
    let change =
      trend == "stayed"
      ? "stayed at \(NumberText.spoken(first.y))"
      : "\(trend) from \(NumberText.spoken(first.y)) to \(NumberText.spoken(last.y))"
    return
      "\(line.name): \(change) over \(xTitle) \(NumberText.spoken(first.x)) to \(NumberText.spoken(last.x)) (lowest \(NumberText.spoken(lowest)), highest \(NumberText.spoken(highest)), \(counted(finite.count, "point")))"
  }

  private func description(points: [[(x: Double, y: Double)?]], omissions: Omissions) -> String {
    var sentences = [
      "Line chart of \(yTitle) against \(xTitle)\(Scale.Kind.phrase(x: xScale, y: yScale))."
    ]
    if series.isEmpty { sentences.append("No data.") }
    for index in series.indices {
      sentences.append(summary(of: series[index], points: points[index]) + ".")
    }
    if let note = omissions.sentence { sentences.append(note) }
    return sentences.joined(separator: " ")
  }
}
