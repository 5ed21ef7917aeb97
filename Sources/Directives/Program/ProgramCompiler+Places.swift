/// Assignment targets: a variable, or an element of one (`m[i][j]`), changed in place so an
/// array is never copied to change one element or to append.
struct Place {
  var type: ValueType
  var read: Typed
  /// Runs `body` on the stored value in place (indices are computed before `body` runs).
  var modify: (Frame, (inout Value) throws(EvaluationError) -> Void) throws(EvaluationError) -> Void
  /// For a variable in this frame: its slot, so `x += 1` can run unboxed.
  var slot: Int?
  /// For a session variable: its box, so an assignment stores into it directly.
  var box: GlobalBox? = nil
}

extension ProgramCompiler {
  /// The place `target` names, or nil (reported) when it cannot change.
  func place(_ target: Expression, mutatingMember: String? = nil, at position: Position) -> Place? {
    switch target.kind {
    case .name(let name):
      if let member = implicitSelf(name, at: target.position) {
        return place(member, mutatingMember: mutatingMember, at: position)
      }
      guard let resolved = lookup(name) else {
        _ = unknownName(name, at: target.position)
        return nil
      }
      var isConstant = false
      var isParam = false
      switch resolved {
      case .local(_, let local): isConstant = local.isConstant
      case .global(let box):
        isConstant = box.isConstant
        isParam = box.origin == .param
      }
      if isConstant {
        if let member = mutatingMember {
          report(
            "cannot use mutating member '\(member)' on '\(name)': it is \(isParam ? "a param" : "a 'let' constant; declare it with 'var'")",
            at: position)
        } else if resolved.function != nil {
          report("cannot assign to value: '\(name)' is a function", at: target.position)
        } else {
          report(
            isParam
              ? "cannot assign to value: '\(name)' is a param"
              : "cannot assign to value: '\(name)' is a 'let' constant; declare it with 'var' to change it",
            at: target.position)
        }
        return nil
      }
      let read = self.read(resolved, at: target.position)
      switch resolved {
      case .global(let box):
        return Place(
          type: box.type, read: read,
          modify: { _, body throws(EvaluationError) in try body(&box.value) }, slot: nil, box: box)
      case .local(let depth, let local):
        let slot = local.slot
        if case .function = local.type {
          // Kept without the frame it captured, as `define` keeps it (see `stored(in:)`).
          return Place(
            type: local.type, read: read,
            modify: { frame, body throws(EvaluationError) in
              let holder = frame.outer(depth)
              var value = holder.slots[slot].read(from: holder)
              try body(&value)
              holder.slots[slot] = value.stored(in: holder)
            }, slot: nil)
        }
        return Place(
          type: local.type, read: read,
          modify: { frame, body throws(EvaluationError) in
            try body(&frame.outer(depth).slots[slot])
          }, slot: depth == 0 ? slot : nil)
      }
    case .subscripted(let base, let arguments):
      guard base.kind.isAssignableBase else {
        report("only an element of an array variable can be assigned", at: target.position)
        return nil
      }
      guard let basePlace = place(base, mutatingMember: mutatingMember, at: position) else {
        return nil
      }
      if case .dictionary = basePlace.type {
        return dictionaryElementPlace(basePlace, base, arguments, target: target)
      }
      guard arguments.count == 1, arguments[0].label == nil else {
        report("only an element of an array variable can be assigned", at: target.position)
        return nil
      }
      var element: ValueType = .any
      if case .array(let inner) = basePlace.type {
        element = inner
      } else if basePlace.type != .any {
        report(
          "value of type '\(basePlace.type)' has no subscripts that can be assigned",
          at: target.position)
        return nil
      }
      let index = compile(arguments[0].value)
      if !ValueType.int.accepts(index.type) {
        report(
          "cannot convert value of type '\(index.type)' to expected argument type 'Int'",
          at: arguments[0].value.position)
        return nil
      }
      let indexCode = index.int
      let indexAt = arguments[0].value.position
      let read = subscripted(base, arguments, at: target.position)
      return Place(
        type: element, read: read,
        modify: { frame, body throws(EvaluationError) in
          let offset = try indexCode(frame)
          try basePlace.modify(frame) { value throws(EvaluationError) in
            guard case .array(var elements) = value else {
              throw EvaluationError("only an element of an array can be assigned", at: indexAt)
            }
            value = .void  // the array is now uniquely referenced: changed in place
            defer { value = .array(elements) }
            try Indexing.check(offset, count: elements.count, at: indexAt)
            try body(&elements[offset])
          }
        }, slot: nil)
    case .member(let base, let name, let namePosition):
      return structFieldPlace(base, name, mutatingMember: mutatingMember, at: namePosition)
    case .forceUnwrap(let operand, let bang):
      return unwrappedPlace(operand, mutatingMember: mutatingMember, at: position, bang: bang)
    default:
      report("cannot assign to this expression", at: target.position)
      return nil
    }
  }

