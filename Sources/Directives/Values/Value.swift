import Notebook

/// A value a cell computes or a directive returns.
///
/// Everything but networks is a value type; a network is a shared reference, so a `let net` can
/// be trained, and `Session.snapshot()` copies it deeply.
///
/// Payloads larger than two words are `indirect` (boxed), so a `Value` stays small: compiled code
/// copies values in every slot read and write, and a large case made every copy a `memmove`.
package enum Value: Sendable, Codable {
  case int(Int)
  case double(Double)
  case string(String)
  case bool(Bool)
  case array([Value])
  /// A range of Ints, stored half-open (`a...b` as `a..<b+1`, `closed`); boxed, as a Bool beside
  /// the two bounds would make every `Value` a word larger.
  indirect case range(Range<Int>, closed: Bool)
  /// A case written `.relu`, resolved against the enumeration a parameter expects; `of` is the
  /// enumeration's name (`EnumerationType.anyCase` until the context names one).
  indirect case enumCase(String, of: String)
  indirect case figure(Figure)
  indirect case table(Table)
  indirect case object(EngineObject)
  /// A `func` or a closure.
  case function(FunctionValue)
  /// The result of a directive that only has effects (`print`, `metric`).
  case void
  /// Keys and values in insertion order.
  indirect case dictionary(DictionaryValue)
  /// Elements in insertion order.
  indirect case set(SetValue)
  /// A value of a notebook's `struct`.
  indirect case structure(StructValue)
  /// A value of an optional type: `nil`, or the value it wraps.
  indirect case optional(Value?)
  /// A tuple's elements, with each element's label (nil where it has none).
  case tuple([Value], labels: [String?])

  package var type: ValueType {
    switch self {
    case .int: .int
    case .double: .double
    case .string: .string
    case .bool: .bool
    case .array(let elements): .array(elements.first?.type ?? .any)
    case .range: .range
    case .enumCase(_, let enumeration):
      .enumeration(
        EnumerationType.named[enumeration]
          ?? EnumerationType(name: EnumerationType.anyCase, cases: []))
    case .figure: .object(.figure)
    case .table: .object(.table)
    case .object(let object): .object(object.type)
    case .function(let function): function.code.type
    case .void: .void
    case .dictionary(let dictionary):
      .dictionary(dictionary.keys.first?.type ?? .any, dictionary.values.first?.type ?? .any)
    case .set(let set): .set(set.elements.first?.type ?? .any)
    case .structure(let value): .structure(value.typeName)
    case .optional(let wrapped): .optional(wrapped?.type ?? .any)
    case .tuple(let elements, let labels): .tuple(elements.map(\.type), labels: labels)
    }
  }

  /// The number as a Double, for Ints and Doubles.
  package var number: Double? {
    switch self {
    case .int(let value): Double(value)
    case .double(let value): value
    default: nil
    }
  }
}

extension Value: CustomStringConvertible {
  /// The text `print` and string interpolation show, as Swift would print it (cut with "…" past
  /// `ValueLimits.maximumTextBytes`).
  package var description: String {
    if case .string(let value) = self { return value }
    var writer = ValueTextWriter(budget: ValueLimits.maximumTextBytes)
    writer.write(self, quoted: false)
    return writer.text
  }

  /// The text of a value that has no parts (see `ValueTextWriter` for the others).
  var leafDescription: String {
    switch self {
    case .int(let value): String(value)
    // As `print` writes it: "-nan" for the NaN that 0.0 / 0.0 makes, where `String(_:)` says "nan".
    case .double(let value): "\(value)"
    case .string(let value): value
    case .bool(let value): String(value)
    case .range(let range, let closed):
      closed
        ? "\(range.lowerBound)...\(range.upperBound - 1)"
        : "\(range.lowerBound)..<\(range.upperBound)"
    case .enumCase(let name, _): name
    case .figure(let figure): "Figure(\(figure.caption ?? "untitled"))"
    case .table(let table):
      "Table(\(table.rows.count) rows × \(table.columns.count) columns)"
    case .object(let object): object.description
    case .function(let function): "(Function \(function.name))"
    case .void: "()"
    case .optional(nil): "nil"
    case .array, .dictionary, .set, .structure, .optional, .tuple: ""
    }
  }

  /// Strings quoted and enumeration cases qualified (`Activation.relu`), as inside an array or
  /// as a cell's shown value. (Swift also names the module: `main.Activation.relu`.)
  package var debugText: String {
    if case .enumCase(let name, let enumeration) = self {
      return enumeration == EnumerationType.anyCase ? "." + name : enumeration + "." + name
    }
    guard case .string(let text) = self else { return description }
    var quoted = "\""
    for character in text {
      switch character {
      case "\n": quoted += "\\n"
      case "\t": quoted += "\\t"
      case "\"": quoted += "\\\""
      case "\\": quoted += "\\\\"
      default: quoted.append(character)
      }
    }
    return quoted + "\""
  }
}

extension Value {
  /// Structural equality for `==`; nil when the values cannot be compared.
  static func equal(_ left: Value, _ right: Value) -> Bool? {
    switch (left, right) {
    case (.int(let a), .int(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.bool(let a), .bool(let b)): a == b
    case (.enumCase(let a, _), .enumCase(let b, _)): a == b
    case (.range(let a, let aIsClosed), .range(let b, let bIsClosed)):
      a == b && aIsClosed == bIsClosed
    case (.array(let a), .array(let b)), (.tuple(let a, _), .tuple(let b, _)):
      a.count == b.count
        ? zip(a, b).allSatisfy { equal($0, $1) == true }
        : false
    case (.structure(let a), .structure(let b)):
      a.typeName == b.typeName && zip(a.fields, b.fields).allSatisfy { equal($0, $1) == true }
    case (.set(let a), .set(let b)):
      a.count == b.count && a.elements.allSatisfy { HashKey($0).map(b.contains) ?? false }
    case (.dictionary(let a), .dictionary(let b)):
      a.count == b.count
        && zip(a.keys, a.values).allSatisfy { key, value in
          HashKey(key).flatMap { b[$0] }.map { equal(value, $0) == true } ?? false
        }
    case (.optional(nil), .optional(nil)): true
    case (.optional(nil), _), (_, .optional(nil)): false
    case (.optional(let a?), .optional(let b?)): equal(a, b)
    case (.optional(let a?), _): equal(a, right)
    case (_, .optional(let b?)): equal(left, b)
    default:
      if let a = left.number, let b = right.number { a == b } else { nil }
    }
  }
}

extension FunctionValue: Codable {
  /// In a session snapshot, a function is a number: the snapshot keeps where it was written and
  /// the variables it reads, and compiles it again on restore (see `SnapshotArchive`). A closure
  /// that reads locals of the code around it cannot be saved; the runner then re-runs the cells.
  package func encode(to encoder: any Encoder) throws {
    guard let writer = encoder.userInfo[SnapshotWriter.key] as? SnapshotWriter else {
      throw EncodingError.invalidValue(
        name,
        EncodingError.Context(
          codingPath: encoder.codingPath,
          debugDescription: "the function '\(name)' is saved only in a session snapshot"))
    }
    var container = encoder.singleValueContainer()
    try container.encode(try writer.number(of: code))
  }

  package convenience init(from decoder: any Decoder) throws {
    guard let reader = decoder.userInfo[SnapshotReader.key] as? SnapshotReader else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(
          codingPath: decoder.codingPath,
          debugDescription: "a function is restored only from a session snapshot"))
    }
    let number = try decoder.singleValueContainer().decode(Int.self)
    self.init(code: try reader.code(number), context: nil, control: reader.control)
  }
}
