/// `func` declarations and closures: each compiles its body once, into a `FunctionCode` that
/// every call runs on a fresh frame.
extension ProgramCompiler {
  /// Declares a block's functions before its statements run, so they can call each other and be
  /// called from anywhere in the block; returns the code that makes their values on entry.
  func hoistFunctions(_ statements: [Statement]) -> [StatementStep] {
    var codes: [StatementStep] = []
    let control = self.control
    for statement in statements {
      guard case .function(let declaration) = statement.kind else { continue }
      let code = signature(of: declaration, at: statement.position)
      let store = define(declaration.name, type: code.type, isConstant: true, function: code)
      pendingBodies[statement.position] = code
      scope.makesClosures = true
      codes.append(
        StatementStep { frame in
          store(frame, .function(FunctionValue(code: code, madeOn: frame, control: control)))
          return .next
        })
    }
    return codes
  }

  /// Compiles a declared function's body where its declaration stands, so it sees the names
  /// defined before it.
  func functionDeclaration(_ declaration: FunctionDeclaration, at position: Position) {
    guard let code = pendingBodies.removeValue(forKey: position) else { return }
    compileBody(
      of: code, parameters: declaration.parameters, body: declaration.body,
      singleExpressionReturns: true)
  }

  func signature(of declaration: FunctionDeclaration, at position: Position) -> FunctionCode {
    var parameters: [Parameter] = []
    for parameter in declaration.parameters {
      var type = ValueType.any
      do {
        type = try typeNamed(parameter.type ?? "Any", at: parameter.position)
      } catch { report(error) }
      parameters.append(
        Parameter(
          parameter.label, name: parameter.name, type,
          default: parameter.defaultValue == nil ? nil : .void))
    }
    var result = ValueType.void
    if let resultType = declaration.resultType {
      do {
        result = try typeNamed(resultType, at: declaration.resultPosition)
      } catch { report(error) }
    }
    return FunctionCode(
      name: declaration.name, parameters: parameters, resultType: result,
      defaults: Array(repeating: nil, count: parameters.count), position: position)
  }

  /// Compiles a body in a scope of its own whose first slots are the parameters.
  func compileBody(
    of code: FunctionCode, parameters: [FunctionParameter], body: [Statement],
    singleExpressionReturns: Bool, mutableSelf: Bool = false
  ) {
    let outer = scope
    scope = FunctionScope(parent: outer, resultType: code.resultType, isCell: false)
    defer { scope = outer }
    compilingFunction(code, in: scope) {
      compileBody(
        of: code, inScope: parameters, body: body, singleExpressionReturns: singleExpressionReturns,
        mutableSelf: mutableSelf)
    }
  }

