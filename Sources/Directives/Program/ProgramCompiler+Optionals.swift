/// Optionals: `nil`, `value!`, `value ?? fallback`, `value?.member`, and the `let` conditions of
/// `if`, `guard` and `while`. An optional value is `Value.optional`; a value is wrapped where an
/// optional is expected (see `Coercion`).
extension ProgramCompiler {
  /// `nil` takes the optional type the context expects; alone it is `Any?`, which a binding
  /// refuses ("'nil' requires a contextual type").
  func nilLiteral(expected: ValueType?, at position: Position) -> Typed {
    if case .optional? = expected, let expected {
      return .literal(.optional(nil), type: expected, at: position)
    }
    return .literal(.optional(nil), type: .optional(.any), at: position)
  }

  /// The type an optional wraps, `.any` for a value known only at run time, or nil for a value
  /// that is not optional.
  static func wrappedType(of typed: Typed) -> ValueType? {
    switch typed.type {
    case .optional(let wrapped): wrapped
    case .any: .any
    default: nil
    }
  }

  /// `value!`: the wrapped value, or an error at the `!` when it is nil.
  func forceUnwrap(_ operand: Expression, at bang: Position) -> Typed {
    forceUnwrap(compile(operand), at: bang)
  }

  func forceUnwrap(_ typed: Typed, at bang: Position) -> Typed {
    guard let wrapped = Self.wrappedType(of: typed) else {
      return fail("cannot force unwrap value of non-optional type '\(typed.type)'", at: bang)
    }
    let code = typed.value
    return Typed(
      wrapped,
      .value { frame throws(EvaluationError) in
        switch try code(frame) {
        case .optional(let value?): return value
        case .optional(nil):
          throw EvaluationError(
            "unexpectedly found nil while unwrapping an Optional value", at: bang)
        case let value: return value
        }
      }, at: bang
    ).retyped(wrapped)
  }

  /// `value ?? fallback`: the fallback is computed only when the value is nil.
  func nilCoalescing(
    _ left: Expression, _ right: Expression, expected: ValueType?, at position: Position,
    operatorAt: Position
  ) -> Typed {
    let optional = compile(left, expected: expected.map { .optional($0) })
    guard let wrapped = Self.wrappedType(of: optional) else {
      _ = compile(right)
      return fail(
        "left side of nil coalescing operator '??' has non-optional type '\(optional.type)', so the right side is never used",
        at: operatorAt)
    }
    let fallback = compile(right, expected: wrapped)
    let resultType: ValueType
    if case .optional = fallback.type, ValueType.optional(wrapped).accepts(fallback.type) {
      resultType = .optional(wrapped)
    } else if wrapped.accepts(fallback.type) {
      resultType = wrapped == .any ? Self.storedType(fallback.type) : wrapped
    } else {
      return fail(
        "cannot convert value of type '\(fallback.type)' to expected argument type '\(wrapped)'",
        at: right.position)
    }
    let optionalCode = optional.value
    let fallbackCode = coerced(fallback, to: resultType)
    return Typed(
      resultType,
      .value { frame throws(EvaluationError) in
        switch try optionalCode(frame) {
        case .optional(nil): return try fallbackCode(frame)
        case .optional(let value?): return value
        case let value: return value
        }
      }, at: position
    ).retyped(resultType)
  }

  /// `value?.member` and `value?.method(...)`: `rest` compiles the member on the unwrapped value
  /// (a hidden name in a block of its own); nil short-circuits the whole chain.
  func optionalChain(
    _ operand: Expression, at position: Position, _ rest: (Expression) -> Typed
  ) -> Typed {
    let optional = compile(operand)
    guard let wrapped = Self.wrappedType(of: optional) else {
      return fail(
        "cannot use optional chaining on non-optional value of type '\(optional.type)'",
        at: position)
    }
    scope.blocks.append([:])
    defer { scope.blocks.removeLast() }
    let name = "$chain\(operand.position.line)_\(operand.position.column)"
    let slot = scope.allocate()
    scope.blocks[scope.blocks.count - 1][name] = LocalName(
      slot: slot, type: wrapped, isConstant: true)
    let member = rest(Expression(kind: .name(name), position: operand.position))
    let isOptional: Bool
    if case .optional = member.type { isOptional = true } else { isOptional = false }
    let resultType: ValueType = isOptional ? member.type : .optional(member.type)
    let optionalCode = optional.value
    let memberCode = member.value
    return Typed(
      resultType,
      .value { frame throws(EvaluationError) in
        switch try optionalCode(frame) {
        case .optional(nil): return .optional(nil)
        case .optional(let value?): frame.slots[slot] = value
        case let value: frame.slots[slot] = value
        }
        let result = try memberCode(frame)
        if isOptional { return result }
        return .optional(result)
      }, at: position)
  }

  /// Whether `name` changes its receiver (`append`, or a mutating directive) on a `type` value.
  func isMutatingMethod(_ name: String, on type: ValueType?) -> Bool {
    guard let type else { return false }
    if case .array = type, Self.arrayEditingMethods.contains(name) { return true }
    if type == .string, name == "append" { return true }
    return table.member(named: name, on: type)?.isMutating == true
  }

  /// `let name = value` as a condition: true, with `name` bound in the current block, when the
  /// value is not nil. The caller opens the block the name belongs to.
  func optionalBinding(
    isConstant: Bool, name: String, value: Expression, at position: Position
  ) -> Typed {
    let typed = compile(value)
    guard let wrapped = Self.wrappedType(of: typed) else {
      _ = define(name, type: typed.type, isConstant: isConstant)
      return fail(
        "initializer for conditional binding must have Optional type, not '\(typed.type)'",
        at: value.position)
    }
    let store = define(name, type: Self.storedType(wrapped), isConstant: isConstant)
    let code = typed.value
    return Typed(
      .bool,
      .bool { frame throws(EvaluationError) in
        switch try code(frame) {
        case .optional(nil): return false
        case .optional(let inner?): store(frame, inner)
        case let inner: store(frame, inner)
        }
        return true
      }, at: position)
  }

  /// `Int("3")`, `Double("x")`: nil when the text is not a number, as in Swift.
  static func parsedNumber(_ text: String, as type: ValueType) -> Value {
    switch type {
    case .int: .optional(Int(text).map(Value.int))
    default: .optional(Double(text).map(Value.double))
    }
  }
}

extension ValueType {
  /// The type an optional wraps; other types as they are.
  var unwrapped: ValueType {
    if case .optional(let wrapped) = self { return wrapped }
    return self
  }

  /// The optional type that holds every one of `types` when some are optionals (`[nil, 4]`),
  /// or nil when there is none.
  static func optionalJoin(_ types: [ValueType]) -> ValueType? {
    guard types.contains(where: { if case .optional = $0 { true } else { false } }) else {
      return nil
    }
    let wrapped = types.map(\.unwrapped).filter { $0 != .any }
    guard let first = wrapped.first else { return nil }
    guard wrapped.allSatisfy({ $0 == first }) else { return nil }
    return .optional(first)
  }
}
