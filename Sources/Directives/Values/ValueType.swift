/// The static type of a value, as the checker and the directive table see it.
package indirect enum ValueType: Hashable, Sendable, Codable, CustomStringConvertible {
  case int, double, string, bool
  /// What a statement or a directive without a result gives.
  case void
  /// Unknown to the checker: matches everything, so one error does not cascade.
  case any
  case array(ValueType)
  /// `a..<b` or `a...b` over Ints.
  case range
  case enumeration(EnumerationType)
  /// One of several types (a parameter that takes a network or an array of numbers, say).
  case oneOf([ValueType])
  /// An engine or report value, named as the notebook sees it (`Network`, `Dataset`, `Figure`...).
  case object(ObjectType)
  /// A function or closure: parameter types and result type.
  case function([ValueType], ValueType)
  /// `[Key: Value]`.
  case dictionary(ValueType, ValueType)
  /// `Set<Element>`.
  case set(ValueType)
  /// A notebook's `struct`, by name.
  case structure(String)
  /// `T?`; `nil` alone is `.optional(.any)`.
  case optional(ValueType)
  /// `(Int, String)` or `(x: Int, y: Int)`: element types, each with its label or nil.
  case tuple([ValueType], labels: [String?])

  package var description: String {
    switch self {
    case .int: "Int"
    case .double: "Double"
    case .string: "String"
    case .bool: "Bool"
    case .void: "Void"
    case .any: "Any"
    case .array(let element): "[\(element)]"
    case .range: "Range<Int>"
    case .enumeration(let enumeration): enumeration.name
    case .oneOf(let types): types.map(\.description).joined(separator: " or ")
    case .object(let object): object.rawValue
    case .function(let parameters, let result):
      "(" + parameters.map(\.description).joined(separator: ", ") + ") -> \(result)"
    case .dictionary(let key, let value): "[\(key): \(value)]"
    case .set(let element): "Set<\(element)>"
    case .structure(let name): name
    case .optional(.function(let parameters, let result)):
      "(\(ValueType.function(parameters, result)))?"
    case .optional(let wrapped): "\(wrapped)?"
    case .tuple(let elements, let labels):
      "("
        + zip(labels, elements).map { label, element in
          (label.map { "\($0): " } ?? "") + element.description
        }.joined(separator: ", ") + ")"
    }
  }

  /// Whether a value of type `other` can be passed where `self` is expected.
  /// Ints are accepted for Doubles, as literals are in Swift.
  package func accepts(_ other: ValueType) -> Bool {
    switch (self, other) {
    case (.any, _), (_, .any): true
    case (.double, .int): true
    case (.array(let element), .array(let otherElement)): element.accepts(otherElement)
    case (.set(let element), .set(let otherElement)): element.accepts(otherElement)
    case (.dictionary(let key, let value), .dictionary(let otherKey, let otherValue)):
      key.accepts(otherKey) && value.accepts(otherValue)
    case (.oneOf(let types), _): types.contains { $0.accepts(other) }
    // A value becomes an optional where one is expected, as in Swift.
    case (.optional(let wrapped), .optional(let otherWrapped)): wrapped.accepts(otherWrapped)
    case (.optional(let wrapped), _): wrapped.accepts(other)
    case (.tuple(let elements, let labels), .tuple(let others, let otherLabels)):
      elements.count == others.count && zip(elements, others).allSatisfy { $0.accepts($1) }
        && Self.labelsMatch(labels, otherLabels)
    case (_, .oneOf(let types)): types.allSatisfy { accepts($0) }
    case (.enumeration(let enumeration), .enumeration(let otherEnumeration)):
      enumeration.name == otherEnumeration.name || otherEnumeration.name == EnumerationType.anyCase
    // A String names a case; whether it is one is checked when the value is known.
    case (.enumeration, .string): true
    case (.function(let parameters, let result), .function(let others, let otherResult)):
      parameters.count == others.count && zip(others, parameters).allSatisfy { $0.accepts($1) }
        && (result == .void || result.accepts(otherResult))
    default: self == other
    }
  }

  /// Labels agree when equal, or when either side has none (`(1, 2)` is a `(x: Int, y: Int)`).
  static func labelsMatch(_ labels: [String?], _ others: [String?]) -> Bool {
    labels == others || labels.allSatisfy { $0 == nil } || others.allSatisfy { $0 == nil }
  }

  /// The element type when a `for` loop runs over a value of this type.
  package var elementType: ValueType? {
    switch self {
    case .array(let element): element
    case .range: .int
    case .string: .string
    case .set(let element): element
    case .dictionary(let key, let value): .tuple([key, value], labels: ["key", "value"])
    case .any: .any
    case .object(.dataset): .object(.example)
    default: nil
    }
  }
}

/// A closed set of cases such as `Activation`; `.relu` is written without the type's name.
package struct EnumerationType: Hashable, Sendable, Codable {
  package var name: String
  package var cases: [String]

  package init(name: String, cases: [String]) {
    self.name = name
    self.cases = cases
  }

  /// The type of a bare `.case` before the context says which enumeration it belongs to.
  package static let anyCase = "enum case"

  /// The value of one of the cases.
  package func value(_ caseName: String) -> Value { .enumCase(caseName, of: name) }

  /// The enumerations directives take, by name, so a function can take one:
  /// `func f(_ a: Activation)`.
  static let named: [String: EnumerationType] = Dictionary(
    uniqueKeysWithValues: [
      EngineDirectives.activation, EngineDirectives.cost, EngineDirectives.initialization,
      EngineDirectives.biasInitialization, DataPlotDirectives.scale, DataPlotDirectives.kind,
    ].map { ($0.name, $0) })
}

/// The engine and report values a notebook handles, by their notebook names.
package enum ObjectType: String, Hashable, Sendable, Codable, CaseIterable {
  case dataset = "Dataset"
  case dataSplit = "DataSplit"
  case example = "Example"
  case network = "Network"
  case history = "TrainingHistory"
  case epoch = "EpochRecord"
  case evaluation = "Evaluation"
  case gradientCheck = "GradientCheckReport"
  case layerCheck = "LayerGradientCheck"
  case nudges = "NudgeReport"
  case figure = "Figure"
  case table = "Table"
}
