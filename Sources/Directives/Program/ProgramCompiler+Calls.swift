/// Calls of directives and of the notebook's own functions, members and subscripts.
extension ProgramCompiler {
  func call(
    _ callee: Expression, _ arguments: [CallArgument], expected: ValueType?, at position: Position
  ) -> Typed {
    switch callee.kind {
    case .name(let name):
      if let member = implicitSelf(name, at: callee.position) {
        return call(member, arguments, expected: expected, at: position)
      }
      if let resolved = lookup(name) {
        guard case .function(let types, let result) = resolved.type else {
          arguments.forEach { _ = compile($0.value) }
          return fail(
            "cannot call value of non-function type '\(resolved.type)'", at: callee.position)
        }
        let parameters =
          resolved.function?.parameters ?? types.map { Parameter(nil, name: "value", $0) }
        // A `func` of the session is called through its variable's box directly.
        var box: GlobalBox?
        if case .global(let global) = resolved, global.function != nil { box = global }
        // A local is read from its slot in place, with no copy of the function value.
        var local: (depth: Int, slot: Int)?
        if case .local(let depth, let name) = resolved { local = (depth, name.slot) }
        return callFunction(
          read(resolved, at: callee.position), name: name, parameters: parameters, result: result,
          arguments, box: box, local: local, itself: calledItself(resolved),
          at: callee.position)
      }
      if let constructed = construct(name, arguments, at: callee.position)
        ?? zipCall(name, arguments, at: callee.position)
      {
        return constructed
      }
      guard let directive = table.function(named: name, labels: arguments.map(\.label)) else {
        arguments.forEach { _ = compile($0.value) }
        return unknownName(name, at: callee.position)
      }
      if name == "Double" || name == "Int", arguments.count == 1, !directive.parameters.isEmpty {
        let argument = compile(arguments[0].value, expected: directive.parameters[0].type)
        if let converted = numberConversion(name, argument, at: arguments[0].value.position) {
          return converted.at(callee.position)
        }
        return invoke(
          directive, receiver: nil, arguments, compiled: [0: argument], at: callee.position)
      }
      return invoke(directive, receiver: nil, arguments, at: callee.position)
    case .member(let base, let name, let namePosition):
      return method(base, name, arguments, at: namePosition)
    default:
      let function = compile(callee)
      guard case .function(let types, let result) = function.type else {
        arguments.forEach { _ = compile($0.value) }
        return fail("cannot call this expression", at: callee.position)
      }
      return callFunction(
        function, name: "closure", parameters: types.map { Parameter(nil, name: "value", $0) },
        result: result, arguments, at: callee.position)
    }
  }

