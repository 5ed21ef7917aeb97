/// The arithmetic, comparison and logic of the notebook language, for values (evaluation) and
/// for types (checking), side by side so the two cannot disagree.
enum Operators {
  /// The result type of `left op right`, or nil when the operator does not apply.
  static func resultType(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType) -> ValueType?
  {
    if left == .any || right == .any {
      switch op {
      case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .and, .or:
        return .bool
      case .halfOpenRange, .closedRange: return .range
      default: return .any
      }
    }
    let numeric: Set<ValueType> = [.int, .double]
    switch op {
    case .add:
      if left == .string, right == .string { return .string }
      if case .array(let element) = left, case .array = right { return .array(element) }
      fallthrough
    case .subtract, .multiply, .divide:
      guard numeric.contains(left), numeric.contains(right) else { return nil }
      return left == .int && right == .int ? .int : .double
    case .remainder:
      // Swift has no `%` for Doubles (see `mismatch`).
      return left == .int && right == .int ? .int : nil
    case .halfOpenRange, .closedRange:
      return left == .int && right == .int ? .range : nil
    case .less, .lessOrEqual, .greater, .greaterOrEqual:
      if numeric.contains(left), numeric.contains(right) { return .bool }
      // `(a.score, a.name) < (b.score, b.name)`: tuples compare element by element, as in Swift.
      if case .tuple(let lefts, _) = left, case .tuple(let rights, _) = right,
        lefts.count == rights.count,
        zip(lefts, rights).allSatisfy({ resultType(op, $0, $1) == .bool })
      {
        return .bool
      }
      return left == .string && right == .string ? .bool : nil
    case .equal, .notEqual:
      if numeric.contains(left), numeric.contains(right) { return .bool }
      // `x == nil`, `x == 3` with `x: Int?`: compared after unwrapping.
      if case .optional(let wrapped) = left { return resultType(op, wrapped, right.unwrapped) }
      if case .optional(let wrapped) = right { return resultType(op, left, wrapped) }
      if case .enumeration = left, case .enumeration = right { return .bool }
      return left == right ? .bool : nil
    case .and, .or:
      return left == .bool && right == .bool ? .bool : nil
    }
  }

  static func mismatch(_ op: BinaryOperator, _ left: ValueType, _ right: ValueType) -> String {
    if op == .remainder, left == .double || right == .double {
      return
        "'%' is unavailable for Double, as in Swift: write 'x.truncatingRemainder(dividingBy: y)'"
    }
    return
      "binary operator '\(op.rawValue)' cannot be applied to operands of type '\(left)' and '\(right)'"
  }

  /// `left op right` for the operators that evaluate both sides (not `&&` and `||`).
  static func apply(
    _ op: BinaryOperator, _ left: Value, _ right: Value, limit: Int = ValueLimits.defaultBytes,
    at position: Position
  ) throws(EvaluationError) -> Value {
    switch (left, right) {
    case (.int(let a), .int(let b)):
      return try integer(op, a, b, at: position)
    case (.string(let a), .string(let b)):
      switch op {
      case .add:
        try ValueLimits.checkString(bytes: a.utf8.count + b.utf8.count, limit: limit, at: position)
        return .string(a + b)
      case .less, .lessOrEqual, .greater, .greaterOrEqual: return .bool(compare(op, a, b))
      default: break
      }
    case (.tuple(let a, _), .tuple(let b, _)) where a.count == b.count:
      switch op {
      case .less: return .bool(try tupleIsLess(a, b, at: position))
      case .greater: return .bool(try tupleIsLess(b, a, at: position))
      case .lessOrEqual: return .bool(!(try tupleIsLess(b, a, at: position)))
      case .greaterOrEqual: return .bool(!(try tupleIsLess(a, b, at: position)))
      default: break
      }
    case (.array(let a), .array(let b)) where op == .add:
      try ValueLimits.checkArray(count: a.count + b.count, limit: limit, at: position)
      return .array(a + b)
    default:
      if let a = left.number, let b = right.number, left.type != .bool {
        return try floating(op, a, b, at: position)
      }
    }
    if op == .equal || op == .notEqual, let equal = Value.equal(left, right) {
      return .bool(op == .equal ? equal : !equal)
    }
    throw EvaluationError(mismatch(op, left.type, right.type), at: position)
  }

