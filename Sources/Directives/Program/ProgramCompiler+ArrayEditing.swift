/// The methods that change an array variable in place besides `append`: `insert(_:at:)`,
/// `remove(at:)`, `removeFirst()`, `removeLast()`, `popLast()`, `removeAll()`,
/// `removeAll(where:)`, `append(contentsOf:)`, `sort()`, `sort(by:)` and `reverse()`; and
/// `append` on a string.
extension ProgramCompiler {
  static let arrayEditingMethods: Set<String> = [
    "insert", "remove", "removeFirst", "removeLast", "popLast", "removeAll", "append", "sort",
    "reverse",
  ]

  /// One of `arrayEditingMethods` on the array `base` names, or nil for another method or form
  /// (`append(x)` is compiled with the other collection methods).
  func arrayEditing(
    _ base: Expression, _ element: ValueType, _ name: String, _ arguments: [CallArgument],
    labels: [String?], at position: Position
  ) -> Typed? {
    /// The change, given the arguments' values; it returns the call's result.
    typealias Edit = (inout [Value], [Value]) throws(EvaluationError) -> Value
    let argumentTypes: [ValueType]
    let result: ValueType
    var edit: Edit
    let argumentAt = arguments.first?.value.position ?? position
    let control = self.control
    switch (name, labels) {
    case ("insert", [nil, "at"]):
      (argumentTypes, result) = ([element, .int], .void)
      edit = { elements, values throws(EvaluationError) in
        guard case .int(let index) = values[1], (0...elements.count).contains(index) else {
          throw EvaluationError(
            "index \(values[1]) is out of range for an insertion (0...\(elements.count))",
            at: arguments[1].value.position)
        }
        try ValueLimits.makeRoom(in: &elements, limit: control.valueLimit, at: position)
        elements.insert(values[0], at: index)
        return .void
      }
    case ("remove", ["at"]):
      (argumentTypes, result) = ([.int], element)
      edit = { elements, values throws(EvaluationError) in
        guard case .int(let index) = values[0] else { return .void }
        try Indexing.check(index, count: elements.count, at: argumentAt)
        return elements.remove(at: index)
      }
    case ("removeFirst", []), ("removeLast", []):
      (argumentTypes, result) = ([], element)
      let isFirst = name == "removeFirst"
      edit = { elements, _ throws(EvaluationError) in
        guard !elements.isEmpty else {
          throw EvaluationError(
            "'\(name)()' on an empty array; check 'isEmpty' first", at: position)
        }
        return isFirst ? elements.removeFirst() : elements.removeLast()
      }
    case ("popLast", []):
      (argumentTypes, result) = ([], .optional(element))
      edit = { elements, _ in .optional(elements.popLast()) }
    case ("removeAll", []):
      (argumentTypes, result) = ([], .void)
      edit = { elements, _ in
        elements.removeAll()
        return .void
      }
    case ("reverse", []):
      (argumentTypes, result) = ([], .void)
      edit = { elements, _ in
        elements.reverse()
        return .void
      }
    case ("append", ["contentsOf"]):
      // Any sequence of the elements: an array, a range, a set.
      let sequence = compile(arguments[0].value, expected: .array(element))
      guard let added = sequence.type.elementType, element.accepts(added),
        sequence.type != .object(.dataset), sequence.type != .string || element == .string
      else {
        return fail(
          "cannot append the elements of a value of type '\(sequence.type)' to '[\(element)]'",
          at: argumentAt)
      }
      let elementType = element
      return editing(base, name, [sequence], .void, at: position) {
        elements, values throws(EvaluationError) in
        let added = try Self.elements(of: values[0], at: argumentAt)
        try ValueLimits.checkArray(
          count: elements.count + added.count, limit: control.valueLimit, at: position)
        for value in added {
          elements.append(try Coercion.coerce(value, to: elementType, at: argumentAt))
        }
        return .void
      }
    case ("sort", []):
      guard [.int, .double, .string, .any].contains(element) else {
        return fail("'sort()' needs numbers or strings; use 'sort(by:)'", at: position)
      }
      (argumentTypes, result) = ([], .void)
      edit = { elements, _ in
        elements.sort { Operators.isLess($0, $1) }
        return .void
      }
    case ("sort", ["by"]), ("removeAll", ["where"]):
      // The closure is called on the elements before the array changes.
      let predicate = closureArgument(
        arguments[0].value, of: name, name == "sort" ? [element, element] : [element], .bool)
      (argumentTypes, result) = ([predicate.type], .void)
      let isSort = name == "sort"
      edit = { elements, values throws(EvaluationError) in
        let call = try FunctionCaller(values[0], control: control, at: position)
        if !isSort {
          var kept: [Value] = []
          for value in elements where !(try call.test(value)) { kept.append(value) }
          elements = kept
          return .void
        }
        var failure: EvaluationError?
        elements.sort { a, b in
          guard failure == nil else { return false }
          do throws(EvaluationError) { return try call.test2(a, b) } catch {
            failure = error
            return false
          }
        }
        if let failure { throw failure }
        return .void
      }
      return editing(base, name, [predicate], result, at: position, edit)
    default:
      return nil
    }
    var typed: [Typed] = []
    for (argument, type) in zip(arguments, argumentTypes) {
      let value = compile(argument.value, expected: type)
      guard type.accepts(value.type) else {
        return fail(
          "cannot convert value of type '\(value.type)' to expected argument type '\(type)'",
          at: argument.value.position)
      }
      typed.append(Typed(type, .value(coerced(value, to: type)), at: value.position))
    }
    return editing(base, name, typed, result, at: position, edit)
  }

