import SwiftSyntax

/// Lowering of optionals: `nil`, `value!`, `value?.member`, and `let` conditions.
extension Lowering {
  /// `let x = value` or `let x` in an `if`, `guard` or `while`.
  mutating func optionalBinding(_ binding: OptionalBindingConditionSyntax)
    throws(UnsupportedSyntax) -> Expression
  {
    guard let identifier = binding.pattern.as(IdentifierPatternSyntax.self) else {
      throw unsupported("this pattern", binding.pattern, hint: "bind one name: 'if let x = value'")
    }
    if let annotation = binding.typeAnnotation {
      throw unsupported("a type annotation in a condition", annotation)
    }
    let name = identifier.identifier.text
    let at = position(of: binding)
    let value: Expression
    if let initializer = binding.initializer {
      value = try expression(initializer.value)
    } else {
      value = Expression(kind: .name(name), position: position(of: identifier))
    }
    return Expression(
      kind: .optionalBinding(
        isConstant: binding.bindingSpecifier.tokenKind == .keyword(.let), name: name, value: value),
      position: at)
  }

  /// `nil`, `value!` and `value?`, or nil when the syntax is none of them.
  mutating func optionalExpression(_ syntax: ExprSyntax, at: Position) throws(UnsupportedSyntax)
    -> Expression?
  {
    if syntax.is(NilLiteralExprSyntax.self) {
      return Expression(kind: .nilLiteral, position: at)
    }
    if let unwrap = syntax.as(ForceUnwrapExprSyntax.self) {
      return Expression(
        kind: .forceUnwrap(
          try expression(unwrap.expression), bangPosition: position(of: unwrap.exclamationMark)),
        position: at)
    }
    if let chain = syntax.as(OptionalChainingExprSyntax.self) {
      return Expression(kind: .optionalChain(try expression(chain.expression)), position: at)
    }
    return nil
  }

  /// The base of a member or subscript; `a?.b` in `a?.b.c` continues the optional chain, as in
  /// Swift: it is lowered as `(a?.b)?.c`, nil when `a` is.
  mutating func chainedBase(_ syntax: ExprSyntax) throws(UnsupportedSyntax) -> Expression {
    let base = try expression(syntax)
    guard !syntax.is(OptionalChainingExprSyntax.self), Self.continuesOptionalChain(syntax)
    else { return base }
    return Expression(kind: .optionalChain(base), position: base.position)
  }

  /// Whether a member, call or subscript hangs off a `value?` (`a?.b`, `a?.f()`, `a?.xs[0]`).
  static func continuesOptionalChain(_ syntax: ExprSyntax) -> Bool {
    if syntax.is(OptionalChainingExprSyntax.self) { return true }
    if let member = syntax.as(MemberAccessExprSyntax.self), let base = member.base {
      return continuesOptionalChain(base)
    }
    if let call = syntax.as(FunctionCallExprSyntax.self) {
      return continuesOptionalChain(call.calledExpression)
    }
    if let element = syntax.as(SubscriptCallExprSyntax.self) {
      return continuesOptionalChain(element.calledExpression)
    }
    return false
  }
}
