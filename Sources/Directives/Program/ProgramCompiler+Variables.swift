/// Assignments, `+=` and `append` on a plain variable (a session variable or a slot of the running
/// frame), compiled to change it in one step: the general code for places (`m[i][j]`) goes
/// through a closure per level, which is most of the cost of `total += i` in a loop.
extension ProgramCompiler {
  /// `name = value`, the value stored unboxed-then-wrapped without an intermediate closure.
  func assignVariable(_ place: Place, _ assigned: Typed, at position: Position) -> Typed? {
    if let box = place.box {
      return assign(BoxStorage(box: box), place.type, assigned, at: position)
    }
    if let slot = place.slot {
      return assign(SlotStorage(slot: slot), place.type, assigned, at: position)
    }
    return nil
  }

  /// `name += value` (and `-=`, `*=`) on an Int or Double variable: read, combined and stored
  /// in one step, with the same overflow error as `name + value`.
  func updateVariable(
    _ op: BinaryOperator, _ place: Place, _ value: Typed, at position: Position
  ) -> Typed? {
    guard [.add, .subtract, .multiply].contains(op) else { return nil }
    if let box = place.box {
      return update(BoxStorage(box: box), op, place, value, at: position)
    }
    if let slot = place.slot {
      return update(SlotStorage(slot: slot), op, place, value, at: position)
    }
    return nil
  }

  /// `name.append(element)` on an array variable, appended in place.
  func appendToVariable(_ place: Place, _ element: @escaping ValueCode, at position: Position)
    -> Typed?
  {
    if let box = place.box { return append(BoxStorage(box: box), element, at: position) }
    if let slot = place.slot { return append(SlotStorage(slot: slot), element, at: position) }
    return nil
  }

  private func assign<Storage: VariableStorage>(
    _ storage: Storage, _ type: ValueType, _ assigned: Typed, at position: Position
  ) -> Typed {
    let code: StatementCode
    switch (type, assigned.code) {
    case (.int, .int(let value)):
      code = { frame throws(EvaluationError) in
        storage.storeNumber(.int(try value(frame)), in: frame)
        return .next
      }
    case (.double, _) where assigned.type == .int || assigned.type == .double:
      let value = assigned.double
      code = { frame throws(EvaluationError) in
        storage.storeNumber(.double(try value(frame)), in: frame)
        return .next
      }
    default:
      let value = coerced(assigned, to: type)
      code = { frame throws(EvaluationError) in
        storage.store(try value(frame), in: frame)
        return .next
      }
    }
    return .statement(code, at: position)
  }

  private func update<Storage: VariableStorage>(
    _ storage: Storage, _ op: BinaryOperator, _ place: Place, _ value: Typed,
    at position: Position
  ) -> Typed? {
    let readAt = place.read.position
    let code: StatementCode
    switch (place.type, value.type) {
    case (.int, .int):
      // `total += i % 7`: the operand computed in place (see `SlotWithLiteral`).
      if case .slotWithLiteral(let shape)? = value.fused, shape.isArithmetic {
        code = Self.intUpdate(
          storage, op, SlotArithmeticOperand(shape: shape), readAt: readAt, at: position)
      } else {
        code = Self.intUpdate(
          storage, op, IntCodeOperand(code: value.int), readAt: readAt, at: position)
      }
    case (.double, .int), (.double, .double):
      let operand = value.double
      code = { frame throws(EvaluationError) in
        let x = try storage.double(frame, at: readAt)
        let y = try operand(frame)
        let result =
          switch op {
          case .add: x + y
          case .subtract: x - y
          default: x * y
          }
        storage.storeNumber(.double(result), in: frame)
        return .next
      }
    default:
      return nil
    }
    return .statement(code, at: position)
  }

  @inline(__always)
  private static func intUpdate<Storage: VariableStorage, Operand: IntOperand>(
    _ storage: Storage, _ op: BinaryOperator, _ operand: Operand, readAt: Position,
    at position: Position
  ) -> StatementCode {
    { frame throws(EvaluationError) in
      let x = try storage.int(frame, at: readAt)
      let y = try operand(frame)
      let (result, overflowed) =
        switch op {
        case .add: x.addingReportingOverflow(y)
        case .subtract: x.subtractingReportingOverflow(y)
        default: x.multipliedReportingOverflow(by: y)
        }
      if overflowed { throw Self.overflow(x, op, y, at: position) }
      storage.storeNumber(.int(result), in: frame)
      return .next
    }
  }

