/// A value of a notebook's `struct`: its stored properties in declaration order.
package struct StructValue: Sendable, Codable {
  package var typeName: String
  /// Shared by every value of the type (copy-on-write), for printing.
  package var fieldNames: [String]
  package var fields: [Value]

  package init(typeName: String, fieldNames: [String], fields: [Value]) {
    self.typeName = typeName
    self.fieldNames = fieldNames
    self.fields = fields
  }

  /// The same value with each stored property transformed.
  package func mapFields(_ transform: (Value) -> Value) -> StructValue {
    var copy = self
    copy.fields = fields.map(transform)
    return copy
  }

  /// As Swift prints a struct: `Point(x: 1.0, y: 2.0)`.
  package var description: String { Value.structure(self).description }
}
