/// A grid of coloured cells with a labelled colour scale: a confusion matrix (true digit
/// against predicted digit, counts in the cells) or any matrix of numbers.
///
/// ```swift
/// Heatmap(title: "Confusion matrix", values: counts.map { $0.map(Double.init) },
///         rowLabels: digits, columnLabels: digits, rowTitle: "true digit",
///         columnTitle: "predicted digit", colorScaleTitle: "count").svg()
/// ```
package struct Heatmap: Sendable {
  package var title: String
  /// Rows of values, top row first; rows shorter than the longest are padded with NaN.
  package var values: [[Double]]
  package var rowLabels: [String]
  package var columnLabels: [String]
  package var rowTitle: String
  package var columnTitle: String
  package var colorMap: ColorMap
  package var colorScaleTitle: String
  /// `.logarithmic` for counts with a dominant diagonal (confusion matrices).
  package var colorScaling: ColorScaling
  /// Writes each cell's value in it (left out automatically when cells are too small).
  package var showsValues: Bool
  package var size: ChartSize

  package init(
    title: String, values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [],
    rowTitle: String = "", columnTitle: String = "", colorMap: ColorMap = .sequential,
    colorScaleTitle: String = "", colorScaling: ColorScaling = .linear, showsValues: Bool = true,
    size: ChartSize = .square
  ) {
    self.colorScaling = colorScaling
    self.title = title
    self.values = values
    self.rowLabels = rowLabels
    self.columnLabels = columnLabels
    self.rowTitle = rowTitle
    self.columnTitle = columnTitle
    self.colorMap = colorMap
    self.colorScaleTitle = colorScaleTitle
    self.showsValues = showsValues
    self.size = size
  }

  private var rowCount: Int { values.count }
  private var columnCount: Int { values.map(\.count).max() ?? 0 }

  private func value(_ row: Int, _ column: Int) -> Double {
    column < values[row].count ? values[row][column] : .nan
  }

  private func rowLabel(_ row: Int) -> String {
    row < rowLabels.count ? rowLabels[row] : String(row)
  }
  private func columnLabel(_ column: Int) -> String {
    column < columnLabels.count ? columnLabels[column] : String(column)
  }

  package func svg() -> String {
    var omissions = Omissions()
    var finite: [Double] = []
    for row in 0..<rowCount {
      for column in 0..<columnCount where omissions.admit(value(row, column)) {
        finite.append(value(row, column))
      }
    }
    let scale = colorRange(finite)
    var chrome = ChartChrome(
      size: size, title: title, legend: [], notes: omissions.notes)
    let rowLabelTexts = (0..<rowCount).map(rowLabel)
    var area = chrome.plotArea(yLabels: rowLabelTexts, rightExtra: ColorScale.reservedWidth)
    if rowCount > 0 && columnCount > 0 {
      // Square cells: drop the height the grid does not use.
      let gridHeight =
        min(area.width / Double(columnCount), area.height / Double(rowCount)) * Double(rowCount)
      chrome.size.height -= area.height - gridHeight
      area = chrome.plotArea(yLabels: rowLabelTexts, rightExtra: ColorScale.reservedWidth)
    }

    var svg = SVGBuilder()
    chrome.drawHeader(into: &svg)
    if finite.isEmpty && (rowCount == 0 || columnCount == 0) {
      chrome.drawMessage("No data", in: area, into: &svg)
    } else {
      let cell = min(area.width / Double(columnCount), area.height / Double(rowCount))
      let grid = PlotArea(
        left: area.left, top: area.top, width: cell * Double(columnCount),
        height: cell * Double(rowCount))
      drawCells(cell: cell, grid: grid, scale: scale, into: &svg)
      let columnCenters = (0..<columnCount).map { grid.left + cell * (Double($0) + 0.5) }
      Axes.drawXCategories(
        (0..<columnCount).map(columnLabel), centers: columnCenters, title: columnTitle, area: grid,
        into: &svg)
      drawRowLabels(rowLabelTexts, cell: cell, grid: grid, into: &svg)
      if !finite.isEmpty {
        scale.draw(x: grid.right + 14, top: grid.top + 8, bottom: grid.bottom, into: &svg)
      }
    }
    chrome.drawNotes(into: &svg)
    return ChartDocument(
      width: chrome.size.width, height: chrome.size.height, title: title,
      description: description(finite, omissions: omissions),
      body: svg.markup
    ).svg()
  }

  private func colorRange(_ finite: [Double]) -> ColorScale {
    let low = finite.min() ?? 0
    let high = finite.max() ?? 1
    if colorMap == .diverging {
      let limit = max(abs(low), abs(high), .leastNormalMagnitude)
      return ColorScale(map: colorMap, lower: -limit, upper: limit, title: colorScaleTitle)
    }
    return ColorScale(
      map: colorMap, lower: min(low, 0), upper: high > min(low, 0) ? high : min(low, 0) + 1,
      title: colorScaleTitle,
      scaling: colorScaling)
  }

  private func drawCells(
    cell: Double, grid: PlotArea, scale: ColorScale, into svg: inout SVGBuilder
  ) {
    let integers = values.allSatisfy { $0.allSatisfy { !$0.isFinite || $0 == $0.rounded() } }
    let fontSize = min(12, cell * 0.36)
    let writesValues = showsValues && fontSize >= 7
    for row in 0..<rowCount {
      for column in 0..<columnCount {
        let cellValue = value(row, column)
        let x = grid.left + cell * Double(column)
        let y = grid.top + cell * Double(row)
        let text =
          cellValue.isFinite && integers && abs(cellValue) < 1e15
          ? String(Int(cellValue)) : NumberText.summary(cellValue)
        let hover =
          "\(rowTitle.isEmpty ? "row" : rowTitle) \(rowLabel(row)), \(columnTitle.isEmpty ? "column" : columnTitle) \(columnLabel(column)): \(text)"
        let color = cellValue.isFinite ? colorMap.color(at: scale.fraction(cellValue)) : nil
        svg.element(
          "rect",
          [
            ("x", x.svg), ("y", y.svg), ("width", cell.svg), ("height", cell.svg),
            ("fill", color?.hex ?? "none"), ("class", color == nil ? "np-frame" : ""),
          ].filter { !$0.1.isEmpty }, hover: hover)
        if writesValues {
          svg.text(
            text, x: x + cell / 2, y: y + cell / 2 + fontSize * 0.35, anchor: "middle",
            extra: [
              ("style", "fill:\(color?.textColor ?? "currentColor");font-size:\(fontSize.svg)px")
            ])
        }
      }
    }
  }

  private func drawRowLabels(
    _ labels: [String], cell: Double, grid: PlotArea, into svg: inout SVGBuilder
  ) {
    var widest = 0.0
    for (row, label) in labels.enumerated() {
      svg.text(
        label, x: grid.left - 7, y: grid.top + cell * (Double(row) + 0.5) + 4, anchor: "end",
        cssClass: "np-tick")
      widest = max(widest, textWidth(label))
    }
    guard !rowTitle.isEmpty else { return }
    let x = grid.left - widest - 16
    svg.text(
      rowTitle, x: x, y: grid.centerY, anchor: "middle", cssClass: "np-axis-title",
      extra: [("transform", "rotate(-90 \(x.svg) \(grid.centerY.svg))")])
  }

  /// For a square matrix with the same labels on both sides (a confusion matrix): the total,
  /// the share on the diagonal and the largest off-diagonal cells. Otherwise the range and
  /// the largest cell.
  private func description(_ finite: [Double], omissions: Omissions) -> String {
    var sentences = [
      "Heatmap of \(rowCount) rows\(rowTitle.isEmpty ? "" : " (\(rowTitle))") by \(columnCount) columns\(columnTitle.isEmpty ? "" : " (\(columnTitle))")."
    ]
    guard let low = finite.min(), let high = finite.max() else {
      sentences.append("No data.")
      return (sentences + [omissions.sentence].compactMap { $0 }).joined(separator: " ")
    }
    sentences.append("Values from \(NumberText.spoken(low)) to \(NumberText.spoken(high)).")
    var cells: [(row: Int, column: Int, value: Double)] = []
    for row in 0..<rowCount {
      for column in 0..<columnCount where value(row, column).isFinite {
        cells.append((row, column, value(row, column)))
      }
    }
    if rowCount == columnCount && rowCount > 1 && (rowLabels.isEmpty || rowLabels == columnLabels) {
      let total = finite.reduce(0, +)
      let diagonal = cells.filter { $0.row == $0.column }.reduce(0) { $0 + $1.value }
      if total > 0 {
        sentences.append(
          "Total \(NumberText.spoken(total)); on the diagonal \(NumberText.spoken(diagonal)) (\(NumberText.spoken(100 * diagonal / total))%)."
        )
      }
      let offDiagonal = cells.filter { $0.row != $0.column && $0.value > 0 }.sorted {
        $0.value > $1.value
      }.prefix(3)
      if !offDiagonal.isEmpty {
        sentences.append(
          "Largest off the diagonal: "
            + offDiagonal.map {
              "\(rowTitle.isEmpty ? "row" : rowTitle) \(rowLabel($0.row)), \(columnTitle.isEmpty ? "column" : columnTitle) \(columnLabel($0.column)): \(NumberText.spoken($0.value))"
            }
            .joined(separator: "; ") + ".")
      }
    } else if let largest = cells.max(by: { $0.value < $1.value }) {
      sentences.append(
        "Largest: row \(rowLabel(largest.row)), column \(columnLabel(largest.column)), \(NumberText.spoken(largest.value))."
      )
    }
    if let note = omissions.sentence { sentences.append(note) }
    return sentences.joined(separator: " ")
  }
}
