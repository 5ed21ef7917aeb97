import SwiftSyntax

/// Lowering of subscripts with partial ranges: `xs[..<n]`, `xs[...n]`, `xs[n...]`.
extension Lowering {
  /// `xs[..<n]`, `xs[...n]` and `xs[n...]` as the ranges they stand for: from 0, and up to
  /// `xs.count` (the base is then read twice, so it must be a name or a member of one).
  /// Nil for any other subscript argument.
  mutating func partialRange(
    _ syntax: ExprSyntax, of baseSyntax: ExprSyntax, _ base: Expression
  ) throws(UnsupportedSyntax) -> Expression? {
    let at = position(of: syntax)
    if let prefixed = syntax.as(PrefixOperatorExprSyntax.self),
      let op = BinaryOperator(rawValue: prefixed.operator.text),
      op == .halfOpenRange || op == .closedRange
    {
      return Expression(
        kind: .binary(
          op, Expression(kind: .integer(0), position: at), try expression(prefixed.expression),
          operatorPosition: at),
        position: at)
    }
    guard let postfixed = syntax.as(PostfixOperatorExprSyntax.self),
      postfixed.operator.text == "..."
    else { return nil }
    guard Self.readsOnlyNames(baseSyntax) else {
      throw unsupported(
        "a range open at the top on this value", postfixed,
        hint: "name the array first, or write 'values[start..<values.count]'")
    }
    let operatorAt = position(of: postfixed.operator)
    return Expression(
      kind: .binary(
        .halfOpenRange, try expression(postfixed.expression),
        Expression(
          kind: .member(base: base, name: "count", namePosition: operatorAt), position: at),
        operatorPosition: operatorAt),
      position: at)
  }

  /// Whether reading the expression twice does what reading it once does: a name, a member
  /// of one, or an element at a literal or named index (`grid[i].values`).
  static func readsOnlyNames(_ syntax: ExprSyntax) -> Bool {
    if syntax.is(DeclReferenceExprSyntax.self) || syntax.is(IntegerLiteralExprSyntax.self) {
      return true
    }
    if let member = syntax.as(MemberAccessExprSyntax.self), let base = member.base {
      return readsOnlyNames(base)
    }
    if let element = syntax.as(SubscriptCallExprSyntax.self) {
      return readsOnlyNames(element.calledExpression)
        && element.arguments.allSatisfy { $0.label == nil && readsOnlyNames($0.expression) }
    }
    return false
  }
}
