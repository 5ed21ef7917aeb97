/// An operand of a Double operator as the operator's code reads it: any Double code, or a Double
/// local read in place, so `$0 * 0.5` and the `+` of `reduce(0, +)` make one closure call, not
/// three (see `IntOperand`).
protocol DoubleOperand: ComparableOperand where Number == Double {}

struct DoubleCodeOperand: DoubleOperand {
  let code: DoubleCode

  @inline(__always)
  func callAsFunction(_ frame: Frame) throws(EvaluationError) -> Double { try code(frame) }
}

/// A Double local of the frame the code runs on (see `Typed.slot`).
struct DoubleSlotOperand: DoubleOperand {
  let slot: Int
  let position: Position

  @inline(__always)
  func callAsFunction(_ frame: Frame) throws(EvaluationError) -> Double {
    try ProgramCompiler.double(frame.slots[slot], at: position)
  }
}