  /// A call of a function value: arguments matched to its labels, defaults computed on the
  /// callee's frame, the body run on a frame of the callee's.
  ///
  /// - Parameter itself: the function whose body the call stands in, when it calls itself.
  func callFunction(
    _ function: Typed, name: String, parameters: [Parameter], result: ValueType,
    _ arguments: [CallArgument], box: GlobalBox? = nil, local: (depth: Int, slot: Int)? = nil,
    itself: FunctionCode? = nil, at position: Position
  ) -> Typed {
    let typedArguments: [Typed?]
    switch matchedArguments(name, parameters, arguments, at: position) {
    case .success(let matched): typedArguments = matched
    case .failure(let error): return .failing(error)
    }
    let codes = typedArguments.map { $0?.code }
    let write = Self.argumentWriter(codes)
    if let itself {
      if let fused = fusedRecursiveCall(itself, typedArguments, result: result, at: position) {
        return fused
      }
      // One Int argument (`fib(n - 1)`) is stored by the call itself.
      if codes.count == 1, case .int(let argument)? = codes[0] {
        return recursiveCall(itself, OneIntArgument(code: argument), result: result, at: position)
      }
      return recursiveCall(itself, WrittenArguments(write: write), result: result, at: position)
    }
    let functionCode = function.value
    /// The function value called, and the frame it runs in.
    func callee(_ frame: Frame) throws(EvaluationError) -> (FunctionValue, Frame?) {
      let function: Value
      var holder: Frame?
      if let box {
        function = box.value
      } else if let local {
        let frame = frame.outer(local.depth)
        holder = frame
        function = frame.slots[local.slot]
      } else {
        function = try functionCode(frame)
      }
      guard case .function(let value) = function else {
        throw EvaluationError("'\(name)' is not a function", at: position)
      }
      return (value, holder.map(value.context(heldBy:)) ?? value.context)
    }
    // Int, Double and Bool results pass unboxed (see `FunctionCode.expression`).
    switch result {
    case .int:
      return Typed(
        .int,
        .int { frame throws(EvaluationError) in
          try Self.call(callee(frame), from: frame, write) {
            value, callee throws(EvaluationError) in try value.runInt(callee, at: position)
          }
        }, at: position)
    case .double:
      return Typed(
        .double,
        .double { frame throws(EvaluationError) in
          try Self.call(callee(frame), from: frame, write) {
            value, callee throws(EvaluationError) in try value.runDouble(callee, at: position)
          }
        }, at: position)
    case .bool:
      return Typed(
        .bool,
        .bool { frame throws(EvaluationError) in
          try Self.call(callee(frame), from: frame, write) {
            value, callee throws(EvaluationError) in try value.runBool(callee, at: position)
          }
        }, at: position)
    default:
      return Typed(
        result,
        .value { frame throws(EvaluationError) in
          try Self.call(callee(frame), from: frame, write) {
            value, callee throws(EvaluationError) in try value.run(callee, at: position)
          }
        }, at: position
      ).retyped(result)
    }
  }

  /// One call of a function value, running in `context`.
  @inline(__always)
  static func call<Output>(
    _ function: (value: FunctionValue, context: Frame?), from frame: Frame,
    _ write: ArgumentWriter, _ run: (FunctionValue, Frame) throws(EvaluationError) -> Output
  ) throws(EvaluationError) -> Output {
    let code = function.value.code
    return try code.withFrame(context: function.context) { callee throws(EvaluationError) in
      try write(frame, callee, code)
      return try run(function.value, callee)
    }
  }

  /// A call of `function` in its own body: bound to its code when compiled, with no function
  /// value to look up. The call holds the code unretained: it runs only while the body that
  /// holds it runs (a strong hold would be a cycle, code -> body -> code).
  @inline(__always)
  func recursiveCall(
    _ function: FunctionCode, _ write: some ArgumentFilling, result: ValueType,
    at position: Position
  ) -> Typed {
    let target = Unmanaged.passUnretained(function)
    let control = self.control
    switch result {
    case .int:
      return Typed(
        .int,
        .int { frame throws(EvaluationError) in
          try Self.call(target, from: frame, write, control, at: position) {
            code, callee throws(EvaluationError) in try code.runInt(callee, at: position)
          }
        }, at: position)
    case .double:
      return Typed(
        .double,
        .double { frame throws(EvaluationError) in
          try Self.call(target, from: frame, write, control, at: position) {
            code, callee throws(EvaluationError) in try code.runDouble(callee, at: position)
          }
        }, at: position)
    case .bool:
      return Typed(
        .bool,
        .bool { frame throws(EvaluationError) in
          try Self.call(target, from: frame, write, control, at: position) {
            code, callee throws(EvaluationError) in try code.runBool(callee, at: position)
          }
        }, at: position)
    default:
      return Typed(
        result,
        .value { frame throws(EvaluationError) in
          try Self.call(target, from: frame, write, control, at: position) {
            code, callee throws(EvaluationError) in try code.run(callee)
          }
        }, at: position
      ).retyped(result)
    }
  }

