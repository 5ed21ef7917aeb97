/// A named value in a session: a front-matter param, or a `let`/`var` of some cell.
package struct Variable: Sendable, Codable {
  package enum Origin: Hashable, Sendable, Codable {
    case param
    /// Defined by the cell with this id (or a loop or block inside it).
    case cell(String)
  }

  package var value: Value
  package var isConstant: Bool
  package var origin: Origin
  /// The type fixed at definition; assignments must keep to it.
  package var type: ValueType

  package init(value: Value, isConstant: Bool, origin: Origin, type: ValueType? = nil) {
    self.value = value
    self.isConstant = isConstant
    self.origin = origin
    self.type = type ?? value.type
  }
}
