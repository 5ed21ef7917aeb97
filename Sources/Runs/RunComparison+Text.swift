import Foundation
import Notebook

extension RunComparison {
  /// The comparison as aligned terminal tables: runs, changed params, then every metric with its
  /// values and each later run's change from the first.
  package func textTable() -> String {
    var lines: [String] = []
    lines.append(
      contentsOf: TextTable(
        header: ["run", "id", "status", "notebook"],
        rows: runs.enumerated().map {
          ["#\($0.offset + 1)", $0.element.id, $0.element.status.rawValue, $0.element.notebook]
        }
      ).lines())
    lines.append("")
    if params.isEmpty {
      lines.append("params: the same in every run")
    } else {
      lines.append(
        contentsOf: TextTable(
          header: ["param"] + runs.indices.map { "#\($0 + 1)" },
          rows: params.map { change in [change.name] + change.values.map { $0?.description ?? "-" }
          }
        ).lines())
    }
    lines.append("")
    if metrics.isEmpty {
      lines.append("metrics: none recorded")
    } else {
      var header = ["metric"] + runs.indices.map { "#\($0 + 1)" }
      for index in runs.indices.dropFirst() { header.append("Δ#\(index + 1)") }
      let rows = metrics.map { metric -> [String] in
        var row = [metric.name] + metric.values.map { $0.map(NumberFormat.metric) ?? "-" }
        for index in runs.indices.dropFirst() {
          row.append(
            Self.changeText(delta: metric.deltas[index], relative: metric.relativeChanges[index]))
        }
        return row
      }
      lines.append(contentsOf: TextTable(header: header, rows: rows).lines())
      let changedCount = metrics.filter(\.changed).count
      lines.append("")
      lines.append(
        changedCount == 0
          ? "no metric changed" : "\(changedCount) of \(metrics.count) metrics changed")
    }
    if let cell = firstDifferingCell {
      lines.append(
        "first cell whose outputs differ: \(cell.name) (cell \(cell.index + 1), line \(cell.line))")
    } else if runs.count > 1 {
      lines.append("every cell produced the same outputs")
    }
    return lines.joined(separator: "\n")
  }

  static func changeText(delta: Double?, relative: Double?) -> String {
    guard let delta else { return "-" }
    if delta == 0 { return "=" }
    var text = (delta > 0 ? "+" : "") + NumberFormat.metric(delta)
    if let relative {
      text += " (\(relative > 0 ? "+" : "")\(NumberFormat.metric(relative * 100))%)"
    }
    return text
  }
}

/// A plain-text table with columns padded to their widest cell.
package struct TextTable {
  package var header: [String]
  package var rows: [[String]]

  /// Cells are made safe for a terminal (and kept on one line) before they are measured.
  package init(header: [String], rows: [[String]]) {
    self.header = header.map { TerminalText.safe($0, keepsNewlines: false) }
    self.rows = rows.map { $0.map { TerminalText.safe($0, keepsNewlines: false) } }
  }

  package func lines() -> [String] {
    let all = [header] + rows
    let widths = header.indices.map { column in
      all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        cell + String(repeating: " ", count: widths[index] - cell.count)
      }.joined(separator: "  ").trimmingTrailingSpaces()
    }
    let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
    return [line(header), rule] + rows.map(line)
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
