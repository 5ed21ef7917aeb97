import Foundation
import Notebook

/// How values appear in a report: the last expression's value, and values turned into tables.
enum TableBuilding {
  /// A table from rows of values, or from a value that has a natural table. With `digits`,
  /// Doubles in rows show that many decimal places (else four significant digits).
  static func table(
    from value: Value, columns: [String], digits: Int? = nil, at position: Position
  )
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
          cells.append(items.map { $0.tableText(digits: digits) })
        } else {
          cells.append([row.tableText(digits: digits)])
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
  /// A table cell's text: Doubles to `digits` decimal places, or four significant digits as
  /// reports show numbers.
  func tableText(digits: Int? = nil) -> String {
    guard case .double(let value) = self else { return description }
    guard let digits, value.isFinite else { return format(value) }
    return String(format: "%.\(digits)f", value)
  }

  /// Shown where a top-level statement makes it, not only as a cell's last value: figures
  /// and tables.
  var showsWhereMade: Bool {
    if case .table = self { return true }
    return isFigure
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
