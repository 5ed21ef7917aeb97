/// Dictionaries and sets: literals, `d[k, default: v]` read and changed in place, and the
/// methods that change them (`removeValue(forKey:)`, `insert`, `remove`) without copying.
extension ProgramCompiler {
  /// `["a": 1, "b": 2]` or `[:]`: key and value types from the context, else from the entries.
  func dictionaryLiteral(_ entries: [DictionaryEntry], expected: ValueType?, at position: Position)
    -> Typed
  {
    var expectedKey: ValueType?
    var expectedValue: ValueType?
    if case .dictionary(let key, let value)? = expected {
      (expectedKey, expectedValue) = (key, value)
    }
    let keys = entries.map { compile($0.key, expected: expectedKey) }
    let values = entries.map { compile($0.value, expected: expectedValue) }
    guard !entries.isEmpty || expectedKey != nil else {
      return fail(
        "an empty dictionary needs a type: write 'var name: [String: Int] = [:]'", at: position)
    }
    let keyType = expectedKey ?? Self.commonType(keys)
    let valueType = expectedValue ?? Self.commonType(values)
    guard HashKey.isHashable(keyType) else {
      return fail(
        "a dictionary key is an Int, Double, String or Bool, not '\(keyType)'", at: position)
    }
    let checked = keys.map { ($0, keyType) } + values.map { ($0, valueType) }
    for (typed, type) in checked where !type.accepts(typed.type) {
      return fail(
        "cannot convert value of type '\(typed.type)' to expected dictionary type '\(type)'",
        at: typed.position)
    }
    let keyCodes = keys.map { coerced($0, to: keyType) }
    let valueCodes = values.map { coerced($0, to: valueType) }
    let keyPositions = keys.map(\.position)
    return Typed(
      .dictionary(keyType, valueType),
      .value { frame throws(EvaluationError) in
        var dictionary = DictionaryValue()
        for index in keyCodes.indices {
          let key = try keyCodes[index](frame)
          let hash = try Self.hashKey(key, at: keyPositions[index])
          guard dictionary[hash] == nil else {
            throw EvaluationError(
              "the dictionary literal has the key \(key.debugText) twice", at: keyPositions[index])
          }
          dictionary.update(key, hash: hash, initial: try valueCodes[index](frame)) { _ in }
        }
        return .dictionary(dictionary)
      }, at: position)
  }

  /// `let s: Set<Int> = [1, 2]`: an array literal where a set is expected.
  func setLiteral(_ elements: [Expression], expected: ValueType?, at position: Position) -> Typed {
    guard case .set(let elementType)? = expected else {
      return array(elements, expected: expected, at: position)
    }
    let array = self.array(elements, expected: .array(elementType), at: position)
    guard ValueType.array(elementType).accepts(array.type) else {
      return fail(
        "cannot convert value of type '\(array.type)' to specified type 'Set<\(elementType)>'",
        at: position)
    }
    let code = coerced(array, to: .array(elementType))
    return Typed(
      .set(elementType),
      .value { frame throws(EvaluationError) in
        guard case .array(let values) = try code(frame) else {
          throw EvaluationError("a set literal needs elements", at: position)
        }
        return .set(try Self.set(of: values, at: position))
      }, at: position)
  }

  /// `Set(values)`: the distinct elements of an array, a range or a string, first ones first.
  func setConversion(_ arguments: [CallArgument], at position: Position) -> Typed {
    guard arguments.count == 1, arguments[0].label == nil else {
      arguments.forEach { _ = compile($0.value) }
      return fail("write 'Set(values)' or 'let name: Set<Int> = [...]'", at: position)
    }
    let typed = compile(arguments[0].value)
    let at = arguments[0].value.position
    guard let element = typed.type.elementType, HashKey.isHashable(element) else {
      return fail("cannot make a set from a value of type '\(typed.type)'", at: at)
    }
    let code = typed.value
    return Typed(
      .set(element),
      .value { frame throws(EvaluationError) in
        let value = try code(frame)
        guard let elements = value.elements else {
          throw EvaluationError("cannot make a set from a value of type '\(value.type)'", at: at)
        }
        return .set(try Self.set(of: elements, at: at))
      }, at: position)
  }

  /// `s == [1, 2]`, `d != [:]`: the literal on the right is a set or dictionary like the left.
  static func literalContext(_ op: BinaryOperator, _ left: ValueType) -> ValueType? {
    guard op == .equal || op == .notEqual else { return nil }
    switch left {
    case .set, .dictionary: return left
    default: return nil
    }
  }

