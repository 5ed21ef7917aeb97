import Notebook

/// A pipe table as HTML, in the same shape as cmark-gfm's: `<thead>`, then `<tbody>` when
/// there are body rows, `align` on the cells of aligned columns.
enum PipeTableHTML {
  static func render(_ table: PipeTable, inline: InlineMarkdown) -> String {
    var html = "<table>\n<thead>\n"
    html += row(table.header, tag: "th", alignments: table.alignments, inline: inline)
    html += "</thead>\n"
    if !table.rows.isEmpty {
      html += "<tbody>\n"
      for cells in table.rows {
        html += row(cells, tag: "td", alignments: table.alignments, inline: inline)
      }
      html += "</tbody>\n"
    }
    return html + "</table>\n"
  }

  private static func row(
    _ cells: [String], tag: String, alignments: [PipeTable.Alignment], inline: InlineMarkdown
  ) -> String {
    var html = "<tr>\n"
    for (cell, alignment) in zip(cells, alignments) {
      let align =
        switch alignment {
        case .none: ""
        case .left: " align=\"left\""
        case .center: " align=\"center\""
        case .right: " align=\"right\""
        }
      html += "<\(tag)\(align)>\(inline.render(cell))</\(tag)>\n"
    }
    return html + "</tr>\n"
  }
}
