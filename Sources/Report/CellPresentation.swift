import Notebook

/// How a cell's options shape its HTML: `fold: true` folds the code away, `output: false` and
/// `metrics: false` hide outputs, and `label` with a caption numbers the outputs as a figure or
/// table that prose can link to.
enum CellPresentation {
  /// The source block, inside a closed `<details>` when the cell asks to fold it.
  static func source(_ sourceHTML: String, options: CellOptions) -> String {
    guard options.fold else { return sourceHTML }
    return "<details class=\"fold\"><summary>Code</summary>\n\(sourceHTML)</details>\n"
  }

  /// The outputs the cell's options let the report show.
  static func visibleOutputs(_ outputs: [CellOutput], options: CellOptions) -> [CellOutput] {
    guard options.output else { return [] }
    guard !options.metrics else { return outputs }
    return outputs.filter {
      switch $0 {
      case .metric, .series: false
      default: true
      }
    }
  }

  /// The outputs' HTML, as a numbered figure (caption below) or table (caption above) when the
  /// cell has a label.
  static func outputs(_ outputsHTML: String, label: String?, items: [String: NumberedItem])
    -> String
  {
    guard let label, let item = items[label] else { return outputsHTML }
    let caption =
      "<figcaption><span class=\"caption-number\">\(item.name)</span>\(item.caption.map { ": " + $0.htmlEscaped } ?? "")</figcaption>\n"
    let kind = item.kind == .figure ? "figure" : "table"
    return "<figure class=\"numbered numbered-\(kind)\" id=\"\(label.htmlEscaped)\">\n"
      + (item.kind == .table ? caption + outputsHTML : outputsHTML + caption) + "</figure>\n"
  }
}