  /// `text.append("s")` (or `append(contentsOf:)`): the string variable grows in place.
  func stringAppend(_ base: Expression, _ argument: CallArgument, at position: Position) -> Typed {
    let piece = compile(argument.value, expected: .string)
    guard ValueType.string.accepts(piece.type) else {
      return fail(
        "cannot convert value of type '\(piece.type)' to expected argument type 'String'",
        at: argument.value.position)
    }
    guard let place = place(base, mutatingMember: "append", at: position) else {
      return .failing(EvaluationError("'append' cannot change this value", at: position))
    }
    let pieceCode = piece.value
    let control = self.control
    return Typed(
      .void,
      .value { frame throws(EvaluationError) in
        guard case .string(let added) = try pieceCode(frame) else { return .void }
        try place.modify(frame) { value throws(EvaluationError) in
          guard case .string(var text) = value else {
            throw EvaluationError("'append' needs a String", at: position)
          }
          try ValueLimits.checkString(
            bytes: text.utf8.count + added.utf8.count, limit: control.valueLimit, at: position)
          value = .void  // uniquely referenced now: the string grows in place
          text += added
          value = .string(text)
        }
        return .void
      }, at: position)
  }

  /// Computes the arguments, then runs `edit` on the array stored in the variable, in place.
  private func editing(
    _ base: Expression, _ name: String, _ arguments: [Typed], _ result: ValueType,
    at position: Position,
    _ edit: @escaping (inout [Value], [Value]) throws(EvaluationError) -> Value
  ) -> Typed {
    guard let place = place(base, mutatingMember: name, at: position) else {
      return .failing(EvaluationError("'\(name)' cannot change this value", at: position))
    }
    let codes = arguments.map(\.value)
    return Typed(
      result,
      .value { frame throws(EvaluationError) in
        var values: [Value] = []
        for code in codes { values.append(try code(frame)) }
        var outcome = Value.void
        try place.modify(frame) { value throws(EvaluationError) in
          guard case .array(var elements) = value else {
            throw EvaluationError("'\(name)' needs an array", at: position)
          }
          value = .void  // uniquely referenced now: the array changes in place
          defer { value = .array(elements) }
          outcome = try edit(&elements, values)
        }
        return outcome
      }, at: position
    ).retyped(result)
  }
}
