/// Axes with ticks, tick labels, gridlines and titles.
enum Axes {
  /// The vertical axis at the left of `area`, with horizontal gridlines across it.
  static func drawY(
    _ scale: Scale, title: String, area: PlotArea, grid: Bool = true, into svg: inout SVGBuilder
  ) {
    var widest = 0.0
    for (tick, label) in zip(scale.ticks, scale.labels) {
      let y = scale.position(tick)
      guard y >= area.top - 0.5 && y <= area.bottom + 0.5 else { continue }
      if grid { svg.line(x1: area.left, y1: y, x2: area.right, y2: y, cssClass: "np-grid") }
      svg.line(x1: area.left - 4, y1: y, x2: area.left, y2: y, cssClass: "np-axis")
      svg.text(label, x: area.left - 7, y: y + 4, anchor: "end", cssClass: "np-tick")
      widest = max(widest, textWidth(label))
    }
    svg.line(x1: area.left, y1: area.top, x2: area.left, y2: area.bottom, cssClass: "np-axis")
    guard !title.isEmpty else { return }
    let x = area.left - widest - 16
    svg.text(
      title, x: x, y: area.centerY, anchor: "middle", cssClass: "np-axis-title",
      extra: [("transform", "rotate(-90 \(x.svg) \(area.centerY.svg))")])
  }

  /// The horizontal axis at the bottom of `area`, with vertical gridlines.
  static func drawX(
    _ scale: Scale, title: String, area: PlotArea, grid: Bool = true, into svg: inout SVGBuilder
  ) {
    for (tick, label) in zip(scale.ticks, scale.labels) {
      let x = scale.position(tick)
      guard x >= area.left - 0.5 && x <= area.right + 0.5 else { continue }
      if grid { svg.line(x1: x, y1: area.top, x2: x, y2: area.bottom, cssClass: "np-grid") }
      svg.line(x1: x, y1: area.bottom, x2: x, y2: area.bottom + 4, cssClass: "np-axis")
      svg.text(label, x: x, y: area.bottom + 17, anchor: "middle", cssClass: "np-tick")
    }
    svg.line(x1: area.left, y1: area.bottom, x2: area.right, y2: area.bottom, cssClass: "np-axis")
    drawXTitle(title, area: area, into: &svg)
  }

  /// Category names centred under their positions on the horizontal axis.
  /// Names wider than their slot are wrapped onto two lines (see `categoryLines`).
  static func drawXCategories(
    _ names: [String], centers: [Double], title: String, area: PlotArea, into svg: inout SVGBuilder
  ) {
    let slot = centers.count > 1 ? centers[1] - centers[0] : area.width
    for (name, x) in zip(names, centers) {
      for (line, text) in categoryLines(name, slot: slot).enumerated() {
        svg.text(
          text, x: x, y: area.bottom + 17 + 12 * Double(line), anchor: "middle", cssClass: "np-tick"
        )
      }
    }
    svg.line(x1: area.left, y1: area.bottom, x2: area.right, y2: area.bottom, cssClass: "np-axis")
    let wrapped = names.contains { categoryLines($0, slot: slot).count > 1 }
    drawXTitle(title, area: area, below: wrapped ? 12 : 0, into: &svg)
  }

  /// A category name as one line, or, when wider than its slot, two lines split at the space
  /// nearest its middle ("layer 1" / "weights").
  static func categoryLines(_ name: String, slot: Double) -> [String] {
    guard textWidth(name) > slot - 6 else { return [name] }
    let middle = name.count / 2
    let spaces = name.indices.filter { name[$0] == " " }
    guard
      let split = spaces.min(by: {
        abs(name.distance(from: name.startIndex, to: $0) - middle)
          < abs(name.distance(from: name.startIndex, to: $1) - middle)
      })
    else { return [name] }
    return [String(name[..<split]), String(name[name.index(after: split)...])]
  }

  /// The extra height the category names need below the axis when any of them wraps.
  static func extraCategoryHeight(_ names: [String], slot: Double) -> Double {
    names.contains { categoryLines($0, slot: slot).count > 1 } ? 12 : 0
  }

  private static func drawXTitle(
    _ title: String, area: PlotArea, below extra: Double = 0, into svg: inout SVGBuilder
  ) {
    guard !title.isEmpty else { return }
    svg.text(
      title, x: area.centerX, y: area.bottom + 36 + extra, anchor: "middle",
      cssClass: "np-axis-title")
  }

  /// A clip path for `area` (id `<chart id>-<name>`), so lines and bands never spill over
  /// the axes.
  static func clipPath(named name: String, area: PlotArea, into svg: inout SVGBuilder) -> String {
    let id = ChartDocument.idPlaceholder + "-" + name
    svg.open("clipPath", [("id", id)])
    svg.element(
      "rect",
      [
        ("x", area.left.svg), ("y", area.top.svg), ("width", area.width.svg),
        ("height", area.height.svg),
      ])
    svg.close("clipPath")
    return "url(#\(id))"
  }
}
