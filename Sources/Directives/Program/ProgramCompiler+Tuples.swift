/// Tuples: `(a, b)`, `(x: 1, y: 2)`, `t.0`, `t.x` (read or assigned), `let (a, b) = t`, and the
/// sequences that give tuples: `enumerated()` and `zip(a, b)`.
extension ProgramCompiler {
  func tuple(_ elements: [TupleElement], expected: ValueType?, at position: Position) -> Typed {
    var expectedTypes: [ValueType]?
    var expectedLabels: [String?]?
    if case .tuple(let types, let labels)? = expected, types.count == elements.count {
      expectedTypes = types
      expectedLabels = labels
    }
    var types: [ValueType] = []
    var codes: [ValueCode] = []
    for (index, element) in elements.enumerated() {
      let wanted = expectedTypes?[index]
      let typed = compile(element.value, expected: wanted)
      if typed.type == .void {
        codes.append(
          fail(
            "a tuple element must have a value: the expression returns nothing", at: typed.position
          )
          .value)
        types.append(.any)
        continue
      }
      let type =
        wanted.flatMap { $0.accepts(typed.type) && $0 != .any ? $0 : nil }
        ?? Self.storedType(typed.type)
      types.append(type)
      codes.append(coerced(typed, to: type))
    }
    var labels = elements.map(\.label)
    if labels.allSatisfy({ $0 == nil }), let expectedLabels { labels = expectedLabels }
    let tupleLabels = labels
    return Typed(
      .tuple(types, labels: labels),
      .value { frame throws(EvaluationError) in
        var values: [Value] = []
        values.reserveCapacity(codes.count)
        for code in codes { values.append(try code(frame)) }
        return .tuple(values, labels: tupleLabels)
      }, at: position)
  }

  /// `t.0` or `t.x`, or nil when the receiver is not a tuple or has no such element.
  func tupleElement(_ receiver: Typed, _ name: String, at position: Position) -> Typed? {
    guard case .tuple(let types, let labels) = receiver.type else { return nil }
    guard let index = Int(name) ?? labels.firstIndex(of: name), types.indices.contains(index)
    else { return nil }
    let code = receiver.value
    let type = types[index]
    return Typed(
      type,
      .value { frame throws(EvaluationError) in
        guard case .tuple(let values, _) = try code(frame), values.indices.contains(index) else {
          throw EvaluationError("'.\(name)' needs a tuple", at: position)
        }
        return values[index]
      }, at: position
    ).retyped(type)
  }

  /// `t.0 = v`, `t.x += 1`, `pairs[i].0 = v`: one element of a tuple variable, changed in place.
  func tupleElementPlace(_ basePlace: Place, _ name: String, at position: Position) -> Place? {
    guard let read = tupleElement(basePlace.read, name, at: position),
      case .tuple(let types, let labels) = basePlace.type,
      let index = Int(name) ?? labels.firstIndex(of: name)
    else {
      report("value of type '\(basePlace.type)' has no member '\(name)'", at: position)
      return nil
    }
    return Place(
      type: types[index], read: read,
      modify: { frame, body throws(EvaluationError) in
        try basePlace.modify(frame) { value throws(EvaluationError) in
          guard case .tuple(var elements, let labels) = value, elements.indices.contains(index)
          else {
            throw EvaluationError("'.\(name)' needs a tuple", at: position)
          }
          value = .void  // uniquely referenced now: the element changes in place
          defer { value = .tuple(elements, labels: labels) }
          try body(&elements[index])
        }
      }, slot: nil)
  }

