/// A band of values with a meaning, drawn behind a `LogBarChart` (e.g. "suspicious" for
/// gradient-check errors between 10⁻⁴ and 10⁻²).
package struct ThresholdBand: Sendable, Equatable {
  /// The band covers `lower..<upper`; use 0 and `.infinity` for open ends.
  package var lower: Double
  package var upper: Double
  /// A word or two that says what a value in the band means; it is drawn in the band and
  /// used in hover titles and the description.
  package var name: String
  package var color: String

  package init(lower: Double, upper: Double, name: String, color: String) {
    self.lower = lower
    self.upper = upper
    self.name = name
    self.color = color
  }

  /// How to read a gradient check's relative error (backprop against finite differences):
  /// below 10⁻⁷ excellent, up to 10⁻⁴ acceptable, up to 10⁻² suspicious, above that wrong.
  package static let gradientCheck: [ThresholdBand] = [
    ThresholdBand(lower: 0, upper: 1e-7, name: "excellent", color: Palette.good),
    ThresholdBand(lower: 1e-7, upper: 1e-4, name: "acceptable", color: "#56B4E9"),
    ThresholdBand(lower: 1e-4, upper: 1e-2, name: "suspicious", color: Palette.caution),
    ThresholdBand(lower: 1e-2, upper: .infinity, name: "wrong", color: Palette.bad),
  ]

  func contains(_ value: Double) -> Bool { value >= lower && value < upper }
}

/// One set of bars, one bar per category (e.g. the maximum relative error of each layer).
package typealias BarSeries = NamedValues

