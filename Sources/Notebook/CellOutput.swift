/// What evaluating a cell produced, in the order it was produced.
///
/// Plain values so that the interpreter, the report, the run record and the cache can pass
/// them along without knowing each other.
package enum CellOutput: Hashable, Sendable, Codable {
  /// Text the cell printed (`print(...)`).
  case text(String)
  /// The displayed value of the cell's last expression.
  case value(String)
  case table(Table)
  case figure(Figure)
  /// A named headline number for the run record, e.g. `train.test.accuracy`.
  case metric(name: String, value: Double)
  /// A named sequence of numbers for the run record, e.g. cost per epoch.
  case series(name: String, values: [Double])
  /// The error that stopped the cell.
  case error(Diagnostic)
}

/// A table of text cells with a header row.
package struct Table: Hashable, Sendable, Codable {
  package var caption: String?
  package var columns: [String]
  package var rows: [[String]]

  package init(caption: String? = nil, columns: [String], rows: [[String]]) {
    self.caption = caption
    self.columns = columns
    self.rows = rows
  }
}

/// A picture: standalone SVG markup (with its own `<title>` and `<desc>`) and a caption.
package struct Figure: Hashable, Sendable, Codable {
  package var svg: String
  package var caption: String?

  package init(svg: String, caption: String? = nil) {
    self.svg = svg
    self.caption = caption
  }
}