  /// `compileBody` once the function's scope is the current one.
  private func compileBody(
    of code: FunctionCode, inScope parameters: [FunctionParameter], body: [Statement],
    singleExpressionReturns: Bool, mutableSelf: Bool
  ) {
    for (index, parameter) in parameters.enumerated() {
      let slot = scope.allocate()
      // A `mutating` method's `self` (its first parameter) can change.
      scope.blocks[0][parameter.name] = LocalName(
        slot: slot, type: code.parameters[index].type, isConstant: !(mutableSelf && index == 0))
      if let defaultValue = parameter.defaultValue {
        let typed = compile(defaultValue, expected: code.parameters[index].type)
        if !code.parameters[index].type.accepts(typed.type) {
          report(
            "default argument value of type '\(typed.type)' cannot be converted to type '\(code.parameters[index].type)'",
            at: defaultValue.position)
        }
        code.defaults[index] = coerced(typed, to: code.parameters[index].type)
      }
    }
    // `{ x * x }`: a body that is one expression returns it; so does a body of `if`s that each
    // return (see `returnedExpression`).
    var returned: Typed?
    if singleExpressionReturns, body.count == 1, case .expression(let expression) = body[0].kind,
      code.resultType != .void, !Self.neverReturns(expression)
    {
      if case .assignment = expression.kind {
      } else {
        returned = returnedValue(expression, at: body[0].position)
      }
    }
    if returned == nil {
      returned = returnedExpressionBody(body, resultType: code.resultType)
    }
    if let returned {
      code.expression = returned.code
      let result = returned.value
      code.body = { frame throws(EvaluationError) in
        frame.result = try result(frame)
        return .returned
      }
      code.slotCount = scope.slotCount
      code.makesClosures = scope.makesClosures
      code.uncapturedSlots = scope.uncapturedSlots
      return
    }
    var body = body
    if singleExpressionReturns, code.resultType != .void, body.count == 1,
      let returning = Self.switchReturningItsCases(body[0])
    {
      body = [returning]
    }
    let bodyCode = compileBlock(body)
    if code.resultType != .void, code.resultType != .any, !Self.alwaysReturns(body) {
      report(
        "missing return in function '\(code.name)' expected to return '\(code.resultType)'",
        at: code.position)
    }
    let name = code.name
    let at = code.position
    let needsResult = code.resultType != .void && code.resultType != .any
    code.body = { frame throws(EvaluationError) in
      let flow = try bodyCode(frame)
      if needsResult, case .next = flow {
        throw EvaluationError("function '\(name)' ended without returning a value", at: at)
      }
      return flow
    }
    code.slotCount = scope.slotCount
    code.makesClosures = scope.makesClosures
    code.uncapturedSlots = scope.uncapturedSlots
  }

  /// Whether every path through a body ends in `return` (Swift's "missing return" check).
  static func alwaysReturns(_ statements: [Statement]) -> Bool {
    for statement in statements {
      switch statement.kind {
      case .returnValue: return true
      case .expression(let expression) where neverReturns(expression): return true
      case .ifElse(_, let then, let otherwise):
        if alwaysReturns(then), let otherwise, alwaysReturns(otherwise) { return true }
      case .whileLoop(let conditions, let body):
        // `while true { ... return ... }` never falls out.
        if conditions.count == 1, case .boolean(true) = conditions[0].kind,
          !containsBreak(body)
        {
          return true
        }
      case .repeatWhile(let body, _):
        if alwaysReturns(body) { return true }
      case .switchCases(_, let cases):
        // A switch is exhaustive (checked where it is compiled).
        if cases.allSatisfy({ alwaysReturns($0.body) }) { return true }
      default: continue
      }
    }
    return false
  }

  static func containsBreak(_ statements: [Statement]) -> Bool {
    statements.contains { statement in
      switch statement.kind {
      case .breakLoop: true
      case .ifElse(_, let then, let otherwise):
        containsBreak(then) || otherwise.map(containsBreak) == true
      case .guardElse(_, let body): containsBreak(body)
      default: false
      }
    }
  }

