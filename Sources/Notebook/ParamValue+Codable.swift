/// A param is stored in JSON as the plain scalar it is (`3`, `0.1`, `true`, `"relu"`), so run
/// records read naturally and other tools can use them.
extension ParamValue: Codable {
  package init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Int.self) {
      self = .int(value)
    } else if let value = try? container.decode(Double.self) {
      self = .double(value)
    } else {
      self = .string(try container.decode(String.self))
    }
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .int(let value): try container.encode(value)
    case .double(let value): try container.encode(value)
    case .bool(let value): try container.encode(value)
    case .string(let value): try container.encode(value)
    }
  }

  /// The value as a number when it is one, so `3` and `3.0` compare equal across records.
  package var numericValue: Double? {
    switch self {
    case .int(let value): Double(value)
    case .double(let value): value
    case .bool, .string: nil
    }
  }
}
