import Notebook

extension CellOutput {
  /// About how many bytes this output holds, for a cell's output limit: text counts by its UTF-8
  /// length, numbers as 8 bytes each.
  var approximateBytes: Int {
    switch self {
    case .text(let text), .value(let text): text.utf8.count
    case .table(let table):
      (table.caption?.utf8.count ?? 0) + table.columns.reduce(0) { $0 + $1.utf8.count }
        + table.rows.reduce(0) { total, row in row.reduce(total) { $0 + $1.utf8.count } }
    case .figure(let figure): figure.svg.utf8.count + (figure.caption?.utf8.count ?? 0)
    case .metric(let name, _): name.utf8.count + 8
    case .series(let name, let values): name.utf8.count + 8 * values.count
    case .error(let diagnostic): diagnostic.message.utf8.count
    }
  }
}
