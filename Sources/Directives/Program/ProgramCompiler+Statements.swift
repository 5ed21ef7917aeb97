/// Statements: bindings, loops, conditionals, jumps and `func` declarations.
extension ProgramCompiler {
  func compile(_ statement: Statement) -> StatementCode {
    let at = statement.position
    switch statement.kind {
    case .expression(let expression):
      let typed = compile(expression)
      if let statement = typed.statement { return statement }
      let code = typed.value
      return { frame throws(EvaluationError) in
        _ = try code(frame)
        return .next
      }
    case .binding(let isConstant, let name, let typeName, let initial):
      return binding(isConstant: isConstant, name: name, typeName: typeName, initial, at: at)
    case .forIn(let name, let sequence, let filter, let body):
      return forIn(name, sequence, filter: filter, body: body, at: at)
    case .ifElse(let conditions, let then, let otherwise):
      // Names bound by `if let` live in a block around the `then` branch.
      scope.blocks.append([:])
      let condition = self.conditions(conditions)
      let thenCode = compileBlock(then)
      scope.blocks.removeLast()
      guard let otherwise else {
        return { frame throws(EvaluationError) in
          try condition(frame) ? try thenCode(frame) : .next
        }
      }
      let otherwiseCode = compileBlock(otherwise)
      return { frame throws(EvaluationError) in
        try condition(frame) ? try thenCode(frame) : try otherwiseCode(frame)
      }
    case .whileLoop(let conditions, let body):
      scope.blocks.append([:])
      let condition = self.conditions(conditions)
      let bodyCode = perIterationLoopBody(body)
      scope.blocks.removeLast()
      let control = self.control
      return { frame throws(EvaluationError) in
        while try condition(frame) {
          try control.tick(at: at)
          switch try bodyCode(frame) {
          case .breakLoop: return .next
          case .returned: return .returned
          case .next, .continueLoop: continue
          }
        }
        return .next
      }
    case .repeatWhile(let body, let conditionExpression):
      let bodyCode = perIterationLoopBody(body)
      let condition = self.conditions([conditionExpression])
      let control = self.control
      return { frame throws(EvaluationError) in
        repeat {
          try control.tick(at: at)
          switch try bodyCode(frame) {
          case .breakLoop: return .next
          case .returned: return .returned
          case .next, .continueLoop: break
          }
        } while try condition(frame)
        return .next
      }
    case .guardElse(let conditions, let otherwise):
      // The `else` is compiled first: names a `guard let` binds are not visible in it.
      let otherwiseCode = compileBlock(otherwise)
      let condition = self.conditions(conditions)
      if !Self.leavesScope(otherwise) {
        report(
          EvaluationError(
            "the 'else' of a 'guard' must leave the scope: end it with 'return', 'break' or 'continue'",
            at: at))
      }
      return { frame throws(EvaluationError) in
        if try condition(frame) { return .next }
        let flow = try otherwiseCode(frame)
        guard case .next = flow else { return flow }
        throw EvaluationError("the 'else' of this 'guard' did not leave the scope", at: at)
      }
    case .breakLoop, .continueLoop:
      let isBreak: Bool
      if case .breakLoop = statement.kind { isBreak = true } else { isBreak = false }
      if scope.loopDepth == 0, !isBreak || scope.switchDepth == 0 {
        report(
          EvaluationError(
            isBreak
              ? "'break' is only allowed inside a loop or a 'switch'"
              : "'continue' is only allowed inside a loop", at: at))
      }
      return isBreak ? { _ in .breakLoop } : { _ in .continueLoop }
    case .returnValue(let value):
      return returnStatement(value, at: at)
    case .structure(let declaration):
      return structDeclaration(declaration, at: at)
    case .function(let declaration):
      // Its value was made when the block was entered (see `hoistFunctions`).
      functionDeclaration(declaration, at: at)
      return { _ in .next }
    case .destructuring(let isConstant, let pattern, let value):
      return destructuring(isConstant: isConstant, pattern, value, at: at)
    case .switchCases(let subject, let cases):
      return switchStatement(subject, cases, at: at)
    }
  }

  /// All conditions of an `if`, `while` or `guard`, each a Bool.
  func conditions(_ expressions: [Expression]) -> BoolCode {
    // Compiled in a loop, not with `map`: an array of closures would hand each back through
    // conversion thunks (see `StatementStep`).
    var tests: [ConditionTest] = []
    for expression in expressions {
      tests.append(ConditionTest(run: condition(of: expression, role: "condition")))
    }
    switch tests.count {
    case 1: return tests[0].run
    default:
      return { frame throws(EvaluationError) in
        for test in tests where !(try test.run(frame)) { return false }
        return true
      }
    }
  }

