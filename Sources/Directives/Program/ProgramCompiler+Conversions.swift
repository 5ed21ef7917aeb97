/// `Double(i)` and `Int(x)` of a number, compiled unboxed: the same results and errors as the
/// `Double` and `Int` directives, without boxing the argument to call them.
extension ProgramCompiler {
  /// The conversion's code, or nil when the argument is not known to be a number (a String is
  /// parsed by the directive).
  func numberConversion(_ name: String, _ argument: Typed, at position: Position) -> Typed? {
    switch (name, argument.type) {
    case ("Double", .int), ("Double", .double):
      return Typed(.double, .double(argument.double), at: position)
    case ("Int", .int):
      return argument
    case ("Int", .double):
      let code = argument.double
      return Typed(
        .int,
        .int { frame throws(EvaluationError) in
          let value = try code(frame)
          guard let integer = Int(exactly: value.rounded(.towardZero)) else {
            throw EvaluationError("\(value) cannot be converted to an Int", at: position)
          }
          return integer
        }, at: position)
    default:
      return nil
    }
  }
}
