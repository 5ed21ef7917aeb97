import Foundation

/// How values spread along a colour map.
package enum ColorScaling: Sendable, Equatable {
  case linear
  /// By log10(1 + value), for counts where a few cells dwarf the rest (a confusion
  /// matrix's diagonal): small counts such as 3 and 40 still get different colours.
  /// Values below zero take the lowest colour.
  case logarithmic
}

/// The labelled colour bar beside a heatmap or image grid: which colour means which value.
struct ColorScale {
  var map: ColorMap
  var lower: Double
  var upper: Double
  var title: String
  var scaling: ColorScaling = .linear

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
        ("fill", "url(#\(id))"), ("stroke", "currentColor"), ("stroke-opacity", "0.3"),
      ])
    // About one labelled tick per 28 units of bar, so short bars do not crowd their labels.
    let tickCount = max(2, min(5, Int((bottom - top) / 28)))
    for (tick, label) in ticks(count: tickCount) where tick >= lower && tick <= upper {
      let y = bottom + (top - bottom) * fraction(tick)
      svg.line(x1: x + 14, y1: y, x2: x + 18, y2: y, cssClass: "np-axis")
      svg.text(label, x: x + 21, y: y + 4, cssClass: "np-tick")
    }
    if !title.isEmpty {
      svg.text(title, x: x, y: top - 8, cssClass: "np-small")
    }
  }

  /// Where `value` falls along the map, 0 to 1.
  func fraction(_ value: Double) -> Double {
    switch scaling {
    case .linear:
      return upper > lower ? (value - lower) / (upper - lower) : 0.5
    case .logarithmic:
      let top = log10(1 + max(0, upper))
      return top > 0 ? log10(1 + max(0, value)) / top : 0.5
    }
  }

  /// Nice values along a linear bar; 0 and the powers of ten along a logarithmic one.
  private func ticks(count: Int) -> [(Double, String)] {
    switch scaling {
    case .linear:
      let scale = Scale.linear(covering: [lower, upper], tickCount: count)
      return Array(zip(scale.ticks, scale.labels))
    case .logarithmic:
      let powers = upper >= 1 ? (0...Int(log10(upper))).map { NiceTicks.exactPowerOfTen($0) } : []
      return [(0, "0")] + powers.map { ($0, NumberText.summary($0)) }
    }
  }
}

extension Double {
  /// A fraction 0...1 with two decimals, for gradient offsets.
  var svgFraction: String {
    NumberText.fixed(self, decimals: 2)
  }
}