  /// One condition of a list (see `StatementStep`).
  struct ConditionTest {
    let run: BoolCode
  }

  func condition(of expression: Expression, role: String) -> BoolCode {
    conditionTyped(of: expression, role: role).bool
  }

  /// The condition compiled, with its shape for the fused forms (see `intChoice`).
  func conditionTyped(of expression: Expression, role: String) -> Typed {
    let typed = compile(expression, expected: .bool)
    if !ValueType.bool.accepts(typed.type) {
      return Typed.failing(
        report(
          "cannot convert value of type '\(typed.type)' to expected \(role) type 'Bool'",
          at: expression.position))
    }
    return typed
  }

  @discardableResult
  func report(_ message: String, at position: Position) -> EvaluationError {
    let error = EvaluationError(message, at: position)
    report(error)
    return error
  }

  func loopBody(_ body: [Statement], bindings: (() -> Void)? = nil) -> StatementCode {
    scope.loopDepth += 1
    defer { scope.loopDepth -= 1 }
    return compileBlock(body, bindings: bindings)
  }

  /// Whether a block always ends by jumping (what a `guard`'s `else` needs).
  static func leavesScope(_ statements: [Statement]) -> Bool {
    guard let last = statements.last else { return false }
    switch last.kind {
    case .returnValue, .breakLoop, .continueLoop: return true
    case .ifElse(_, let then, let otherwise):
      return leavesScope(then) && otherwise.map(leavesScope) == true
    case .expression(let expression): return neverReturns(expression)
    default: return false
    }
  }

  /// Whether the expression is a call that never returns (`fatalError("...")` stops the cell),
  /// which Swift types `Never`: it may end a `guard`'s `else` or a function that returns a value.
  static func neverReturns(_ expression: Expression) -> Bool {
    guard case .call(let callee, _) = expression.kind, case .name(let name) = callee.kind
    else { return false }
    return AssertionDirectives.neverReturning.contains(name)
  }

  func binding(
    isConstant: Bool, name: String, typeName: String?, _ initial: Expression?, at: Position
  ) -> StatementCode {
    var declared: ValueType?
    if typeName?.trimmingSpaces == "Set", let initial, case .array(let elements) = initial.kind,
      !elements.isEmpty,
      case .array(let element) = probe(parameters: [], types: []).compile(initial).type
    {
      // `let primes: Set = [2, 3, 5]`: a Set of the literal's element type, as Swift infers.
      declared = .set(element)
    } else if let typeName {
      do {
        declared = try typeNamed(typeName, at: at)
      } catch {
        report(error)
      }
    }
    guard let initial else {
      report(
        "'\(name)' needs an initial value: write '\(isConstant ? "let" : "var") \(name) = ...'",
        at: at)
      let store = define(name, type: declared ?? .any, isConstant: isConstant)
      return { frame in
        store(frame, .void)
        return .next
      }
    }
    var typed = compile(initial, expected: declared)
    if let declared, !declared.accepts(typed.type) {
      typed = fail(
        "cannot convert value of type '\(typed.type)' to specified type '\(declared)'",
        at: initial.position)
    } else if typed.type == .void {
      typed = fail("'\(name)' would hold no value: the expression returns nothing", at: at)
    } else if declared == nil, case .nilLiteral = initial.kind {
      typed = fail(
        "'nil' requires a contextual type: write '\(isConstant ? "let" : "var") \(name): Int? = nil'",
        at: initial.position)
    }
    let type = declared ?? Self.storedType(typed.type)
    let value = coerced(typed, to: type)
    let store = define(name, type: type, isConstant: isConstant)
    mark(name, followsAnError: typed.followsAnError && declared == nil)
    return { frame throws(EvaluationError) in
      store(frame, try value(frame))
      return .next
    }
  }

  /// A bare `.case` gets the enumeration its value turns out to have.
  static func storedType(_ type: ValueType) -> ValueType {
    if case .enumeration(let enumeration) = type, enumeration.name == EnumerationType.anyCase {
      return .any
    }
    return type
  }

  /// The value's code, converted at run time when its static type differs from `type`.
  func coerced(_ typed: Typed, to type: ValueType) -> ValueCode {
    if typed.type == type, typed.type != .any { return typed.value }
    switch type {
    case .double where typed.type == .int || typed.type == .double:
      let code = typed.double
      return { frame throws(EvaluationError) in .double(try code(frame)) }
    case .any: return typed.value
    default:
      let code = typed.value
      let at = typed.position
      return { frame throws(EvaluationError) in
        try Coercion.coerce(try code(frame), to: type, at: at)
      }
    }
  }

