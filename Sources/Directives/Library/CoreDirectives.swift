import Foundation
import Notebook

/// The language's basics: output, metrics, tables, numbers, and members of arrays, ranges and
/// strings.
enum CoreDirectives {
  static let all: [Directive] =
    output + numbers + arrays + ranges + strings + NumberDirectives.all + StringDirectives.all
    + SequenceDirectives.all + KeyedDirectives.all + AssertionDirectives.all

  static let numeric: ValueType = .oneOf([.int, .double])

  /// Int when every argument is an Int, else Double (for `min`, `max`, `abs`).
  @Sendable static func numericResult(_ types: [ValueType]) -> ValueType {
    let flattened = types.flatMap { type -> [ValueType] in
      if case .array(let element) = type { [element] } else { [type] }
    }
    if flattened.contains(.any) { return .any }
    return flattened.allSatisfy { $0 == .int } ? .int : .double
  }

  static let output: [Directive] = [
    Directive(
      "print",
      parameters: [
        Parameter(nil, name: "items", .any, variadic: true),
        Parameter("separator", .string, default: .string(" ")),
        Parameter("terminator", .string, default: .string("\n")),
      ],
      result: .void,
      summary: "Writes the items' text to the cell's output, as Swift's `print` does."
    ) { call throws(EvaluationError) in
      let items = try call.array("items").map(\.description)
      call.context.emit(
        .text(
          items.joined(separator: try call.string("separator")) + (try call.string("terminator"))))
      return .void
    },
    Directive(
      "metric",
      parameters: [Parameter(nil, name: "name", .string), Parameter(nil, name: "value", .double)],
      result: .void,
      summary:
        "Records a named number in the run record as `<cell>.<name>` (compared by `nudge diff`)."
    ) { call throws(EvaluationError) in
      let name = try call.string("name")
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) })
      else {
        throw EvaluationError(
          "a metric name uses letters, digits, '.', '_' and '-', got \"\(name)\"",
          at: call.position(of: "name"))
      }
      call.context.metric(name, try call.double("value"))
      return .void
    },
    Directive(
      "table",
      parameters: [
        Parameter(nil, name: "rows", .any),
        Parameter("columns", .array(.string), default: .array([])),
        Parameter("caption", .string, default: .string("")),
        Parameter("digits", .int, default: .void),
      ],
      result: .object(.table),
      summary:
        "A table from rows of values (`[[...], ...]` with `columns:`), or from a history, evaluation or gradient check; `digits: 3` shows the rows' Doubles with 3 decimal places (else 4 significant digits). Shown where it is called, like a plot."
    ) { call throws(EvaluationError) in
      let caption = try call.string("caption")
      var digits: Int?
      if !call.isAbsent("digits") {
        digits = try call.int("digits", atLeast: 0)
        guard let places = digits, places <= 15 else {
          throw EvaluationError(
            "'digits' is at most 15, got \(digits ?? 0)", at: call.position(of: "digits"))
        }
      }
      var table = try TableBuilding.table(
        from: call.value("rows"), columns: try call.strings("columns"), digits: digits,
        at: call.position(of: "rows"))
      if !caption.isEmpty { table.caption = caption }
      return .table(table)
    },
  ]

  static let numbers: [Directive] = [
    unary("abs", "The absolute value.", keepsInt: true) {
      abs($0)
    } int: {
      $0 == Int.min ? nil : abs($0)
    },
    unary("sqrt", "The square root.") { $0.squareRoot() },
    unary("exp", "e raised to the value.") { Foundation.exp($0) },
    unary("log", "The natural logarithm.") { Foundation.log($0) },
    unary("round", "The nearest whole number, as a Double.") { $0.rounded() },
    Directive(
      "pow",
      parameters: [
        Parameter(nil, name: "base", .double), Parameter(nil, name: "exponent", .double),
      ],
      result: .double, summary: "`base` raised to `exponent`."
    ) { call throws(EvaluationError) in
      .double(Foundation.pow(try call.double("base"), try call.double("exponent")))
    },
    extremum("min", "The smallest of the values.", <),
    extremum("max", "The largest of the values.", >),
    Directive(
      "Double", parameters: [Parameter(nil, name: "value", .oneOf([.int, .double, .string]))],
      result: .double, resultFromArguments: { $0 == [.string] ? .optional(.double) : .double },
      summary: "The value as a Double; of a String, a `Double?` (nil unless it spells a number)."
    ) { call throws(EvaluationError) in
      switch call.value("value") {
      case .string(let text): return ProgramCompiler.parsedNumber(text, as: .double)
      default: return .double(try call.double("value"))
      }
    },
    Directive(
      "Int", parameters: [Parameter(nil, name: "value", .oneOf([.int, .double, .string]))],
      result: .int, resultFromArguments: { $0 == [.string] ? .optional(.int) : .int },
      summary:
        "The value as an Int (Doubles are truncated toward zero); of a String, an `Int?` (nil unless it spells an Int)."
    ) { call throws(EvaluationError) in
      switch call.value("value") {
      case .int(let value): return .int(value)
      case .double(let value):
        guard let integer = Int(exactly: value.rounded(.towardZero)) else {
          throw EvaluationError(
            "\(value) cannot be converted to an Int", at: call.position(of: "value"))
        }
        return .int(integer)
      case .string(let text): return ProgramCompiler.parsedNumber(text, as: .int)
      default: throw call.error("cannot convert to Int")
      }
    },
    Directive(
      "String", parameters: [Parameter(nil, name: "value", .any)], result: .string,
      summary:
        "The value's text, as `print` shows it; characters (`s.reversed()`) joined into one String."
    ) { call throws(EvaluationError) in
      let value = call.value("value")
      if case .array(let elements) = value, !elements.isEmpty,
        elements.allSatisfy({ if case .string = $0 { true } else { false } })
      {
        return .string(elements.map(\.description).joined())
      }
      return .string(value.description)
    },
  ]

  static func unary(
    _ name: String, _ summary: String, keepsInt: Bool = false,
    _ operation: @escaping @Sendable (Double) -> Double, int: (@Sendable (Int) -> Int?)? = nil
  ) -> Directive {
    Directive(
      name, parameters: [Parameter(nil, name: "value", numeric)],
      result: keepsInt ? numeric : .double,
      resultFromArguments: keepsInt ? numericResult : nil, summary: summary
    ) { call throws(EvaluationError) in
      if let int, case .int(let value) = call.value("value") {
        guard let result = int(value) else { throw call.error("arithmetic overflow in '\(name)'") }
        return .int(result)
      }
      return .double(operation(try call.double("value")))
    }
  }

  private static func extremum(
    _ name: String, _ summary: String, _ better: @escaping @Sendable (Double, Double) -> Bool
  ) -> Directive {
    Directive(
      name, parameters: [Parameter(nil, name: "values", numeric, variadic: true)], result: numeric,
      resultFromArguments: numericResult, summary: summary
    ) { call throws(EvaluationError) in
      let values = try call.array("values")
      guard var best = values.first else { throw call.error("'\(name)' needs at least one value") }
      for value in values.dropFirst() where better(value.number ?? 0, best.number ?? 0) {
        best = value
      }
      return values.allSatisfy({ $0.type == .int }) ? best : .double(best.number ?? 0)
    }
  }

  // MARK: Arrays

  static let anyArray: ValueType = .array(.any)

  @Sendable static func elementResult(_ types: [ValueType]) -> ValueType {
    if case .array(let element)? = types.first { return element }
    return .any
  }

  @Sendable static func sameAsReceiver(_ types: [ValueType]) -> ValueType { types.first ?? .any }

  static let arrays: [Directive] = [
    .computed("count", .property(of: anyArray), .int, "The number of elements.") {
      if case .array(let elements) = $0 { .int(elements.count) } else { nil }
    },
    .computed("isEmpty", .property(of: anyArray), .bool, "Whether there are no elements.") {
      if case .array(let elements) = $0 { .bool(elements.isEmpty) } else { nil }
    },
    Directive(
      "subscript", .method(on: anyArray),
      parameters: [Parameter(nil, name: "index", .oneOf([.int, .range]))],
      result: .any,
      resultFromArguments: { types in
        types.count > 1 && types[1] == .range ? sameAsReceiver(types) : elementResult(types)
      },
      summary: "`values[i]` is one element; `values[a..<b]` the elements in that range."
    ) { call throws(EvaluationError) in
      guard case .array(let elements) = call.self_ else { throw call.error("not an array") }
      return try Indexing.element(of: elements, call.value("index"), at: call.position(of: "index"))
      {
        .array(Array(elements[$0]))
      }
    },
    Directive(
      "append", .method(on: anyArray), parameters: [Parameter(nil, name: "element", .any)],
      result: .void, isMutating: true,
      summary: "Adds an element at the end (the array must be a `var`)."
    ) { call throws(EvaluationError) in
      guard case .array(let elements) = call.self_ else { throw call.error("not an array") }
      try ValueLimits.checkArray(
        count: elements.count + 1, limit: call.context.options.valueLimit, at: call.position)
      return .array(Coercion.homogeneous(elements + [call.value("element")]))
    },
    Directive(
      "min", .method(on: anyArray), result: .optional(.any),
      resultFromArguments: { .optional(elementResult($0)) },
      summary: "The smallest element, or nil when the array is empty."
    ) { call throws(EvaluationError) in try ordered(call, wantsMax: false) },
    Directive(
      "max", .method(on: anyArray), result: .optional(.any),
      resultFromArguments: { .optional(elementResult($0)) },
      summary: "The largest element, or nil when the array is empty."
    ) { call throws(EvaluationError) in try ordered(call, wantsMax: true) },
    Directive(
      "reversed", .method(on: anyArray), result: .any, resultFromArguments: sameAsReceiver,
      summary: "The elements in reverse order."
    ) { call throws(EvaluationError) in
      guard case .array(let elements) = call.self_ else { throw call.error("not an array") }
      return .array(elements.reversed())
    },
    Directive(
      "contains", .method(on: anyArray), parameters: [Parameter(nil, name: "element", .any)],
      result: .bool,
      summary: "Whether an element equals the value."
    ) { call throws(EvaluationError) in
      guard case .array(let elements) = call.self_ else { throw call.error("not an array") }
      let target = call.value("element")
      return .bool(elements.contains { Value.equal($0, target) == true })
    },
  ]

  /// The smallest (or largest) of numbers or of strings; the first of equal ones wins.
  private static func ordered(_ call: Invocation, wantsMax: Bool) throws(EvaluationError) -> Value {
    guard case .array(let elements) = call.self_ else { throw call.error("not an array") }
    guard var best = elements.first else { return .optional(nil) }
    for element in elements.dropFirst() {
      switch (element, best) {
      case (.string(let text), .string(let current)):
        if wantsMax ? text > current : text < current { best = element }
      default:
        guard let number = element.number, let current = best.number else {
          throw call.error(
            "'\(call.directive.name)()' needs numbers or strings; use '\(call.directive.name)(by:)'"
          )
        }
        if wantsMax ? number > current : number < current { best = element }
      }
    }
    return .optional(best)
  }

  // MARK: Ranges and strings

  static let ranges: [Directive] = [
    .computed("count", .property(of: .range), .int, "The number of Ints in the range.") {
      if case .range(let range, _) = $0 { .int(range.count) } else { nil }
    },
    .computed("lowerBound", .property(of: .range), .int, "The first Int of the range.") {
      if case .range(let range, _) = $0 { .int(range.lowerBound) } else { nil }
    },
    .computed(
      "upperBound", .property(of: .range), .int,
      "The last Int of a closed range (`a...b`), the Int just past a half-open one (`a..<b`)."
    ) {
      if case .range(let range, let closed) = $0 {
        .int(closed ? range.upperBound - 1 : range.upperBound)
      } else {
        nil
      }
    },
  ]

  static let strings: [Directive] = [
    .computed("count", .property(of: .string), .int, "The number of characters.") {
      if case .string(let text) = $0 { .int(text.count) } else { nil }
    },
    .computed("isEmpty", .property(of: .string), .bool, "Whether the string is empty.") {
      if case .string(let text) = $0 { .bool(text.isEmpty) } else { nil }
    },
    .computed("uppercased", .method(on: .string), .string, "The string in upper case.") {
      if case .string(let text) = $0 { .string(text.uppercased()) } else { nil }
    },
    .computed("lowercased", .method(on: .string), .string, "The string in lower case.") {
      if case .string(let text) = $0 { .string(text.lowercased()) } else { nil }
    },
  ]
}

/// Index and range subscripts with Swift's bounds checks, as notebook errors.
enum Indexing {
  static func element(
    of elements: [Value], _ index: Value, at position: Position,
    slice: (Range<Int>) -> Value
  ) throws(EvaluationError) -> Value {
    switch index {
    case .int(let offset):
      try check(offset, count: elements.count, at: position)
      return elements[offset]
    case .range(let range, _):
      try check(range, count: elements.count, at: position)
      return slice(range)
    default:
      throw EvaluationError(
        "cannot subscript with a value of type '\(index.type)'; use an Int or a range", at: position
      )
    }
  }

  static func check(_ index: Int, count: Int, at position: Position) throws(EvaluationError) {
    guard index >= 0, index < count else {
      throw EvaluationError("index \(index) is out of range (0..<\(count))", at: position)
    }
  }

  static func check(_ range: Range<Int>, count: Int, at position: Position) throws(EvaluationError)
  {
    guard range.lowerBound >= 0, range.upperBound <= count else {
      throw EvaluationError(
        "range \(range.lowerBound)..<\(range.upperBound) is out of bounds (0..<\(count))",
        at: position)
    }
  }
}
