/// Conversions a value undergoes where a type is expected: Ints promoted to Doubles, `.case`
/// names (or Strings naming a case) checked against their enumeration, arrays element by element.
enum Coercion {
  static func mismatch(_ value: Value, _ expected: String, at position: Position) -> EvaluationError
  {
    if case .void = value {
      return EvaluationError(
        "the expression returns nothing, but a '\(expected)' is needed", at: position)
    }
    return EvaluationError(
      "cannot convert value of type '\(value.type)' to expected argument type '\(expected)'",
      at: position)
  }

  /// Checks a value against the type a parameter or declaration expects.
  static func coerce(_ value: Value, to type: ValueType, at position: Position)
    throws(EvaluationError) -> Value
  {
    switch (type, value) {
    case (.any, _), (.array(.any), .array): return value
    case (.double, .int(let integer)): return .double(Double(integer))
    case (.array(let element), .array(let elements)) where element != .any:
      if element == .double, elements.allSatisfy({ if case .double = $0 { true } else { false } }) {
        return value
      }
      return .array(
        try elements.map { (inner) throws(EvaluationError) in
          try coerce(inner, to: element, at: position)
        })
    case (.enumeration(let enumeration), .enumCase(let name, _)),
      (.enumeration(let enumeration), .string(let name)):
      // A String names a case too, so a front-matter param can choose one: `hidden: activation`.
      guard enumeration.cases.contains(name) else {
        throw EvaluationError(
          EnumerationType.unknownCaseMessage(name, in: enumeration), at: position)
      }
      return enumeration.value(name)
    case (.dictionary, .dictionary), (.set, .set):
      if let converted = try coerceKeyed(value, to: type, at: position) { return converted }
    case (.oneOf(let types), _):
      for candidate in types where candidate.accepts(value.type) {
        return try coerce(value, to: candidate, at: position)
      }
    case (.optional, .optional(nil)): return value
    case (.optional(let wrapped), .optional(let inner?)):
      return .optional(try coerce(inner, to: wrapped, at: position))
    case (.optional(let wrapped), _):
      return .optional(try coerce(value, to: wrapped, at: position))
    case (.tuple(let types, let labels), .tuple(let elements, let ownLabels))
    where types.count == elements.count:
      var coerced: [Value] = []
      for (element, type) in zip(elements, types) {
        coerced.append(try coerce(element, to: type, at: position))
      }
      return .tuple(coerced, labels: labels.allSatisfy { $0 == nil } ? ownLabels : labels)
    default:
      if type.accepts(value.type) { return value }
    }
    throw mismatch(value, type.description, at: position)
  }

  /// Ints mixed with Doubles become Doubles, as in a Swift literal; other mixtures stay as they
  /// are (`[Any]`), which table rows need.
  static func homogeneous(_ values: [Value]) -> [Value] {
    guard let first = values.first else { return values }
    let firstType = first.type
    if values.allSatisfy({ $0.type == firstType }) { return values }
    if values.allSatisfy({ $0.number != nil }) { return values.map { .double($0.number ?? 0) } }
    return values
  }
}