  private func append<Storage: VariableStorage>(
    _ storage: Storage, _ element: @escaping ValueCode, at position: Position
  ) -> Typed {
    let control = self.control
    let code: StatementCode = { frame throws(EvaluationError) in
      let newElement = try element(frame)
      guard case .array(var values) = storage.load(frame) else {
        throw EvaluationError("'append' needs an array", at: position)
      }
      storage.store(.void, in: frame)  // the array is now uniquely referenced: no copy
      do throws(EvaluationError) {
        try ValueLimits.makeRoom(in: &values, limit: control.valueLimit, at: position)
      } catch {
        storage.store(.array(values), in: frame)
        throw error
      }
      values.append(newElement)
      storage.store(.array(values), in: frame)
      return .next
    }
    return .statement(code, at: position)
  }

  static func overflow(_ x: Int, _ op: BinaryOperator, _ y: Int, at position: Position)
    -> EvaluationError
  {
    EvaluationError(
      "arithmetic overflow: '\(x) \(op.rawValue) \(y)' does not fit in an Int", at: position)
  }
}

/// Where a variable's value lives; the code above is specialised for each.
protocol VariableStorage {
  func load(_ frame: Frame) -> Value
  func store(_ value: Value, in frame: Frame)
  /// Stores an Int or Double into a variable of that type, whose old value holds no reference.
  func storeNumber(_ value: Value, in frame: Frame)
  func int(_ frame: Frame, at position: Position) throws(EvaluationError) -> Int
  func double(_ frame: Frame, at position: Position) throws(EvaluationError) -> Double
}

/// A session variable.
struct BoxStorage: VariableStorage {
  let box: GlobalBox

  @inline(__always) func load(_ frame: Frame) -> Value { box.value }
  @inline(__always) func store(_ value: Value, in frame: Frame) { box.value = value }
  @inline(__always) func storeNumber(_ value: Value, in frame: Frame) { box.value = value }

  @inline(__always) func int(_ frame: Frame, at position: Position) throws(EvaluationError) -> Int {
    try ProgramCompiler.int(box.value, at: position)
  }

  @inline(__always) func double(_ frame: Frame, at position: Position) throws(EvaluationError)
    -> Double
  {
    try ProgramCompiler.double(box.value, at: position)
  }
}

/// A slot of the running frame.
struct SlotStorage: VariableStorage {
  let slot: Int

  @inline(__always) func load(_ frame: Frame) -> Value { frame.slots[slot] }
  @inline(__always) func store(_ value: Value, in frame: Frame) { frame.slots[slot] = value }

  /// Overwrites the slot without destroying its old value: an Int or Double variable's slot
  /// holds an Int, a Double or nothing (`.void`), none of which holds a reference.
  @inline(__always) func storeNumber(_ value: Value, in frame: Frame) {
    (frame.slots + slot).initialize(to: value)
  }

  @inline(__always) func int(_ frame: Frame, at position: Position) throws(EvaluationError) -> Int {
    if case .int(let number) = frame.slots[slot] { return number }
    throw Coercion.mismatch(frame.slots[slot], "Int", at: position)
  }

  @inline(__always) func double(_ frame: Frame, at position: Position) throws(EvaluationError)
    -> Double
  {
    switch frame.slots[slot] {
    case .double(let number): return number
    case .int(let number): return Double(number)
    default: throw Coercion.mismatch(frame.slots[slot], "Double", at: position)
    }
  }
}

extension Typed {
  /// A statement that changes a variable in one step, usable as an expression of type Void too.
  static func statement(_ code: @escaping StatementCode, at position: Position) -> Typed {
    Typed(
      .void,
      .value { frame throws(EvaluationError) in
        _ = try code(frame)
        return .void
      },
      at: position, statement: code)
  }
}
