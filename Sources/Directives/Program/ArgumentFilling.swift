/// How a call fills its callee's parameter slots from the caller's frame: through the call site's
/// `ArgumentWriter`, or, for one Int argument (`fib(n - 1)`), by the call itself with no writer
/// to call. A callee's slots hold `.void` (see `ProgramCompiler.argumentWriter`).
protocol ArgumentFilling {
  func callAsFunction(_ caller: Frame, _ callee: Frame, _ function: FunctionCode)
    throws(EvaluationError)
}

struct WrittenArguments: ArgumentFilling {
  let write: ArgumentWriter

  @inline(__always)
  func callAsFunction(_ caller: Frame, _ callee: Frame, _ function: FunctionCode)
    throws(EvaluationError)
  { try write(caller, callee, function) }
}

struct OneIntArgument: ArgumentFilling {
  let code: IntCode

  @inline(__always)
  func callAsFunction(_ caller: Frame, _ callee: Frame, _ function: FunctionCode)
    throws(EvaluationError)
  { callee.slots.initialize(to: .int(try code(caller))) }
}
