/// The storage of one function call (or of one cell's blocks): a fixed number of slots the
/// compiler assigned to its local names, and the frame the function was defined in, so nested
/// functions and closures reach the variables they capture.
final class Frame {
  let slots: UnsafeMutablePointer<Value>
  let count: Int
  /// The frame of the function (or cell) this one's function was defined in (set anew when a
  /// finished call's frame is reused).
  var parent: Frame?
  /// What a `return` left, read by the caller.
  var result: Value = .void

  init(count: Int, parent: Frame?) {
    self.count = count
    self.parent = parent
    slots = .allocate(capacity: max(count, 1))
    slots.initialize(repeating: .void, count: count)
  }

  deinit {
    slots.deinitialize(count: count)
    slots.deallocate()
  }

  /// Empties every slot, the result and the parent, so a reused frame keeps no value alive. A
  /// slot holding a number or a Bool keeps it: it keeps nothing alive, a call stores its
  /// arguments over it (see `ProgramCompiler.argumentWriter`) and no code reads a local before
  /// writing it; skipping the store saved a tenth of a recursive call.
  @inline(__always)
  func clear() {
    for index in 0..<count {
      switch slots[index] {
      case .int, .double, .bool, .void, .range: continue
      default: slots[index] = .void
      }
    }
    if case .void = result {} else { result = .void }
    if parent != nil { parent = nil }
  }

  /// Empties `slots` and the result when the call or iteration this frame ran has ended: what
  /// closures made in it still read stays, the rest (which could hold those closures, and so
  /// this frame) goes.
  @inline(__always)
  func release(_ slots: [Int]) {
    for index in slots where index < count { self.slots[index] = .void }
    result = .void
  }

  /// The frame `depth` definitions out (0 is this one).
  @inline(__always)
  func outer(_ depth: Int) -> Frame {
    var frame = self
    for _ in 0..<depth { frame = frame.parent.unsafelyUnwrapped }
    return frame
  }
}

/// How a statement ended: on to the next one, or jumping out of a loop or function.
enum Flow {
  case next
  case breakLoop
  case continueLoop
  case returned
}

typealias ValueCode = (Frame) throws(EvaluationError) -> Value
typealias IntCode = (Frame) throws(EvaluationError) -> Int
typealias DoubleCode = (Frame) throws(EvaluationError) -> Double
typealias BoolCode = (Frame) throws(EvaluationError) -> Bool
typealias StatementCode = (Frame) throws(EvaluationError) -> Flow
/// Fills a callee's parameter slots from the caller's frame (see `argumentWriter`); the function
/// gives left-out arguments' defaults.
typealias ArgumentWriter = (_ caller: Frame, _ callee: Frame, _ function: FunctionCode)
  throws(EvaluationError) -> Void

/// A session variable as compiled code holds it: reading a global is one field access, with no
/// name lookup at run time.
package final class GlobalBox {
  package let name: String
  package var value: Value
  package let type: ValueType
  package let isConstant: Bool
  package let origin: Variable.Origin
  /// A `func` declaration's signature, so later cells call it with its labels and defaults
  /// (set again when a saved session is restored).
  var function: FunctionCode?
  /// Set when the definition failed to compile: `nudge check` reports nothing more about the
  /// variable's uses in later cells (see `Typed.followsAnError`).
  var followsAnError = false

  init(
    name: String, value: Value, type: ValueType, isConstant: Bool, origin: Variable.Origin,
    function: FunctionCode? = nil
  ) {
    self.name = name
    self.value = value
    self.type = type
    self.isConstant = isConstant
    self.origin = origin
    self.function = function
  }

  convenience init(name: String, variable: Variable) {
    self.init(
      name: name, value: variable.value, type: variable.type, isConstant: variable.isConstant,
      origin: variable.origin)
  }

  var variable: Variable {
    Variable(value: value, isConstant: isConstant, origin: origin, type: type)
  }
}
