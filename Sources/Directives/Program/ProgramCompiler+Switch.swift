/// `switch`: cases tried in order, each a list of patterns (values, ranges, tuples, `.case`s,
/// `let` bindings, `_`) with optional `where` clauses. A `break` leaves the switch; a switch
/// must be exhaustive, as in Swift.
extension ProgramCompiler {
  /// Tests the subject against one pattern, binding names into the frame as it goes.
  typealias PatternTest = (Value, Frame) throws(EvaluationError) -> Bool

  private struct CompiledCase {
    var tests: [(pattern: PatternTest, guardCondition: BoolCode?)]
    var body: StatementCode
    var isDefault: Bool
  }

  func switchStatement(_ subject: Expression, _ cases: [SwitchCase], at position: Position)
    -> StatementCode
  {
    let typed = compile(subject)
    let subjectType = Self.storedType(typed.type)
    var compiled: [CompiledCase] = []
    scope.switchDepth += 1
    defer { scope.switchDepth -= 1 }
    for (index, switchCase) in cases.enumerated() {
      if switchCase.isDefault, index != cases.count - 1 {
        report(
          "additional 'case' blocks cannot appear after the 'default' block of a 'switch'",
          at: cases[index + 1].position)
      }
      scope.blocks.append([:])
      var bound: [String: LocalName] = [:]
      var tests: [(PatternTest, BoolCode?)] = []
      for item in switchCase.items {
        var names: [String: LocalName] = [:]
        let test = patternTest(item.pattern, type: subjectType, shared: bound, names: &names)
        if !bound.isEmpty || tests.count > 0, Set(names.keys) != Set(bound.keys) {
          report(
            "every pattern of a case must bind the same names (\(bound.keys.sorted().joined(separator: ", ")))",
            at: switchCase.position)
        }
        bound.merge(names) { first, _ in first }
        let guardCode = item.guardCondition.map { condition(of: $0, role: "'where' clause") }
        tests.append((test, guardCode))
      }
      let body = compileBlock(switchCase.body)
      scope.blocks.removeLast()
      compiled.append(CompiledCase(tests: tests, body: body, isDefault: switchCase.isDefault))
    }
    if !cases.contains(where: \.isDefault) {
      let rows = cases.flatMap { switchCase in
        switchCase.items.filter { $0.guardCondition == nil }.map { [$0.pattern] }
      }
      if !Self.covers(rows, [subjectType]) {
        report("switch must be exhaustive; add a 'default:' case", at: position)
      }
    }
    let subjectCode = typed.value
    let switchCases = compiled
    return { frame throws(EvaluationError) in
      let value = try subjectCode(frame)
      for switchCase in switchCases {
        var matched = switchCase.isDefault
        for (test, guardCondition) in switchCase.tests where !matched {
          matched = try test(value, frame)
          if matched, let guardCondition { matched = try guardCondition(frame) }
        }
        guard matched else { continue }
        let flow = try switchCase.body(frame)
        if case .breakLoop = flow { return .next }
        return flow
      }
      return .next
    }
  }

  /// Compiles one pattern against a value of `type`. Names it binds get slots in the current
  /// block (the same slot as `shared` when another pattern of the case binds the name).
  func patternTest(
    _ pattern: Pattern, type: ValueType, shared: [String: LocalName],
    names: inout [String: LocalName]
  ) -> PatternTest {
    switch pattern {
    case .wildcard:
      return { _, _ in true }
    case .binding(let name, let at):
      let stored = Self.storedType(type)
      let local: LocalName
      if let existing = shared[name] {
        local = existing
        if existing.type != stored {
          report(
            "'\(name)' must have the same type in every pattern: '\(existing.type)' and '\(stored)'",
            at: at)
        }
      } else {
        local = LocalName(slot: scope.allocate(), type: stored, isConstant: true)
      }
      scope.blocks[scope.blocks.count - 1][name] = local
      names[name] = local
      let slot = local.slot
      return { value, frame in
        frame.slots[slot] = value
        return true
      }
    case .tuple(let elements, let at):
      var types = [ValueType](repeating: .any, count: elements.count)
      if case .tuple(let elementTypes, _) = type {
        guard elementTypes.count == elements.count else {
          let error = report(
            "a tuple pattern of \(elements.count) elements cannot match values of type '\(type)'",
            at: at)
          return { _, _ throws(EvaluationError) in throw error }
        }
        types = elementTypes
      } else if type != .any {
        let error = report(
          "a tuple pattern cannot match values of type '\(type)'", at: at)
        return { _, _ throws(EvaluationError) in throw error }
      }
      let tests = zip(elements, types).map {
        patternTest($0, type: $1, shared: shared, names: &names)
      }
      let count = elements.count
      return { value, frame throws(EvaluationError) in
        guard case .tuple(let values, _) = value, values.count == count else { return false }
        for index in 0..<count where !(try tests[index](values[index], frame)) { return false }
        return true
      }
    case .expression(let expression):
      return expressionPattern(expression, type: type)
    }
  }

