import Foundation

/// Math functions beyond the basics (`floor`, `sin`, `tanh` ...) and the members of numbers
/// (`isNaN`, `magnitude`, `squareRoot()`, `rounded()` ...).
enum NumberDirectives {
  static let all: [Directive] = functions + members + descriptions

  /// `x.description`: the text `print` shows, for Ints, Doubles and Bools.
  static let descriptions: [Directive] = [ValueType.int, .double, .bool].map { type in
    .computed("description", .property(of: type), .string, "The text `print` shows.") {
      .string($0.description)
    }
  }

  static let functions: [Directive] = [
    CoreDirectives.unary("floor", "The largest whole number not above the value, as a Double.") {
      Foundation.floor($0)
    },
    CoreDirectives.unary("ceil", "The smallest whole number not below the value, as a Double.") {
      Foundation.ceil($0)
    },
    CoreDirectives.unary("sin", "The sine (radians).") { Foundation.sin($0) },
    CoreDirectives.unary("cos", "The cosine (radians).") { Foundation.cos($0) },
    CoreDirectives.unary("tan", "The tangent (radians).") { Foundation.tan($0) },
    CoreDirectives.unary("asin", "The arcsine, in radians.") { Foundation.asin($0) },
    CoreDirectives.unary("acos", "The arccosine, in radians.") { Foundation.acos($0) },
    CoreDirectives.unary("atan", "The arctangent, in radians.") { Foundation.atan($0) },
    CoreDirectives.unary("tanh", "The hyperbolic tangent.") { Foundation.tanh($0) },
    CoreDirectives.unary("log2", "The base-2 logarithm.") { Foundation.log2($0) },
    CoreDirectives.unary("log10", "The base-10 logarithm.") { Foundation.log10($0) },
    binary("atan2", "y", "x", "The angle of the point (x, y) from the x axis, in radians.") {
      Foundation.atan2($0, $1)
    },
    binary("hypot", "x", "y", "The length of the hypotenuse: √(x² + y²).") {
      Foundation.hypot($0, $1)
    },
  ]

  private static func binary(
    _ name: String, _ first: String, _ second: String, _ summary: String,
    _ operation: @escaping @Sendable (Double, Double) -> Double
  ) -> Directive {
    Directive(
      name,
      parameters: [Parameter(nil, name: first, .double), Parameter(nil, name: second, .double)],
      result: .double, summary: summary
    ) { call throws(EvaluationError) in
      .double(operation(try call.double(first), try call.double(second)))
    }
  }

  static let members: [Directive] = [
    property("isNaN", "Whether the value is not a number.") { .bool($0.isNaN) },
    property("isFinite", "Whether the value is neither infinite nor NaN.") { .bool($0.isFinite) },
    property("isInfinite", "Whether the value is infinite.") { .bool($0.isInfinite) },
    Directive(
      "magnitude", .property(of: CoreDirectives.numeric), result: CoreDirectives.numeric,
      resultFromArguments: CoreDirectives.numericResult,
      summary: "The absolute value (an Int stays an Int)."
    ) { call throws(EvaluationError) in
      switch call.self_ {
      case .int(let value): return .int(Int(exactly: value.magnitude) ?? Int.max)
      case .double(let value): return .double(value.magnitude)
      default: throw call.error("'magnitude' needs a number")
      }
    },
    method("squareRoot", "The square root.") { $0.squareRoot() },
    Directive(
      "rounded", .method(on: .double),
      parameters: [
        Parameter(
          nil, name: "rule", .enumeration(roundingRule),
          default: roundingRule.value("toNearestOrAwayFromZero"))
      ],
      result: .double,
      summary:
        "A whole number: the nearest, halves away from zero, or by `rule` (`.down`, `.up`, `.towardZero`, `.toNearestOrEven` ...)."
    ) { call throws(EvaluationError) in
      let rule: FloatingPointRoundingRule
      switch try call.enumCase("rule", of: roundingRule) {
      case "up": rule = .up
      case "down": rule = .down
      case "towardZero": rule = .towardZero
      case "awayFromZero": rule = .awayFromZero
      case "toNearestOrEven": rule = .toNearestOrEven
      default: rule = .toNearestOrAwayFromZero
      }
      return .double(try number(call).rounded(rule))
    },
    Directive(
      "isMultiple", .method(on: .int), parameters: [Parameter("of", name: "other", .int)],
      result: .bool, summary: "Whether the Int is `other` times some Int (`x % other == 0`)."
    ) { call throws(EvaluationError) in
      guard case .int(let value) = call.self_, case .int(let other) = call.value("other") else {
        throw call.error("'isMultiple(of:)' needs Ints")
      }
      return .bool(value.isMultiple(of: other))
    },
    Directive(
      "truncatingRemainder", .method(on: .double),
      parameters: [Parameter("dividingBy", name: "divisor", .double)], result: .double,
      summary:
        "The remainder of dividing by `divisor`, with the sign of the value (`%` for Doubles)."
    ) { call throws(EvaluationError) in
      .double(try number(call).truncatingRemainder(dividingBy: try call.double("divisor")))
    },
  ]

  static let roundingRule = EnumerationType(
    name: "FloatingPointRoundingRule",
    cases: [
      "toNearestOrAwayFromZero", "toNearestOrEven", "up", "down", "towardZero", "awayFromZero",
    ])

  private static func number(_ call: Invocation) throws(EvaluationError) -> Double {
    guard let value = call.self_.number else { throw call.error("not a number") }
    return value
  }

  private static func property(
    _ name: String, _ summary: String, _ get: @escaping @Sendable (Double) -> Value
  ) -> Directive {
    Directive(name, .property(of: .double), result: .bool, summary: summary) {
      call throws(EvaluationError) in get(try number(call))
    }
  }

  private static func method(
    _ name: String, _ summary: String, _ operation: @escaping @Sendable (Double) -> Double
  ) -> Directive {
    Directive(name, .method(on: .double), result: .double, summary: summary) {
      call throws(EvaluationError) in .double(operation(try number(call)))
    }
  }
}
