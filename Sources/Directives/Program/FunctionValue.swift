import Notebook

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
  /// The result as code, when the body is one expression (`{ $0 * 0.5 }`, `fib`): a call runs
  /// it directly, unboxed when the result is an Int, Double or Bool, with no `return` to pass.
  var expression: Typed.Code?
  /// Whether the body makes closures that may outlive a call (then frames are never reused).
  var makesClosures = false
  /// Whether the body (or a closure in it) reads a local of an enclosing function or block:
  /// only then does a value of it keep the frame it was made in (see `FunctionValue.context`).
  var capturesContext = false
  /// The slots of a call's frame that no closure reads: emptied when the call ends, so a frame a
  /// closure keeps alive keeps only what the closure can reach (as Swift captures).
  var uncapturedSlots: [Int] = []
  /// For a struct's memberwise initializer: the struct it makes.
  var structure: StructDefinition?
  let position: Position
  /// Where it was written, for saving it with the session; nil when it cannot be compiled again.
  var definition: FunctionDefinition?
  /// Frames of finished calls, ready for the next (only when no frame can outlive its call),
  /// linked through `Frame.nextSpare`: a recursive function allocates a frame per depth once,
  /// not one per call.
  private var spareFrames: Frame?

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

  deinit { dropSpareFrames() }

  /// Lets go of the spare frames, one by one: releasing a chain 10,000 frames long would
  /// recurse as deep.
  private func dropSpareFrames() {
    var next = spareFrames
    spareFrames = nil
    while let frame = next {
      next = frame.nextSpare
      frame.nextSpare = nil
    }
  }

  var type: ValueType { .function(parameters.map(\.type), resultType) }

  /// Takes the signature of `other` (the same declaration, compiled again).
  func adoptSignature(of other: FunctionCode) {
    parameters = other.parameters
    resultType = other.resultType
    defaults = other.defaults
  }

  /// Becomes `other` (the same declaration, compiled again): this object may already be in
  /// restored values and session variables.
  func adopt(_ other: FunctionCode) {
    adoptSignature(of: other)
    slotCount = other.slotCount
    body = other.body
    expression = other.expression
    makesClosures = other.makesClosures
    capturesContext = other.capturesContext
    uncapturedSlots = other.uncapturedSlots
    definition = other.definition
    structure = other.structure
    // Spare frames have the old slot count.
    dropSpareFrames()
  }

  /// A frame for one call whose function was defined in `context`.
  @inline(__always)
  func makeFrame(context: Frame?) -> Frame {
    if let frame = spareFrames {
      spareFrames = frame.nextSpare
      frame.nextSpare = nil
      frame.parent = context
      return frame
    }
    return Frame(count: slotCount, parent: context)
  }

  /// Takes back a call's frame once the call has finished, emptied so that it keeps no value
  /// (nor its defining frame) alive. A frame closures may still hold keeps the slots they read.
  @inline(__always)
  func recycle(_ frame: Frame) {
    guard !makesClosures, frame.count == slotCount else {
      frame.release(uncapturedSlots)
      return
    }
    frame.clear()
    frame.parent = nil
    frame.nextSpare = spareFrames
    spareFrames = frame
  }
}

/// Where a function or closure was written: the source of the cell it is in, its position there,
/// and the session variables its body reads. That is all it needs to be compiled again, unless it
/// reads locals of an enclosing function or block (they live in frames no snapshot keeps).
struct FunctionDefinition {
  /// The cell as it was compiled (its id, source and place in the notebook, which positions
  /// count from).
  var cell: Cell
  var position: Position
  /// The session variables the body reads or writes, as compiled: a variable a later cell
  /// defines again under the same name is not the one the function reads.
  var globals: [String: GlobalBox] = [:]
  var capturesLocals = false
}

