/// `a[i]` where `a` is a local `[Double]` or `[Int]` and `i` an Int: the element is read where
/// the array lies in its frame's slot and given unboxed. The common case (an index in range,
/// an element of the declared type) has no call that could throw, so the array is borrowed
/// where it lies, not retained and released for each read; anything else takes the general path.
extension ProgramCompiler {
  func localElementRead(_ base: Expression, index: Typed, general: Typed) -> Typed? {
    guard case .name(let name) = base.kind, index.type == .int,
      case .local(let depth, let local)? = lookup(name),
      case .array(let element) = local.type
    else { return nil }
    // An Int local of the same frame as the index (`a[i]` in a loop) is read in place.
    if let indexSlot = index.slot {
      return elementRead(
        element, depth: depth, slot: local.slot,
        IntSlotOperand(slot: indexSlot, position: index.position), general: general)
    }
    return elementRead(
      element, depth: depth, slot: local.slot, IntCodeOperand(code: index.int), general: general)
  }

  /// Inlined, as `integer`, so each closure is made where `Index` is known. The Double and Int
  /// cases are written out: folded into one generic closure they ran a fifth slower.
  @inline(__always)
  private func elementRead<Index: IntOperand>(
    _ element: ValueType, depth: Int, slot: Int, _ index: Index, general: Typed
  ) -> Typed? {
    switch element {
    case .double:
      let slow = general.double
      return Typed(
        .double,
        .double { frame throws(EvaluationError) in
          let holder = depth == 0 ? frame : frame.outer(depth)
          let offset = try index(frame)
          if let number = Self.double(in: holder.slots + slot, at: offset) { return number }
          return try slow(frame)
        }, at: general.position)
    case .int:
      let slow = general.int
      return Typed(
        .int,
        .int { frame throws(EvaluationError) in
          let holder = depth == 0 ? frame : frame.outer(depth)
          let offset = try index(frame)
          if let number = Self.int(in: holder.slots + slot, at: offset) { return number }
          return try slow(frame)
        }, at: general.position)
    default: return nil
    }
  }

  /// `slot`'s array element at `offset` when it is there and a Double.
  @inline(__always)
  private static func double(in slot: UnsafeMutablePointer<Value>, at offset: Int) -> Double? {
    guard case .array(let elements) = slot.pointee, offset >= 0, offset < elements.count,
      case .double(let number) = elements[offset]
    else { return nil }
    return number
  }

  /// `slot`'s array element at `offset` when it is there and an Int.
  @inline(__always)
  private static func int(in slot: UnsafeMutablePointer<Value>, at offset: Int) -> Int? {
    guard case .array(let elements) = slot.pointee, offset >= 0, offset < elements.count,
      case .int(let number) = elements[offset]
    else { return nil }
    return number
  }
}
