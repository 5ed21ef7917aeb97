/// `reduce(into: initial) { result, element in ... }`, whose closure changes its first parameter
/// in place (`inout` in Swift). The closure is compiled with that parameter a variable and
/// `return result` at the end; each step hands the result on (`FunctionCaller.step`), holding the
/// only reference to it, so a dictionary or array grows in place, never copied.
extension ProgramCompiler {
  func reduceInto(
    _ arguments: [CallArgument], element: ValueType,
    elements: @escaping (Frame) throws(EvaluationError) -> [Value], at position: Position
  ) -> Typed {
    guard case .closure(let closure) = arguments[1].value.kind else {
      return fail(
        "'reduce(into:)' needs a closure written in place, as in 'reduce(into: 0) { total, x in total += x }': its first parameter changes",
        at: arguments[1].value.position)
    }
    guard let step = Self.steppingClosure(closure, at: arguments[1].value.position) else {
      return fail(
        "the closure of 'reduce(into:)' takes 2 parameters, the result so far and an element",
        at: arguments[1].value.position)
    }
    // `reduce(into: [:])`: Swift learns the dictionary's type from how the closure fills it.
    var expected: ValueType?
    if Self.isEmptyCollectionLiteral(arguments[0].value) {
      expected = accumulatorType(filledBy: step, element: element)
      guard expected != nil else {
        return fail(
          "write the type of the empty result: 'reduce(into: [String: Int]())' or 'reduce(into: [Int]())'",
          at: arguments[0].value.position)
      }
    }
    let initial = compile(arguments[0].value, expected: expected)
    let accumulated = Self.storedType(initial.type)
    let combine = closureArgument(
      Expression(kind: .closure(step), position: arguments[1].value.position),
      of: "reduce(into:)", [accumulated, element], accumulated
    ).value
    return reduction(
      accumulated, from: coerced(initial, to: accumulated), combine, elements, at: position)
  }

  /// `reduce` and `reduce(into:)`: the result so far goes through `combine` with each element.
  /// Each step hands the result over (`FunctionCaller.step`), so it is never shared while the
  /// closure runs.
  func reduction(
    _ accumulated: ValueType, from initial: @escaping ValueCode, _ combine: @escaping ValueCode,
    _ elements: @escaping (Frame) throws(EvaluationError) -> [Value], at position: Position
  ) -> Typed {
    let control = self.control
    return Typed(
      accumulated,
      .value { frame throws(EvaluationError) in
        var result = try initial(frame)
        let values = try elements(frame)
        let call = try FunctionCaller(try combine(frame), control: control, at: position)
        for value in values { try call.step(&result, value) }
        return result
      }, at: position
    ).retyped(accumulated)
  }

  /// `{ result, x in body }` as `{ result, x in body; return result }` with `result` a variable,
  /// or nil when the closure does not take two parameters.
  static func steppingClosure(_ closure: ClosureExpression, at position: Position)
    -> ClosureExpression?
  {
    var parameters = closure.parameters
    if closure.usesShorthand {
      // `{ $0[$1, default: 0] += 1 }` names both; `{ $0 += 1 }` only the first.
      while parameters.count < 2 {
        parameters.append(
          FunctionParameter(
            label: nil, name: "$\(parameters.count)", type: nil, defaultValue: nil,
            position: position))
      }
    }
    guard parameters.count == 2 else { return nil }
    // `(counts: inout [String: Int], word: String)`: the value's own type.
    if let written = parameters[0].type, written.hasPrefix("inout ") {
      parameters[0].type = String(written.dropFirst("inout ".count))
    }
    let result = Expression(kind: .name(parameters[0].name), position: parameters[0].position)
    var step = closure
    step.parameters = parameters
    step.resultType = nil
    step.body =
      returningResult(closure.body, result) + [
        Statement(kind: .returnValue(result), position: position)
      ]
    step.changesFirstParameter = true
    return step
  }

