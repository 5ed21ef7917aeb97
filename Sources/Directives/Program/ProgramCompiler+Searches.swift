/// Array searches that may find nothing, so give optionals: `first(where:)`,
/// `firstIndex(of:)`, `firstIndex(where:)`; `compactMap`, which drops the nils a closure gives;
/// and `enumerated()`. A range answers the array
/// methods as the array of its Ints (`(0..<5).map { $0 * 2 }`).
extension ProgramCompiler {
  /// The methods a range answers as the array of its Ints.
  static let rangeCollectionMethods: Set<String> = [
    "map", "filter", "reduce", "forEach", "contains", "allSatisfy", "sorted", "reversed", "min",
    "max", "enumerated", "first", "firstIndex", "compactMap",
  ]

  /// A range's Ints as an `[Int]` value.
  func rangeAsArray(_ receiver: Typed) -> Typed { sequenceAsArray(receiver, element: .int) }

  /// A sequence's elements (see `elements(of:at:)`) as an array value, at the sequence's place.
  func sequenceAsArray(_ sequence: Typed, element: ValueType, at position: Position? = nil)
    -> Typed
  {
    let code = sequence.value
    let at = sequence.position
    return Typed(
      .array(element),
      .value { frame throws(EvaluationError) in
        .array(try Self.elements(of: try code(frame), at: at))
      }, at: position ?? at)
  }

  /// A closure argument of `method`, compiled for the parameter and result types it must have.
  func closureArgument(
    _ argument: Expression, of method: String, _ parameters: [ValueType], _ result: ValueType
  ) -> Typed {
    let argument = Self.splittingTuple(argument, parameters, result)
    let typed = compile(argument, expected: .function(parameters, result))
    guard case .function(let types, let produced) = typed.type, types.count == parameters.count
    else {
      if typed.type == .any { return typed }
      return fail(
        "'\(method)' needs a closure of type '\(ValueType.function(parameters, result))', not '\(typed.type)'",
        at: typed.position)
    }
    if result != .any, !result.accepts(produced) {
      return fail(
        "the closure returns '\(produced)' but '\(method)' needs '\(result)'", at: typed.position)
    }
    return typed
  }

  /// A closure of N parameters where one N-element tuple is passed (`zip(a, b).map { $0 * $1 }`,
  /// `d.map { key, value in ... }`) takes the tuple apart, as Swift does: it becomes a closure of
  /// one parameter whose body starts with `let (a, b) = tuple`. Other arguments are unchanged.
  static func splittingTuple(_ argument: Expression, _ parameters: [ValueType], _ result: ValueType)
    -> Expression
  {
    guard parameters.count == 1, case .tuple(let elements, _) = parameters[0], elements.count > 1
    else { return argument }
    let at = argument.position
    // `zip(a, b).map(*)`: the operator as the closure `{ $0 * $1 }`.
    if case .name(let name) = argument.kind, elements.count == 2,
      let op = BinaryOperator(rawValue: name), op != .and, op != .or
    {
      let operands = ["$0", "$1"].map { Expression(kind: .name($0), position: at) }
      let closure = ClosureExpression(
        parameters: ["$0", "$1"].map {
          FunctionParameter(label: nil, name: $0, type: nil, defaultValue: nil, position: at)
        },
        resultType: nil,
        body: [
          Statement(
            kind: .expression(
              Expression(
                kind: .binary(op, operands[0], operands[1], operatorPosition: at), position: at)),
            position: at)
        ],
        usesShorthand: true)
      return splittingTuple(Expression(kind: .closure(closure), position: at), parameters, result)
    }
    guard case .closure(let closure) = argument.kind, closure.parameters.count == elements.count
    else { return argument }
    let whole = "(tuple)"  // a name no cell can write
    let pattern = Pattern.tuple(closure.parameters.map { .binding($0.name, $0.position) }, at)
    var body = closure.body
    // The single expression a closure returns stays returned once a statement precedes it.
    if result != .void, body.count == 1, case .expression(let value) = body[0].kind {
      if case .assignment = value.kind {
      } else {
        body = [Statement(kind: .returnValue(value), position: body[0].position)]
      }
    }
    let split = Statement(
      kind: .destructuring(
        isConstant: true, pattern: pattern, value: Expression(kind: .name(whole), position: at)),
      position: at)
    let single = FunctionParameter(
      label: nil, name: whole, type: nil, defaultValue: nil, position: at)
    return Expression(
      kind: .closure(
        ClosureExpression(
          parameters: [single], resultType: closure.resultType, body: [split] + body,
          usesShorthand: false)),
      position: at)
  }

