import SwiftSyntax

/// Lowering of tuples, patterns and `switch`: `(a, b)`, `let (a, b) = t`, `for (i, x) in ...`,
/// `switch v { case (0, _): ... }`.
extension Lowering {
  mutating func tuple(_ tuple: TupleExprSyntax, at: Position) throws(UnsupportedSyntax)
    -> Expression
  {
    guard !tuple.elements.isEmpty else {
      throw unsupported("the empty tuple '()'", tuple)
    }
    var elements: [TupleElement] = []
    for element in tuple.elements {
      elements.append(
        TupleElement(label: element.label?.text, value: try expression(element.expression)))
    }
    return Expression(kind: .tuple(elements), position: at)
  }

  /// `let (a, b) = value` (a type annotation is not needed: the value's type gives the names').
  mutating func destructuring(_ binding: PatternBindingSyntax, isConstant: Bool)
    throws(UnsupportedSyntax) -> Statement
  {
    guard binding.pattern.is(TuplePatternSyntax.self) else {
      throw unsupported("this pattern", binding.pattern, hint: "bind one name at a time")
    }
    if let annotation = binding.typeAnnotation {
      throw unsupported(
        "a type annotation on a tuple pattern", annotation,
        hint: "write the type on the value: 'let (a, b): (Int, Int)' becomes 'let (a, b) = t'")
    }
    guard let initializer = binding.initializer else {
      throw UnsupportedSyntax(
        message: "a tuple pattern needs a value: write 'let (a, b) = value'",
        position: position(of: binding.pattern))
    }
    return Statement(
      kind: .destructuring(
        isConstant: isConstant, pattern: try pattern(binding.pattern, binds: true),
        value: try expression(initializer.value)),
      position: position(of: binding.pattern))
  }

  /// `for (i, x) in sequence where filter { body }` becomes a loop over one hidden name whose
  /// body first takes the element apart: `let (i, x) = element; if filter { body }`.
  mutating func forInTuple(_ loop: ForStmtSyntax) throws(UnsupportedSyntax) -> Statement {
    guard loop.pattern.is(TuplePatternSyntax.self) else {
      throw unsupported("this loop pattern", loop.pattern, hint: "loop over one name or a tuple")
    }
    let at = position(of: loop)
    let patternAt = position(of: loop.pattern)
    let element = "$element\(patternAt.line)_\(patternAt.column)"
    var body = try statements(loop.body.statements)
    if let clause = loop.whereClause {
      body = [
        Statement(
          kind: .ifElse(
            conditions: [try expression(clause.condition)], then: body, otherwise: nil),
          position: position(of: clause))
      ]
    }
    let destructure = Statement(
      kind: .destructuring(
        isConstant: true, pattern: try pattern(loop.pattern, binds: true),
        value: Expression(kind: .name(element), position: patternAt)),
      position: patternAt)
    return Statement(
      kind: .forIn(
        name: element, sequence: try expression(loop.sequence), filter: nil,
        body: [destructure] + body),
      position: at)
  }

  mutating func switchStatement(_ syntax: SwitchExprSyntax) throws(UnsupportedSyntax) -> Statement {
    var cases: [SwitchCase] = []
    for element in syntax.cases {
      guard case .switchCase(let switchCase) = element else {
        throw unsupported("'#if' inside a 'switch'", element)
      }
      if let attribute = switchCase.attribute { throw unsupported("an attribute", attribute) }
      var items: [SwitchCase.Item] = []
      if case .case(let label) = switchCase.label {
        for item in label.caseItems {
          items.append(
            SwitchCase.Item(
              pattern: try pattern(item.pattern, binds: false),
              guardCondition: try item.whereClause.map { (clause) throws(UnsupportedSyntax) in
                try expression(clause.condition)
              }))
        }
      }
      let casePosition = position(of: switchCase)
      let body = try statements(switchCase.statements)
      if body.isEmpty {
        throw UnsupportedSyntax(
          message:
            "'\(items.isEmpty ? "default" : "case")' label in a 'switch' must have at least one executable statement; write 'break' to do nothing",
          position: casePosition)
      }
      cases.append(SwitchCase(items: items, body: body, position: casePosition))
    }
    return Statement(
      kind: .switchCases(subject: try expression(syntax.subject), cases: cases),
      position: position(of: syntax))
  }