  /// A closure expression; parameter and result types come from what the context expects when
  /// the closure does not write them.
  func closure(_ closure: ClosureExpression, expected: ValueType?, at position: Position) -> Typed {
    var expectedParameters: [ValueType]?
    var expectedResult: ValueType?
    if case .function(let parameters, let result)? = expected {
      expectedParameters = parameters
      expectedResult = result == .any ? nil : result
    }
    var parameters = closure.parameters
    if closure.usesShorthand, let expectedParameters, parameters.count < expectedParameters.count {
      parameters += (parameters.count..<expectedParameters.count).map {
        FunctionParameter(
          label: nil, name: "$\($0)", type: nil, defaultValue: nil, position: position)
      }
    }
    if let expectedParameters, expectedParameters.count != parameters.count {
      return fail(
        "the closure takes \(parameters.count) parameter\(parameters.count == 1 ? "" : "s") but \(expectedParameters.count) \(expectedParameters.count == 1 ? "is" : "are") expected here",
        at: position)
    }
    var types: [ValueType] = []
    for (index, parameter) in parameters.enumerated() {
      if let written = parameter.type {
        do {
          types.append(try typeNamed(written, at: parameter.position))
        } catch {
          report(error)
          types.append(.any)
        }
      } else if let expectedParameters {
        types.append(expectedParameters[index])
      } else {
        report(
          "cannot infer the type of the closure parameter '\(parameter.name)'; write it: '{ (\(parameter.name.hasPrefix("$") ? "x" : parameter.name): Double) in ... }'",
          at: parameter.position)
        types.append(.any)
      }
    }
    var result: ValueType? = expectedResult
    if let written = closure.resultType {
      do { result = try typeNamed(written, at: position) } catch { report(error) }
    }
    if result == nil {
      result = inferredResult(closure.body, parameters: parameters, types: types)
    }
    let code = FunctionCode(
      name: "closure", parameters: zip(parameters, types).map { Parameter(nil, name: $0.name, $1) },
      resultType: result ?? .void, defaults: Array(repeating: nil, count: parameters.count),
      position: position)
    compileBody(
      of: code, parameters: parameters, body: closure.body, singleExpressionReturns: true,
      mutableSelf: closure.changesFirstParameter)
    scope.makesClosures = true
    let control = self.control
    return Typed(
      code.type,
      .value { frame in .function(FunctionValue(code: code, madeOn: frame, control: control)) },
      at: position)
  }

  /// The result type of a closure that does not write one: its single expression's type, or the
  /// type of its first `return`, or Void.
  func inferredResult(_ body: [Statement], parameters: [FunctionParameter], types: [ValueType])
    -> ValueType
  {
    let returned: Expression?
    if body.count == 1, case .expression(let expression) = body[0].kind {
      if case .assignment = expression.kind { return .void }
      returned = expression
    } else {
      // A switch of one expression per case returns them (see `switchReturningItsCases`).
      let returning = body.count == 1 ? Self.switchReturningItsCases(body[0]) : nil
      returned = Self.firstReturn(in: returning.map { [$0] } ?? body)
    }
    guard let returned else { return .void }
    let probe = self.probe(parameters: parameters, types: types)
    if case .expression = body[0].kind, body.count == 1 {
      return Self.storedType(probe.compile(returned).type)
    }
    // A `return` may use names the body defines: collect them by compiling it (in the
    // parameters' block, so the names are still there for the `return`).
    for statement in body.prefix(while: { if case .returnValue = $0.kind { false } else { true } })
    {
      _ = probe.compile(statement)
    }
    return Self.storedType(probe.compile(returned).type)
  }

  /// A throwaway compiler whose scope holds the parameters, to learn the types of expressions
  /// in a body before compiling it (its code is not kept).
  func probe(parameters: [FunctionParameter], types: [ValueType]) -> ProgramCompiler {
    let probe = ProgramCompiler(
      table: table, control: control, cellID: cellID, globals: runtimeGlobals,
      compileView: globals, laterDefinitions: [:], order: order)
    probe.scope = FunctionScope(parent: scope, resultType: .any, isCell: false)
    for (index, parameter) in parameters.enumerated() {
      probe.scope.blocks[0][parameter.name] = LocalName(
        slot: probe.scope.allocate(), type: types[index], isConstant: true)
    }
    return probe
  }

  static func firstReturn(in statements: [Statement]) -> Expression? {
    for statement in statements {
      switch statement.kind {
      case .returnValue(let value?): return value
      case .ifElse(_, let then, let otherwise):
        if let found = firstReturn(in: then) ?? otherwise.flatMap(firstReturn) { return found }
      case .forIn(_, _, _, let body), .whileLoop(_, let body), .repeatWhile(let body, _),
        .guardElse(_, let body):
        if let found = firstReturn(in: body) { return found }
      case .switchCases(_, let cases):
        for switchCase in cases {
          if let found = firstReturn(in: switchCase.body) { return found }
        }
      default: continue
      }
    }
    return nil
  }
}
