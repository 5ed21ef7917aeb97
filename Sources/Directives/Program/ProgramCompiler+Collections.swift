/// The language's own array methods, those that take closures or change the array in place:
/// `map`, `filter`, `reduce`, `sorted(by:)`, `forEach`, `contains(where:)`, `allSatisfy`,
/// `append`, and `Array(repeating:count:)`.
extension ProgramCompiler {
  static func collectionMethodNames(for type: ValueType) -> [String] {
    guard case .array = type else { return [] }
    return [
      "map", "filter", "reduce", "sorted", "forEach", "contains", "allSatisfy", "append",
      "first", "last", "min", "max", "flatMap", "compactMap",
    ]
  }

  /// The largest array a cell may build at once, so a typo cannot exhaust memory.
  static var maximumElements: Int { ValueLimits.defaultMaximumElements }

  /// `first` and `last` of an array, or of a string (its first or last character, a String).
  func collectionProperty(_ receiver: Typed, _ name: String, at position: Position) -> Typed? {
    guard name == "first" || name == "last" else { return nil }
    let element: ValueType
    switch receiver.type {
    case .array(let type): element = type
    case .string: element = .string
    default: return nil
    }
    let code = receiver.value
    let isFirst = name == "first"
    return Typed(
      .optional(element),
      .value { frame throws(EvaluationError) in
        switch try code(frame) {
        case .array(let elements): return .optional(isFirst ? elements.first : elements.last)
        case .string(let text):
          return .optional((isFirst ? text.first : text.last).map { .string(String($0)) })
        default: throw EvaluationError("'\(name)' needs an array or a string", at: position)
        }
      }, at: position)
  }

