/// Expressions: literals, names, operators, conditionals and assignments, each compiled for the
/// types of its operands.
extension ProgramCompiler {
  func compile(_ expression: Expression, expected: ValueType? = nil) -> Typed {
    let at = expression.position
    switch expression.kind {
    case .integer(let value):
      if expected == .double { return .literal(.double(Double(value)), at: at) }
      return .literal(.int(value), at: at)
    case .floating(let value): return .literal(.double(value), at: at)
    case .string(let value): return .literal(.string(value), at: at)
    case .boolean(let value): return .literal(.bool(value), at: at)
    case .enumCase(let name): return enumCase(name, expected: expected, at: at)
    case .interpolation(let parts): return interpolation(parts, at: at)
    case .array(let elements):
      if case .set? = expected { return setLiteral(elements, expected: expected, at: at) }
      return array(elements, expected: expected, at: at)
    case .dictionary(let entries): return dictionaryLiteral(entries, expected: expected, at: at)
    case .name(let name):
      if let member = implicitSelf(name, at: at) { return compile(member, expected: expected) }
      if let resolved = lookup(name) {
        return read(resolved, at: at).following(anError: followsAnError(resolved, name))
      }
      if let function = operatorFunction(name, expected: expected, at: at)
        ?? directiveFunction(name, expected: expected, at: at)
      {
        return function
      }
      return unknownName(name, at: at)
    case .member(let base, let name, let namePosition):
      // `values.map(Double.init)`: a conversion named as a function.
      if name == "init", case .name(let typeName) = base.kind, lookup(typeName) == nil,
        let function = directiveFunction(typeName, expected: expected, at: at)
      {
        return function
      }
      return member(base, name, at: namePosition)
    case .call(let callee, let arguments):
      if case .member(let base, "random", let namePosition) = callee.kind,
        case .name(let typeName) = base.kind, ["Int", "Double", "Bool"].contains(typeName),
        lookup(typeName) == nil
      {
        return randomness("'\(typeName).random'", at: namePosition)
      }
      if case .name(let name) = callee.kind,
        ["Float", "Float32", "Float64", "CGFloat"].contains(name),
        lookup(name) == nil
      {
        arguments.forEach { _ = compile($0.value) }
        return fail(ValueType.floatMessage(name), at: callee.position)
      }
      return call(callee, arguments, expected: expected, at: at)
    case .initializer(let type, let arguments): return initializer(type, arguments, at: at)
    case .subscripted(let base, let arguments):
      return subscripted(base, arguments, at: at)
    case .binary(.and, let left, let right, _), .binary(.or, let left, let right, _):
      let isAnd: Bool
      if case .binary(.and, _, _, _) = expression.kind { isAnd = true } else { isAnd = false }
      let role = "operand of '\(isAnd ? "&&" : "||")'"
      let leftCode = condition(of: left, role: role)
      let rightCode = condition(of: right, role: role)
      if isAnd {
        return Typed(
          .bool,
          .bool { frame throws(EvaluationError) in
            guard try leftCode(frame) else { return false }
            return try rightCode(frame)
          },
          at: at)
      }
      return Typed(
        .bool,
        .bool { frame throws(EvaluationError) in
          if try leftCode(frame) { return true }
          return try rightCode(frame)
        },
        at: at)
    case .binary(let op, let left, let right, let operatorAt):
      let leftTyped = compile(left)
      let rightTyped = compile(right, expected: Self.literalContext(op, leftTyped.type))
      if let mixed = Self.mixedNumbers(op, (left, leftTyped.type), (right, rightTyped.type)) {
        return fail(mixed, at: operatorAt)
      }
      return binary(op, leftTyped, rightTyped, at: at, operatorAt: operatorAt)
    case .prefix(let op, let operand):
      return prefix(op, compile(operand, expected: expected), at: at)
    case .ternary(let condition, let then, let otherwise):
      let conditionTyped = self.conditionTyped(of: condition, role: "condition")
      let conditionCode = conditionTyped.bool
      let thenTyped = compile(then, expected: expected)
      let otherwiseTyped = compile(otherwise, expected: expected)
      var type: ValueType = .any
      if thenTyped.type == otherwiseTyped.type {
        type = thenTyped.type
      } else if [.int, .double].contains(thenTyped.type),
        [.int, .double].contains(otherwiseTyped.type)
      {
        type = .double
      } else if let joined = ValueType.optionalJoin([thenTyped.type, otherwiseTyped.type]) {
        type = joined  // `x > 0 ? x : nil` is an `Int?`
      }
      switch type {
      case .int:
        // A local on one side (`n < 2 ? n : ...`) is read in place.
        return intChoice(conditionTyped, thenTyped, otherwiseTyped, at: at)
      case .double:
        let (a, b) = (thenTyped.double, otherwiseTyped.double)
        return Typed(
          .double,
          .double { frame throws(EvaluationError) in
            try conditionCode(frame) ? try a(frame) : try b(frame)
          }, at: at)
      case .optional:
        let (a, b) = (coerced(thenTyped, to: type), coerced(otherwiseTyped, to: type))
        return Typed(
          type,
          .value { frame throws(EvaluationError) in
            try conditionCode(frame) ? try a(frame) : try b(frame)
          }, at: at)
      default:
        let (a, b) = (thenTyped.value, otherwiseTyped.value)
        return Typed(
          type,
          .value { frame throws(EvaluationError) in
            try conditionCode(frame) ? try a(frame) : try b(frame)
          }, at: at)
      }
    case .assignment(let target, let op, let value):
      return assignment(target, op, value, at: at)
    case .closure(let closure):
      return self.closure(closure, expected: expected, at: at)
    case .nilLiteral: return nilLiteral(expected: expected, at: at)
    case .forceUnwrap(let operand, let bang): return forceUnwrap(operand, at: bang)
    case .nilCoalescing(let left, let right, let operatorAt):
      return nilCoalescing(left, right, expected: expected, at: at, operatorAt: operatorAt)
    case .optionalChain:
      return fail("'?' must be followed by a member: write 'value?.count'", at: at)
    case .optionalBinding(let isConstant, let name, let value):
      return optionalBinding(isConstant: isConstant, name: name, value: value, at: at)
    case .tuple(let elements): return tuple(elements, expected: expected, at: at)
    case .caseCondition(let pattern, let value): return caseCondition(pattern, value, at: at)
    }
  }