  func forIn(
    _ name: String?, _ sequence: Expression, filter: Expression?, body: [Statement], at: Position
  ) -> StatementCode {
    let typed = compile(sequence)
    var element: ValueType = .any
    var elementAt: ((Value, Int) throws(EvaluationError) -> Value)?
    var countOf: ((Value) throws(EvaluationError) -> Int)?
    if let iterated = typed.type.elementType {
      element = iterated
    }
    if case .object = typed.type,
      let subscriptDirective = table.member(named: "subscript", on: typed.type),
      let countDirective = table.member(named: "count", on: typed.type)
    {
      let invoker = DirectiveInvoker(control: control)
      countOf = { value throws(EvaluationError) in
        let count = try invoker.call(
          countDirective, receiver: value, arguments: [], positions: [], at: sequence.position)
        guard case .int(let total) = count else { throw Coercion.mismatch(count, "Int", at: at) }
        return total
      }
      elementAt = { value, index throws(EvaluationError) in
        try invoker.call(
          subscriptDirective, receiver: value, arguments: [.int(index)],
          positions: [sequence.position], at: sequence.position)
      }
    } else if typed.type.elementType == nil {
      report(
        "for-in loop requires an array, a range, a string, a set or a dictionary, not a value of type '\(typed.type)'",
        at: sequence.position)
    }
    var slot = -1
    var filterCode: BoolCode?
    let (bodyCode, iterationFrames) = iterationScope(perIteration: body.makesClosures) {
      loopBody(body) {
        if let name {
          self.scope.blocks[self.scope.blocks.count - 1][name] = LocalName(
            slot: self.scope.allocate(), type: element, isConstant: true)
          slot = self.scope.blocks[self.scope.blocks.count - 1][name]?.slot ?? -1
        }
        if let filter { filterCode = self.condition(of: filter, role: "'where' clause") }
      }
    }
    let sequenceCode = typed.value
    let control = self.control
    let sequenceAt = sequence.position
    let loopSlot = slot
    let loopFilter = filterCode
    return { frame throws(EvaluationError) in
      let values = try sequenceCode(frame)
      func iteration(_ value: Value) throws(EvaluationError) -> Flow? {
        try control.tick(at: at)
        let iterationFrame = frame.iterationFrame(iterationFrames)
        defer { frame.endIteration(iterationFrame, iterationFrames) }
        if loopSlot >= 0 { iterationFrame.slots[loopSlot] = value }
        if let loopFilter, !(try loopFilter(iterationFrame)) { return nil }
        switch try bodyCode(iterationFrame) {
        case .breakLoop: return .next
        case .returned:
          frame.takeResult(of: iterationFrame)
          return .returned
        case .next, .continueLoop: return nil
        }
      }
      switch values {
      case .range(let range, _):
        for index in range { if let flow = try iteration(.int(index)) { return flow } }
      case .array(let elements):
        for element in elements { if let flow = try iteration(element) { return flow } }
      case .string, .set, .dictionary:
        for element in values.elements ?? [] {
          if let flow = try iteration(element) { return flow }
        }
      default:
        guard let countOf, let elementAt else {
          throw EvaluationError(
            "for-in loop requires an array or a range, not a value of type '\(values.type)'",
            at: sequenceAt)
        }
        let count = try countOf(values)
        for index in 0..<count {
          if let flow = try iteration(try elementAt(values, index)) { return flow }
        }
      }
      return .next
    }
  }

  func returnStatement(_ value: Expression?, at: Position) -> StatementCode {
    guard let resultType = scope.resultType else {
      report("'return' is only allowed inside a function", at: at)
      return { _ in .returned }
    }
    guard let value else {
      if resultType != .void, resultType != .any {
        report("non-void function should return a value of type '\(resultType)'", at: at)
      }
      return { _ in .returned }
    }
    let code = returnedValue(value, at: at).value
    return { frame throws(EvaluationError) in
      frame.result = try code(frame)
      return .returned
    }
  }

  /// The value a `return` gives, checked against the function's result type and converted to it
  /// (unboxed when that type is Int, Double or Bool).
  func returnedValue(_ value: Expression, at: Position) -> Typed {
    let resultType = scope.resultType ?? .any
    var typed = compile(value, expected: resultType)
    if resultType == .void, typed.type != .void {
      typed = fail("unexpected non-void return value in void function", at: value.position)
    } else if !resultType.accepts(typed.type) {
      typed = fail(
        "cannot convert return expression of type '\(typed.type)' to return type '\(resultType)'",
        at: value.position)
    }
    return converted(typed, to: resultType)
  }

  /// The value's code at the static type `type`: unboxed for Int, Double and Bool, converted at
  /// run time otherwise (see `coerced`).
  func converted(_ typed: Typed, to type: ValueType) -> Typed {
    switch type {
    case .int, .double, .bool, .any: return typed.retyped(type)
    default: return Typed(type, .value(coerced(typed, to: type)), at: typed.position)
    }
  }
}