  func collectionMethod(
    _ base: Expression, _ receiver: Typed, _ name: String, _ arguments: [CallArgument],
    at position: Position
  ) -> Typed? {
    if case .set(let element) = receiver.type, Self.setSequenceMethods.contains(name) {
      return methodOfElements(base, receiver, element, name, arguments, at: position) {
        kept throws(EvaluationError) in .set(try Self.set(of: kept, at: position))
      }
    }
    if receiver.type == .string, name == "append", arguments.count == 1,
      arguments[0].label == nil || arguments[0].label == "contentsOf"
    {
      return stringAppend(base, arguments[0], at: position)
    }
    if receiver.type == .string, Self.stringSequenceMethods.contains(name) {
      return methodOfElements(base, receiver, .string, name, arguments, at: position) { kept in
        .string(kept.map(\.description).joined())
      }
    }
    if case .dictionary(let key, let value) = receiver.type {
      return dictionaryMethod(receiver, key, value, name, arguments, at: position)
    }
    guard case .array(let element) = receiver.type else { return nil }
    var labels = arguments.map(\.label)
    // A trailing closure takes the label of the parameter it stands for: `sorted { ... }`.
    if let last = arguments.last, last.label == nil, case .closure = last.value.kind,
      let label = [
        "sorted": "by", "sort": "by", "contains": "where", "min": "by", "max": "by",
        "removeAll": "where",
      ][name]
    {
      labels[labels.count - 1] = label
    }
    if Self.arrayEditingMethods.contains(name),
      let edited = arrayEditing(base, element, name, arguments, labels: labels, at: position)
    {
      return edited
    }
    let receiverCode = receiver.value
    func elements(_ frame: Frame) throws(EvaluationError) -> [Value] {
      guard case .array(let values) = try receiverCode(frame) else {
        throw EvaluationError("'\(name)' needs an array", at: position)
      }
      return values
    }
    func function(_ index: Int, _ parameters: [ValueType], _ result: ValueType) -> Typed {
      closureArgument(arguments[index].value, of: name, parameters, result)
    }
    let control = self.control
    switch (name, labels) {
    case ("append", [nil]):
      guard let place = place(base, mutatingMember: name, at: position) else {
        return .failing(EvaluationError("cannot append here", at: position))
      }
      let typed = compile(arguments[0].value, expected: element)
      guard element.accepts(typed.type) else {
        return fail(
          "cannot convert value of type '\(typed.type)' to expected argument type '\(element)'",
          at: arguments[0].value.position)
      }
      let code = coerced(typed, to: element)
      if let appended = appendToVariable(place, code, at: position) { return appended }
      return Typed(
        .void,
        .value { frame throws(EvaluationError) in
          let newElement = try code(frame)
          try place.modify(frame) { value throws(EvaluationError) in
            guard case .array(var values) = value else {
              throw EvaluationError("'append' needs an array", at: position)
            }
            value = .void  // uniquely referenced now: appending does not copy
            do throws(EvaluationError) {
              try ValueLimits.makeRoom(in: &values, limit: control.valueLimit, at: position)
            } catch {
              value = .array(values)
              throw error
            }
            values.append(newElement)
            value = .array(values)
          }
          return .void
        }, at: position)
    case ("map", [nil]):
      let transform = function(0, [element], .any)
      guard case .function(_, let result) = transform.type else { return transform }
      let transformCode = transform.value
      return Typed(
        .array(result),
        .value { frame throws(EvaluationError) in
          let values = try elements(frame)
          let call = try FunctionCaller(try transformCode(frame), control: control, at: position)
          var mapped: [Value] = []
          mapped.reserveCapacity(values.count)
          for value in values { mapped.append(try call.one(value)) }
          return .array(mapped)
        }, at: position)
    case ("filter", [nil]):
      let predicate = function(0, [element], .bool).value
      return Typed(
        receiver.type,
        .value { frame throws(EvaluationError) in
          let values = try elements(frame)
          let call = try FunctionCaller(try predicate(frame), control: control, at: position)
          var kept: [Value] = []
          for value in values where try call.test(value) { kept.append(value) }
          return .array(kept)
        }, at: position)
    case ("reduce", [nil, nil]):
      // `reduce(0, +)` over Doubles starts from 0.0, as Swift infers.
      let initial = compile(arguments[0].value, expected: element == .double ? .double : nil)
      let accumulated = Self.storedType(initial.type)
      let combine = function(1, [accumulated, element], accumulated).value
      return reduction(
        accumulated, from: coerced(initial, to: accumulated), combine, elements, at: position)
    case ("joined", []):
      guard case .array(let inner) = element else { return nil }
      return Typed(
        .array(inner),
        .value { frame throws(EvaluationError) in
          var joined: [Value] = []
          for value in try elements(frame) {
            let inner = try Self.elements(of: value, at: position)
            try ValueLimits.checkArray(
              count: joined.count + inner.count, limit: control.valueLimit, at: position)
            joined += inner
          }
          return .array(joined)
        }, at: position)
    case ("shuffled", []), ("shuffle", []), ("randomElement", []):
      return randomness("'\(name)()'", at: position)
    case ("reduce", ["into", nil]):
      return reduceInto(arguments, element: element, elements: elements, at: position)
    case ("forEach", [nil]):
      let body = function(0, [element], .void).value
      return Typed(
        .void,
        .value { frame throws(EvaluationError) in
          let values = try elements(frame)
          let call = try FunctionCaller(try body(frame), control: control, at: position)
          for value in values { _ = try call.one(value) }
          return .void
        }, at: position)
    case ("contains", ["where"]), ("allSatisfy", [nil]):
      let predicate = function(0, [element], .bool).value
      let wantsAll = name == "allSatisfy"
      return Typed(
        .bool,
        .bool { frame throws(EvaluationError) in
          let values = try elements(frame)
          let call = try FunctionCaller(try predicate(frame), control: control, at: position)
          for value in values where try call.test(value) != wantsAll { return !wantsAll }
          return wantsAll
        }, at: position)
    case ("sorted", []):
      guard [.int, .double, .string, .any].contains(element) else {
        return fail("'sorted()' needs numbers or strings; use 'sorted(by:)'", at: position)
      }
      return Typed(
        receiver.type,
        .value { frame throws(EvaluationError) in
          let values = try elements(frame)
          return .array(values.sorted { Operators.isLess($0, $1) })
        }, at: position)
    case ("sorted", ["by"]):
      let order = function(0, [element, element], .bool).value
      return Typed(
        receiver.type,
        .value { frame throws(EvaluationError) in
          let values = try elements(frame)
          let call = try FunctionCaller(try order(frame), control: control, at: position)
          var failure: EvaluationError?
          let sorted = values.sorted { a, b in
            guard failure == nil else { return false }
            do throws(EvaluationError) { return try call.test2(a, b) } catch {
              failure = error
              return false
            }
          }
          if let failure { throw failure }
          return .array(sorted)
        }, at: position)
    case ("min", ["by"]), ("max", ["by"]):
      // An optional, as in Swift: nil for an empty array.
      let order = function(0, [element, element], .bool).value
      let wantsMax = name == "max"
      return Typed(
        .optional(element),
        .value { frame throws(EvaluationError) in
          let values = try elements(frame)
          guard var best = values.first else { return .optional(nil) }
          let call = try FunctionCaller(try order(frame), control: control, at: position)
          for value in values.dropFirst() {
            // As Swift compares: the first of equal elements wins.
            if wantsMax ? try call.test2(best, value) : try call.test2(value, best) {
              best = value
            }
          }
          return .optional(best)
        }, at: position)
    default:
      return nil
    }
  }

