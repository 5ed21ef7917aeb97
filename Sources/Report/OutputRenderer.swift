import Foundation
import Notebook
import Plot

/// Renders a cell's outputs: printed text, the displayed value, tables, figures, metrics,
/// series and errors, each in a form a reader can take in at a glance.
///
/// Consecutive printed texts share one block, and consecutive metrics (and series) form one
/// compact list, so a cell that prints in a loop or records several numbers stays tidy.
enum OutputRenderer {
  static func html(for outputs: [CellOutput]) -> String {
    var html = ""
    var metricsShown = false
    var index = outputs.startIndex
    while index < outputs.endIndex {
      switch outputs[index] {
      case .text:
        var texts: [String] = []
        while index < outputs.endIndex, case .text(let text) = outputs[index] {
          texts.append(text)
          index += 1
        }
        html += "<pre class=\"out out-text\">\(texts.joined().htmlEscaped)</pre>\n"
        continue
      case .metric, .series:
        // All of a cell's metrics and series go in one block, once per name with the last
        // value recorded: exactly what the run record keeps (a loop that trains four networks
        // shows one card per name, not four).
        if !metricsShown {
          html += metricsHTML(outputs)
          metricsShown = true
        }
        index += 1
        continue
      case .value(let value):
        html +=
          "<pre class=\"out out-value\"><span class=\"out-marker\" aria-hidden=\"true\">→ </span>\(value.htmlEscaped)</pre>\n"
      case .table(let table):
        html += tableHTML(table)
      case .figure(let figure):
        html += "<figure class=\"out out-figure\">\(inlineSVG(figure.svg))"
        if let caption = figure.caption, !caption.isEmpty {
          html += "<figcaption>\(caption.htmlEscaped)</figcaption>"
        }
        html += "</figure>\n"
      case .error(let diagnostic):
        html += errorHTML(diagnostic)
      }
      index += 1
    }
    return html
  }

  /// The compiler-style message (wrapping, so it is never cut off), then the offending line with
  /// a caret under the column (not wrapping, so the caret stays aligned).
  static func errorHTML(_ diagnostic: Diagnostic) -> String {
    var html =
      "<div class=\"out out-error\" role=\"alert\"><p>\(diagnostic.description.htmlEscaped)</p>"
    let detail = diagnostic.detailedDescription
    if detail != diagnostic.description {
      let sourceAndCaret = detail.dropFirst(diagnostic.description.count + 1)
      html += "<pre>\(sourceAndCaret.htmlEscaped)</pre>"
    }
    return html + "</div>\n"
  }

  /// Standalone SVG made fit for inlining: HTML needs no namespace declarations, and dropping
  /// them keeps the page free of any URL.
  static func inlineSVG(_ svg: String) -> String {
    svg.replacing(" xmlns=\"http://www.w3.org/2000/svg\"", with: "")
      .replacing(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"", with: "")
  }

  static func tableHTML(_ table: Table) -> String {
    // Columns whose every cell is a number are right-aligned so digits line up.
    let numericColumns = Set(
      table.columns.indices.filter { column in
        !table.rows.isEmpty
          && table.rows.allSatisfy { row in
            column >= row.count || Double(row[column].trimmingCharacters(in: .whitespaces)) != nil
              || row[column].hasSuffix("%")
                && Double(row[column].dropLast().trimmingCharacters(in: .whitespaces)) != nil
          }
      })
    func cellClass(_ column: Int) -> String {
      numericColumns.contains(column) ? " class=\"num\"" : ""
    }
    var html = "<div class=\"out table-wrap\"><table>"
    if let caption = table.caption, !caption.isEmpty {
      html += "<caption>\(caption.htmlEscaped)</caption>"
    }
    html += "<thead><tr>"
    for (column, name) in table.columns.enumerated() {
      html += "<th scope=\"col\"\(cellClass(column))>\(name.htmlEscaped)</th>"
    }
    html += "</tr></thead><tbody>"
    for row in table.rows {
      html += "<tr>"
      for (column, value) in row.enumerated() {
        html += "<td\(cellClass(column))>\(value.htmlEscaped)</td>"
      }
      html += "</tr>"
    }
    return html + "</tbody></table></div>\n"
  }

