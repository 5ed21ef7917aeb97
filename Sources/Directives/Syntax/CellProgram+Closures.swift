/// Whether code makes closures (a closure expression or a nested `func`): a loop body that does
/// gets a frame of its own per iteration, so each closure captures its own iteration's names.
extension Statement {
  var makesClosures: Bool {
    switch kind {
    case .function, .structure: return true
    case .binding(_, _, _, let value): return value?.makesClosures == true
    case .expression(let expression), .returnValue(let expression?): return expression.makesClosures
    case .returnValue(nil), .breakLoop, .continueLoop: return false
    case .forIn(_, let sequence, let filter, let body):
      return sequence.makesClosures || filter?.makesClosures == true || body.makesClosures
    case .ifElse(let conditions, let then, let otherwise):
      return conditions.contains(where: \.makesClosures) || then.makesClosures
        || otherwise?.makesClosures == true
    case .whileLoop(let conditions, let body), .guardElse(let conditions, let body):
      return conditions.contains(where: \.makesClosures) || body.makesClosures
    case .repeatWhile(let body, let condition):
      return body.makesClosures || condition.makesClosures
    case .destructuring(_, _, let value): return value.makesClosures
    case .switchCases(let subject, let cases):
      return subject.makesClosures
        || cases.contains { switchCase in
          switchCase.body.makesClosures
            || switchCase.items.contains { $0.guardCondition?.makesClosures == true }
        }
    }
  }
}

extension [Statement] {
  var makesClosures: Bool { contains(where: \.makesClosures) }
}

extension Expression {
  var makesClosures: Bool {
    switch kind {
    case .closure: true
    case .integer, .floating, .string, .boolean, .enumCase, .nilLiteral, .name: false
    case .interpolation(let parts):
      parts.contains { if case .expression(let inner) = $0 { inner.makesClosures } else { false } }
    case .array(let elements): elements.contains(where: \.makesClosures)
    case .dictionary(let entries):
      entries.contains { $0.key.makesClosures || $0.value.makesClosures }
    case .tuple(let elements): elements.contains { $0.value.makesClosures }
    case .member(let base, _, _): base.makesClosures
    case .call(let callee, let arguments), .subscripted(let callee, let arguments):
      callee.makesClosures || arguments.contains { $0.value.makesClosures }
    case .initializer(_, let arguments): arguments.contains { $0.value.makesClosures }
    case .binary(_, let left, let right, _), .nilCoalescing(let left, let right, _):
      left.makesClosures || right.makesClosures
    case .prefix(_, let operand), .forceUnwrap(let operand, _), .optionalChain(let operand),
      .optionalBinding(_, _, let operand), .caseCondition(_, let operand):
      operand.makesClosures
    case .ternary(let condition, let then, let otherwise):
      condition.makesClosures || then.makesClosures || otherwise.makesClosures
    case .assignment(let target, _, let value): target.makesClosures || value.makesClosures
    }
  }
}