  /// `d[key]!.append(x)`, `best!.0 = 1`: the value inside an optional variable or entry,
  /// changed in place; nil is an error at the `!`.
  private func unwrappedPlace(
    _ operand: Expression, mutatingMember: String?, at position: Position, bang: Position
  ) -> Place? {
    guard let optionalPlace = place(operand, mutatingMember: mutatingMember, at: position) else {
      return nil
    }
    guard case .optional(let wrapped) = optionalPlace.type else {
      report(
        "cannot force unwrap value of non-optional type '\(optionalPlace.type)'", at: bang)
      return nil
    }
    return Place(
      type: wrapped, read: forceUnwrap(optionalPlace.read, at: bang),
      modify: { frame, body throws(EvaluationError) in
        try optionalPlace.modify(frame) { value throws(EvaluationError) in
          guard case .optional(var present?) = value else {
            throw EvaluationError(
              "unexpectedly found nil while unwrapping an Optional value", at: bang)
          }
          value = .void  // uniquely referenced now: the wrapped value changes in place
          defer { value = .optional(present) }
          try body(&present)
        }
      }, slot: nil)
  }

  func assignment(
    _ target: Expression, _ op: BinaryOperator?, _ value: Expression, at position: Position
  )
    -> Typed
  {
    if case .name("_") = target.kind, op == nil {
      // `_ = value`: computed for its effects, then dropped.
      let code = compile(value).value
      return Typed(
        .void,
        .value { frame throws(EvaluationError) in
          _ = try code(frame)
          return .void
        }, at: position)
    }
    guard let place = place(target, at: target.position) else {
      _ = compile(value)
      return Typed(.void, .value { _ in .void }, at: position)
    }
    let typed = compile(value, expected: place.type)
    var assigned = typed
    if let op {
      guard Operators.resultType(op, place.type, typed.type) != nil else {
        return fail(Operators.mismatch(op, place.type, typed.type), at: position)
      }
      if let mixed = Self.mixedNumbers(
        op, (target, place.type), (value, typed.type), compound: true)
      {
        return fail(mixed, at: position)
      }
      if let updated = updateVariable(op, place, typed, at: position) { return updated }
      if op == .add, let extended = extendInPlace(place, typed, at: position) { return extended }
      assigned = binary(op, place.read, typed, at: position, operatorAt: position)
    }
    guard place.type.accepts(assigned.type) else {
      return fail(
        "cannot assign value of type '\(assigned.type)' to type '\(place.type)'",
        at: target.position)
    }
    if let stored = assignVariable(place, assigned, at: position) { return stored }
    let code = coerced(assigned, to: place.type)
    return Typed(
      .void,
      .value { frame throws(EvaluationError) in
        let newValue = try code(frame)
        try place.modify(frame) { stored throws(EvaluationError) in stored = newValue }
        return .void
      }, at: position)
  }
}

extension ProgramCompiler {
  /// `text += more` and `array += more`: appended where the variable's value is, as Swift does,
  /// not by building `text + more` (which copied the whole value on every `+=` in a loop).
  func extendInPlace(_ place: Place, _ addition: Typed, at position: Position) -> Typed? {
    switch place.type {
    case .string, .array: break
    default: return nil
    }
    guard place.type.accepts(addition.type), addition.type != .any else { return nil }
    let additionCode = coerced(addition, to: place.type)
    let control = self.control
    return Typed(
      .void,
      .value { frame throws(EvaluationError) in
        let more = try additionCode(frame)
        try place.modify(frame) { value throws(EvaluationError) in
          let limit = control.valueLimit
          // One switch per value, not over a tuple of both: the tuple would hold a second
          // reference to the stored value and every append would copy it.
          if case .array(let added) = more, case .array(var values) = value {
            try ValueLimits.checkArray(
              count: values.count + added.count, limit: limit, at: position)
            value = .void  // uniquely referenced now: appending does not copy
            values.append(contentsOf: added)
            value = .array(values)
          } else if case .string(let added) = more, case .string(var text) = value {
            try ValueLimits.checkString(
              bytes: text.utf8.count + added.utf8.count, limit: limit, at: position)
            value = .void
            text += added
            value = .string(text)
          } else {
            value = try Operators.apply(.add, value, more, limit: limit, at: position)
          }
        }
        return .void
      }, at: position)
  }
}

extension Expression.Kind {
  /// Whether an assignment may go through this expression: a name or an element of one.
  var isAssignableBase: Bool {
    switch self {
    case .name, .subscripted, .member, .forceUnwrap: true
    default: false
    }
  }
}
