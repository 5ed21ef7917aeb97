/// A function's compiled body and signature, shared by every closure value made from it.
final class FunctionCode: @unchecked Sendable {
  let name: String
  /// Labels, types and defaults (a default is `.void` here; its expression is in `defaults`).
  var parameters: [Parameter]
  var resultType: ValueType
  /// Computes a left-out argument's default on the callee's frame.
  var defaults: [ValueCode?]
  var slotCount = 0
  var body: StatementCode = { _ throws(EvaluationError) in .next }
  /// Whether the body makes closures that may outlive a call (then frames are never reused).
  var makesClosures = false
  let position: Position

  init(
    name: String, parameters: [Parameter], resultType: ValueType, defaults: [ValueCode?],
    position: Position
  ) {
    self.name = name
    self.parameters = parameters
    self.resultType = resultType
    self.defaults = defaults
    self.position = position
  }

  var type: ValueType { .function(parameters.map(\.type), resultType) }
}

/// A function or closure as a value: its code and the frame it captured.
package final class FunctionValue: @unchecked Sendable {
  let code: FunctionCode
  let context: Frame?
  let control: RunControl

  init(code: FunctionCode, context: Frame?, control: RunControl) {
    self.code = code
    self.context = context
    self.control = control
  }

  var name: String { code.name }

  /// Calls with one value per parameter (already coerced to the parameter types).
  func call(_ arguments: [Value], at position: Position) throws(EvaluationError) -> Value {
    let frame = Frame(count: code.slotCount, parent: context)
    for (index, argument) in arguments.enumerated() { frame.slots[index] = argument }
    return try run(frame, at: position)
  }

  /// Runs the body on a frame whose parameter slots are filled.
  @inline(__always)
  func run(_ frame: Frame, at position: Position) throws(EvaluationError) -> Value {
    try control.enter(at: position)
    defer { control.depth -= 1 }
    _ = try code.body(frame)
    return frame.result
  }
}
