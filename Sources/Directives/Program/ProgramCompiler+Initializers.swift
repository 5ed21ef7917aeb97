/// Initializers written with a type: `[Int]()`, `Set<String>()`, `[String: Double]()`,
/// `[Double](repeating: 0, count: n)`, `Set<Int>(values)`; and `String(describing:)`,
/// `String(repeating:count:)`, `Dictionary(grouping:by:)`, `Dictionary(uniqueKeysWithValues:)`.
extension ProgramCompiler {
  /// `Type(arguments)` for a collection type: empty without arguments, else what
  /// `Array(...)`, `Set(...)` or `Dictionary(...)` make, converted to the type.
  func initializer(_ typeName: String, _ arguments: [CallArgument], at position: Position)
    -> Typed
  {
    let type: ValueType
    do throws(EvaluationError) {
      type = try typeNamed(typeName, at: position)
    } catch {
      arguments.forEach { _ = compile($0.value) }
      report(error)
      return .failing(error)
    }
    let kind: (name: String, empty: Value)
    switch type {
    case .array: kind = ("Array", .array([]))
    case .set: kind = ("Set", .set(SetValue()))
    case .dictionary: kind = ("Dictionary", .dictionary(DictionaryValue()))
    default:
      arguments.forEach { _ = compile($0.value) }
      return fail("'\(typeName)(...)' is not an initializer the language has", at: position)
    }
    if arguments.isEmpty { return .literal(kind.empty, type: type, at: position) }
    guard let made = construct(kind.name, arguments, at: position) else {
      arguments.forEach { _ = compile($0.value) }
      return fail(
        "write '\(typeName)()' for an empty \(kind.name.lowercased()), or '\(kind.name)(...)'",
        at: position)
    }
    guard type.accepts(made.type) else {
      return fail(
        "cannot convert value of type '\(made.type)' to '\(typeName)'", at: position)
    }
    return Typed(type, .value(coerced(made, to: type)), at: position).retyped(type)
  }

  /// `String(describing: value)`: the text `print` shows for the value.
  func stringDescribing(_ arguments: [CallArgument], at position: Position) -> Typed {
    let typed = compile(arguments[0].value)
    let code = typed.value
    return Typed(
      .string,
      .value { frame throws(EvaluationError) in .string(try code(frame).description) },
      at: position)
  }

  /// `String(repeating: "-", count: n)`.
  func stringRepeating(_ arguments: [CallArgument], at position: Position) -> Typed {
    let piece = compile(arguments[0].value, expected: .string)
    let count = compile(arguments[1].value, expected: .int)
    for (typed, type) in [(piece, ValueType.string), (count, .int)] where !type.accepts(typed.type)
    {
      return fail(
        "cannot convert value of type '\(typed.type)' to expected argument type '\(type)'",
        at: typed.position)
    }
    let pieceCode = piece.value
    let countCode = count.int
    let countAt = count.position
    let control = self.control
    return Typed(
      .string,
      .value { frame throws(EvaluationError) in
        guard case .string(let text) = try pieceCode(frame) else {
          throw EvaluationError("'repeating:' needs a String", at: position)
        }
        let times = try countCode(frame)
        guard times >= 0 else {
          throw EvaluationError("'count' must be at least 0, got \(times)", at: countAt)
        }
        let (bytes, overflow) = times.multipliedReportingOverflow(by: text.utf8.count)
        try ValueLimits.checkString(
          bytes: overflow ? Int.max : bytes, limit: control.valueLimit, at: countAt)
        return .string(String(repeating: text, count: times))
      }, at: position)
  }

  /// `Dictionary(uniqueKeysWithValues: zip(keys, values))`: a key given twice is an error.
  func dictionaryOfPairs(_ argument: Expression, at position: Position) -> Typed {
    let sequence = compile(argument)
    guard case .tuple(let types, _)? = sequence.type.elementType, types.count == 2,
      sequence.type != .object(.dataset)
    else {
      return fail(
        "'Dictionary(uniqueKeysWithValues:)' needs pairs (key, value), as 'zip(keys, values)' gives, not a value of type '\(sequence.type)'",
        at: argument.position)
    }
    guard HashKey.isHashable(types[0]) else {
      return fail(
        "a dictionary key is an Int, Double, String or Bool, not '\(types[0])'",
        at: argument.position)
    }
    let code = sequence.value
    let at = argument.position
    return Typed(
      .dictionary(types[0], types[1]),
      .value { frame throws(EvaluationError) in
        var dictionary = DictionaryValue()
        for pair in try Self.elements(of: try code(frame), at: at) {
          guard case .tuple(let parts, _) = pair, parts.count == 2 else { continue }
          let hash = try Self.hashKey(parts[0], at: at)
          guard dictionary[hash] == nil else {
            throw EvaluationError("the key \(parts[0].debugText) is given twice", at: at)
          }
          dictionary.update(parts[0], hash: hash, initial: parts[1]) { _ in }
        }
        return .dictionary(dictionary)
      }, at: position)
  }

  /// `Dictionary(grouping: values, by: { key })`: the values under the keys the closure gives,
  /// keys and each key's values in the order first met.
  func dictionaryGrouping(_ arguments: [CallArgument], at position: Position) -> Typed {
    let sequence = compile(arguments[0].value)
    guard let element = sequence.type.elementType, sequence.type != .object(.dataset) else {
      _ = compile(arguments[1].value)
      return fail(
        "'Dictionary(grouping:by:)' needs an array, a range or a set, not a value of type '\(sequence.type)'",
        at: arguments[0].value.position)
    }
    let keyOf = closureArgument(arguments[1].value, of: "Dictionary(grouping:by:)", [element], .any)
    guard case .function(_, let key) = keyOf.type else { return keyOf }
    guard HashKey.isHashable(key) else {
      return fail(
        "a dictionary key is an Int, Double, String or Bool, not '\(key)'", at: keyOf.position)
    }
    let sequenceCode = sequence.value
    let sequenceAt = sequence.position
    let keyCode = keyOf.value
    let control = self.control
    return Typed(
      .dictionary(key, .array(element)),
      .value { frame throws(EvaluationError) in
        let values = try Self.elements(of: try sequenceCode(frame), at: sequenceAt)
        let call = try FunctionCaller(try keyCode(frame), control: control, at: position)
        var groups = DictionaryValue()
        for value in values {
          let key = try call.one(value)
          let hash = try Self.hashKey(key, at: position)
          groups.update(key, hash: hash, initial: .array([])) { group in
            guard case .array(var members) = group else { return }
            group = .void  // uniquely referenced now: appending does not copy
            members.append(value)
            group = .array(members)
          }
        }
        return .dictionary(groups)
      }, at: position)
  }
}
