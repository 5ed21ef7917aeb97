/// `stride` and the slicing and joining members of arrays: `indices`, `prefix`, `suffix`,
/// `dropFirst`, `dropLast`, `joined(separator:)`.
enum SequenceDirectives {
  static let all: [Directive] = strides + slices

  static let strides: [Directive] = [
    stride("to", "The numbers from `start` up to, not including, `end`, `step` apart."),
    stride(
      "through", "The numbers from `start` up to and including `end` (if reached), `step` apart."),
  ]

  /// `stride(from:to:by:)` as an array (Int when every bound is an Int, else Double).
  private static func stride(_ label: String, _ summary: String) -> Directive {
    Directive(
      "stride",
      parameters: [
        Parameter("from", name: "start", CoreDirectives.numeric),
        Parameter(label, name: "end", CoreDirectives.numeric),
        Parameter("by", name: "step", CoreDirectives.numeric),
      ],
      result: .array(CoreDirectives.numeric),
      resultFromArguments: { .array(CoreDirectives.numericResult($0)) },
      summary: summary
    ) { call throws(EvaluationError) in
      let inclusive = label == "through"
      let (start, end, step) = (call.value("start"), call.value("end"), call.value("step"))
      guard let count = try elementCount(call, inclusive: inclusive),
        count <= ProgramCompiler.maximumElements
      else {
        throw call.error(
          "the stride has more than \(ProgramCompiler.maximumElements) elements, the limit of an array"
        )
      }
      if case .int(let from) = start, case .int(let to) = end, case .int(let by) = step {
        return .array(
          inclusive
            ? Swift.stride(from: from, through: to, by: by).map { .int($0) }
            : Swift.stride(from: from, to: to, by: by).map { .int($0) })
      }
      let (from, to, by) = (start.number ?? 0, end.number ?? 0, step.number ?? 0)
      return .array(
        inclusive
          ? Swift.stride(from: from, through: to, by: by).map { .double($0) }
          : Swift.stride(from: from, to: to, by: by).map { .double($0) })
    }
  }

  /// About how many elements the stride has, before making them; nil when unbounded.
  private static func elementCount(_ call: Invocation, inclusive: Bool) throws(EvaluationError)
    -> Int?
  {
    let (from, to, by) = (
      try call.double("start"), try call.double("end"), try call.double("step")
    )
    guard by != 0, by.isFinite else {
      throw EvaluationError(
        "the stride's step must be a finite number other than 0", at: call.position(of: "step"))
    }
    guard from.isFinite, to.isFinite else {
      throw call.error("the stride's bounds must be finite numbers")
    }
    let steps = ((to - from) / by).rounded(.down) + 1
    guard steps <= Double(ProgramCompiler.maximumElements) else { return nil }
    return max(0, Int(steps))
  }

  static let anyArray = CoreDirectives.anyArray

  static let slices: [Directive] = [
    .computed("indices", .property(of: anyArray), .range, "The valid indices, `0..<count`.") {
      if case .array(let elements) = $0 { .range(elements.indices, closed: false) } else { nil }
    },
    Directive(
      "lazy", .property(of: anyArray), result: .any,
      resultFromArguments: CoreDirectives.sameAsReceiver,
      summary:
        "The array itself: its `map` and `filter` run at once, with the same results as Swift's lazy ones."
    ) { call throws(EvaluationError) in call.self_ },
    slice("prefix", "The first `count` elements (all of them if there are fewer).") {
      Array($0.prefix($1))
    },
    slice("suffix", "The last `count` elements (all of them if there are fewer).") {
      Array($0.suffix($1))
    },
    slice("dropFirst", "The elements without the first `count` (default 1).", default: 1) {
      Array($0.dropFirst($1))
    },
    slice("dropLast", "The elements without the last `count` (default 1).", default: 1) {
      Array($0.dropLast($1))
    },
    Directive(
      "joined", .method(on: .array(.string)),
      parameters: [Parameter("separator", .string, default: .string(""))], result: .string,
      summary: "The strings joined into one, with `separator` between them."
    ) { call throws(EvaluationError) in
      guard case .array(let elements) = call.self_ else { throw call.error("not an array") }
      var texts: [String] = []
      for element in elements {
        guard case .string(let text) = element else {
          throw call.error("'joined' needs an array of Strings, not one holding '\(element.type)'")
        }
        texts.append(text)
      }
      return .string(texts.joined(separator: try call.string("separator")))
    },
  ]

  private static func slice(
    _ name: String, _ summary: String, default defaultCount: Int? = nil,
    _ take: @escaping @Sendable ([Value], Int) -> [Value]
  ) -> Directive {
    Directive(
      name, .method(on: anyArray),
      parameters: [Parameter(nil, name: "count", .int, default: defaultCount.map { .int($0) })],
      result: .any, resultFromArguments: CoreDirectives.sameAsReceiver, summary: summary
    ) { call throws(EvaluationError) in
      guard case .array(let elements) = call.self_ else { throw call.error("not an array") }
      return .array(take(elements, try call.int("count", atLeast: 0)))
    }
  }
}
