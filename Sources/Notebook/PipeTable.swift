/// A GitHub Flavored Markdown pipe table, recognised in the lines of a paragraph:
///
///     | a | b |        a header row,
///     |:--|--:|        a delimiter row with the same number of cells (colons align),
///     | 1 | 2 |        and body rows up to the end of the paragraph.
///
/// CommonMark has no tables, so cmark parses all of these lines as one paragraph; the report
/// renders the paragraph as a table instead. Cells hold raw Markdown for inline rendering.
package struct PipeTable: Hashable, Sendable {
  package enum Alignment: Hashable, Sendable {
    case none, left, center, right
  }

  package var alignments: [Alignment]
  package var header: [String]
  /// Body rows, each with exactly as many cells as the header (padded or cut).
  package var rows: [[String]]

  /// The table in `lines` (a paragraph's lines without container markers), and how many
  /// lines come before its header (they stay a paragraph); nil when there is none.
  package static func find(inParagraph lines: [Substring]) -> (leadingLines: Int, table: PipeTable)?
  {
    guard lines.count >= 2 else { return nil }
    for headerIndex in 0..<(lines.count - 1) {
      guard let alignments = delimiterRow(lines[headerIndex + 1]) else { continue }
      let header = cells(of: lines[headerIndex])
      guard header.count == alignments.count else { continue }
      guard lines[headerIndex].contains("|") || lines[headerIndex + 1].contains("|") else {
        continue
      }
      let rows = lines[(headerIndex + 2)...].map { line in
        var row = cells(of: line)
        if row.count > header.count { row.removeLast(row.count - header.count) }
        while row.count < header.count { row.append("") }
        return row
      }
      return (headerIndex, PipeTable(alignments: alignments, header: header, rows: rows))
    }
    return nil
  }

  /// The alignments of a delimiter row such as `| :-- | :-: | --: |`, or nil if it is not one.
  static func delimiterRow(_ line: Substring) -> [Alignment]? {
    guard line.contains("-") else { return nil }
    var alignments: [Alignment] = []
    for cell in cells(of: line) {
      let left = cell.hasPrefix(":")
      let right = cell.hasSuffix(":") && cell.count > 1
      let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      alignments.append(
        left && right ? .center : left ? .left : right ? .right : .none)
    }
    return alignments.isEmpty ? nil : alignments
  }

  /// A row's cells, trimmed, split at pipes that are not escaped; the outer pipes are optional.
  /// An escaped pipe `\|` becomes a plain `|` in the cell.
  static func cells(of line: Substring) -> [String] {
    var text = line.trimmed(of: " \t")
    if text.hasPrefix("|") { text.removeFirst() }
    if text.hasSuffix("|"), !text.hasSuffix("\\|") { text.removeLast() }
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in text {
      if escaped {
        if character != "|" { current.append("\\") }
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        cells.append(current.trimmed(of: " \t"))
        current = ""
      } else {
        current.append(character)
      }
    }
    if escaped { current.append("\\") }
    cells.append(current.trimmed(of: " \t"))
    return cells
  }
}

extension StringProtocol {
  fileprivate func trimmed(of set: String) -> String {
    let start = firstIndex(where: { !set.contains($0) }) ?? endIndex
    let end = lastIndex(where: { !set.contains($0) }).map { index(after: $0) } ?? start
    return String(self[start..<Swift.max(start, end)])
  }
}