  func enumCase(_ name: String, expected: ValueType?, at position: Position) -> Typed {
    let candidates: [EnumerationType]
    switch expected {
    case .enumeration(let enumeration)?: candidates = [enumeration]
    case .oneOf(let types)?:
      candidates = types.compactMap { if case .enumeration(let e) = $0 { e } else { nil } }
    default: candidates = []
    }
    guard let enumeration = candidates.first else {
      return .literal(
        .enumCase(name, of: EnumerationType.anyCase),
        type: .enumeration(EnumerationType(name: EnumerationType.anyCase, cases: [])),
        at: position)
    }
    if let match = candidates.first(where: { $0.cases.contains(name) }) {
      return .literal(match.value(name), type: .enumeration(match), at: position)
    }
    return fail(EnumerationType.unknownCaseMessage(name, in: enumeration), at: position)
  }

  func interpolation(_ parts: [InterpolationPart], at position: Position) -> Typed {
    let codes: [ValueCode] = parts.map { part in
      switch part {
      case .text(let text): return { _ in .string(text) }
      case .expression(let inner): return compile(inner).value
      }
    }
    let control = self.control
    return Typed(
      .string,
      .value { frame throws(EvaluationError) in
        var text = ""
        for code in codes {
          let value = try code(frame)
          let piece: String
          if case .string(let string) = value { piece = string } else { piece = value.description }
          try ValueLimits.checkString(
            bytes: text.utf8.count + piece.utf8.count, limit: control.valueLimit, at: position)
          text += piece
        }
        return .string(text)
      }, at: position)
  }

