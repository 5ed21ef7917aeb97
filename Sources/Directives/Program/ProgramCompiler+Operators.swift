/// Binary operators chosen at compile time for their operand types: Int and Double arithmetic and
/// comparisons run unboxed; everything else goes through `Operators.apply`.
extension ProgramCompiler {
  func binary(
    _ op: BinaryOperator, _ left: Typed, _ right: Typed, at position: Position, operatorAt: Position
  )
    -> Typed
  {
    guard let result = Operators.resultType(op, left.type, right.type) else {
      return fail(Operators.mismatch(op, left.type, right.type), at: operatorAt)
    }
    switch (left.type, right.type) {
    case (.int, .int):
      if let fused = Self.fusedInteger(op, left, right, at: operatorAt) {
        return fused.at(position)
      }
      let code =
        switch (left.slot, right.slot) {
        case (let a?, let b?):
          Self.integer(
            op, IntSlotOperand(slot: a, position: left.position),
            IntSlotOperand(slot: b, position: right.position), at: operatorAt)
        case (let a?, nil):
          Self.integer(
            op, IntSlotOperand(slot: a, position: left.position), right, at: operatorAt)
        case (nil, _):
          Self.integer(op, IntCodeOperand(code: left.int), right, at: operatorAt)
        }
      if let code {
        return Self.slotWithLiteral(op, left, right, code, at: operatorAt).at(position)
      }
    case (.int, .double), (.double, .int), (.double, .double):
      // A Double local on either side is read in place (an Int one is converted by its code).
      let leftSlot = left.type == .double ? left.slot : nil
      let rightSlot = right.type == .double ? right.slot : nil
      let leftCode = DoubleCodeOperand(code: left.double)
      if let constant = right.constant?.number {
        let code =
          if let leftSlot {
            Self.floating(
              op, DoubleSlotOperand(slot: leftSlot, position: left.position), constant,
              at: operatorAt)
          } else {
            Self.floating(op, leftCode, constant, at: operatorAt)
          }
        if let code { return code.at(position) }
      }
      let rightCode = DoubleCodeOperand(code: right.double)
      let code =
        switch (leftSlot, rightSlot) {
        case (let a?, let b?):
          Self.floating(
            op, DoubleSlotOperand(slot: a, position: left.position),
            DoubleSlotOperand(slot: b, position: right.position), at: operatorAt)
        case (let a?, nil):
          Self.floating(
            op, DoubleSlotOperand(slot: a, position: left.position), rightCode, at: operatorAt)
        case (nil, let b?):
          Self.floating(
            op, leftCode, DoubleSlotOperand(slot: b, position: right.position), at: operatorAt)
        case (nil, nil):
          Self.floating(op, leftCode, rightCode, at: operatorAt)
        }
      if let code { return code.at(position) }
    default: break
    }
    let (a, b) = (left.value, right.value)
    let control = self.control
    return Typed(
      result,
      .value { frame throws(EvaluationError) in
        try Operators.apply(
          op, try a(frame), try b(frame), limit: control.valueLimit, at: operatorAt)
      }, at: position
    ).retyped(result)
  }

  /// `a op right` on Ints, with a literal right operand built in. Inlined, as the two below, so
  /// their closures are made where `A` is known (else each call of one goes through a thunk).
  @inline(__always)
  static func integer<A: IntOperand>(
    _ op: BinaryOperator, _ a: A, _ right: Typed, at position: Position
  ) -> Typed? {
    if case .int(let constant)? = right.constant, let code = integer(op, a, constant, at: position)
    {
      return code
    }
    return integer(op, a, IntCodeOperand(code: right.int), at: position)
  }

  @inline(__always)
  static func integer<A: IntOperand, B: IntOperand>(
    _ op: BinaryOperator, _ a: A, _ b: B, at position: Position
  ) -> Typed? {
    func overflow(_ x: Int, _ y: Int) -> EvaluationError {
      EvaluationError(
        "arithmetic overflow: '\(x) \(op.rawValue) \(y)' does not fit in an Int", at: position)
    }
    switch op {
    case .add:
      return Typed(
        .int,
        .int { frame throws(EvaluationError) in
          let x = try a(frame)
          let y = try b(frame)
          let (sum, overflowed) = x.addingReportingOverflow(y)
          if overflowed { throw overflow(x, y) }
          return sum
        }, at: position)
    case .subtract:
      return Typed(
        .int,
        .int { frame throws(EvaluationError) in
          let x = try a(frame)
          let y = try b(frame)
          let (difference, overflowed) = x.subtractingReportingOverflow(y)
          if overflowed { throw overflow(x, y) }
          return difference
        }, at: position)
    case .multiply:
      return Typed(
        .int,
        .int { frame throws(EvaluationError) in
          let x = try a(frame)
          let y = try b(frame)
          let (product, overflowed) = x.multipliedReportingOverflow(by: y)
          if overflowed { throw overflow(x, y) }
          return product
        }, at: position)
    case .divide, .remainder:
      let isDivision = op == .divide
      return Typed(
        .int,
        .int { frame throws(EvaluationError) in
          let x = try a(frame)
          let y = try b(frame)
          guard y != 0 else { throw EvaluationError("division by zero", at: position) }
          let (result, overflowed) =
            isDivision
            ? x.dividedReportingOverflow(by: y) : x.remainderReportingOverflow(dividingBy: y)
          if overflowed { throw overflow(x, y) }
          return result
        }, at: position)
    default: return comparison(op, a, b, at: position)
    }
  }

