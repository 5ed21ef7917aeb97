/// Calls a directive's implementation with the running cell's context.
struct DirectiveInvoker {
  let control: RunControl

  func call(
    _ directive: Directive, receiver: Value?, arguments: [Value], positions: [Position],
    at position: Position
  ) throws(EvaluationError) -> Value {
    guard let context = control.context else {
      throw EvaluationError("'\(directive.name)' was called outside a running cell", at: position)
    }
    return try directive.implementation(
      Invocation(
        directive: directive, receiver: receiver, arguments: arguments,
        argumentPositions: positions, position: position, context: context))
  }
}
