extension CellProgram {
  /// Every name the program reads (variables, params), wherever it appears.
  package var namesReferenced: Set<String> {
    var names: Set<String> = []
    for statement in statements { statement.collectNames(into: &names) }
    return names
  }
}

extension Statement {
  func collectNames(into names: inout Set<String>) {
    switch kind {
    case .binding(_, _, _, let value): value?.collectNames(into: &names)
    case .expression(let expression): expression.collectNames(into: &names)
    case .forIn(_, let sequence, let filter, let body):
      sequence.collectNames(into: &names)
      filter?.collectNames(into: &names)
      body.forEach { $0.collectNames(into: &names) }
    case .whileLoop(let conditions, let body), .guardElse(let conditions, let body):
      conditions.forEach { $0.collectNames(into: &names) }
      body.forEach { $0.collectNames(into: &names) }
    case .repeatWhile(let body, let condition):
      body.forEach { $0.collectNames(into: &names) }
      condition.collectNames(into: &names)
    case .breakLoop, .continueLoop: break
    case .returnValue(let value): value?.collectNames(into: &names)
    case .function(let declaration):
      declaration.parameters.forEach { $0.defaultValue?.collectNames(into: &names) }
      declaration.body.forEach { $0.collectNames(into: &names) }
    case .structure(let declaration):
      declaration.stored.forEach { $0.defaultValue?.collectNames(into: &names) }
      declaration.computed.forEach { $0.body.forEach { $0.collectNames(into: &names) } }
      for method in declaration.methods + (declaration.initializer.map { [$0] } ?? []) {
        Statement(kind: .function(method.declaration), position: method.position)
          .collectNames(into: &names)
      }
    case .ifElse(let conditions, let then, let otherwise):
      conditions.forEach { $0.collectNames(into: &names) }
      then.forEach { $0.collectNames(into: &names) }
      otherwise?.forEach { $0.collectNames(into: &names) }
    case .destructuring(_, _, let value): value.collectNames(into: &names)
    case .switchCases(let subject, let cases):
      subject.collectNames(into: &names)
      for switchCase in cases {
        for item in switchCase.items {
          item.pattern.collectNames(into: &names)
          item.guardCondition?.collectNames(into: &names)
        }
        switchCase.body.forEach { $0.collectNames(into: &names) }
      }
    }
  }
}

extension Expression {
  func collectNames(into names: inout Set<String>) {
    switch kind {
    case .integer, .floating, .string, .boolean, .enumCase, .nilLiteral: break
    case .name(let name): names.insert(name)
    case .interpolation(let parts):
      for case .expression(let inner) in parts { inner.collectNames(into: &names) }
    case .array(let elements): elements.forEach { $0.collectNames(into: &names) }
    case .member(let base, _, _): base.collectNames(into: &names)
    case .call(let callee, let arguments), .subscripted(let callee, let arguments):
      callee.collectNames(into: &names)
      arguments.forEach { $0.value.collectNames(into: &names) }
    case .initializer(_, let arguments): arguments.forEach { $0.value.collectNames(into: &names) }
    case .binary(_, let left, let right, _):
      left.collectNames(into: &names)
      right.collectNames(into: &names)
    case .prefix(_, let operand): operand.collectNames(into: &names)
    case .ternary(let condition, let then, let otherwise):
      condition.collectNames(into: &names)
      then.collectNames(into: &names)
      otherwise.collectNames(into: &names)
    case .assignment(let target, _, let value):
      target.collectNames(into: &names)
      value.collectNames(into: &names)
    case .closure(let closure):
      closure.body.forEach { $0.collectNames(into: &names) }
    case .dictionary(let entries):
      for entry in entries {
        entry.key.collectNames(into: &names)
        entry.value.collectNames(into: &names)
      }
    case .forceUnwrap(let operand, _), .optionalChain(let operand),
      .optionalBinding(_, _, let operand):
      operand.collectNames(into: &names)
    case .nilCoalescing(let left, let right, _):
      left.collectNames(into: &names)
      right.collectNames(into: &names)
    case .tuple(let elements): elements.forEach { $0.value.collectNames(into: &names) }
    case .caseCondition(let pattern, let value):
      pattern.collectNames(into: &names)
      value.collectNames(into: &names)
    }
  }
}

extension Pattern {
  func collectNames(into names: inout Set<String>) {
    switch self {
    case .wildcard, .binding: break
    case .expression(let expression): expression.collectNames(into: &names)
    case .tuple(let elements, _): elements.forEach { $0.collectNames(into: &names) }
    case .optional(let inner, _): inner.collectNames(into: &names)
    case .range(let lower, let upper, _, _):
      lower?.collectNames(into: &names)
      upper?.collectNames(into: &names)
    }
  }
}