  func array(_ elements: [Expression], expected: ValueType?, at position: Position) -> Typed {
    var expectedElement: ValueType?
    if case .array(let element)? = expected { expectedElement = element }
    var compiled: [Typed?] = []
    for element in elements {
      // `[[1, 2], []]`: an empty literal takes its siblings' type (compiled below).
      if expectedElement == nil, Self.isEmptyCollectionLiteral(element) {
        compiled.append(nil)
        continue
      }
      // `[Activation.relu, .tanh]`: the first element's enumeration names the bare cases.
      var wanted = expectedElement
      if wanted == nil,
        case .enumeration(let enumeration)? = compiled.lazy.compactMap({ $0 }).first?.type,
        enumeration.name != EnumerationType.anyCase
      {
        wanted = .enumeration(enumeration)
      }
      compiled.append(compile(element, expected: wanted))
    }
    let sibling = compiled.lazy.compactMap { $0?.type }.first { type in
      switch type {
      case .array, .dictionary, .set: true
      default: false
      }
    }
    let typed = zip(elements, compiled).map { element, typed in
      typed ?? compile(element, expected: sibling)
    }
    var elementType: ValueType
    if let first = typed.first {
      if typed.allSatisfy({ $0.type == first.type }) {
        elementType = Self.storedType(first.type)
      } else if typed.allSatisfy({ [.int, .double].contains($0.type) }) {
        elementType = .double
      } else if let optional = ValueType.optionalJoin(typed.map(\.type)) {
        elementType = optional  // `[nil, 4]` is an `[Int?]`
      } else {
        elementType = .any
      }
    } else {
      elementType = expectedElement ?? .any
    }
    if let expectedElement, expectedElement != .any, expectedElement.accepts(elementType) {
      elementType = expectedElement
    }
    let isDynamic = typed.contains { $0.type == .any }
    let codes = typed.map {
      switch elementType {
      case .double: Typed($0.type, .double($0.double), at: $0.position).value
      case .optional: coerced($0, to: elementType)
      default: $0.value
      }
    }
    return Typed(
      .array(elementType),
      .value { frame throws(EvaluationError) in
        var values: [Value] = []
        values.reserveCapacity(codes.count)
        for code in codes { values.append(try code(frame)) }
        return .array(isDynamic ? Coercion.homogeneous(values) : values)
      }, at: position)
  }

  /// `+`, `<` ... used as a function value, as in `reduce(0, +)`.
  /// Swift's message when an Int that is not a literal meets a Double (`n * 0.5`), or nil:
  /// a literal takes the other side's type (`2 * x`), a variable does not.
  static func mixedNumbers(
    _ op: BinaryOperator, _ left: (Expression, ValueType), _ right: (Expression, ValueType),
    compound: Bool = false
  ) -> String? {
    let intSide: Expression
    switch (left.1, right.1) {
    case (.int, .double): intSide = left.0
    case (.double, .int): intSide = right.0
    default: return nil
    }
    guard !intSide.isNumberLiteral else { return nil }
    let written = intSide.spelledName ?? "..."
    // `total += x` with `var total = 0`: the variable should have been a Double.
    let fix =
      compound && left.1 == .int
      ? "declare '\(written)' a Double ('var \(written) = 0.0')"
      : "convert the Int: 'Double(\(written))'"
    return
      "binary operator '\(op.rawValue)\(compound ? "=" : "")' cannot be applied to operands of type '\(left.1)' and '\(right.1)'; \(fix)"
  }

  /// `Int.random(in:)`, `xs.shuffled()` ...: refused, with the way a notebook draws numbers.
  func randomness(_ what: String, at position: Position) -> Typed {
    fail(
      "\(what) is not in the language: a report shows the same numbers on every run; the directives that draw numbers take a 'seed:' (network(..., seed: 1), train(..., shuffleSeed: 2))",
      at: position)
  }

