/// The labelled colour bar beside a heatmap or image grid: which colour means which value.
struct ColorScale {
  var map: ColorMap
  var lower: Double
  var upper: Double
  var title: String

  /// Width taken at the right of the plot area.
  static let reservedWidth = 78.0

  /// Draws the bar from `top` to `bottom` at `x`, with ticks and the title above.
  func draw(x: Double, top: Double, bottom: Double, into svg: inout SVGBuilder) {
    let id = ChartDocument.idPlaceholder + "-scale"
    svg.open("linearGradient", [("id", id), ("x1", "0"), ("y1", "1"), ("x2", "0"), ("y2", "0")])
    for step in 0...10 {
      let t = Double(step) / 10
      svg.element("stop", [("offset", t.svgFraction), ("stop-color", map.color(at: t).hex)])
    }
    svg.close("linearGradient")
    svg.element(
      "rect",
      [
        ("x", x.svg), ("y", top.svg), ("width", "14"), ("height", (bottom - top).svg),
        ("fill", "url(#\(id))"), ("class", "np-frame"),
      ])
    let scale = Scale.linear(covering: [lower, upper], tickCount: 5)
    let placed = Scale(
      kind: .linear, lower: lower, upper: upper, ticks: scale.ticks, labels: scale.labels, start: bottom,
      end: top)
    for (tick, label) in zip(placed.ticks, placed.labels) where tick >= lower && tick <= upper {
      let y = placed.position(tick)
      svg.line(x1: x + 14, y1: y, x2: x + 18, y2: y, cssClass: "np-axis")
      svg.text(label, x: x + 21, y: y + 4, cssClass: "np-tick")
    }
    if !title.isEmpty {
      svg.text(title, x: x, y: top - 8, cssClass: "np-small")
    }
  }

  /// Where `value` falls along the map, 0 to 1.
  func fraction(_ value: Double) -> Double {
    upper > lower ? (value - lower) / (upper - lower) : 0.5
  }
}

extension Double {
  /// A fraction 0...1 with two decimals, for gradient offsets.
  var svgFraction: String {
    NumberText.fixed(self, decimals: 2)
  }
}
