import Foundation
import Notebook

/// Renders a cell's outputs: printed text, the displayed value, tables, figures, metrics,
/// series and errors, each in a form a reader can take in at a glance.
///
/// Consecutive printed texts share one block, and consecutive metrics (and series) form one
/// compact list, so a cell that prints in a loop or records several numbers stays tidy.
enum OutputRenderer {
  static func html(for outputs: [CellOutput]) -> String {
    var html = ""
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
        var items = ""
        while index < outputs.endIndex {
          if case .metric(let name, let value) = outputs[index] {
            items += "<div><dt>\(name.htmlEscaped)</dt><dd>\(formatNumber(value))</dd></div>"
          } else if case .series(let name, let values) = outputs[index] {
            items += seriesItem(name: name, values: values)
          } else {
            break
          }
          index += 1
        }
        html += "<dl class=\"out metrics\">\(items)</dl>\n"
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

  /// A series as its name, a sparkline and its last value.
  static func seriesItem(name: String, values: [Double]) -> String {
    let last = values.last.map(formatNumber) ?? "—"
    return
      "<div class=\"series\"><dt>\(name.htmlEscaped)</dt><dd>\(sparkline(values))<span class=\"series-last\">\(last)</span> <span class=\"series-count\">(\(values.count) values)</span></dd></div>"
  }

  /// A small inline SVG line of `values`, scaled to its own range; non-finite values are skipped.
  static func sparkline(_ values: [Double]) -> String {
    let width = 96.0
    let height = 20.0
    let finite = values.enumerated().filter { $0.element.isFinite }
    guard finite.count >= 2, let low = finite.map(\.element).min(),
      let high = finite.map(\.element).max()
    else { return "" }
    let span = high > low ? high - low : 1
    let step = width / Double(max(1, values.count - 1))
    let points = finite.map { index, value in
      let x = Double(index) * step
      let y = height - 2 - (value - low) / span * (height - 4)
      return "\(formatCoordinate(x)),\(formatCoordinate(y))"
    }
    return
      "<svg class=\"sparkline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"trend of \(values.count) values\"><polyline points=\"\(points.joined(separator: " "))\"/></svg>"
  }

  /// Up to four significant digits, integers as integers: 0.9731, 1.2e-05, 60000.
  static func formatNumber(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "∞" : "−∞" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(format: "%.4g", value)
  }

  private static func formatCoordinate(_ value: Double) -> String { String(format: "%.1f", value) }
}