  /// The type of an empty result, from the first statement that fills it:
  /// `result[key, default: value] += x` and `result[key] = value` make a dictionary,
  /// `result[key, default: []].append(x)` a dictionary of arrays, `result.append(x)` an array.
  func accumulatorType(filledBy step: ClosureExpression, element: ValueType) -> ValueType? {
    let result = step.parameters[0].name
    let probe = self.probe(parameters: step.parameters, types: [.any, element])
    func type(_ expression: Expression) -> ValueType {
      Self.storedType(probe.compile(expression).type)
    }
    func subscriptOfResult(_ expression: Expression) -> [CallArgument]? {
      guard case .subscripted(let base, let arguments) = expression.kind,
        case .name(result) = base.kind, arguments.first?.label == nil
      else { return nil }
      return arguments
    }
    func filled(_ statements: [Statement]) -> ValueType? {
      for statement in statements {
        switch statement.kind {
        case .expression(let expression):
          if let found = filled(expression) { return found }
        case .ifElse(_, let then, let otherwise):
          if let found = filled(then) ?? otherwise.flatMap(filled) { return found }
        case .forIn(_, _, _, let body), .whileLoop(_, let body), .repeatWhile(let body, _),
          .guardElse(_, let body):
          if let found = filled(body) { return found }
        case .switchCases(_, let cases):
          for switchCase in cases { if let found = filled(switchCase.body) { return found } }
        default: continue
        }
      }
      return nil
    }
    func filled(_ expression: Expression) -> ValueType? {
      switch expression.kind {
      case .assignment(let target, _, let value):
        guard let arguments = subscriptOfResult(target) else { return nil }
        let stored =
          arguments.count == 2 && arguments[1].label == "default"
          ? arguments[1].value : value
        if Self.isEmptyCollectionLiteral(stored) { return nil }
        return .dictionary(type(arguments[0].value), type(stored))
      case .call(let callee, let arguments):
        guard case .member(let base, "append", _) = callee.kind, arguments.count == 1,
          arguments[0].label == nil
        else { return nil }
        let appended = type(arguments[0].value)
        if case .name(result) = base.kind { return .array(appended) }
        if let keys = subscriptOfResult(base), keys.count == 2, keys[1].label == "default" {
          return .dictionary(type(keys[0].value), .array(appended))
        }
        return nil
      default: return nil
      }
    }
    guard let found = filled(step.body) else { return nil }
    // A type the probe could not learn (`Any`) is no better than none.
    switch found {
    case .dictionary(let key, let value) where key != .any && value != .any: return found
    case .array(let element) where element != .any: return found
    default: return nil
    }
  }

  static func isEmptyCollectionLiteral(_ expression: Expression) -> Bool {
    switch expression.kind {
    case .dictionary(let entries): entries.isEmpty
    case .array(let elements): elements.isEmpty
    default: false
    }
  }

  /// The body with each `return` (which leaves a step early) returning the result so far.
  /// Nested functions and closures keep their own returns.
  static func returningResult(_ statements: [Statement], _ result: Expression) -> [Statement] {
    statements.map { statement in
      var statement = statement
      switch statement.kind {
      case .returnValue(nil): statement.kind = .returnValue(result)
      case .ifElse(let conditions, let then, let otherwise):
        statement.kind = .ifElse(
          conditions: conditions, then: returningResult(then, result),
          otherwise: otherwise.map { returningResult($0, result) })
      case .forIn(let name, let sequence, let filter, let body):
        statement.kind = .forIn(
          name: name, sequence: sequence, filter: filter, body: returningResult(body, result))
      case .whileLoop(let conditions, let body):
        statement.kind = .whileLoop(conditions: conditions, body: returningResult(body, result))
      case .repeatWhile(let body, let condition):
        statement.kind = .repeatWhile(body: returningResult(body, result), condition: condition)
      case .guardElse(let conditions, let otherwise):
        statement.kind = .guardElse(
          conditions: conditions, otherwise: returningResult(otherwise, result))
      case .switchCases(let subject, let cases):
        statement.kind = .switchCases(
          subject: subject,
          cases: cases.map { switchCase in
            var switchCase = switchCase
            switchCase.body = returningResult(switchCase.body, result)
            return switchCase
          })
      default: break
      }
      return statement
    }
  }
}