  /// `first(where:)`, `firstIndex(of:)`, `firstIndex(where:)` (and their `last` forms),
  /// `compactMap`, `flatMap` and `enumerated()` on an array, or nil for other methods.
  func searchMethod(
    _ receiver: Typed, _ name: String, _ arguments: [CallArgument], at position: Position
  ) -> Typed? {
    guard case .array(let element) = receiver.type else { return nil }
    var labels = arguments.map(\.label)
    // A trailing closure stands for `where:`: `xs.first { $0 > 2 }`.
    if labels == [nil], case .closure = arguments[0].value.kind { labels = ["where"] }
    let receiverCode = receiver.value
    let control = self.control
    switch (name, labels) {
    case ("enumerated", []):
      return enumerated(receiver, element: element, at: position)
    case ("firstIndex", ["of"]), ("lastIndex", ["of"]):
      let fromEnd = name == "lastIndex"
      let target = compile(arguments[0].value, expected: element)
      guard Operators.resultType(.equal, element, target.type) != nil else {
        return fail(
          "cannot convert value of type '\(target.type)' to expected argument type '\(element)'",
          at: arguments[0].value.position)
      }
      let targetCode = target.value
      return Typed(
        .optional(.int),
        .value { frame throws(EvaluationError) in
          let values = try Self.elements(of: try receiverCode(frame), at: position)
          let wanted = try targetCode(frame)
          let matches = { (value: Value) in Value.equal(value, wanted) == true }
          let found = fromEnd ? values.lastIndex(where: matches) : values.firstIndex(where: matches)
          return .optional(found.map(Value.int))
        }, at: position)
    case ("first", ["where"]), ("firstIndex", ["where"]), ("last", ["where"]),
      ("lastIndex", ["where"]):
      let predicate = closureArgument(arguments[0].value, of: name, [element], .bool).value
      let wantsIndex = name.hasSuffix("Index")
      let fromEnd = name.hasPrefix("last")
      return Typed(
        .optional(wantsIndex ? .int : element),
        .value { frame throws(EvaluationError) in
          let values = try Self.elements(of: try receiverCode(frame), at: position)
          let call = try FunctionCaller(try predicate(frame), control: control, at: position)
          let order = fromEnd ? Array(values.indices.reversed()) : Array(values.indices)
          for index in order where try call.test(values[index]) {
            return .optional(wantsIndex ? .int(index) : values[index])
          }
          return .optional(nil)
        }, at: position)
    case ("compactMap", [nil]), ("compactMap", ["where"]), ("flatMap", [nil]),
      ("flatMap", ["where"]):
      // `compactMap` keeps the values of the optionals the closure gives; `flatMap` joins the
      // arrays it gives.
      let transform = closureArgument(arguments[0].value, of: name, [element], .any)
      guard case .function(_, let produced) = transform.type else { return transform }
      let isFlat = name == "flatMap"
      let kept: ValueType
      switch (produced, isFlat) {
      case (.optional(let wrapped), false), (.array(let wrapped), true): kept = wrapped
      default:
        return fail(
          isFlat
            ? "'flatMap' needs a closure that returns an array, not '\(produced)'; use 'map' or 'compactMap'"
            : "'compactMap' needs a closure that returns an optional, not '\(produced)'; use 'map'",
          at: transform.position)
      }
      let transformCode = transform.value
      return Typed(
        .array(kept),
        .value { frame throws(EvaluationError) in
          let values = try Self.elements(of: try receiverCode(frame), at: position)
          let call = try FunctionCaller(try transformCode(frame), control: control, at: position)
          var results: [Value] = []
          for value in values {
            switch try call.one(value) {
            case .optional(let present?): results.append(present)
            case .array(let inner) where isFlat:
              try ValueLimits.checkArray(
                count: results.count + inner.count, limit: control.valueLimit, at: position)
              results += inner
            default: break
            }
          }
          return .array(results)
        }, at: position)
    default:
      return nil
    }
  }
}