  /// One call of `target` from a frame of its own body: the callee's frame has the caller's
  /// context (both are frames of the same function).
  @inline(__always)
  static func call<Output>(
    _ target: Unmanaged<FunctionCode>, from frame: Frame, _ write: some ArgumentFilling,
    _ control: RunControl, at position: Position,
    _ run: (FunctionCode, Frame) throws(EvaluationError) -> Output
  ) throws(EvaluationError) -> Output {
    try target.withInstance { code throws(EvaluationError) in
      try code.withFrame(context: code.capturesContext ? frame.parent : nil) {
        callee throws(EvaluationError) in
        try write(frame, callee, code)
        try control.enter(at: position)
        defer { control.depth -= 1 }
        return try run(code, callee)
      }
    }
  }

  /// Code that fills a call's parameter slots: each argument computed on the caller's frame, a
  /// left-out one's default on the callee's. Built once per call site, one link per parameter,
  /// so a call takes no argument code out of an array. A callee's slots hold `.void` (a new frame,
  /// or one `Frame.clear` emptied), so an argument is stored with nothing to release first.
  static func argumentWriter(_ codes: [Typed.Code?]) -> ArgumentWriter {
    var write: ArgumentWriter?
    for (index, code) in codes.enumerated() {
      let link: ArgumentWriter
      switch code {
      case .int(let code)?:
        link = { caller, callee, _ throws(EvaluationError) in
          (callee.slots + index).initialize(to: .int(try code(caller)))
        }
      case .double(let code)?:
        link = { caller, callee, _ throws(EvaluationError) in
          (callee.slots + index).initialize(to: .double(try code(caller)))
        }
      case .bool(let code)?:
        link = { caller, callee, _ throws(EvaluationError) in
          (callee.slots + index).initialize(to: .bool(try code(caller)))
        }
      case .value(let code)?:
        link = { caller, callee, _ throws(EvaluationError) in
          (callee.slots + index).initialize(to: try code(caller))
        }
      case nil:
        link = { _, callee, function throws(EvaluationError) in
          if let defaultCode = function.defaults[index] {
            callee.slots[index] = try defaultCode(callee)
          }
        }
      }
      if let previous = write {
        write = { caller, callee, function throws(EvaluationError) in
          try previous(caller, callee, function)
          try link(caller, callee, function)
        }
      } else {
        write = link
      }
    }
    if let write { return write }
    return { _, _, _ throws(EvaluationError) in }
  }

  /// The arguments matched to the parameters' labels, each compiled for its parameter's type
  /// (nil where left out); or the reported error.
  func matchedArguments(
    _ name: String, _ parameters: [Parameter], _ arguments: [CallArgument], at position: Position
  ) -> Result<[Typed?], EvaluationError> {
    let callee = ArgumentMatcher.Callee(
      parameters: parameters, quotedName: "'\(name)'",
      signature: "\(name)(" + parameters.map(\.signature).joined(separator: ", ") + ")")
    let matched = ArgumentMatcher.match(
      labels: arguments.map { ($0.label, $0.labelPosition) }, to: callee, at: position)
    guard case .success(let binding) = matched else {
      arguments.forEach { _ = compile($0.value) }
      if case .failure(let error) = matched {
        return .failure(report(error.message, at: error.position))
      }
      return .failure(report("cannot call '\(name)'", at: position))
    }
    return .success(argumentCodes(for: parameters, binding, arguments))
  }

  /// Each argument converted to its parameter's type, unboxed for Int, Double and Bool; nil
  /// where the argument is left out.
  func argumentCodes(
    for parameters: [Parameter], _ binding: ArgumentMatcher.Binding, _ arguments: [CallArgument]
  ) -> [Typed?] {
    var codes: [Typed?] = []
    for (parameter, indices) in zip(parameters, binding) {
      guard let index = indices.first else {
        codes.append(nil)
        continue
      }
      let argument = arguments[index].value
      let typed = compile(argument, expected: parameter.type)
      if !parameter.type.accepts(typed.type) {
        codes.append(
          Typed.failing(
            report(
              "cannot convert value of type '\(typed.type)' to expected argument type '\(parameter.type)'",
              at: argument.position)
          ))
      } else {
        codes.append(converted(typed, to: parameter.type))
      }
    }
    return codes
  }

