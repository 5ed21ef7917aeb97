/// An expression compiled: its static type, its position, and the closure that computes it —
/// unboxed (`Int`, `Double`, `Bool`) when the type is known, so arithmetic on them never wraps
/// and unwraps `Value`s.
struct Typed {
  enum Code {
    case int(IntCode)
    case double(DoubleCode)
    case bool(BoolCode)
    case value(ValueCode)
  }

  var type: ValueType
  var code: Code
  var position: Position
  /// The literal's value when the expression is a constant (`.relu`, `3`), for folding.
  var constant: Value?
  /// For an expression that is run for its effect (`total += i`): the same effect as a
  /// statement, without making a `Void` value to throw away.
  var statement: StatementCode?
  /// For a read of an Int or Double local of the frame the code runs on: its slot, so an
  /// operator reads it in place (see `IntSlotOperand`, `DoubleSlotOperand`). Set by
  /// `ProgramCompiler.read` only.
  var slot: Int?
  /// The expression's shape when a fused form can take it in place (see `FusableShape`).
  var fused: FusableShape?
  /// True for an expression whose type is unknown because of an error already reported (a
  /// failed call, or a name whose definition failed): what it is used in reports nothing more,
  /// so `nudge check` gives the error once, not once per use (see `heldBack`).
  var followsAnError = false

  init(
    _ type: ValueType, _ code: Code, at position: Position, constant: Value? = nil,
    statement: StatementCode? = nil
  ) {
    self.type = type
    self.code = code
    self.position = position
    self.constant = constant
    self.statement = statement
  }

  /// A value known when compiling.
  static func literal(_ value: Value, type: ValueType? = nil, at position: Position) -> Typed {
    switch value {
    case .int(let number): Typed(.int, .int { _ in number }, at: position, constant: value)
    case .double(let number): Typed(.double, .double { _ in number }, at: position, constant: value)
    case .bool(let flag): Typed(.bool, .bool { _ in flag }, at: position, constant: value)
    default: Typed(type ?? value.type, .value { _ in value }, at: position, constant: value)
    }
  }

  /// Code that fails with an error found while compiling; its type matches anything, so one
  /// error does not cascade.
  static func failing(_ error: EvaluationError) -> Typed {
    var typed = Typed(.any, .value { _ throws(EvaluationError) in throw error }, at: error.position)
    typed.followsAnError = true
    return typed
  }

  /// The same code, marked as following an error when `condition` holds.
  func following(anError condition: Bool) -> Typed {
    var typed = self
    typed.followsAnError = typed.followsAnError || condition
    return typed
  }

  var value: ValueCode {
    switch code {
    case .value(let code): return code
    case .int(let code): return { frame throws(EvaluationError) in .int(try code(frame)) }
    case .double(let code): return { frame throws(EvaluationError) in .double(try code(frame)) }
    case .bool(let code): return { frame throws(EvaluationError) in .bool(try code(frame)) }
    }
  }

  var int: IntCode {
    switch code {
    case .int(let code): return code
    default:
      let code = value
      let at = position
      return { frame throws(EvaluationError) in
        let value = try code(frame)
        guard case .int(let number) = value else { throw Coercion.mismatch(value, "Int", at: at) }
        return number
      }
    }
  }

  /// The number as a Double, Ints promoted.
  var double: DoubleCode {
    switch code {
    case .double(let code): return code
    case .int(let code): return { frame throws(EvaluationError) in Double(try code(frame)) }
    default:
      let code = value
      let at = position
      return { frame throws(EvaluationError) in
        let value = try code(frame)
        switch value {
        case .double(let number): return number
        case .int(let number): return Double(number)
        default: throw Coercion.mismatch(value, "Double", at: at)
        }
      }
    }
  }

  var bool: BoolCode {
    switch code {
    case .bool(let code): return code
    default:
      let code = value
      let at = position
      return { frame throws(EvaluationError) in
        let value = try code(frame)
        guard case .bool(let flag) = value else { throw Coercion.mismatch(value, "Bool", at: at) }
        return flag
      }
    }
  }

  /// The same code seen at another static type (after a check that the value has it).
  func retyped(_ type: ValueType) -> Typed {
    var copy = self
    copy.type = type
    switch type {
    case .int: copy.code = .int(int)
    case .double: copy.code = .double(double)
    case .bool: copy.code = .bool(bool)
    default: copy.code = .value(value)
    }
    return copy
  }
}
