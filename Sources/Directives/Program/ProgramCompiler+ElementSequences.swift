/// Sets and strings answer the collection methods as the array of their elements would (a
/// string's elements are its characters), except where a method gives the same kind back.
extension ProgramCompiler {
  /// The methods a set answers as the array of its elements (in insertion order).
  static let setSequenceMethods: Set<String> = [
    "map", "filter", "reduce", "forEach", "contains", "allSatisfy", "sorted", "min", "max",
    "first", "compactMap",
  ]

  /// `map`, `reduce`, `min()`, `contains(where:)` ... on a set or a string, as on the array of
  /// its elements (a string's characters); `filter` gives a set or a string again (`rebuild`).
  /// Nil for the receiver's own members (`contains(x)`, `sorted()` of a set).
  func methodOfElements(
    _ base: Expression, _ receiver: Typed, _ element: ValueType, _ name: String,
    _ arguments: [CallArgument], at position: Position,
    rebuild: @escaping ([Value]) throws(EvaluationError) -> Value
  ) -> Typed? {
    let elements = sequenceAsArray(receiver, element: element)
    if ["min", "max", "reversed"].contains(name), arguments.isEmpty,
      let directive = table.member(named: name, on: elements.type)
    {
      return invoke(directive, receiver: elements, [], at: position)
    }
    guard
      let result = collectionMethod(base, elements, name, arguments, at: position)
        ?? searchMethod(elements, name, arguments, at: position)
    else { return nil }
    guard name == "filter" else { return result }
    let code = result.value
    return Typed(
      receiver.type,
      .value { frame throws(EvaluationError) in
        try rebuild(try Self.elements(of: try code(frame), at: position))
      }, at: position)
  }

  /// The methods a string answers as the array of its characters (one-character Strings).
  static let stringSequenceMethods: Set<String> = [
    "map", "filter", "reduce", "forEach", "contains", "allSatisfy", "first", "compactMap",
    "reversed", "sorted", "enumerated", "min", "max",
  ]
}