  static func set(of values: [Value], at position: Position) throws(EvaluationError) -> SetValue {
    var set = SetValue()
    for value in values { set.insert(value, hash: try hashKey(value, at: position)) }
    return set
  }

  static func hashKey(_ value: Value, at position: Position) throws(EvaluationError) -> HashKey {
    guard let hash = HashKey(value) else {
      throw EvaluationError(
        "a value of type '\(value.type)' cannot be a dictionary key or set element", at: position)
    }
    return hash
  }

  /// The type literal elements share: one type, or Double for Ints mixed with Doubles.
  static func commonType(_ typed: [Typed]) -> ValueType {
    guard let first = typed.first else { return .any }
    if typed.allSatisfy({ $0.type == first.type }) { return storedType(first.type) }
    if typed.allSatisfy({ [.int, .double].contains($0.type) }) { return .double }
    return .any
  }

  /// The key argument of `d[key]` compiled for the key type, as code giving the key and its hash.
  private func keyCode(_ argument: Expression, keyType: ValueType)
    -> ((Frame) throws(EvaluationError) -> (Value, HashKey))?
  {
    let typed = compile(argument, expected: keyType)
    guard keyType.accepts(typed.type) else {
      report(
        "cannot convert value of type '\(typed.type)' to expected argument type '\(keyType)'",
        at: argument.position)
      return nil
    }
    let code = coerced(typed, to: keyType)
    let at = argument.position
    return { frame throws(EvaluationError) in
      let key = try code(frame)
      return (key, try Self.hashKey(key, at: at))
    }
  }

  /// The `default:` of `d[key, default: value]`, or nil when the subscript has none.
  private func keyedArguments(
    _ arguments: [CallArgument], valueType: ValueType, at position: Position
  )
    -> (key: Expression, fallback: ValueCode?)?
  {
    switch arguments.map(\.label) {
    case [nil]: return (arguments[0].value, nil)
    case [nil, "default"]:
      let typed = compile(arguments[1].value, expected: valueType)
      guard valueType.accepts(typed.type) else {
        report(
          "cannot convert value of type '\(typed.type)' to expected argument type '\(valueType)'",
          at: arguments[1].value.position)
        return nil
      }
      return (arguments[0].value, coerced(typed, to: valueType))
    default:
      report("a dictionary is subscripted as 'd[key]' or 'd[key, default: value]'", at: position)
      return nil
    }
  }

  /// `d[key]` (an optional: nil when the key is absent) or `d[key, default: value]`.
  func dictionarySubscript(
    _ receiver: Typed, _ arguments: [CallArgument], at position: Position
  ) -> Typed {
    guard case .dictionary(let keyType, let valueType) = receiver.type else {
      return fail("only a dictionary is subscripted with a key", at: position)
    }
    guard
      let (keyExpression, fallback) = keyedArguments(arguments, valueType: valueType, at: position),
      let key = keyCode(keyExpression, keyType: keyType)
    else { return .failing(EvaluationError("the subscript is wrong", at: position)) }
    return Self.entry(of: receiver.value, key, fallback, valueType, at: position)
  }

  /// The value for a key, or the fallback's; an optional without a fallback.
  private static func entry(
    of receiverCode: @escaping ValueCode,
    _ key: @escaping (Frame) throws(EvaluationError) -> (Value, HashKey),
    _ fallback: ValueCode?, _ valueType: ValueType, at position: Position
  ) -> Typed {
    let type = fallback == nil ? .optional(valueType) : valueType
    return Typed(
      type,
      .value { frame throws(EvaluationError) in
        guard case .dictionary(let dictionary) = try receiverCode(frame) else {
          throw EvaluationError("only a dictionary is subscripted with a key", at: position)
        }
        let (_, hash) = try key(frame)
        guard let fallback else { return .optional(dictionary[hash]) }
        if let value = dictionary[hash] { return value }
        return try fallback(frame)
      }, at: position
    ).retyped(type)
  }

