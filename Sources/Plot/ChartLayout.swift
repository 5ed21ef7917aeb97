/// A chart's size in SVG units. The SVG scales to the width of the page (width 100%,
/// height auto), so this fixes the aspect ratio and the size of text relative to the chart.
package struct ChartSize: Sendable, Equatable {
  package var width: Double
  package var height: Double

  package init(width: Double, height: Double) {
    self.width = width
    self.height = height
  }

  package static let standard = ChartSize(width: 640, height: 380)
  package static let square = ChartSize(width: 480, height: 460)
  package static let wide = ChartSize(width: 760, height: 380)
}

/// The rectangle inside the axes where data is drawn.
struct PlotArea {
  var left: Double
  var top: Double
  var width: Double
  var height: Double

  var right: Double { left + width }
  var bottom: Double { top + height }
  var centerX: Double { left + width / 2 }
  var centerY: Double { top + height / 2 }
}

/// One entry of a legend: a name with the sample that identifies it.
struct LegendEntry {
  enum Sample {
    /// A line (with its dash pattern), optionally with a marker on it.
    case line(marker: Bool, faint: Bool)
    /// A filled swatch outlined in the series' dash pattern.
    case swatch
    /// A marker alone.
    case marker
  }

  var name: String
  var style: SeriesStyle
  var sample: Sample
}

/// Estimated width of text in SVG units: SVG cannot measure text before it is drawn, and an
/// average glyph of a sans-serif face is a little over half its size.
func textWidth(_ text: String, fontSize: Double = 11) -> Double {
  Double(text.count) * fontSize * 0.58
}

/// What every chart draws around its data: the visible title, the legend below it, the
/// notes at the bottom (values not shown, and why), and the margins that leave room for them.
struct ChartChrome {
  var size: ChartSize
  var title: String
  var legend: [LegendEntry]
  var notes: [String]

  private let margin = 12.0
  private let legendRowHeight = 18.0

  /// Legend entries with their positions: rows that wrap at the chart's width.
  private var legendLayout: [(entry: LegendEntry, x: Double, row: Int)] {
    var placed: [(LegendEntry, Double, Int)] = []
    var x = margin
    var row = 0
    for entry in legend {
      let width = 34 + textWidth(entry.name, fontSize: 12) + 14
      if x + width > size.width - margin && x > margin {
        row += 1
        x = margin
      }
      placed.append((entry, x, row))
      x += width
    }
    return placed
  }

  /// Height taken above the plot area by the title and the legend.
  var headerHeight: Double {
    let rows = legend.isEmpty ? 0 : (legendLayout.last?.row ?? 0) + 1
    return 30 + Double(rows) * legendRowHeight + 8
  }

  /// Height taken at the bottom by the notes.
  var footerHeight: Double {
    Double(notes.count) * 14 + (notes.isEmpty ? 0 : 6)
  }

  /// The plot area for axes whose y tick labels are `yLabels`, with room for axis titles and
  /// for `rightExtra` units at the right (e.g. a colour scale).
  func plotArea(
    yLabels: [String], hasXAxis: Bool = true, hasYTitle: Bool = true, rightExtra: Double = 0,
    bottomExtra: Double = 0
  ) -> PlotArea {
    let labelWidth = yLabels.map { textWidth($0) }.max() ?? 0
    let left = margin + (hasYTitle ? 20 : 0) + labelWidth + 8
    let top = headerHeight
    let bottom = footerHeight + (hasXAxis ? 44 : 8) + bottomExtra
    let right = margin + 8 + rightExtra
    return PlotArea(
      left: left, top: top, width: max(10, size.width - left - right),
      height: max(10, size.height - top - bottom))
  }

  func drawHeader(into svg: inout SVGBuilder) {
    svg.text(title, x: margin, y: 21, cssClass: "np-title")
    for (entry, x, row) in legendLayout {
      let y = 30 + Double(row) * legendRowHeight + legendRowHeight / 2
      drawSample(entry, x: x, y: y, into: &svg)
      svg.text(entry.name, x: x + 32, y: y + 4)
    }
  }

  private func drawSample(_ entry: LegendEntry, x: Double, y: Double, into svg: inout SVGBuilder) {
    let style = entry.style
    switch entry.sample {
    case .line(let marker, let faint):
      var attributes = [
        ("d", "M\(x.svg) \(y.svg)H\((x + 26).svg)"), ("stroke", style.color),
        ("stroke-width", faint ? "2" : "2.5"), ("fill", "none"),
      ]
      if faint { attributes.append(("stroke-opacity", "0.55")) }
      if let dash = style.dash { attributes.append(("stroke-dasharray", dash)) }
      svg.element("path", attributes)
      if marker { style.marker.draw(into: &svg, x: x + 13, y: y, radius: 3.5, color: style.color) }
    case .swatch:
      var attributes = [
        ("x", x.svg), ("y", (y - 6).svg), ("width", "26"), ("height", "12"), ("fill", style.color),
        ("fill-opacity", "0.4"), ("stroke", style.color), ("stroke-width", "1.5"),
      ]
      if let dash = style.dash { attributes.append(("stroke-dasharray", dash)) }
      svg.element("rect", attributes)
    case .marker:
      style.marker.draw(into: &svg, x: x + 13, y: y, radius: 4, color: style.color)
    }
  }

  func drawNotes(into svg: inout SVGBuilder) {
    for (index, note) in notes.enumerated() {
      let y = size.height - 8 - Double(notes.count - 1 - index) * 14
      svg.text(note, x: margin, y: y, cssClass: "np-note")
    }
  }

  /// A message in the middle of the plot area, e.g. when there is nothing to draw.
  func drawMessage(_ message: String, in area: PlotArea, into svg: inout SVGBuilder) {
    svg.element(
      "rect",
      [
        ("x", area.left.svg), ("y", area.top.svg), ("width", area.width.svg),
        ("height", area.height.svg), ("class", "np-frame"),
      ])
    svg.text(message, x: area.centerX, y: area.centerY, anchor: "middle", cssClass: "np-axis-title")
  }
}

/// The chrome, the plot area and the two placed scales of a chart with x and y axes.
struct CartesianFrame {
  var chrome: ChartChrome
  var area: PlotArea
  var x: Scale
  var y: Scale

  init(chrome: ChartChrome, x: Scale, y: Scale) {
    self.chrome = chrome
    area = chrome.plotArea(yLabels: y.labels)
    self.x = x.placed(from: area.left, to: area.right)
    self.y = y.placed(from: area.bottom, to: area.top)
  }

  /// Draws the title and legend, then the axes, or, when nothing can be drawn, a message
  /// saying why (no data at all, or no finite values). Returns whether to draw the data.
  func drawAxes(
    hasData: Bool, hasInput: Bool, xTitle: String, yTitle: String, xGrid: Bool = true,
    into svg: inout SVGBuilder
  ) -> Bool {
    chrome.drawHeader(into: &svg)
    guard hasData else {
      chrome.drawMessage(hasInput ? "No finite values to plot" : "No data", in: area, into: &svg)
      return false
    }
    Axes.drawY(y, title: yTitle, area: area, into: &svg)
    Axes.drawX(x, title: xTitle, area: area, grid: xGrid, into: &svg)
    return true
  }
}