  /// The cell's metrics and series in one compact row, one item per name: its last value, a
  /// sparkline when the name was also recorded as a series (training records `train.cost` as
  /// both), and how many times it was recorded when more than once.
  static func metricsHTML(_ outputs: [CellOutput]) -> String {
    struct Item {
      var metric: Double?
      var metricCount = 0
      var series: [Double]?
    }
    var order: [String] = []
    var items: [String: Item] = [:]
    for output in outputs {
      switch output {
      case .metric(let name, let value):
        if items[name] == nil { order.append(name) }
        items[name, default: Item()].metric = value
        items[name, default: Item()].metricCount += 1
      case .series(let name, let values):
        if items[name] == nil { order.append(name) }
        items[name, default: Item()].series = values
      default: continue
      }
    }
    var html = ""
    for name in order {
      guard let item = items[name] else { continue }
      let value = item.metric ?? item.series?.last
      var detail = item.series.map(sparkline) ?? ""
      if item.metricCount > 1 {
        detail += " <span class=\"series-count\">(last of \(item.metricCount))</span>"
      }
      html +=
        "<dl><dt>\(name.htmlEscaped)</dt><dd>\(value.map(NumberFormat.metric) ?? "—")\(detail)</dd></dl>"
    }
    // One <dl> per item: a <div> grouping <dt>/<dd> inside one <dl> trips older checkers (axe).
    return "<div class=\"out metrics\">\(html)</div>\n"
  }

  /// A small inline SVG line of `values`, scaled to its own range; non-finite values are skipped.
  /// At most a lowest and a highest point per pixel column, in order: a 96-pixel line of 28,000
  /// mini-batch costs keeps its shape and spikes in a few hundred points.
  static func perColumnExtremes(
    _ points: [(offset: Int, element: Double)], columns: Int, step: Double
  ) -> [(offset: Int, element: Double)] {
    guard points.count > 2 * (columns + 1) else { return points }
    var kept: [(offset: Int, element: Double)] = []
    var start = 0
    while start < points.count {
      let column = Int(Double(points[start].offset) * step)
      var end = start
      var low = start
      var high = start
      while end < points.count, Int(Double(points[end].offset) * step) == column {
        if points[end].element < points[low].element { low = end }
        if points[end].element > points[high].element { high = end }
        end += 1
      }
      for index in Set([low, high]).sorted() { kept.append(points[index]) }
      start = end
    }
    return kept
  }

  static func sparkline(_ values: [Double]) -> String {
    let width = 96.0
    let height = 20.0
    let finite = values.enumerated().filter { $0.element.isFinite }
    guard finite.count >= 2, let low = finite.map(\.element).min(),
      let high = finite.map(\.element).max()
    else { return "" }
    let span = high > low ? high - low : 1
    let step = width / Double(max(1, values.count - 1))
    let points = Self.perColumnExtremes(finite, columns: Int(width), step: step).map {
      index, value in
      let x = Double(index) * step
      let y = height - 2 - (value - low) / span * (height - 4)
      return "\(formatCoordinate(x)),\(formatCoordinate(y))"
    }
    return
      "<svg class=\"sparkline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"trend of \(values.count) values from \(NumberFormat.metric(values.first ?? .nan)) to \(NumberFormat.metric(values.last ?? .nan))\"><title>\(values.count) values, from \(NumberFormat.metric(values.first ?? .nan)) to \(NumberFormat.metric(values.last ?? .nan))</title><polyline points=\"\(points.joined(separator: " "))\"/></svg>"
  }

  private static func formatCoordinate(_ value: Double) -> String { String(format: "%.1f", value) }
}
