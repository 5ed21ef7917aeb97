/// Fused forms for the shapes recursive Int functions and scalar loops are made of: a body of
/// `if`s that each return, as one expression; `n < 2` as a ternary's condition, `fib(n - 1)` with its argument written straight into the callee's slot,
/// `fib(n - 1) + fib(n - 2)` and `n * fact(n - 1)` as one closure, `total += i % 7`. Each form
/// is one closure where the general code makes one call per node; each computes and reports
/// exactly what the general code does (an overflow at its operator, a type mismatch at the
/// local). The closure tree stays the general path: a form is used only when its shape is
/// recorded on the operands (`Typed.fused`).
enum FusableShape {
  /// `local op literal` on an Int local of the frame the code runs on (`n - 1`, `n < 2`).
  case slotWithLiteral(SlotWithLiteral)
  /// A call of the function being compiled, with one argument `local ± literal` (`fib(n - 1)`).
  case recursiveIntCall(RecursiveIntCall)
}

/// `local op literal` (see `FusableShape.slotWithLiteral`).
struct SlotWithLiteral {
  let op: BinaryOperator
  let slot: Int
  let literal: Int
  /// Where the local is read: a value of another type is reported there.
  let slotPosition: Position
  /// Where the operator stands: an overflow is reported there.
  let operatorPosition: Position

  /// Whether `arithmetic` computes this shape: `/` and `%` only by a literal that cannot fail
  /// (0 and -1 take the general code, which reports them).
  var isArithmetic: Bool {
    switch op {
    case .add, .subtract, .multiply: true
    case .divide, .remainder: literal != 0 && literal != -1
    default: false
    }
  }

  var isComparison: Bool {
    switch op {
    case .less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual: true
    default: false
    }
  }

  @inline(__always)
  func local(_ frame: Frame) throws(EvaluationError) -> Int {
    try ProgramCompiler.int(frame.slots[slot], at: slotPosition)
  }

  /// The value of an arithmetic shape (see `isArithmetic`).
  @inline(__always)
  func arithmetic(_ frame: Frame) throws(EvaluationError) -> Int {
    let x = try local(frame)
    let (result, overflowed) =
      switch op {
      case .add: x.addingReportingOverflow(literal)
      case .subtract: x.subtractingReportingOverflow(literal)
      case .multiply: x.multipliedReportingOverflow(by: literal)
      case .divide: (x / literal, false)
      default: (x % literal, false)
      }
    if overflowed { throw ProgramCompiler.overflow(x, op, literal, at: operatorPosition) }
    return result
  }

  /// The value of a comparison shape (see `isComparison`).
  @inline(__always)
  func comparison(_ frame: Frame) throws(EvaluationError) -> Bool {
    let x = try local(frame)
    return switch op {
    case .less: x < literal
    case .lessOrEqual: x <= literal
    case .greater: x > literal
    case .greaterOrEqual: x >= literal
    case .equal: x == literal
    default: x != literal
    }
  }
}

/// An arithmetic `local op literal` as an operand read in place (`total += i % 7`).
struct SlotArithmeticOperand: IntOperand {
  let shape: SlotWithLiteral

  @inline(__always)
  func callAsFunction(_ frame: Frame) throws(EvaluationError) -> Int {
    try shape.arithmetic(frame)
  }
}

/// The condition of a ternary as its code reads it: any Bool code, or a comparison of a local
/// with a literal read in place.
protocol BoolOperand {
  func callAsFunction(_ frame: Frame) throws(EvaluationError) -> Bool
}

struct BoolCodeOperand: BoolOperand {
  let code: BoolCode

  @inline(__always)
  func callAsFunction(_ frame: Frame) throws(EvaluationError) -> Bool { try code(frame) }
}

struct SlotComparisonOperand: BoolOperand {
  let shape: SlotWithLiteral

  @inline(__always)
  func callAsFunction(_ frame: Frame) throws(EvaluationError) -> Bool {
    try shape.comparison(frame)
  }
}

/// One argument `local ± literal` written into the callee's first slot by the call itself.
struct SlotOffsetArgument: ArgumentFilling {
  let shape: SlotWithLiteral

  @inline(__always)
  func callAsFunction(_ caller: Frame, _ callee: Frame, _ function: FunctionCode)
    throws(EvaluationError)
  { callee.slots.initialize(to: .int(try shape.arithmetic(caller))) }
}

/// A call of the function being compiled from its own body, as an operand: an operator over
/// two of them (`fib(n - 1) + fib(n - 2)`) runs both calls in its own closure.
struct RecursiveIntCall: IntOperand {
  /// Unretained, as in `ProgramCompiler.recursiveCall`: the call runs only while the body that
  /// holds it runs.
  let target: Unmanaged<FunctionCode>
  let argument: SlotOffsetArgument
  let control: RunControl
  let position: Position

  @inline(__always)
  func callAsFunction(_ frame: Frame) throws(EvaluationError) -> Int {
    try ProgramCompiler.call(target, from: frame, argument, control, at: position) {
      code, callee throws(EvaluationError) in try code.runInt(callee, at: position)
    }
  }
}