  /// `case pattern = value` in an `if`, `guard` or `while`.
  mutating func caseCondition(_ matching: MatchingPatternConditionSyntax)
    throws(UnsupportedSyntax) -> Expression
  {
    if let annotation = matching.typeAnnotation {
      throw unsupported("a type annotation in a condition", annotation)
    }
    return Expression(
      kind: .caseCondition(
        try pattern(matching.pattern, binds: false),
        try expression(matching.initializer.value)),
      position: position(of: matching))
  }

  /// A pattern; `binds` is true under `let`/`var`, where a bare name binds instead of comparing.
  mutating func pattern(_ syntax: PatternSyntax, binds: Bool) throws(UnsupportedSyntax) -> Pattern {
    if syntax.is(WildcardPatternSyntax.self) { return .wildcard }
    if let identifier = syntax.as(IdentifierPatternSyntax.self) {
      return .binding(identifier.identifier.text, position(of: identifier))
    }
    if let binding = syntax.as(ValueBindingPatternSyntax.self) {
      return try pattern(binding.pattern, binds: true)
    }
    if let tuple = syntax.as(TuplePatternSyntax.self) {
      var elements: [Pattern] = []
      for element in tuple.elements {
        if let label = element.label {
          throw unsupported("a labelled tuple pattern", label, hint: "leave out the labels")
        }
        elements.append(try pattern(element.pattern, binds: binds))
      }
      return elements.count == 1 ? elements[0] : .tuple(elements, position(of: tuple))
    }
    if let expressionPattern = syntax.as(ExpressionPatternSyntax.self) {
      return try pattern(expressionPattern.expression, binds: binds)
    }
    throw unsupported("this pattern", syntax)
  }

  /// A pattern swift-syntax parsed as an expression: `(0, _)`, `(let x, 0)`, `0..<10`, `.relu`.
  mutating func pattern(_ syntax: ExprSyntax, binds: Bool) throws(UnsupportedSyntax) -> Pattern {
    if syntax.is(DiscardAssignmentExprSyntax.self) { return .wildcard }
    if let inner = syntax.as(PatternExprSyntax.self) {
      return try pattern(inner.pattern, binds: binds)
    }
    if let chain = syntax.as(OptionalChainingExprSyntax.self) {
      return .optional(try pattern(chain.expression, binds: binds), position(of: chain))
    }
    if binds, let reference = syntax.as(DeclReferenceExprSyntax.self) {
      return .binding(reference.baseName.text, position(of: reference))
    }
    if let tuple = syntax.as(TupleExprSyntax.self) {
      if tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil {
        return try pattern(only.expression, binds: binds)
      }
      var elements: [Pattern] = []
      for element in tuple.elements {
        if let label = element.label {
          throw unsupported("a labelled tuple pattern", label, hint: "leave out the labels")
        }
        elements.append(try pattern(element.expression, binds: binds))
      }
      return .tuple(elements, position(of: tuple))
    }
    if let prefixed = syntax.as(PrefixOperatorExprSyntax.self),
      ["..<", "..."].contains(prefixed.operator.text)
    {
      return .range(
        lower: nil, upper: try expression(prefixed.expression),
        isClosed: prefixed.operator.text == "...", operatorPosition: position(of: prefixed))
    }
    if let postfixed = syntax.as(PostfixOperatorExprSyntax.self), postfixed.operator.text == "..." {
      return .range(
        lower: try expression(postfixed.expression), upper: nil, isClosed: true,
        operatorPosition: position(of: postfixed.operator))
    }
    let lowered = try expression(syntax)
    if case .binary(let op, let lower, let upper, let operatorAt) = lowered.kind,
      op == .halfOpenRange || op == .closedRange
    {
      return .range(
        lower: lower, upper: upper, isClosed: op == .closedRange, operatorPosition: operatorAt)
    }
    return .expression(lowered)
  }
}
