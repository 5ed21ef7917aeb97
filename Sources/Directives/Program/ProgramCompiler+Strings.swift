/// `String(format:)`: a conversion whose checks depend on its arguments.
extension ProgramCompiler {
  /// `String(format: "%5.2f", x)`. A literal format is parsed and checked against the arguments
  /// here; a computed one when it runs, with the same messages.
  func formatted(_ arguments: [CallArgument], at position: Position) -> Typed {
    guard arguments.count >= 1, arguments[0].label == "format",
      arguments.dropFirst().allSatisfy({ $0.label == nil })
    else {
      arguments.forEach { _ = compile($0.value) }
      return fail("write 'String(format: \"...\", value, ...)'", at: position)
    }
    let format = compile(arguments[0].value)
    guard ValueType.string.accepts(format.type) else {
      arguments.dropFirst().forEach { _ = compile($0.value) }
      return fail(
        "cannot convert value of type '\(format.type)' to expected argument type 'String'",
        at: arguments[0].value.position)
    }
    let values = arguments.dropFirst().map(\.value)
    let typed = values.map { value -> Typed in
      let argument = compile(value)
      // A Double-typed value may hold an Int at run time; the formatter gets a Double.
      return argument.type == .double
        ? Typed(.double, .double(argument.double), at: argument.position) : argument
    }
    let formatAt = arguments[0].value.position
    if case .string(let text)? = format.constant {
      switch FormatString.parse(text) {
      case .failure(let error):
        return fail(error.message, at: formatAt)
      case .success(let parsed):
        if let problem = Self.formatProblem(
          parsed, types: typed.map(\.type), positions: typed.map(\.position), at: position)
        {
          return fail(problem.message, at: problem.position)
        }
      }
    }
    let formatCode = format.value
    let codes = typed.map(\.value)
    let positions = typed.map(\.position)
    return Typed(
      .string,
      .value { frame throws(EvaluationError) in
        guard case .string(let text) = try formatCode(frame) else {
          throw EvaluationError("the format must be a String", at: formatAt)
        }
        let parsed: FormatString
        switch FormatString.parse(text) {
        case .failure(let error): throw EvaluationError(error.message, at: formatAt)
        case .success(let value): parsed = value
        }
        var values: [Value] = []
        values.reserveCapacity(codes.count)
        for code in codes { values.append(try code(frame)) }
        if let problem = Self.formatProblem(
          parsed, types: values.map(\.type), positions: positions, at: position)
        {
          throw problem
        }
        return .string(parsed.format(values))
      }, at: position)
  }

  /// A count or type mismatch between a format's specifications and its arguments.
  static func formatProblem(
    _ format: FormatString, types: [ValueType], positions: [Position], at position: Position
  ) -> EvaluationError? {
    let specifications = format.specifications
    for (index, (spec, type)) in zip(specifications, types).enumerated() {
      if let message = FormatString.mismatch(type, for: spec) {
        return EvaluationError(message, at: positions[index])
      }
    }
    if types.count > specifications.count {
      return EvaluationError(
        "the format has \(specifications.count) specifications but \(types.count) values were given",
        at: positions[specifications.count])
    }
    if types.count < specifications.count {
      return EvaluationError(
        "the format has \(specifications.count) specifications but \(types.count) values were given",
        at: position)
    }
    return nil
  }
}

extension Value {
  /// The values a `for` loop or `Array(...)` goes through, in order; nil when not a sequence.
  var elements: [Value]? {
    switch self {
    case .array(let values): values
    case .range(let range, _): range.map { .int($0) }
    case .string(let text): text.map { .string(String($0)) }
    case .set(let set): set.elements
    case .dictionary(let dictionary):
      zip(dictionary.keys, dictionary.values).map { .tuple([$0, $1], labels: ["key", "value"]) }
    default: nil
    }
  }
}
