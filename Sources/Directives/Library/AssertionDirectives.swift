/// `fatalError`, `precondition` and `assert`: a cell stops with the message at the call, where
/// Swift would stop the program.
enum AssertionDirectives {
  static let all: [Directive] = [
    Directive(
      "fatalError", parameters: [Parameter(nil, name: "message", .string, default: .string(""))],
      result: .void,
      summary: "Stops the cell with an error at the call (a `guard`'s `else` may end with it)."
    ) { call throws(EvaluationError) in
      throw call.error(stopped("fatal error", try call.string("message")))
    },
    check("precondition", "precondition failed"),
    check("assert", "assertion failed"),
  ]

  /// The names of the directives that never return, so a `guard`'s `else` may end with them.
  static let neverReturning: Set<String> = ["fatalError"]

  private static func check(_ name: String, _ failure: String) -> Directive {
    Directive(
      name,
      parameters: [
        Parameter(nil, name: "condition", .bool),
        Parameter(nil, name: "message", .string, default: .string("")),
      ],
      result: .void,
      summary: "Stops the cell with an error at the call when `condition` is false."
    ) { call throws(EvaluationError) in
      guard try call.bool("condition") else {
        throw call.error(stopped(failure, try call.string("message")))
      }
      return .void
    }
  }

  private static func stopped(_ what: String, _ message: String) -> String {
    message.isEmpty ? what : "\(what): \(message)"
  }
}