  /// `d[key] = value` (`= nil` removes the key), `d[key, default: 0] += 1`,
  /// `d[key, default: []].append(x)`: the entry changed in place (added when new).
  func dictionaryElementPlace(
    _ basePlace: Place, _ base: Expression, _ arguments: [CallArgument], target: Expression
  ) -> Place? {
    guard case .dictionary(let keyType, let valueType) = basePlace.type,
      let (keyExpression, fallback) = keyedArguments(
        arguments, valueType: valueType, at: target.position),
      let key = keyCode(keyExpression, keyType: keyType)
    else { return nil }
    let at = target.position
    let read = Self.entry(of: basePlace.read.value, key, fallback, valueType, at: at)
    let control = self.control
    return Place(
      type: read.type, read: read,
      modify: { frame, body throws(EvaluationError) in
        let (keyValue, hash) = try key(frame)
        let initial = try fallback?(frame)
        try basePlace.modify(frame) { value throws(EvaluationError) in
          guard case .dictionary(var dictionary) = value else {
            throw EvaluationError("only an entry of a dictionary can be assigned here", at: at)
          }
          value = .void  // the dictionary is now uniquely referenced: changed in place
          defer { value = .dictionary(dictionary) }
          if dictionary[hash] == nil {
            try ValueLimits.checkEntries(
              dictionary.count + 1, of: "a dictionary", limit: control.valueLimit, at: at)
          }
          if let initial {
            try dictionary.update(keyValue, hash: hash, initial: initial, body)
            return
          }
          // Without a default the entry is an optional: nil removes it.
          var entry = Value.optional(dictionary[hash])
          try body(&entry)
          if case .optional(let newValue) = entry {
            guard let newValue else {
              dictionary.remove(hash)
              return
            }
            entry = newValue
          }
          dictionary.update(keyValue, hash: hash, initial: entry) { $0 = entry }
        }
      }, slot: nil)
  }

  /// `d.removeValue(forKey:)` and `s.remove(x)` (the removed value, an optional), `s.insert(x)`
  /// (`(inserted: Bool, memberAfterInsert: T)`), changed in place.
  func keyedMutatingMethod(
    _ base: Expression, _ receiver: Typed, _ name: String, _ arguments: [CallArgument],
    at position: Position
  ) -> Typed? {
    let keyType: ValueType
    let result: ValueType
    switch (receiver.type, name, arguments.map(\.label)) {
    case (.dictionary(let key, let value), "removeValue", ["forKey"]):
      (keyType, result) = (key, .optional(value))
    case (.set(let element), "remove", [nil]): (keyType, result) = (element, .optional(element))
    case (.set(let element), "insert", [nil]):
      (keyType, result) = (element, .tuple([.bool, element], labels: Self.insertionLabels))
    default: return nil
    }
    guard let place = place(base, mutatingMember: name, at: position),
      let key = keyCode(arguments[0].value, keyType: keyType)
    else { return .failing(EvaluationError("'\(name)' cannot change this value", at: position)) }
    let isInsert = name == "insert"
    let control = self.control
    return Typed(
      result,
      .value { frame throws(EvaluationError) in
        let (keyValue, hash) = try key(frame)
        var outcome = Value.void
        try place.modify(frame) { value throws(EvaluationError) in
          // `if case` rather than `switch`: a switch keeps its subject alive, so the storage
          // would not be unique and every change would copy it.
          if case .dictionary(var dictionary) = value {
            value = .void
            outcome = .optional(dictionary.remove(hash))
            value = .dictionary(dictionary)
            return
          }
          guard case .set(var set) = value else {
            throw EvaluationError("'\(name)' needs a dictionary or a set", at: position)
          }
          value = .void
          if isInsert {
            if !set.contains(hash) {
              do throws(EvaluationError) {
                try ValueLimits.checkEntries(
                  set.count + 1, of: "a set", limit: control.valueLimit, at: position)
              } catch {
                value = .set(set)
                throw error
              }
            }
            let inserted = set.insert(keyValue, hash: hash)
            outcome = .tuple(
              [.bool(inserted), set.member(hash) ?? keyValue], labels: Self.insertionLabels)
          } else {
            outcome = .optional(set.remove(hash))
          }
          value = .set(set)
        }
        return outcome
      }, at: position
    ).retyped(result)
  }

  /// The methods a dictionary answers as the array of its `(key:, value:)` pairs, in order.
  static let pairCollectionMethods: Set<String> = [
    "map", "reduce", "forEach", "contains", "allSatisfy", "sorted", "min", "max", "first",
  ]

  /// A dictionary's entries as an array of `(key: K, value: V)` tuples.
  func pairsAsArray(_ receiver: Typed) -> Typed {
    guard let pair = receiver.type.elementType else { return receiver }
    return sequenceAsArray(receiver, element: pair)
  }

  static let insertionLabels: [String?] = ["inserted", "memberAfterInsert"]
}
