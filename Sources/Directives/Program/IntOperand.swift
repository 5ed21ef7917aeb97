/// The left operand of an Int operator as the operator's code reads it: any Int code, or an Int
/// local read in place, so `n - 1`, `i % 7` and `n < 2` make one closure call, not two.
protocol IntOperand: ComparableOperand where Number == Int {}

/// An operand of a comparison, whose code reads it in place (see `ProgramCompiler.comparison`).
protocol ComparableOperand {
  associatedtype Number: Comparable
  func callAsFunction(_ frame: Frame) throws(EvaluationError) -> Number
}

struct IntCodeOperand: IntOperand {
  let code: IntCode

  @inline(__always)
  func callAsFunction(_ frame: Frame) throws(EvaluationError) -> Int { try code(frame) }
}

/// An Int local of the frame the code runs on (see `Typed.slot`).
struct IntSlotOperand: IntOperand {
  let slot: Int
  let position: Position

  @inline(__always)
  func callAsFunction(_ frame: Frame) throws(EvaluationError) -> Int {
    try ProgramCompiler.int(frame.slots[slot], at: position)
  }
}

extension ProgramCompiler {
  /// `condition ? a : b` on Ints (inlined: see `integer`).
  @inline(__always)
  static func choice<Condition: BoolOperand, A: IntOperand, B: IntOperand>(
    _ condition: Condition, _ a: A, _ b: B, at position: Position
  ) -> Typed {
    Typed(
      .int,
      .int { frame throws(EvaluationError) in try condition(frame) ? try a(frame) : try b(frame) },
      at: position)
  }
}