  /// Matches labels, compiles each argument for its parameter's type, and calls the directive.
  ///
  /// - Parameter compiled: arguments already compiled (by their index), not compiled again.
  func invoke(
    _ directive: Directive, receiver: Typed?, _ arguments: [CallArgument],
    compiled: [Int: Typed] = [:], at position: Position
  ) -> Typed {
    let matched = ArgumentMatcher.match(
      labels: arguments.map { ($0.label, $0.labelPosition) }, to: directive, at: position)
    guard case .success(let binding) = matched else {
      for (index, argument) in arguments.enumerated() where compiled[index] == nil {
        _ = compile(argument.value)
      }
      if case .failure(let error) = matched { return fail(error.message, at: error.position) }
      return fail("cannot call \(directive.quotedName)", at: position)
    }
    var types = [ValueType](repeating: .any, count: arguments.count)
    var codes = [ValueCode](repeating: { _ in .void }, count: arguments.count)
    for (parameter, indices) in zip(directive.parameters, binding) {
      for index in indices {
        let argument = arguments[index].value
        let typed = compiled[index] ?? compile(argument, expected: parameter.type)
        types[index] = typed.type
        if !parameter.type.accepts(typed.type) {
          codes[index] =
            Typed.failing(
              report(
                "cannot convert value of type '\(typed.type)' to expected argument type '\(parameter.type)'",
                at: argument.position)
            ).value
        } else {
          codes[index] = typed.value
        }
      }
    }
    let result: ValueType
    if let rule = directive.resultFromArguments {
      result = rule((receiver.map { [$0.type] } ?? []) + types)
    } else {
      result = directive.result
    }
    let receiverCode = receiver?.value
    let invoker = DirectiveInvoker(control: control)
    let argumentPositions = arguments.map(\.value.position)
    let parameters = directive.parameters
    return Typed(
      result,
      .value { frame throws(EvaluationError) in
        let receiverValue = try receiverCode?(frame)
        var values: [Value] = []
        values.reserveCapacity(codes.count)
        for code in codes { values.append(try code(frame)) }
        let (bound, positions) = try Self.bind(
          values, to: parameters, binding, argumentPositions: argumentPositions, at: position)
        return try invoker.call(
          directive, receiver: receiverValue, arguments: bound, positions: positions, at: position)
      }, at: position
    ).retyped(result)
  }

  /// `receiver.name(arguments)`: a language method (`map`, `append` ...) or a directive.
  func method(
    _ base: Expression, _ name: String, _ arguments: [CallArgument], at position: Position
  )
    -> Typed
  {
    if case .optionalChain(let operand) = base.kind {
      return optionalChain(operand, at: position) { unwrapped in
        var unwrappedType: ValueType?
        if case .name(let hidden) = unwrapped.kind { unwrappedType = self.lookup(hidden)?.type }
        guard !self.isMutatingMethod(name, on: unwrappedType) else {
          arguments.forEach { _ = self.compile($0.value) }
          return self.fail(
            "'\(name)' cannot change a value through '?.': unwrap it first, as in 'if var value = optional { value.\(name)(...); optional = value }'",
            at: position)
        }
        return self.method(unwrapped, name, arguments, at: position)
      }
    }
    var receiver = compile(base)
    if case .structure(let typeName) = receiver.type {
      return structMethod(base, receiver, typeName, name, arguments, at: position)
    }
    // A range answers what the array of its Ints answers, unless it has the member itself.
    if receiver.type == .range,
      Self.rangeCollectionMethods.contains(name) || table.member(named: name, on: .range) == nil
    {
      receiver = rangeAsArray(receiver)
    }
    if case .dictionary = receiver.type, Self.pairCollectionMethods.contains(name) {
      receiver = pairsAsArray(receiver)
    }
    if let intrinsic = collectionMethod(base, receiver, name, arguments, at: position)
      ?? searchMethod(receiver, name, arguments, at: position)
      ?? keyedMutatingMethod(base, receiver, name, arguments, at: position)
    {
      return intrinsic
    }
    if receiver.type == .any {
      return heldBack(if: receiver.followsAnError) {
        dynamicMember(receiver, name, arguments: arguments, isCall: true, at: position)
      }.following(anError: receiver.followsAnError)
    }
    guard let directive = table.member(named: name, on: receiver.type) else {
      arguments.forEach { _ = compile($0.value) }
      return noMember(name, of: receiver.type, at: position)
    }
    guard case .method = directive.kind else {
      arguments.forEach { _ = compile($0.value) }
      return fail(
        "cannot call property '\(name)' of '\(receiver.type)'; write it without '()'", at: position)
    }
    if directive.isMutating {
      guard let place = place(base, mutatingMember: name, at: position) else {
        arguments.forEach { _ = compile($0.value) }
        return .failing(EvaluationError("'\(name)' cannot change this value", at: position))
      }
      let call = invoke(directive, receiver: place.read, arguments, at: position)
      let callCode = call.value
      return Typed(
        .void,
        .value { frame throws(EvaluationError) in
          let updated = try callCode(frame)
          guard case .array = updated else { return updated }
          try place.modify(frame) { value throws(EvaluationError) in value = updated }
          return .void
        }, at: position)
    }
    return invoke(directive, receiver: receiver, arguments, at: position)
  }