  @inline(__always)
  static func floating<A: DoubleOperand, B: DoubleOperand>(
    _ op: BinaryOperator, _ a: A, _ b: B, at position: Position
  ) -> Typed? {
    switch op {
    case .add:
      return Typed(
        .double, .double { frame throws(EvaluationError) in try a(frame) + b(frame) }, at: position)
    case .subtract:
      return Typed(
        .double, .double { frame throws(EvaluationError) in try a(frame) - b(frame) }, at: position)
    case .multiply:
      return Typed(
        .double, .double { frame throws(EvaluationError) in try a(frame) * b(frame) }, at: position)
    // Dividing a Double by zero gives an infinity or NaN, as in Swift.
    case .divide:
      return Typed(
        .double, .double { frame throws(EvaluationError) in try a(frame) / b(frame) }, at: position)
    default: return comparison(op, a, b, at: position)
    }
  }
}

/// Operators whose right operand is a literal (`n - 1`, `i % 7`, `x * 0.5`): the constant is
/// part of the code, so evaluating the operation makes one call fewer.
extension ProgramCompiler {
  @inline(__always)
  static func integer<A: IntOperand>(
    _ op: BinaryOperator, _ a: A, _ y: Int, at position: Position
  ) -> Typed? {
    func overflow(_ x: Int) -> EvaluationError {
      EvaluationError(
        "arithmetic overflow: '\(x) \(op.rawValue) \(y)' does not fit in an Int", at: position)
    }
    func bool(_ test: @escaping BoolCode) -> Typed { Typed(.bool, .bool(test), at: position) }
    let code: IntCode
    switch op {
    case .add:
      code = { frame throws(EvaluationError) in
        let x = try a(frame)
        let (sum, overflowed) = x.addingReportingOverflow(y)
        if overflowed { throw overflow(x) }
        return sum
      }
    case .subtract:
      code = { frame throws(EvaluationError) in
        let x = try a(frame)
        let (difference, overflowed) = x.subtractingReportingOverflow(y)
        if overflowed { throw overflow(x) }
        return difference
      }
    case .multiply:
      code = { frame throws(EvaluationError) in
        let x = try a(frame)
        let (product, overflowed) = x.multipliedReportingOverflow(by: y)
        if overflowed { throw overflow(x) }
        return product
      }
    // Neither overflows for a divisor other than 0 and -1 (those take the general code).
    case .divide where y != 0 && y != -1:
      code = { frame throws(EvaluationError) in try a(frame) / y }
    case .remainder where y != 0 && y != -1:
      code = { frame throws(EvaluationError) in try a(frame) % y }
    case .less: return bool { frame throws(EvaluationError) in try a(frame) < y }
    case .lessOrEqual: return bool { frame throws(EvaluationError) in try a(frame) <= y }
    case .greater: return bool { frame throws(EvaluationError) in try a(frame) > y }
    case .greaterOrEqual: return bool { frame throws(EvaluationError) in try a(frame) >= y }
    case .equal: return bool { frame throws(EvaluationError) in try a(frame) == y }
    case .notEqual: return bool { frame throws(EvaluationError) in try a(frame) != y }
    default: return nil
    }
    return Typed(.int, .int(code), at: position)
  }

  @inline(__always)
  static func floating<A: DoubleOperand>(
    _ op: BinaryOperator, _ a: A, _ y: Double, at position: Position
  ) -> Typed? {
    func double(_ code: @escaping DoubleCode) -> Typed {
      Typed(.double, .double(code), at: position)
    }
    func bool(_ test: @escaping BoolCode) -> Typed { Typed(.bool, .bool(test), at: position) }
    return switch op {
    case .add: double { frame throws(EvaluationError) in try a(frame) + y }
    case .subtract: double { frame throws(EvaluationError) in try a(frame) - y }
    case .multiply: double { frame throws(EvaluationError) in try a(frame) * y }
    case .divide: double { frame throws(EvaluationError) in try a(frame) / y }
    case .less: bool { frame throws(EvaluationError) in try a(frame) < y }
    case .lessOrEqual: bool { frame throws(EvaluationError) in try a(frame) <= y }
    case .greater: bool { frame throws(EvaluationError) in try a(frame) > y }
    case .greaterOrEqual: bool { frame throws(EvaluationError) in try a(frame) >= y }
    case .equal: bool { frame throws(EvaluationError) in try a(frame) == y }
    case .notEqual: bool { frame throws(EvaluationError) in try a(frame) != y }
    default: nil
    }
  }
}

extension ProgramCompiler {
  /// `<`, `==` ... on two operands of one type, both read in the closure itself, left first.
  @inline(__always)
  static func comparison<A: ComparableOperand, B: ComparableOperand>(
    _ op: BinaryOperator, _ a: A, _ b: B, at position: Position
  ) -> Typed? where A.Number == B.Number {
    func test(_ code: @escaping BoolCode) -> Typed { Typed(.bool, .bool(code), at: position) }
    switch op {
    case .less: return test { frame throws(EvaluationError) in try a(frame) < b(frame) }
    case .lessOrEqual: return test { frame throws(EvaluationError) in try a(frame) <= b(frame) }
    case .greater: return test { frame throws(EvaluationError) in try a(frame) > b(frame) }
    case .greaterOrEqual:
      return test { frame throws(EvaluationError) in try a(frame) >= b(frame) }
    case .equal: return test { frame throws(EvaluationError) in try a(frame) == b(frame) }
    case .notEqual: return test { frame throws(EvaluationError) in try a(frame) != b(frame) }
    default: return nil
    }
  }
}

extension Typed {
  func at(_ position: Position) -> Typed {
    var copy = self
    copy.position = position
    return copy
  }
}