/// A function or closure as a value: its code and the frame it captured.
package final class FunctionValue: @unchecked Sendable {
  let code: FunctionCode
  /// The frame it was made in, when its body reads locals there or further out (nil when it
  /// reads only its parameters and session variables, so that it keeps no frame alive).
  let context: Frame?
  let control: RunControl
  /// Set on the copy kept in a slot of the very frame it captured (`func f` in a loop's body, a
  /// recursive nested function): holding that frame from its own slot would keep both alive
  /// forever, so the copy holds none and whoever reads the slot supplies the frame (see
  /// `stored(in:)` and `read(from:)`).
  let capturesHolder: Bool

  init(code: FunctionCode, context: Frame?, control: RunControl, capturesHolder: Bool = false) {
    self.code = code
    self.context = context
    self.control = control
    self.capturesHolder = capturesHolder
  }

  /// A value of `code` made on `frame`: it keeps the frame only when its body reads from it.
  convenience init(code: FunctionCode, madeOn frame: Frame, control: RunControl) {
    self.init(code: code, context: code.capturesContext ? frame : nil, control: control)
  }

  var name: String { code.name }

  /// The frame a call runs in, for a value read from a slot of `holder`.
  @inline(__always)
  func context(heldBy holder: Frame) -> Frame? { capturesHolder ? holder : context }

  /// Calls with one value per parameter (already coerced to the parameter types).
  func call(_ arguments: [Value], at position: Position) throws(EvaluationError) -> Value {
    let frame = code.makeFrame(context: context)
    defer { code.recycle(frame) }
    for (index, argument) in arguments.enumerated() { frame.slots[index] = argument }
    return try run(frame, at: position)
  }

  /// Runs the body on a frame whose parameter slots are filled.
  @inline(__always)
  func run(_ frame: Frame, at position: Position) throws(EvaluationError) -> Value {
    try control.enter(at: position)
    defer { control.depth -= 1 }
    switch code.expression {
    case .int(let result)?: return .int(try result(frame))
    case .double(let result)?: return .double(try result(frame))
    case .bool(let result)?: return .bool(try result(frame))
    case .value(let result)?: return try result(frame)
    case nil:
      _ = try code.body(frame)
      return frame.result
    }
  }

  /// Runs the body for an Int result (the caller checked the function's type), unboxed when the
  /// body is one Int expression.
  @inline(__always)
  func runInt(_ frame: Frame, at position: Position) throws(EvaluationError) -> Int {
    if case .int(let result)? = code.expression {
      try control.enter(at: position)
      defer { control.depth -= 1 }
      return try result(frame)
    }
    let value = try run(frame, at: position)
    guard case .int(let number) = value else { throw Coercion.mismatch(value, "Int", at: position) }
    return number
  }

  /// Runs the body for a Double result, unboxed when the body is one Double expression.
  @inline(__always)
  func runDouble(_ frame: Frame, at position: Position) throws(EvaluationError) -> Double {
    if case .double(let result)? = code.expression {
      try control.enter(at: position)
      defer { control.depth -= 1 }
      return try result(frame)
    }
    let value = try run(frame, at: position)
    switch value {
    case .double(let number): return number
    case .int(let number): return Double(number)
    default: throw Coercion.mismatch(value, "Double", at: position)
    }
  }

  /// Runs the body for a Bool result, unboxed when the body is one Bool expression.
  @inline(__always)
  func runBool(_ frame: Frame, at position: Position) throws(EvaluationError) -> Bool {
    if case .bool(let result)? = code.expression {
      try control.enter(at: position)
      defer { control.depth -= 1 }
      return try result(frame)
    }
    let value = try run(frame, at: position)
    guard case .bool(let flag) = value else { throw Coercion.mismatch(value, "Bool", at: position) }
    return flag
  }
}

extension Value {
  /// The value to keep in a slot of `frame`: a function that captured `frame` itself is kept
  /// without it (see `FunctionValue.capturesHolder`).
  @inline(__always)
  func stored(in frame: Frame) -> Value {
    guard case .function(let function) = self, let context = function.context, context === frame
    else { return self }
    return .function(
      FunctionValue(
        code: function.code, context: nil, control: function.control, capturesHolder: true))
  }

  /// The value a slot of `holder` gives: a function kept without its frame gets it back.
  @inline(__always)
  func read(from holder: Frame) -> Value {
    guard case .function(let function) = self, function.capturesHolder else { return self }
    return .function(FunctionValue(code: function.code, context: holder, control: function.control))
  }
}
