/// A function's body as one immutable object: calls reach it through an `Unmanaged` reference
/// (see `FunctionCode.runInt` and the others), so running a body retains nothing.
final class CompiledBody {
  /// What the body is: one expression of a type the call need not box, or statements.
  enum Kind {
    case int, double, bool, value, statements
  }

  let kind: Kind
  // The body's code, one field per kind (the others unused): a call runs a field of an object
  // it does not retain, where switching over a `Typed.Code` would copy (retain) the closure.
  let int: IntCode
  let double: DoubleCode
  let bool: BoolCode
  let value: ValueCode
  let statement: StatementCode

  init(statement: @escaping StatementCode, expression: Typed.Code?) {
    self.statement = statement
    var kind = Kind.statements
    var int: IntCode = { _ in 0 }
    var double: DoubleCode = { _ in 0 }
    var bool: BoolCode = { _ in false }
    var value: ValueCode = { _ in .void }
    switch expression {
    case .int(let code)?: (kind, int) = (.int, code)
    case .double(let code)?: (kind, double) = (.double, code)
    case .bool(let code)?: (kind, bool) = (.bool, code)
    case .value(let code)?: (kind, value) = (.value, code)
    case nil: break
    }
    self.kind = kind
    self.int = int
    self.double = double
    self.bool = bool
    self.value = value
  }

  /// Runs the body on a frame whose parameter slots are filled.
  @inline(__always)
  func run(_ frame: Frame) throws(EvaluationError) -> Value {
    switch kind {
    case .int: return .int(try int(frame))
    case .double: return .double(try double(frame))
    case .bool: return .bool(try bool(frame))
    case .value: return try value(frame)
    case .statements:
      _ = try statement(frame)
      return frame.result
    }
  }

  /// Runs the body for an Int result (the caller checked the function's type), unboxed when the
  /// body is one Int expression.
  @inline(__always)
  func runInt(_ frame: Frame, at position: Position) throws(EvaluationError) -> Int {
    if kind == .int { return try int(frame) }
    let value = try run(frame)
    guard case .int(let number) = value else { throw Coercion.mismatch(value, "Int", at: position) }
    return number
  }

  /// Runs the body for a Double result, unboxed when the body is one Double expression.
  @inline(__always)
  func runDouble(_ frame: Frame, at position: Position) throws(EvaluationError) -> Double {
    if kind == .double { return try double(frame) }
    let value = try run(frame)
    switch value {
    case .double(let number): return number
    case .int(let number): return Double(number)
    default: throw Coercion.mismatch(value, "Double", at: position)
    }
  }

  /// Runs the body for a Bool result, unboxed when the body is one Bool expression.
  @inline(__always)
  func runBool(_ frame: Frame, at position: Position) throws(EvaluationError) -> Bool {
    if kind == .bool { return try bool(frame) }
    let value = try run(frame)
    guard case .bool(let flag) = value else { throw Coercion.mismatch(value, "Bool", at: position) }
    return flag
  }
}

extension Unmanaged {
  /// Runs `body` on the instance without retaining it: for an object the caller knows is alive
  /// (reference counting is a third of a call's time otherwise).
  @inline(__always)
  func withInstance<Output>(_ body: (Instance) throws(EvaluationError) -> Output)
    throws(EvaluationError) -> Output
  {
    try _withUnsafeGuaranteedRef { instance in
      Result { () throws(EvaluationError) -> Output in try body(instance) }
    }.get()
  }
}