  /// A directive named where a function is expected (`values.map(sqrt)`, `Double.init`): the
  /// closure that calls it with the function's parameters, `{ sqrt($0) }`.
  func directiveFunction(_ name: String, expected: ValueType?, at position: Position) -> Typed? {
    guard case .function(let parameters, _)? = expected, !parameters.isEmpty,
      table.function(named: name, labels: parameters.map { _ in nil }) != nil
    else { return nil }
    let names = parameters.indices.map { "$\($0)" }
    let call = Expression(
      kind: .call(
        callee: Expression(kind: .name(name), position: position),
        arguments: names.map { parameter in
          CallArgument(
            label: nil, labelPosition: position,
            value: Expression(kind: .name(parameter), position: position))
        }),
      position: position)
    let closure = ClosureExpression(
      parameters: names.map {
        FunctionParameter(label: nil, name: $0, type: nil, defaultValue: nil, position: position)
      },
      resultType: nil, body: [Statement(kind: .expression(call), position: position)],
      usesShorthand: true)
    return compile(Expression(kind: .closure(closure), position: position), expected: expected)
  }

  func operatorFunction(_ name: String, expected: ValueType?, at position: Position) -> Typed? {
    guard let op = BinaryOperator(rawValue: name), op != .and, op != .or else { return nil }
    var left: ValueType = .any
    var right: ValueType = .any
    if case .function(let parameters, _)? = expected, parameters.count == 2 {
      left = parameters[0]
      right = parameters[1]
    }
    guard let result = Operators.resultType(op, left, right) else {
      return fail(Operators.mismatch(op, left, right), at: position)
    }
    let code = FunctionCode(
      name: name,
      parameters: [Parameter(nil, name: "lhs", left), Parameter(nil, name: "rhs", right)],
      resultType: result, defaults: [nil, nil], position: position)
    code.slotCount = 2
    let control = self.control
    code.body = { frame throws(EvaluationError) in
      frame.result = try Operators.apply(
        op, frame.slots[0], frame.slots[1], limit: control.valueLimit, at: position)
      return .returned
    }
    // On numbers, the operation unboxed (`reduce(0, +)` over Doubles).
    if [.int, .double].contains(left), [.int, .double].contains(right) {
      let operands = [left, right].enumerated().map { slot, type in
        read(.local(depth: 0, LocalName(slot: slot, type: type, isConstant: true)), at: position)
      }
      code.expression =
        binary(op, operands[0], operands[1], at: position, operatorAt: position)
        .code
    }
    let value = Value.function(FunctionValue(code: code, context: nil, control: control))
    return .literal(value, type: code.type, at: position)
  }

  func prefix(_ op: PrefixOperator, _ operand: Typed, at position: Position) -> Typed {
    guard let result = Operators.resultType(op, operand.type) else {
      return fail(
        "unary operator '\(op.rawValue)' cannot be applied to an operand of type '\(operand.type)'",
        at: position)
    }
    switch (op, operand.type) {
    case (.negate, .int):
      let code = operand.int
      return Typed(
        .int,
        .int { frame throws(EvaluationError) in
          let value = try code(frame)
          guard value != Int.min else {
            throw EvaluationError("arithmetic overflow negating \(value)", at: position)
          }
          return -value
        }, at: position)
    case (.negate, .double):
      let code = operand.double
      return Typed(
        .double, .double { frame throws(EvaluationError) in -(try code(frame)) }, at: position)
    case (.not, .bool):
      let code = operand.bool
      return Typed(
        .bool, .bool { frame throws(EvaluationError) in !(try code(frame)) }, at: position)
    default:
      let code = operand.value
      return Typed(
        result,
        .value { frame throws(EvaluationError) in
          try Operators.apply(op, try code(frame), at: position)
        }, at: position
      ).retyped(result)
    }
  }
}

extension Expression {
  /// `n` or `xs.count` as written, for a message; nil for other expressions.
  var spelledName: String? {
    switch kind {
    case .name(let name): name
    case .member(let base, let name, _): base.spelledName.map { "\($0).\(name)" }
    default: nil
    }
  }

  /// Whether the expression is made of number literals only (`2`, `-1`, `(3 + 4) * 2`), so
  /// Swift types it from its context.
  var isNumberLiteral: Bool {
    switch kind {
    case .integer, .floating: true
    case .prefix(_, let operand): operand.isNumberLiteral
    case .binary(_, let left, let right, _): left.isNumberLiteral && right.isNumberLiteral
    default: false
    }
  }
}
