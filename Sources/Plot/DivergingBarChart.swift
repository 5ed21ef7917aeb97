/// One bar of a `DivergingBarChart`: a signed change, drawn right (up) or left (down) of zero.
package struct DivergingBar: Sendable, Equatable {
  package var label: String
  package var value: Double
  /// Drawn with a bold label (e.g. the right digit).
  package var isEmphasized: Bool

  package init(label: String, value: Double, isEmphasized: Bool = false) {
    self.label = label
    self.value = value
    self.isEmphasized = isEmphasized
  }
}

/// Horizontal bars either side of zero, one per row: increases in bluish green with ▲,
/// decreases in vermillion with ▼, each with its value written beside it.
///
/// ```swift
/// DivergingBarChart(title: "Desired change", xTitle: "change",
///                   bars: changes.enumerated().map { DivergingBar(label: "\($0)", value: $1) }).svg()
/// ```
package struct DivergingBarChart: Sendable {
  package var title: String
  package var xTitle: String
  package var bars: [DivergingBar]
  /// nil: 640 wide and as tall as the bars need.
  package var size: ChartSize?

  package init(title: String, xTitle: String = "", bars: [DivergingBar], size: ChartSize? = nil) {
    self.title = title
    self.xTitle = xTitle
    self.bars = bars
    self.size = size
  }

  package func svg() -> String {
    var omissions = Omissions()
    for bar in bars { _ = omissions.admit(bar.value) }
    let notes = omissions.notes
    let size =
      size
      ?? ChartSize(width: 640, height: DivergingPanel.height(rows: bars.count, notes: notes.count))
    let chrome = ChartChrome(size: size, title: title, legend: [], notes: notes)
    let area = chrome.plotArea(yLabels: [], hasYTitle: false)
    var svg = SVGBuilder()
    chrome.drawHeader(into: &svg)
    DivergingPanel(heading: nil, xTitle: xTitle, bars: bars).draw(
      in: area, chrome: chrome, into: &svg)
    chrome.drawNotes(into: &svg)
    let description =
      ["Diverging bar chart of \(xTitle.isEmpty ? "changes" : xTitle)."] + [
        DivergingPanel.describe(bars)
      ]
      + [omissions.sentence].compactMap { $0 }
    return ChartDocument(
      width: size.width, height: size.height, title: title,
      description: description.joined(separator: " "),
      body: svg.markup
    ).svg()
  }
}

/// One panel of horizontal diverging bars, shared by `DivergingBarChart` and `NudgesChart`.
struct DivergingPanel {
  var heading: String?
  var xTitle: String
  var bars: [DivergingBar]

  func draw(in area: PlotArea, chrome: ChartChrome, into svg: inout SVGBuilder) {
    var area = area
    if let heading {
      svg.text(heading, x: area.left, y: area.top + 2, cssClass: "np-axis-title np-strong")
      area.top += 16
      area.height -= 16
    }
    let finite = bars.map(\.value).filter(\.isFinite)
    guard let largest = finite.map(abs).max() else {
      chrome.drawMessage(
        bars.isEmpty ? "No data" : "No finite values to plot", in: area, into: &svg)
      return
    }
    let labelWidth = (bars.map { textWidth(label($0), fontSize: 12) }.max() ?? 0) + 10
    // Room beyond the longest bar for its value label.
    let limit = largest > 0 ? largest * 1.6 : 1
    var scale = Scale.linear(covering: [-limit, limit], tickCount: 4)
    let bounds = PlotArea(
      left: area.left + labelWidth, top: area.top, width: area.width - labelWidth,
      height: area.height)
    scale = scale.placed(from: bounds.left, to: bounds.right)
    Axes.drawX(scale, title: xTitle, area: bounds, into: &svg)
    let zero = scale.position(0)
    svg.line(x1: zero, y1: bounds.top, x2: zero, y2: bounds.bottom, cssClass: "np-axis")
    let rowHeight = min(Self.rowHeight, bounds.height / Double(max(1, bars.count)))
    for (row, bar) in bars.enumerated() {
      let centerY = bounds.top + rowHeight * (Double(row) + 0.5)
      svg.text(
        label(bar), x: bounds.left - 8, y: centerY + 4, anchor: "end",
        cssClass: bar.isEmphasized ? "np-strong" : nil)
      guard bar.value.isFinite else {
        svg.text("not a number", x: zero + 6, y: centerY + 4, cssClass: "np-note")
        continue
      }
      let end = scale.position(bar.value)
      let up = bar.value >= 0
      let height = rowHeight * 0.62
      svg.element(
        "rect",
        [
          ("x", min(zero, end).svg), ("y", (centerY - height / 2).svg),
          ("width", max(0.5, abs(end - zero)).svg),
          ("height", height.svg), ("fill", up ? Palette.good : Palette.bad),
        ], hover: "\(label(bar)): \(Self.signed(bar.value)) (\(up ? "up" : "down"))")
      let text = up ? "▲ \(Self.signed(bar.value))" : "\(Self.signed(bar.value)) ▼"
      svg.text(
        text, x: up ? end + 5 : end - 5, y: centerY + 4, anchor: up ? "start" : "end",
        cssClass: "np-small")
    }
  }

  private func label(_ bar: DivergingBar) -> String { bar.label }

  static let rowHeight = 26.0

  /// The height of a chart whose panels have `rows` rows, a heading, and `notes` notes.
  static func height(rows: Int, notes: Int, heading: Bool = false) -> Double {
    38 + Double(max(rows, 3)) * rowHeight + (heading ? 16 : 0) + 44 + Double(notes) * 14
      + (notes > 0 ? 6 : 0)
  }

  /// "+0.82", "−0.09" (a true minus sign), "0".
  static func signed(_ value: Double) -> String {
    let text = NumberText.summary(abs(value))
    return value > 0 ? "+" + text : value < 0 ? "−" + text : text
  }

  /// "7 up by 0.82; 3 down by 0.12; ..." in the bars' order.
  static func describe(_ bars: [DivergingBar]) -> String {
    guard !bars.isEmpty else { return "No data." }
    return bars.map { bar in
      guard bar.value.isFinite else { return "\(bar.label) not a number" }
      let direction = bar.value > 0 ? "up by" : bar.value < 0 ? "down by" : "unchanged at"
      return "\(bar.label) \(direction) \(NumberText.spoken(abs(bar.value)))"
    }.joined(separator: "; ") + "."
  }
}