  /// `let (a, b) = value`: the tuple's elements bound to names (`_` skips one).
  func destructuring(isConstant: Bool, _ pattern: Pattern, _ value: Expression, at: Position)
    -> StatementCode
  {
    let typed = compile(value)
    var stores: [(index: [Int], store: (Frame, Value) -> Void)] = []
    func bind(_ pattern: Pattern, type: ValueType, path: [Int]) {
      switch pattern {
      case .wildcard: break
      case .binding(let name, _):
        stores.append((path, define(name, type: Self.storedType(type), isConstant: isConstant)))
      case .tuple(let elements, let patternAt):
        var types = [ValueType](repeating: .any, count: elements.count)
        if case .tuple(let elementTypes, _) = type {
          guard elementTypes.count == elements.count else {
            report(
              "a tuple pattern of \(elements.count) elements cannot match a value of type '\(type)'",
              at: patternAt)
            return
          }
          types = elementTypes
        } else if type != .any {
          report(
            "a tuple pattern cannot match a value of type '\(type)'", at: patternAt)
          return
        }
        for (index, element) in elements.enumerated() {
          bind(element, type: types[index], path: path + [index])
        }
      case .expression(let expression):
        report("only names and '_' can be bound here", at: expression.position)
      case .optional(_, let patternAt), .range(_, _, _, let patternAt):
        report("only names and '_' can be bound here", at: patternAt)
      }
    }
    bind(pattern, type: typed.type, path: [])
    let code = typed.value
    return { frame throws(EvaluationError) in
      let whole = try code(frame)
      for (path, store) in stores {
        var value = whole
        for index in path {
          guard case .tuple(let elements, _) = value, elements.indices.contains(index) else {
            throw EvaluationError(
              "cannot take apart a value of type '\(whole.type)' with this pattern", at: at)
          }
          value = elements[index]
        }
        store(frame, value)
      }
      return .next
    }
  }

  /// `xs.enumerated()` (also on a range): `(offset: Int, element: T)` pairs.
  func enumerated(_ receiver: Typed, element: ValueType, at position: Position) -> Typed {
    let code = receiver.value
    let labels: [String?] = ["offset", "element"]
    return Typed(
      .array(.tuple([.int, element], labels: labels)),
      .value { frame throws(EvaluationError) in
        let values = try Self.elements(of: try code(frame), at: position)
        return .array(
          values.enumerated().map { .tuple([.int($0.offset), $0.element], labels: labels) })
      }, at: position)
  }

  /// `zip(a, b)`: pairs up to the shorter sequence's length. Nil when `name` is not `zip`.
  func zipCall(_ name: String, _ arguments: [CallArgument], at position: Position) -> Typed? {
    guard name == "zip" else { return nil }
    let typed = arguments.map { compile($0.value) }
    guard typed.count == 2, arguments.allSatisfy({ $0.label == nil }) else {
      return fail("write 'zip(first, second)' with two sequences", at: position)
    }
    var elementTypes: [ValueType] = []
    for sequence in typed {
      guard let element = sequence.type.elementType, sequence.type != .object(.dataset) else {
        return fail(
          "'zip' needs arrays or ranges, not a value of type '\(sequence.type)'",
          at: sequence.position)
      }
      elementTypes.append(element)
    }
    let (first, second) = (typed[0].value, typed[1].value)
    let (firstAt, secondAt) = (typed[0].position, typed[1].position)
    return Typed(
      .array(.tuple(elementTypes, labels: [nil, nil])),
      .value { frame throws(EvaluationError) in
        let a = try Self.elements(of: try first(frame), at: firstAt)
        let b = try Self.elements(of: try second(frame), at: secondAt)
        return .array(Swift.zip(a, b).map { .tuple([$0, $1], labels: [nil, nil]) })
      }, at: position)
  }

  /// `Array(zip(a, b))`, `Array(0..<3)`: the sequence's elements as an array.
  func arrayOfSequence(_ argument: Expression, at position: Position) -> Typed {
    let typed = compile(argument)
    guard let element = typed.type.elementType, typed.type != .object(.dataset) else {
      return fail(
        "'Array(...)' needs an array, a range, a string or a set, not a value of type '\(typed.type)'",
        at: argument.position)
    }
    return sequenceAsArray(typed, element: element, at: position)
  }

  /// The elements of an array or a range, for the methods that treat both alike.
  static func elements(of value: Value, at position: Position) throws(EvaluationError) -> [Value] {
    switch value {
    case .array(let elements): return elements
    case .range(let range, _):
      guard range.count <= maximumElements else {
        throw EvaluationError(
          "a range of \(range.count) elements is beyond the limit of \(maximumElements)",
          at: position)
      }
      return range.map(Value.int)
    default:
      // A string's characters, a set's elements.
      if let elements = value.elements { return elements }
      throw EvaluationError("an array or a range is needed, not a '\(value.type)'", at: position)
    }
  }
}