  /// `Array(repeating: value, count: n)`, `Array(sequence)`, `Set(sequence)`,
  /// `String(format:)`, `String(describing:)`, `Dictionary(grouping:by:)`.
  func construct(_ name: String, _ arguments: [CallArgument], at position: Position) -> Typed? {
    if name == "String", arguments.first?.label == "format" {
      return formatted(arguments, at: position)
    }
    switch (name, arguments.map(\.label)) {
    case ("String", ["describing"]): return stringDescribing(arguments, at: position)
    case ("String", ["repeating", "count"]): return stringRepeating(arguments, at: position)
    case ("Dictionary", ["grouping", "by"]), ("Dictionary", ["grouping", nil]):
      return dictionaryGrouping(arguments, at: position)
    case ("Dictionary", ["uniqueKeysWithValues"]):
      return dictionaryOfPairs(arguments[0].value, at: position)
    default: break
    }
    if name == "Set" { return setConversion(arguments, at: position) }
    guard name == "Array" else { return nil }
    if arguments.count == 1, arguments[0].label == nil {
      return arrayOfSequence(arguments[0].value, at: position)
    }
    guard arguments.map(\.label) == ["repeating", "count"] else {
      arguments.forEach { _ = compile($0.value) }
      return fail(
        "write 'Array(repeating: value, count: n)' or 'Array(sequence)'", at: position)
    }
    let repeated = compile(arguments[0].value)
    let count = compile(arguments[1].value, expected: .int)
    guard count.type == .int || count.type == .any else {
      return fail(
        "cannot convert value of type '\(count.type)' to expected argument type 'Int'",
        at: arguments[1].value.position)
    }
    let valueCode = repeated.value
    let countCode = count.int
    let countAt = arguments[1].value.position
    let control = self.control
    return Typed(
      .array(Self.storedType(repeated.type)),
      .value { frame throws(EvaluationError) in
        let value = try valueCode(frame)
        let total = try countCode(frame)
        guard total >= 0 else {
          throw EvaluationError("'count' must be at least 0, got \(total)", at: countAt)
        }
        try ValueLimits.checkArray(count: total, limit: control.valueLimit, at: countAt)
        return .array(Array(repeating: value, count: total))
      }, at: position)
  }
}

/// Calls one function value many times (a `map` over a million elements): when the function
/// makes no closures, one frame is reused for every call.
struct FunctionCaller {
  let function: FunctionValue
  let position: Position
  private let control: RunControl
  /// The frame every call reuses, when no frame can outlive its call.
  private let frame: Frame?
  /// `frame`, and the body, reached with no reference counting per call (`function` keeps both).
  private let sharedFrame: Unmanaged<Frame>?
  private let body: Unmanaged<CompiledBody>

  init(_ value: Value, control: RunControl, at position: Position) throws(EvaluationError) {
    guard case .function(let function) = value else {
      throw EvaluationError("a function is needed here, not a '\(value.type)'", at: position)
    }
    self.function = function
    self.position = position
    self.control = function.control
    body = function.code.unmanagedBody
    frame =
      function.code.makesClosures
      ? nil : Frame(count: function.code.slotCount, parent: function.context)
    sharedFrame = frame.map { Unmanaged.passUnretained($0) }
  }

  /// Runs `call` on the shared frame, or on a fresh one that keeps only what closures read.
  @inline(__always)
  private func onFrame<Output>(_ call: (Frame) throws(EvaluationError) -> Output)
    throws(EvaluationError) -> Output
  {
    if let sharedFrame { return try sharedFrame.withInstance(call) }
    let frame = Frame(count: function.code.slotCount, parent: function.context)
    defer { frame.release(function.code.uncapturedSlots) }
    return try call(frame)
  }

  /// Runs the body on a frame whose parameter slots are filled.
  @inline(__always)
  private func result(_ frame: Frame) throws(EvaluationError) -> Value {
    try control.enter(at: position)
    defer { control.depth -= 1 }
    return try body.withInstance { body throws(EvaluationError) in try body.run(frame) }
  }

  /// Runs a body that gives a Bool.
  @inline(__always)
  private func flag(_ frame: Frame) throws(EvaluationError) -> Bool {
    if case .bool(let flag) = try result(frame) { return flag }
    throw EvaluationError("the closure must return a Bool", at: position)
  }

  func one(_ argument: Value) throws(EvaluationError) -> Value {
    try onFrame { frame throws(EvaluationError) in
      frame.slots[0] = argument
      return try result(frame)
    }
  }

  /// One step of a reduction: the closure's first parameter takes `accumulator` over, so the
  /// slot holds the only reference while the body runs (`reduce(into:)` changes it in place),
  /// and its result comes back.
  func step(_ accumulator: inout Value, _ element: Value) throws(EvaluationError) {
    try onFrame { frame throws(EvaluationError) in
      frame.slots[0] = accumulator
      accumulator = .void
      frame.slots[1] = element
      accumulator = try result(frame)
      frame.slots[0] = .void
      frame.result = .void
    }
  }

  func test(_ argument: Value) throws(EvaluationError) -> Bool {
    try onFrame { frame throws(EvaluationError) in
      frame.slots[0] = argument
      return try flag(frame)
    }
  }

  func test2(_ first: Value, _ second: Value) throws(EvaluationError) -> Bool {
    try onFrame { frame throws(EvaluationError) in
      frame.slots[0] = first
      frame.slots[1] = second
      return try flag(frame)
    }
  }
}