  func noMember(_ name: String, of type: ValueType, at position: Position) -> Typed {
    let names =
      table.members(of: type).map(\.name).filter { $0 != "subscript" }
      + Self.collectionMethodNames(for: type)
    return fail(
      "value of type '\(type)' has no member '\(name)'\(Suggestion.hint(for: name, among: names))",
      at: position)
  }

  /// `base.name` read as a property.
  func member(_ base: Expression, _ name: String, at position: Position) -> Typed {
    if case .optionalChain(let operand) = base.kind {
      return optionalChain(operand, at: position) { self.member($0, name, at: position) }
    }
    if case .name(let typeName) = base.kind, lookup(typeName) == nil {
      if let constant = Self.staticMember(typeName, name) {
        return .literal(constant, at: position)
      }
      if let enumeration = EnumerationType.named[typeName] {
        return enumCase(name, expected: .enumeration(enumeration), at: position)
      }
      if let members = Self.staticMemberNames[typeName] {
        return fail(
          "type '\(typeName)' has no member '\(name)'\(Suggestion.hint(for: name, among: members))",
          at: position)
      }
    }
    var receiver = compile(base)
    if case .structure(let typeName) = receiver.type {
      return structProperty(receiver, typeName, name, at: position)
    }
    if receiver.type == .range, table.member(named: name, on: .range) == nil {
      receiver = rangeAsArray(receiver)
    }
    if receiver.type == .any {
      return dynamicMember(receiver, name, arguments: [], isCall: false, at: position)
        .following(anError: receiver.followsAnError)
    }
    if let element = tupleElement(receiver, name, at: position) { return element }
    if let property = collectionProperty(receiver, name, at: position) { return property }
    guard let directive = table.member(named: name, on: receiver.type) else {
      return noMember(name, of: receiver.type, at: position)
    }
    guard case .property = directive.kind else {
      return fail("method '\(name)' must be called: write '\(name)(...)'", at: position)
    }
    return invoke(directive, receiver: receiver, [], at: position)
  }

  static func staticMember(_ typeName: String, _ name: String) -> Value? {
    staticMembers[typeName]?[name]
  }

  /// `Double.pi`, `Int.max` ...: the constants of the number types.
  static let staticMembers: [String: [String: Value]] = [
    "Double": [
      "pi": .double(.pi), "infinity": .double(.infinity), "nan": .double(.nan),
      "greatestFiniteMagnitude": .double(.greatestFiniteMagnitude),
      "leastNormalMagnitude": .double(.leastNormalMagnitude),
      "leastNonzeroMagnitude": .double(.leastNonzeroMagnitude), "ulpOfOne": .double(.ulpOfOne),
      "zero": .double(0),
    ],
    "Int": ["max": .int(.max), "min": .int(.min), "zero": .int(0)],
  ]

