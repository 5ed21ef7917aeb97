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
  static func drawXCategories(
    _ names: [String], centers: [Double], title: String, area: PlotArea, into svg: inout SVGBuilder
  ) {
    for (name, x) in zip(names, centers) {
      svg.text(name, x: x, y: area.bottom + 17, anchor: "middle", cssClass: "np-tick")
    }
    svg.line(x1: area.left, y1: area.bottom, x2: area.right, y2: area.bottom, cssClass: "np-axis")
    drawXTitle(title, area: area, into: &svg)
  }

  private static func drawXTitle(_ title: String, area: PlotArea, into svg: inout SVGBuilder) {
    guard !title.isEmpty else { return }
    svg.text(
      title, x: area.centerX, y: area.bottom + 36, anchor: "middle", cssClass: "np-axis-title")
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