  /// A value the subject must equal, or a range it must lie in.
  private func expressionPattern(_ expression: Expression, type: ValueType) -> PatternTest {
    // `0..<10`, `0.5...1.0`: bounds compared directly, for Ints and Doubles alike.
    if case .binary(let op, let low, let high, let operatorAt) = expression.kind,
      op == .halfOpenRange || op == .closedRange, type == .int || type == .double
    {
      let lower = compile(low, expected: type)
      let upper = compile(high, expected: type)
      guard type.accepts(lower.type), type.accepts(upper.type) else {
        let error = report(
          "expression pattern of type '\(lower.type == type ? upper.type : lower.type)' cannot match values of type '\(type)'",
          at: operatorAt)
        return { _, _ throws(EvaluationError) in throw error }
      }
      let (lowerCode, upperCode) = (lower.double, upper.double)
      let isClosed = op == .closedRange
      return { value, frame throws(EvaluationError) in
        guard let number = value.number else { return false }
        let (a, b) = (try lowerCode(frame), try upperCode(frame))
        return a <= number && (isClosed ? number <= b : number < b)
      }
    }
    let typed = compile(expression, expected: type)
    if typed.type == .range, type == .int || type == .any {
      let code = typed.value
      return { value, frame throws(EvaluationError) in
        guard case .range(let range) = try code(frame), case .int(let number) = value else {
          return false
        }
        return range.contains(number)
      }
    }
    guard Operators.resultType(.equal, type, typed.type) != nil else {
      let error = report(
        "expression pattern of type '\(typed.type)' cannot match values of type '\(type)'",
        at: expression.position)
      return { _, _ throws(EvaluationError) in throw error }
    }
    let code = typed.value
    return { value, frame throws(EvaluationError) in
      Value.equal(value, try code(frame)) == true
    }
  }

  /// Whether the rows of patterns (one row per unguarded case item, one column per value)
  /// match every value of the column types: Bools and enumerations case by case, tuples
  /// element by element, other types only through `_` or a binding.
  static func covers(_ rows: [[Pattern]], _ types: [ValueType]) -> Bool {
    guard let type = types.first else { return !rows.isEmpty }
    let rest = Array(types.dropFirst())
    if case .tuple(let elementTypes, _) = type {
      let expanded = rows.compactMap { row -> [Pattern]? in
        switch row[0] {
        case .tuple(let elements, _) where elements.count == elementTypes.count:
          elements + row.dropFirst()
        case .wildcard, .binding:
          Array(repeating: .wildcard, count: elementTypes.count) + row.dropFirst()
        default: nil
        }
      }
      return covers(expanded, elementTypes + rest)
    }
    let constructors: [String]
    switch type {
    case .bool: constructors = ["true", "false"]
    case .enumeration(let enumeration) where !enumeration.cases.isEmpty:
      constructors = enumeration.cases
    default:
      return covers(rows.filter { $0[0].isIrrefutable }.map { Array($0.dropFirst()) }, rest)
    }
    return constructors.allSatisfy { constructor in
      covers(
        rows.filter { $0[0].isIrrefutable || $0[0].constructorName == constructor }
          .map { Array($0.dropFirst()) }, rest)
    }
  }
}

extension Pattern {
  /// `_` or a binding: matches every value.
  var isIrrefutable: Bool {
    switch self {
    case .wildcard, .binding: true
    case .tuple(let elements, _): elements.allSatisfy(\.isIrrefutable)
    case .expression: false
    }
  }

  /// `true`, `false` or an enumeration case's name, for the exhaustiveness check.
  var constructorName: String? {
    guard case .expression(let expression) = self else { return nil }
    switch expression.kind {
    case .boolean(let flag): return String(flag)
    case .enumCase(let name): return name
    default: return nil
    }
  }
}
