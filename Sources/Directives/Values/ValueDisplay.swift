import Notebook

/// How values appear in a report: the last expression's value, and values turned into tables.
enum TableBuilding {
  /// A table from rows of values, or from a value that has a natural table.
  static func table(from value: Value, columns: [String], at position: Position)
    throws(EvaluationError)
    -> Table
  {
    switch value {
    case .table(let table):
      return columns.isEmpty
        ? table : Table(caption: table.caption, columns: columns, rows: table.rows)
    case .object(let object):
      guard let table = object.table else {
        throw EvaluationError("a value of type '\(value.type)' has no table form", at: position)
      }
      return table
    case .array(let rows):
      var cells: [[String]] = []
      for row in rows {
        if case .array(let items) = row {
          cells.append(items.map(\.tableText))
        } else {
          cells.append([row.tableText])
        }
      }
      let width = cells.map(\.count).max() ?? columns.count
      guard columns.isEmpty || columns.count == width else {
        throw EvaluationError(
          "the table has \(width) columns but \(columns.count) column names were given",
          at: position)
      }
      let header = columns.isEmpty ? (1...max(1, width)).map { "column \($0)" } : columns
      return Table(
        columns: header, rows: cells.map { $0 + Array(repeating: "", count: width - $0.count) })
    default:
      throw EvaluationError(
        "cannot make a table from a value of type '\(value.type)'; pass an array of rows",
        at: position)
    }
  }
}

extension Value {
  /// A table cell's text: Doubles to four significant digits, as reports show numbers.
  var tableText: String {
    if case .double(let value) = self { return format(value) }
    return description
  }

  /// A figure or an array of figures: shown wherever a cell draws it.
  var isFigure: Bool {
    switch self {
    case .figure: true
    case .array(let elements): !elements.isEmpty && elements.allSatisfy(\.isFigure)
    default: false
    }
  }

  /// What the report shows for a cell whose last expression has this value.
  var displayOutputs: [CellOutput] {
    switch self {
    case .void: []
    case .table(let table): [.table(table)]
    case .figure(let figure): [.figure(figure)]
    case .object(let object): object.displayOutputs
    case .array(let elements) where isFigure: elements.flatMap(\.displayOutputs)
    default: [.value(debugText)]
    }
  }
}