/// Bars on a log10 scale, grouped by category, over threshold bands: a gradient check's
/// maximum and median relative error per layer against 10⁻⁷, 10⁻⁴ and 10⁻².
/// With `yScale: .linear` and no bands it is a plain grouped bar chart of any numbers.
///
/// ```swift
/// LogBarChart(title: "Gradient check", yTitle: "relative error",
///             categories: ["layer 1", "layer 2", "layer 3"],
///             series: [BarSeries(name: "max", values: maxima),
///                      BarSeries(name: "median", values: medians)]).svg()
/// ```
package struct LogBarChart: Sendable {
  package var title: String
  package var xTitle: String
  package var yTitle: String
  package var categories: [String]
  package var series: [BarSeries]
  package var bands: [ThresholdBand]
  /// `.log10` (the default: errors spanning decades) or `.linear` (bars from zero, either sign).
  package var yScale: Scale.Kind
  package var size: ChartSize

  package init(
    title: String, xTitle: String = "", yTitle: String, categories: [String], series: [BarSeries],
    bands: [ThresholdBand] = ThresholdBand.gradientCheck, yScale: Scale.Kind = .log10,
    size: ChartSize = .standard
  ) {
    self.yScale = yScale
    self.title = title
    self.xTitle = xTitle
    self.yTitle = yTitle
    self.categories = categories
    self.series = series
    self.bands = bands
    self.size = size
  }

  package func svg() -> String {
    let logY = yScale == .log10
    var omissions = Omissions()
    var zeros = 0
    for value in series.flatMap({ $0.values.prefix(categories.count) }) {
      if logY && value == 0 { zeros += 1 } else { _ = omissions.admit(value, logScale: logY) }
    }
    let shown = series.flatMap { $0.values.prefix(categories.count) }.filter {
      $0.isFinite && (!logY || $0 > 0)
    }
    let edges = bands.flatMap { [$0.lower, $0.upper] }.filter { $0.isFinite && $0 > 0 }
    let bandPadding = [edges.min().map { $0 / 10 }, edges.max().map { $0 * 10 }].compactMap { $0 }
    var notes = omissions.notes
    if zeros > 0 {
      notes.append("\(counted(zeros, "value")) exactly 0, drawn as “0” at the bottom of the axis.")
    }
    let styles = series.styles
    let chrome = ChartChrome(
      size: size, title: title, legend: series.swatchLegend,
      notes: notes)
    var yAxis =
      logY
      ? Scale.log10(covering: shown, including: bandPadding)
      : Scale.linear(covering: shown, including: [0] + edges)
    let labelWidth = bands.map {
      max(textWidth($0.name, fontSize: 10), textWidth(rangeLabel($0), fontSize: 10))
    }.max()
    let rightExtra = labelWidth.map { $0 + 12 } ?? 0
    var area = chrome.plotArea(yLabels: yAxis.labels, rightExtra: rightExtra)
    let wrapping = Axes.extraCategoryHeight(
      categories, slot: area.width / Double(max(1, categories.count)))
    if wrapping > 0 {
      area = chrome.plotArea(yLabels: yAxis.labels, rightExtra: rightExtra, bottomExtra: wrapping)
    }
    yAxis = yAxis.placed(from: area.bottom, to: area.top)

    var svg = SVGBuilder()
    chrome.drawHeader(into: &svg)
    if categories.isEmpty || series.isEmpty {
      chrome.drawMessage("No data", in: area, into: &svg)
    } else {
      drawBands(y: yAxis, area: area, into: &svg)
      Axes.drawY(yAxis, title: yTitle, area: area, into: &svg)
      let slot = area.width / Double(categories.count)
      let centers = categories.indices.map { area.left + slot * (Double($0) + 0.5) }
      Axes.drawXCategories(categories, centers: centers, title: xTitle, area: area, into: &svg)
      let barWidth = min(48, slot * 0.7 / Double(series.count))
      for (index, bars) in series.enumerated() {
        for (category, value) in bars.values.prefix(categories.count).enumerated() {
          let x = centers[category] + (Double(index) - Double(series.count) / 2) * barWidth
          drawBar(
            value, category: category, series: index, x: x, width: barWidth, style: styles[index],
            y: yAxis,
            area: area, into: &svg)
        }
      }
    }
    chrome.drawNotes(into: &svg)
    return ChartDocument(
      width: size.width, height: size.height, title: title,
      description: description(notes: notes), body: svg.markup
    ).svg()
  }

  private func drawBands(y: Scale, area: PlotArea, into svg: inout SVGBuilder) {
    for band in bands {
      let bottom = band.lower > y.lower ? y.position(band.lower) : area.bottom
      let top = band.upper < y.upper ? y.position(band.upper) : area.top
      guard bottom > top + 1 else { continue }
      svg.element(
        "rect",
        [
          ("x", area.left.svg), ("y", top.svg), ("width", area.width.svg),
          ("height", (bottom - top).svg),
          ("fill", band.color), ("fill-opacity", "0.13"),
        ], hover: "\(band.name): \(rangeText(band))")
      if band.lower > y.lower {
        svg.line(x1: area.left, y1: bottom, x2: area.right, y2: bottom, cssClass: "np-ref")
      }
      // The band's name and range beside the plot, where bars cannot cover them, by a tab
      // of the band's colour.
      svg.element(
        "rect",
        [
          ("x", area.right.svg), ("y", top.svg), ("width", "4"), ("height", (bottom - top).svg),
          ("fill", band.color), ("fill-opacity", "0.7"),
        ])
      let middle = (top + bottom) / 2
      if bottom - top >= 24 {
        svg.text(band.name, x: area.right + 9, y: middle - 2, cssClass: "np-small np-strong")
        svg.text(rangeLabel(band), x: area.right + 9, y: middle + 10, cssClass: "np-small")
      } else if bottom - top >= 12 {
        svg.text(band.name, x: area.right + 9, y: middle + 4, cssClass: "np-small np-strong")
      }
    }
  }

  private func drawBar(
    _ value: Double, category: Int, series index: Int, x: Double, width: Double, style: SeriesStyle,
    y: Scale, area: PlotArea, into svg: inout SVGBuilder
  ) {
    let name = "\(categories[category]), \(series[index].name)"
    let logY = yScale == .log10
    if logY && value == 0 {
      svg.text(
        "0", x: x + width / 2, y: area.bottom - 4, anchor: "middle", cssClass: "np-small np-strong")
      return
    }
    guard value.isFinite && (!logY || value > 0) else {
      svg.text(
        "?", x: x + width / 2, y: area.bottom - 4, anchor: "middle", cssClass: "np-small np-strong")
      return
    }
    // On a linear axis a bar runs from zero, up or down; on a log axis from the bottom.
    let baseline = logY ? area.bottom : min(area.bottom, max(area.top, y.position(0)))
    let end = min(area.bottom, max(area.top, y.position(value)))
    let (top, bottom) = (min(baseline, end), max(baseline, end))
    var attributes = [
      ("x", (x + 1).svg), ("y", top.svg), ("width", max(1, width - 2).svg),
      ("height", (bottom - top).svg),
      ("fill", style.color), ("fill-opacity", "0.85"), ("stroke", style.color),
      ("stroke-width", "1"),
    ]
    if let dash = style.dash { attributes.append(("stroke-dasharray", dash)) }
    svg.element(
      "rect", attributes,
      hover: "\(name): \(NumberText.summary(value))\(bands.isEmpty ? "" : " (\(verdict(value)))")")
    drawValueLabel(
      NumberText.summary(value), x: x + width / 2, top: top, width: width, area: area, into: &svg)
  }

  /// The value above its bar: level when it fits the bar's width, otherwise turned to run
  /// upwards (or down inside the bar, in white, when the bar nearly reaches the top).
  private func drawValueLabel(
    _ label: String, x: Double, top: Double, width: Double, area: PlotArea,
    into svg: inout SVGBuilder
  ) {
    let length = textWidth(label, fontSize: 10)
    if length <= width + 2 {
      svg.text(label, x: x, y: top - 4, anchor: "middle", cssClass: "np-small")
      return
    }
    let inside = top - 4 - length < area.top
    let (baselineX, y) = (x + 3.5, inside ? top + 4 : top - 4)
    svg.text(
      label, x: baselineX, y: y, anchor: inside ? "end" : "start", cssClass: "np-small",
      extra: [("transform", "rotate(-90 \(baselineX.svg) \(y.svg))")]
        + (inside ? [("style", "fill:#ffffff")] : []))
  }

  private func verdict(_ value: Double) -> String {
    bands.first { $0.contains(value) }?.name ?? "outside the bands"
  }

  /// "< 10⁻⁷", "10⁻⁷ to 10⁻⁴", "> 10⁻²" for the band's drawn label.
  private func rangeLabel(_ band: ThresholdBand) -> String {
    let text = NumberText.powerOfTenOrSummary
    if band.lower <= 0 { return "< \(text(band.upper))" }
    if !band.upper.isFinite { return "> \(text(band.lower))" }
    return "\(text(band.lower)) to \(text(band.upper))"
  }

  private func rangeText(_ band: ThresholdBand) -> String {
    if band.lower <= 0 { return "below \(NumberText.spoken(band.upper))" }
    if !band.upper.isFinite { return "above \(NumberText.spoken(band.lower))" }
    return "\(NumberText.spoken(band.lower)) to \(NumberText.spoken(band.upper))"
  }

  private func description(notes: [String]) -> String {
    var sentences = [
      "Bar chart of \(yTitle) per category\(yScale == .log10 ? " on a log scale" : "")."
    ]
    if !bands.isEmpty {
      sentences.append(
        "Bands: " + bands.map { "\(rangeText($0)) \($0.name)" }.joined(separator: "; ") + ".")
    }
    if categories.isEmpty || series.isEmpty { sentences.append("No data.") }
    for (category, name) in categories.enumerated() {
      let parts = series.compactMap { bars -> String? in
        guard category < bars.values.count else { return nil }
        let value = bars.values[category]
        let verdict = value.isFinite && !bands.isEmpty ? " (\(verdict(value)))" : ""
        return "\(bars.name) \(NumberText.spoken(value))\(verdict)"
      }
      if !parts.isEmpty { sentences.append("\(name): " + parts.joined(separator: ", ") + ".") }
    }
    return (sentences + notes).joined(separator: " ")
  }
}