extension ProgramCompiler {
  /// `local op literal` on Ints, with its shape recorded for the fused forms that take it.
  static func slotWithLiteral(
    _ op: BinaryOperator, _ left: Typed, _ right: Typed, _ code: Typed, at operatorAt: Position
  ) -> Typed {
    guard let slot = left.slot, case .int(let literal)? = right.constant else { return code }
    let shape = SlotWithLiteral(
      op: op, slot: slot, literal: literal, slotPosition: left.position,
      operatorPosition: operatorAt)
    guard shape.isArithmetic || shape.isComparison else { return code }
    var fused = code
    fused.fused = .slotWithLiteral(shape)
    return fused
  }

  /// `fib(n - 1)` in the body of `fib`: the argument computed and stored by the call, and the
  /// call recorded for an operator over two calls (see `fusedInteger`).
  func fusedRecursiveCall(
    _ function: FunctionCode, _ arguments: [Typed?], result: ValueType, at position: Position
  ) -> Typed? {
    guard result == .int, arguments.count == 1, let argument = arguments[0],
      argument.type == .int, case .slotWithLiteral(let shape)? = argument.fused,
      shape.op == .add || shape.op == .subtract
    else { return nil }
    let call = RecursiveIntCall(
      target: .passUnretained(function), argument: SlotOffsetArgument(shape: shape),
      control: control, position: position)
    var typed = Typed(.int, .int { frame throws(EvaluationError) in try call(frame) }, at: position)
    typed.fused = .recursiveIntCall(call)
    return typed
  }

  /// An Int operator whose right operand is a recursive call, and whose left one is another
  /// (`fib(n - 1) + fib(n - 2)`) or a local (`n * fact(n - 1)`): one closure for the whole.
  static func fusedInteger(
    _ op: BinaryOperator, _ left: Typed, _ right: Typed, at operatorAt: Position
  ) -> Typed? {
    guard case .recursiveIntCall(let b)? = right.fused else { return nil }
    if case .recursiveIntCall(let a)? = left.fused {
      return integer(op, a, b, at: operatorAt)
    }
    if let slot = left.slot {
      return integer(op, IntSlotOperand(slot: slot, position: left.position), b, at: operatorAt)
    }
    return nil
  }

  /// `condition ? then : otherwise` on Ints, a local on one side read in place, and a
  /// comparison of a local with a literal as the condition read in place too.
  func intChoice(_ condition: Typed, _ then: Typed, _ otherwise: Typed, at position: Position)
    -> Typed
  {
    if case .slotWithLiteral(let shape)? = condition.fused, shape.isComparison {
      return Self.intChoice(SlotComparisonOperand(shape: shape), then, otherwise, at: position)
    }
    return Self.intChoice(BoolCodeOperand(code: condition.bool), then, otherwise, at: position)
  }

  @inline(__always)
  static func intChoice<Condition: BoolOperand>(
    _ condition: Condition, _ then: Typed, _ otherwise: Typed, at position: Position
  ) -> Typed {
    switch (then.slot, otherwise.slot) {
    case (let slot?, nil):
      choice(
        condition, IntSlotOperand(slot: slot, position: then.position),
        IntCodeOperand(code: otherwise.int), at: position)
    case (nil, let slot?):
      choice(
        condition, IntCodeOperand(code: then.int),
        IntSlotOperand(slot: slot, position: otherwise.position), at: position)
    default:
      choice(
        condition, IntCodeOperand(code: then.int), IntCodeOperand(code: otherwise.int),
        at: position)
    }
  }
}

extension ProgramCompiler {
  /// The expression a body of returns is: `if c { return a }; return b` and
  /// `if c { return a } else { return b }` (and chains of them) are `c ? a : b`, which runs as
  /// one unboxed expression with the forms above instead of statements passing a boxed result.
  /// nil for any other body, or an `if let`.
  static func returnedExpression(_ body: ArraySlice<Statement>) -> Expression? {
    guard let first = body.first else { return nil }
    switch first.kind {
    case .returnValue(let value?) where body.count == 1:
      return value
    case .ifElse(let conditions, let then, let otherwise) where conditions.count == 1:
      if case .optionalBinding = conditions[0].kind { return nil }
      guard let returned = returnedExpression(then[...]) else { return nil }
      let rest: Expression?
      if let otherwise {
        rest = body.count == 1 ? returnedExpression(otherwise[...]) : nil
      } else {
        rest = returnedExpression(body.dropFirst())
      }
      guard let rest else { return nil }
      return Expression(
        kind: .ternary(condition: conditions[0], then: returned, otherwise: rest),
        position: first.position)
    default:
      return nil
    }
  }

  /// The body's returns as one expression (see `returnedExpression`), compiled for the result
  /// type; nil, with nothing reported, when it is not that shape or does not compile as one
  /// (the statements then give their own errors where they are).
  func returnedExpressionBody(_ body: [Statement], resultType: ValueType) -> Typed? {
    guard resultType != .void, resultType != .any, body.count <= 8,
      let expression = Self.returnedExpression(body[...])
    else { return nil }
    let problemsBefore = problemCount
    let typed = compile(expression, expected: resultType)
    // Branches of other types would join into `Any`, checked only when run: the statements
    // report them where they are instead.
    guard problemCount == problemsBefore, typed.type == resultType else {
      discardProblems(after: problemsBefore)
      return nil
    }
    return converted(typed, to: resultType)
  }
}
