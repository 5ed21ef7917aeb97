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
  var body: StatementCode = { _ throws(EvaluationError) in .next } {
    didSet { seal() }
  }
  /// The result as code, when the body is one expression (`{ $0 * 0.5 }`, `fib`): a call runs
  /// it directly, unboxed when the result is an Int, Double or Bool, with no `return` to pass.
  var expression: Typed.Code? {
    didSet { seal() }
  }
  /// `body` and `expression` as calls run them (kept by `compiled`, reached unretained).
  private var compiled: CompiledBody
  private(set) var unmanagedBody: Unmanaged<CompiledBody>
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
  /// The frames of the calls in progress, by recursion depth, and spare ones above them (only
  /// when no frame can outlive its call): a recursive function allocates a frame per depth
  /// once, not one per call. Owned (retained) here.
  private var frames: UnsafeMutablePointer<Unmanaged<Frame>>
  private var frameCapacity = 0
  private var framesMade = 0
  /// How many of `frames` calls in progress use.
  private var framesInUse = 0
  /// The code this one became (see `adopt`): calls bound to it at compile time (recursion) run
  /// there, so it lives as long as this.
  private var adopted: FunctionCode?

  init(
    name: String, parameters: [Parameter], resultType: ValueType, defaults: [ValueCode?],
    position: Position
  ) {
    self.name = name
    self.parameters = parameters
    self.resultType = resultType
    self.defaults = defaults
    self.position = position
    compiled = CompiledBody(statement: { _ throws(EvaluationError) in .next }, expression: nil)
    unmanagedBody = .passUnretained(compiled)
    frames = .allocate(capacity: 0)
  }

  deinit {
    dropFrames()
    frames.deallocate()
  }

  private func seal() {
    compiled = CompiledBody(statement: body, expression: expression)
    unmanagedBody = .passUnretained(compiled)
  }

  /// Lets go of the spare frames (none is in use: `adopt` runs between cells).
  private func dropFrames() {
    for index in 0..<framesMade { frames[index].release() }
    framesMade = 0
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
    adopted = other
    // Spare frames have the old slot count.
    dropFrames()
  }

  /// Runs `call` on a frame for one call of this function defined in `context`: a spare frame
  /// when no frame can outlive its call (emptied afterwards, so that it keeps no value nor its
  /// defining frame alive), else a new one that keeps only the slots closures read.
  @inline(__always)
  func withFrame<Output>(
    context: Frame?, _ call: (Frame) throws(EvaluationError) -> Output
  ) throws(EvaluationError) -> Output {
    guard !makesClosures else {
      let frame = Frame(count: slotCount, parent: context)
      defer { frame.release(uncapturedSlots) }
      return try call(frame)
    }
    if framesInUse == framesMade { makeSpareFrame() }
    let frame = frames[framesInUse]
    framesInUse += 1
    defer {
      framesInUse -= 1
      frame._withUnsafeGuaranteedRef { $0.clear() }
    }
    return try frame.withInstance { frame throws(EvaluationError) in
      if let context { frame.parent = context }
      return try call(frame)
    }
  }

  @inline(never)
  private func makeSpareFrame() {
    if framesMade == frameCapacity {
      let capacity = max(16, frameCapacity * 2)
      let grown = UnsafeMutablePointer<Unmanaged<Frame>>.allocate(capacity: capacity)
      grown.moveInitialize(from: frames, count: framesMade)
      frames.deallocate()
      frames = grown
      frameCapacity = capacity
    }
    frames[framesMade] = .passRetained(Frame(count: slotCount, parent: nil))
    framesMade += 1
  }

  /// Runs the body on a frame whose parameter slots are filled (the caller entered `control`).
  @inline(__always)
  func run(_ frame: Frame) throws(EvaluationError) -> Value {
    try unmanagedBody.withInstance { body throws(EvaluationError) in try body.run(frame) }
  }

  @inline(__always)
  func runInt(_ frame: Frame, at position: Position) throws(EvaluationError) -> Int {
    try unmanagedBody.withInstance { body throws(EvaluationError) in
      try body.runInt(frame, at: position)
    }
  }

  @inline(__always)
  func runDouble(_ frame: Frame, at position: Position) throws(EvaluationError) -> Double {
    try unmanagedBody.withInstance { body throws(EvaluationError) in
      try body.runDouble(frame, at: position)
    }
  }

  @inline(__always)
  func runBool(_ frame: Frame, at position: Position) throws(EvaluationError) -> Bool {
    try unmanagedBody.withInstance { body throws(EvaluationError) in
      try body.runBool(frame, at: position)
    }
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
    try code.withFrame(context: context) { frame throws(EvaluationError) in
      for (index, argument) in arguments.enumerated() { frame.slots[index] = argument }
      return try run(frame, at: position)
    }
  }

  /// Runs the body on a frame whose parameter slots are filled.
  @inline(__always)
  func run(_ frame: Frame, at position: Position) throws(EvaluationError) -> Value {
    try control.enter(at: position)
    defer { control.depth -= 1 }
    return try code.run(frame)
  }

  /// Runs the body for an Int result (the caller checked the function's type).
  @inline(__always)
  func runInt(_ frame: Frame, at position: Position) throws(EvaluationError) -> Int {
    try control.enter(at: position)
    defer { control.depth -= 1 }
    return try code.runInt(frame, at: position)
  }

  /// Runs the body for a Double result.
  @inline(__always)
  func runDouble(_ frame: Frame, at position: Position) throws(EvaluationError) -> Double {
    try control.enter(at: position)
    defer { control.depth -= 1 }
    return try code.runDouble(frame, at: position)
  }

  /// Runs the body for a Bool result.
  @inline(__always)
  func runBool(_ frame: Frame, at position: Position) throws(EvaluationError) -> Bool {
    try control.enter(at: position)
    defer { control.depth -= 1 }
    return try code.runBool(frame, at: position)
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
