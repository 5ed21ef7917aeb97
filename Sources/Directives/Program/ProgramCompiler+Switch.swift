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
    let problemsBefore = problems.count
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
    // After an error in a pattern, whether the cases cover every value is moot.
    if !cases.contains(where: \.isDefault), problems.count == problemsBefore {
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

  /// `case pattern = value` as a condition: true when the value matches, with the pattern's names
  /// bound in the current block (the caller opens the block they belong to).
  func caseCondition(_ pattern: Pattern, _ value: Expression, at position: Position) -> Typed {
    let typed = compile(value)
    var names: [String: LocalName] = [:]
    let test = patternTest(pattern, type: Self.storedType(typed.type), shared: [:], names: &names)
    let code = typed.value
    return Typed(
      .bool, .bool { frame throws(EvaluationError) in try test(try code(frame), frame) },
      at: position)
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
      var mismatch: String?
      if case .tuple(let elementTypes, _) = type {
        if elementTypes.count == elements.count {
          types = elementTypes
        } else {
          mismatch =
            "a tuple pattern of \(elements.count) elements cannot match values of type '\(type)'"
        }
      } else if type != .any {
        mismatch = "a tuple pattern cannot match values of type '\(type)'"
      }
      if let mismatch {
        let error = report(mismatch, at: at)
        for element in elements {  // its names, still, so one error does not cascade
          _ = patternTest(element, type: .any, shared: shared, names: &names)
        }
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
    case .range(let lower, let upper, let isClosed, let at):
      return rangePattern(lower, upper, isClosed: isClosed, type: type, at: at)
    case .optional(let inner, let at):
      guard case .optional(let wrapped) = type.unwrappedForPattern else {
        let error = report("'?' pattern cannot match values of type '\(type)'", at: at)
        _ = patternTest(inner, type: .any, shared: shared, names: &names)  // its names, still
        return { _, _ throws(EvaluationError) in throw error }
      }
      let test = patternTest(inner, type: wrapped, shared: shared, names: &names)
      return { value, frame throws(EvaluationError) in
        guard case .optional(let present?) = value else { return false }
        return try test(present, frame)
      }
    }
  }

  /// `0..<10`, `0.5...1.0`, `..<0`, `90...`: the bounds compared with the number directly, for
  /// Ints and Doubles alike.
  private func rangePattern(
    _ lower: Expression?, _ upper: Expression?, isClosed: Bool, type: ValueType, at: Position
  ) -> PatternTest {
    guard type == .int || type == .double else {
      if let lower, let upper, type == .any {
        let op: BinaryOperator = isClosed ? .closedRange : .halfOpenRange
        return expressionPattern(
          Expression(kind: .binary(op, lower, upper, operatorPosition: at), position: at),
          type: type)
      }
      let error = report("a range pattern cannot match values of type '\(type)'", at: at)
      return { _, _ throws(EvaluationError) in throw error }
    }
    var bounds: [DoubleCode?] = []
    for bound in [lower, upper] {
      guard let bound else {
        bounds.append(nil)
        continue
      }
      let typed = compile(bound, expected: type)
      guard type.accepts(typed.type) else {
        let error = report(
          "expression pattern of type '\(typed.type)' cannot match values of type '\(type)'",
          at: bound.position)
        return { _, _ throws(EvaluationError) in throw error }
      }
      bounds.append(typed.double)
    }
    let (lowerCode, upperCode) = (bounds[0], bounds[1])
    return { value, frame throws(EvaluationError) in
      guard let number = value.number else { return false }
      if let lowerCode, number < (try lowerCode(frame)) { return false }
      guard let upperCode else { return true }
      let limit = try upperCode(frame)
      return isClosed ? number <= limit : number < limit
    }
  }

  /// A value the subject must equal, or a range it must lie in.
  private func expressionPattern(_ expression: Expression, type: ValueType) -> PatternTest {
    let typed = compile(expression, expected: type)
    if typed.type == .range, type == .int || type == .any {
      let code = typed.value
      return { value, frame throws(EvaluationError) in
        guard case .range(let range, _) = try code(frame), case .int(let number) = value else {
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

  /// A body that is one `switch` whose cases are each one expression returns the case's value,
  /// as in Swift: `func f(_ n: Int) -> String { switch n { case 0: "zero" default: "other" } }`.
  /// Nil for other statements.
  static func switchReturningItsCases(_ statement: Statement) -> Statement? {
    guard case .switchCases(let subject, var cases) = statement.kind else { return nil }
    for index in cases.indices {
      guard cases[index].body.count == 1, case .expression(let value) = cases[index].body[0].kind
      else { return nil }
      if case .assignment = value.kind { return nil }
      cases[index].body = [Statement(kind: .returnValue(value), position: value.position)]
    }
    return Statement(
      kind: .switchCases(subject: subject, cases: cases), position: statement.position)
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
    if case .optional(let wrapped) = type {
      let nilRows = rows.filter { $0[0].isIrrefutable || $0[0].constructorName == "nil" }
      let someRows = rows.compactMap { row -> [Pattern]? in
        switch row[0] {
        case .optional(let inner, _): [inner] + row.dropFirst()
        case .wildcard, .binding: [.wildcard] + row.dropFirst()
        default: nil
        }
      }
      return covers(nilRows.map { Array($0.dropFirst()) }, rest)
        && covers(someRows, [wrapped] + rest)
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

extension ValueType {
  /// A subject of unknown type matches `x?` as an optional of unknown type.
  fileprivate var unwrappedForPattern: ValueType { self == .any ? .optional(.any) : self }
}

extension Pattern {
  /// `_` or a binding: matches every value.
  var isIrrefutable: Bool {
    switch self {
    case .wildcard, .binding: true
    case .tuple(let elements, _): elements.allSatisfy(\.isIrrefutable)
    case .expression, .optional, .range: false
    }
  }

  /// `true`, `false` or an enumeration case's name, for the exhaustiveness check.
  var constructorName: String? {
    guard case .expression(let expression) = self else { return nil }
    switch expression.kind {
    case .boolean(let flag): return String(flag)
    case .enumCase(let name): return name
    case .nilLiteral: return "nil"
    default: return nil
    }
  }
}
