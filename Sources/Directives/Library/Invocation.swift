import Notebook

/// A call of a directive, as its implementation sees it: the receiver, one value per parameter
/// (defaults filled in, variadics as arrays) and the cell's context.
package struct Invocation {
  package let directive: Directive
  package let receiver: Value?
  package let arguments: [Value]
  /// Where each argument was written (the call's position for defaults).
  package let argumentPositions: [Position]
  package let position: Position
  package let context: EvaluationContext

  package func error(_ message: String) -> EvaluationError {
    EvaluationError(message, at: position)
  }

  private func index(_ name: String) -> Int {
    guard let index = directive.parameters.firstIndex(where: { $0.name == name }) else {
      preconditionFailure("directive '\(directive.name)' has no parameter '\(name)'")
    }
    return index
  }

  package func value(_ name: String) -> Value { arguments[index(name)] }

  package func position(of name: String) -> Position { argumentPositions[index(name)] }

  private func mismatch(_ name: String, expected: String) -> EvaluationError {
    let value = value(name)
    return EvaluationError(
      "cannot convert value of type '\(value.type)' to expected argument type '\(expected)'",
      at: position(of: name))
  }

  package func int(_ name: String) throws(EvaluationError) -> Int {
    if case .int(let value) = value(name) { return value }
    throw mismatch(name, expected: "Int")
  }

  /// An Int that must be at least `minimum` (counts, sizes, epochs).
  package func int(_ name: String, atLeast minimum: Int) throws(EvaluationError) -> Int {
    let value = try int(name)
    guard value >= minimum else {
      throw EvaluationError(
        "'\(name)' must be at least \(minimum), got \(value)", at: position(of: name))
    }
    return value
  }

  /// Whether an optional argument (default `nil`) was left out.
  package func isAbsent(_ name: String) -> Bool {
    if case .void = value(name) { true } else { false }
  }

  package func double(_ name: String) throws(EvaluationError) -> Double {
    if let number = value(name).number { return number }
    throw mismatch(name, expected: "Double")
  }

  package func string(_ name: String) throws(EvaluationError) -> String {
    if case .string(let value) = value(name) { return value }
    throw mismatch(name, expected: "String")
  }

  package func bool(_ name: String) throws(EvaluationError) -> Bool {
    if case .bool(let value) = value(name) { return value }
    throw mismatch(name, expected: "Bool")
  }

  package func array(_ name: String) throws(EvaluationError) -> [Value] {
    if case .array(let value) = value(name) { return value }
    throw mismatch(name, expected: "Array")
  }

  package func numbers(_ name: String) throws(EvaluationError) -> [Double] {
    var result: [Double] = []
    for element in try array(name) {
      guard let number = element.number else { throw mismatch(name, expected: "[Double]") }
      result.append(number)
    }
    return result
  }

  package func strings(_ name: String) throws(EvaluationError) -> [String] {
    try array(name).map { (element) throws(EvaluationError) in
      guard case .string(let text) = element else { throw mismatch(name, expected: "[String]") }
      return text
    }
  }

  /// A case of `enumeration`, e.g. `.relu` for `Activation`, with "did you mean" when misspelt.
  package func enumCase(_ name: String, of enumeration: EnumerationType) throws(EvaluationError)
    -> String
  {
    guard case .enumCase(let caseName, _) = value(name) else {
      throw mismatch(name, expected: enumeration.name)
    }
    guard enumeration.cases.contains(caseName) else {
      throw EvaluationError(
        EnumerationType.unknownCaseMessage(caseName, in: enumeration), at: position(of: name))
    }
    return caseName
  }

  /// The receiver, for methods and properties.
  package var self_: Value {
    guard let receiver else { preconditionFailure("'\(directive.name)' called without a receiver") }
    return receiver
  }
}

extension EnumerationType {
  static func unknownCaseMessage(_ name: String, in enumeration: EnumerationType) -> String {
    let choices = enumeration.cases.map { "." + $0 }.joined(separator: ", ")
    let hint =
      Suggestion.closest(to: name, among: enumeration.cases).map { "; did you mean '.\($0)'?" }
      ?? ""
    return "type '\(enumeration.name)' has no member '\(name)'\(hint) (one of \(choices))"
  }
}