  /// A comparison operator applied to two values of one comparable type.
  private static func compare<T: Comparable>(_ op: BinaryOperator, _ a: T, _ b: T) -> Bool {
    switch op {
    case .equal: a == b
    case .notEqual: a != b
    case .less: a < b
    case .lessOrEqual: a <= b
    case .greater: a > b
    case .greaterOrEqual: a >= b
    default: false
    }
  }

  private static func integer(_ op: BinaryOperator, _ a: Int, _ b: Int, at position: Position)
    throws(EvaluationError) -> Value
  {
    func checked(_ result: (partialValue: Int, overflow: Bool)) throws(EvaluationError) -> Value {
      guard !result.overflow else {
        throw EvaluationError(
          "arithmetic overflow: '\(a) \(op.rawValue) \(b)' does not fit in an Int", at: position)
      }
      return .int(result.partialValue)
    }
    switch op {
    case .add: return try checked(a.addingReportingOverflow(b))
    case .subtract: return try checked(a.subtractingReportingOverflow(b))
    case .multiply: return try checked(a.multipliedReportingOverflow(by: b))
    case .divide, .remainder:
      guard b != 0 else { throw EvaluationError("division by zero", at: position) }
      return op == .divide
        ? try checked(a.dividedReportingOverflow(by: b))
        : try checked(a.remainderReportingOverflow(dividingBy: b))
    case .halfOpenRange:
      guard a <= b else {
        throw EvaluationError(
          "range requires lowerBound <= upperBound, got \(a)..<\(b)", at: position)
      }
      return .range(a..<b, closed: false)
    case .closedRange:
      // Ranges are kept half-open, so `a...Int.max` has no end to keep.
      guard b < Int.max else {
        throw EvaluationError(
          "a closed range up to Int.max is not supported: write '\(a)..<Int.max'", at: position)
      }
      guard a <= b else {
        throw EvaluationError(
          "range requires lowerBound <= upperBound, got \(a)...\(b)", at: position)
      }
      return .range(a..<(b + 1), closed: true)
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      return .bool(compare(op, a, b))
    case .and, .or: throw EvaluationError(mismatch(op, .int, .int), at: position)
    }
  }

  private static func floating(
    _ op: BinaryOperator, _ a: Double, _ b: Double, at position: Position
  )
    throws(EvaluationError) -> Value
  {
    switch op {
    case .add: return .double(a + b)
    case .subtract: return .double(a - b)
    case .multiply: return .double(a * b)
    // Dividing a Double by zero gives an infinity or NaN, as in Swift.
    case .divide: return .double(a / b)
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      return .bool(compare(op, a, b))
    case .remainder, .halfOpenRange, .closedRange, .and, .or:
      throw EvaluationError(mismatch(op, .double, .double), at: position)
    }
  }

  /// The result type of a prefix operator, or nil when it does not apply.
  static func resultType(_ op: PrefixOperator, _ operand: ValueType) -> ValueType? {
    switch op {
    case .negate, .plus: [.int, .double, .any].contains(operand) ? operand : nil
    case .not: [.bool, .any].contains(operand) ? .bool : nil
    }
  }

  static func apply(_ op: PrefixOperator, _ operand: Value, at position: Position)
    throws(EvaluationError) -> Value
  {
    switch (op, operand) {
    case (.negate, .int(let value)):
      guard value != Int.min else {
        throw EvaluationError("arithmetic overflow negating \(value)", at: position)
      }
      return .int(-value)
    case (.negate, .double(let value)): return .double(-value)
    case (.plus, .int), (.plus, .double): return operand
    case (.not, .bool(let value)): return .bool(!value)
    default:
      throw EvaluationError(
        "unary operator '\(op.rawValue)' cannot be applied to an operand of type '\(operand.type)'",
        at: position)
    }
  }
}

extension Operators {
  /// Swift's `<` for the values `sorted()` orders: numbers, then strings.
  /// Swift's tuple `<`: the first elements that differ decide.
  private static func tupleIsLess(_ left: [Value], _ right: [Value], at position: Position)
    throws(EvaluationError) -> Bool
  {
    for (a, b) in zip(left, right) {
      guard case .bool(let equal) = try apply(.equal, a, b, at: position) else { return false }
      if equal { continue }
      guard case .bool(let less) = try apply(.less, a, b, at: position) else { return false }
      return less
    }
    return false
  }

  static func isLess(_ left: Value, _ right: Value) -> Bool {
    switch (left, right) {
    case (.int(let a), .int(let b)): a < b
    case (.string(let a), .string(let b)): a < b
    default: (left.number ?? 0) < (right.number ?? 0)
    }
  }
}