extension ValueType {
  /// The type a declaration names (`let rate: Double = 1`, `(Double) -> Double`).
  /// `structures` are the names of the notebook's structs.
  static func named(_ name: String, at position: Position, structures: Set<String> = [])
    throws(EvaluationError) -> ValueType
  {
    let name = name.trimmingSpaces
    switch name {
    case "Int": return .int
    case "Double": return .double
    case "Float", "Float32", "Float64", "CGFloat":
      throw EvaluationError(Self.floatMessage(name), at: position)
    case "Set", "Array", "Dictionary":
      let example = name == "Dictionary" ? "[String: Int]" : name == "Set" ? "Set<Int>" : "[Int]"
      throw EvaluationError(
        "'\(name)' needs the type of its elements here: write it, as in '\(example)'", at: position)
    // A character is a one-character String in notebooks (see docs/language.md).
    case "String", "Character": return .string
    case "Bool": return .bool
    case "Void", "()": return .void
    case "Any": return .any
    case "Range<Int>", "ClosedRange<Int>": return .range
    default:
      if let arrow = ValueType.topLevelArrow(in: name) {
        let head = name[..<arrow.lowerBound].trimmingSpaces
        guard head.hasPrefix("("), head.hasSuffix(")") else {
          throw EvaluationError("cannot find type '\(name)' in scope", at: position)
        }
        let inner = String(head.dropFirst().dropLast())
        let parameters = try ValueType.splitTopLevel(inner).map {
          (part) throws(EvaluationError) in try named(part, at: position, structures: structures)
        }
        let result = try named(
          String(name[arrow.upperBound...]), at: position, structures: structures)
        return .function(parameters, result)
      }
      if name.hasSuffix("?") {
        return .optional(try named(String(name.dropLast()), at: position, structures: structures))
      }
      if name.hasPrefix("("), name.hasSuffix(")") {
        return try tupleNamed(
          String(name.dropFirst().dropLast()), at: position, structures: structures)
      }
      if let keyed = try keyedTypeNamed(name, at: position, structures: structures) {
        return keyed
      }
      if name.hasPrefix("Array<"), name.hasSuffix(">") {
        return .array(
          try named(String(name.dropFirst(6).dropLast()), at: position, structures: structures))
      }
      if name.hasPrefix("["), name.hasSuffix("]") {
        return .array(
          try named(String(name.dropFirst().dropLast()), at: position, structures: structures))
      }
      if let object = ObjectType(rawValue: name) { return .object(object) }
      if structures.contains(name) { return .structure(name) }
      if let enumeration = EnumerationType.named[name] { return .enumeration(enumeration) }
      throw EvaluationError("cannot find type '\(name)' in scope", at: position)
    }
  }

  /// Why `Float` is refused: it prints with fewer digits than the Double a cell would compute.
  static func floatMessage(_ name: String) -> String {
    "'\(name)' is not in the language: numbers with a fraction are Doubles; write 'Double'"
  }

  /// The `->` of a function type that is not inside brackets.
  private static func topLevelArrow(in text: String) -> Range<String.Index>? {
    var depth = 0
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if "([".contains(character) { depth += 1 }
      if ")]".contains(character) { depth -= 1 }
      if depth == 0, character == "-", text[index...].hasPrefix("->") {
        return index..<text.index(index, offsetBy: 2)
      }
      index = text.index(after: index)
    }
    return nil
  }

  /// `Int, String` or `x: Int, y: Int` inside a tuple type's parentheses.
  private static func tupleNamed(_ inner: String, at position: Position, structures: Set<String>)
    throws(EvaluationError) -> ValueType
  {
    var types: [ValueType] = []
    var labels: [String?] = []
    for part in splitTopLevel(inner, keepingLabels: true) {
      var label: String?
      var typeName = part
      if let colon = part.firstIndex(of: ":"),
        part[..<colon].trimmingSpaces.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
      {
        label = part[..<colon].trimmingSpaces
        typeName = String(part[part.index(after: colon)...])
      }
      types.append(try named(typeName, at: position, structures: structures))
      labels.append(label)
    }
    if types.count == 1, labels[0] == nil { return types[0] }
    return .tuple(types, labels: labels)
  }

  private static func splitTopLevel(_ text: String, keepingLabels: Bool = false) -> [String] {
    guard !text.trimmingSpaces.isEmpty else { return [] }
    var parts: [String] = []
    var current = ""
    var depth = 0
    for character in text {
      if "([".contains(character) { depth += 1 }
      if ")]".contains(character) { depth -= 1 }
      if character == ",", depth == 0 {
        parts.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    parts.append(current)
    if keepingLabels { return parts }
    // `_ x: Int` in a function type: keep the type.
    return parts.map { part in
      guard let colon = part.firstIndex(of: ":") else { return part }
      return String(part[part.index(after: colon)...])
    }
  }
}

extension StringProtocol {
  var trimmingSpaces: String {
    String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
  }
}