  static let staticMemberNames = staticMembers.mapValues { Array($0.keys) }

  /// A member of a value whose type is known only when it runs: looked up in the table then.
  func dynamicMember(
    _ receiver: Typed, _ name: String, arguments: [CallArgument], isCall: Bool,
    at position: Position
  ) -> Typed {
    let codes = arguments.map { compile($0.value).value }
    let labels = arguments.map { ($0.label, $0.labelPosition) }
    let argumentPositions = arguments.map(\.value.position)
    let receiverCode = receiver.value
    let table = self.table
    let invoker = DirectiveInvoker(control: control)
    return Typed(
      .any,
      .value { frame throws(EvaluationError) in
        let value = try receiverCode(frame)
        guard let directive = table.member(named: name, on: value.type) else {
          let names = table.members(of: value.type).map(\.name).filter { $0 != "subscript" }
          throw EvaluationError(
            "value of type '\(value.type)' has no member '\(name)'\(Suggestion.hint(for: name, among: names))",
            at: position)
        }
        let binding = try ArgumentMatcher.match(labels: labels, to: directive, at: position).get()
        var values: [Value] = []
        for code in codes { values.append(try code(frame)) }
        let (bound, positions) = try Self.bind(
          values, to: directive.parameters, binding, argumentPositions: argumentPositions,
          at: position)
        return try invoker.call(
          directive, receiver: value, arguments: bound, positions: positions, at: position)
      }, at: position)
  }

  func subscripted(_ base: Expression, _ arguments: [CallArgument], at position: Position) -> Typed
  {
    if case .optionalChain(let operand) = base.kind {
      return optionalChain(operand, at: position) { self.subscripted($0, arguments, at: position) }
    }
    let receiver = compile(base)
    if case .dictionary = receiver.type {
      return dictionarySubscript(receiver, arguments, at: position)
    }
    if case .array(let element) = receiver.type, arguments.count == 1, arguments[0].label == nil {
      let index = compile(arguments[0].value)
      if index.type == .int {
        let receiverCode = receiver.value
        let indexCode = index.int
        let indexAt = arguments[0].value.position
        let general = Typed(
          element,
          .value { frame throws(EvaluationError) in
            guard case .array(let elements) = try receiverCode(frame) else {
              throw EvaluationError("only an array can be subscripted here", at: position)
            }
            let offset = try indexCode(frame)
            try Indexing.check(offset, count: elements.count, at: indexAt)
            return elements[offset]
          }, at: position
        ).retyped(element)
        return localElementRead(base, index: index, general: general) ?? general
      }
    }
    if receiver.type == .any {
      return dynamicMember(receiver, "subscript", arguments: arguments, isCall: true, at: position)
    }
    guard let directive = table.member(named: "subscript", on: receiver.type) else {
      arguments.forEach { _ = compile($0.value) }
      return fail("value of type '\(receiver.type)' has no subscripts", at: position)
    }
    return invoke(directive, receiver: receiver, arguments, at: position)
  }

  /// One value per parameter from the arguments in call order: variadics gathered into an
  /// array, each value coerced to its parameter's type, defaults filled in.
  static func bind(
    _ values: [Value], to parameters: [Parameter], _ binding: ArgumentMatcher.Binding,
    argumentPositions: [Position], at position: Position
  ) throws(EvaluationError) -> ([Value], [Position]) {
    var bound: [Value] = []
    var positions: [Position] = []
    bound.reserveCapacity(parameters.count)
    for (parameter, indices) in zip(parameters, binding) {
      if parameter.isVariadic {
        bound.append(.array(indices.map { values[$0] }))
        positions.append(indices.first.map { argumentPositions[$0] } ?? position)
      } else if let index = indices.first {
        bound.append(
          try Coercion.coerce(values[index], to: parameter.type, at: argumentPositions[index]))
        positions.append(argumentPositions[index])
      } else {
        bound.append(parameter.defaultValue ?? .void)
        positions.append(position)
      }
    }
    return (bound, positions)
  }
}
