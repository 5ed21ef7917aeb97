import Notebook

/// `nudge check`: finds, without running anything, syntax errors, unknown names, wrong or
/// missing argument labels, literal type mismatches and uses before definition across cells.
///
/// It walks the same `CellProgram`s the interpreter runs and reads the same directive table, so
/// a notebook it passes fails only on what depends on data (an index out of range, say).
package struct NotebookChecker {
  package let table: DirectiveTable

  package init(table: DirectiveTable = .standard) { self.table = table }

  /// Every problem found in the document's evaluated cells, in file order.
  package func check(_ document: Document) -> [Diagnostic] {
    check(cells: document.cells, params: document.params, file: document.path)
  }

  package func check(cells: [Cell], params: [Param], file: String) -> [Diagnostic] {
    let evaluated = cells.filter(\.options.eval)
    var programs: [(cell: Cell, map: CellSourceMap, program: CellProgram?)] = []
    var diagnostics: [Diagnostic] = []
    for cell in evaluated {
      let map = CellSourceMap(cell: cell, file: file)
      switch CellParser.parse(cell, file: file) {
      case .success(let program): programs.append((cell, map, program))
      case .failure(let list):
        diagnostics += list.diagnostics
        programs.append((cell, map, nil))
      }
    }
    // Where each top-level name is first defined, to tell "defined later" from "never defined".
    var definitions: [String: (order: Int, cellID: String, line: Int)] = [:]
    for (order, entry) in programs.enumerated() {
      for statement in entry.program?.statements ?? [] {
        if case .binding(_, let name, _, _) = statement.kind, definitions[name] == nil {
          definitions[name] = (order, entry.cell.id, statement.position.line)
        }
      }
    }
    var scope = TypeScope()
    for param in params {
      scope.define(
        param.name, CheckedVariable(type: param.value.value.type, isConstant: true, isParam: true))
    }
    for (order, entry) in programs.enumerated() {
      guard let program = entry.program else { continue }
      var walker = CellChecker(
        table: table, scope: scope, order: order, laterDefinitions: definitions)
      walker.check(program.statements)
      scope = walker.scope
      diagnostics += walker.problems.map { entry.map.diagnostic($0.message, at: $0.position) }
    }
    return diagnostics
  }
}

/// What the checker knows of a variable.
struct CheckedVariable {
  var type: ValueType
  var isConstant: Bool
  var isParam = false
}

/// Names visible while checking: the session's, then block scopes.
struct TypeScope {
  var globals: [String: CheckedVariable] = [:]
  var blocks: [[String: CheckedVariable]] = []

  mutating func define(_ name: String, _ variable: CheckedVariable) {
    if blocks.isEmpty {
      globals[name] = variable
    } else {
      blocks[blocks.count - 1][name] = variable
    }
  }

  func lookup(_ name: String) -> CheckedVariable? {
    for block in blocks.reversed() { if let variable = block[name] { return variable } }
    return globals[name]
  }

  var names: [String] { Array(globals.keys) + blocks.flatMap(\.keys) }
}

/// Checks one cell's statements, inferring types from literals, the directive table and earlier
/// definitions. Unknown types are `.any`, which matches everything, so one error does not cascade.
private struct CellChecker {
  let table: DirectiveTable
  var scope: TypeScope
  let order: Int
  let laterDefinitions: [String: (order: Int, cellID: String, line: Int)]
  var problems: [EvaluationError] = []

  init(
    table: DirectiveTable, scope: TypeScope, order: Int,
    laterDefinitions: [String: (order: Int, cellID: String, line: Int)]
  ) {
    self.table = table
    self.scope = scope
    self.order = order
    self.laterDefinitions = laterDefinitions
  }

  mutating func report(_ message: String, at position: Position) {
    problems.append(EvaluationError(message, at: position))
  }

  mutating func check(_ statements: [Statement]) {
    for statement in statements { check(statement) }
  }

  mutating func inBlock(_ bindings: [String: CheckedVariable], _ body: [Statement]) {
    scope.blocks.append(bindings)
    check(body)
    scope.blocks.removeLast()
  }

  mutating func check(_ statement: Statement) {
    switch statement.kind {
    case .expression(let expression):
      _ = type(of: expression)
    case .binding(let isConstant, let name, let typeName, let value):
      var type: ValueType = .any
      if let value { type = self.type(of: value, expected: nil) }
      if let typeName {
        do {
          let declared = try ValueType.named(typeName, at: statement.position)
          if let value, !declared.accepts(type) {
            report(
              "cannot convert value of type '\(type)' to specified type '\(declared)'",
              at: value.position)
          }
          type = declared
        } catch { report(error.message, at: error.position) }
      }
      if value == nil {
        report(
          "'\(name)' needs an initial value: write '\(isConstant ? "let" : "var") \(name) = ...'",
          at: statement.position)
      } else if type == .void {
        report(
          "'\(name)' would hold no value: the expression returns nothing", at: statement.position)
      }
      scope.define(name, CheckedVariable(type: type, isConstant: isConstant))
    case .forIn(let name, let sequence, let body):
      let sequenceType = type(of: sequence)
      var element: ValueType = .any
      if let iterated = sequenceType.elementType {
        element = iterated
      } else if table.member(named: "subscript", on: sequenceType) != nil,
        table.member(named: "count", on: sequenceType) != nil
      {
        element = .any
      } else {
        report(
          "for-in loop requires an array or a range, not a value of type '\(sequenceType)'",
          at: sequence.position)
      }
      inBlock(name.map { [$0: CheckedVariable(type: element, isConstant: true)] } ?? [:], body)
    case .ifElse(let conditions, let then, let otherwise):
      for condition in conditions { requireBool(condition, role: "condition") }
      inBlock([:], then)
      if let otherwise { inBlock([:], otherwise) }
    }
  }

  mutating func requireBool(_ expression: Expression, role: String) {
    let found = type(of: expression)
    if !ValueType.bool.accepts(found) {
      report(
        "cannot convert value of type '\(found)' to expected \(role) type 'Bool'",
        at: expression.position)
    }
  }

  // MARK: Expressions

  /// The expression's type; `expected` resolves `.case` literals against an enumeration.
  mutating func type(of expression: Expression, expected: ValueType? = nil) -> ValueType {
    switch expression.kind {
    case .integer: return .int
    case .floating: return .double
    case .string: return .string
    case .boolean: return .bool
    case .interpolation(let parts):
      for case .expression(let inner) in parts { _ = type(of: inner) }
      return .string
    case .enumCase(let name):
      return enumCase(name, expected: expected, at: expression.position)
    case .array(let elements):
      var expectedElement: ValueType?
      if case .array(let element)? = expected { expectedElement = element }
      let types = elements.map { type(of: $0, expected: expectedElement) }
      guard let first = types.first else { return .array(expectedElement ?? .any) }
      if types.allSatisfy({ $0 == first }) { return .array(first) }
      if types.allSatisfy({ [.int, .double, .any].contains($0) }) { return .array(.double) }
      return .array(.any)
    case .name(let name):
      return lookup(name, at: expression.position)?.type ?? .any
    case .member(let base, let name, let namePosition):
      let receiver = type(of: base)
      guard let directive = member(name, of: receiver, at: namePosition) else { return .any }
      guard case .property = directive.kind else {
        report("method '\(name)' must be called: write '\(name)(...)'", at: namePosition)
        return .any
      }
      return resultType(directive, receiver: receiver, arguments: [])
    case .call(let callee, let arguments):
      return call(callee, arguments, at: expression.position)
    case .subscripted(let base, let arguments):
      let receiver = type(of: base)
      guard receiver != .any else {
        arguments.forEach { _ = type(of: $0.value) }
        return .any
      }
      guard let directive = table.member(named: "subscript", on: receiver) else {
        report("value of type '\(receiver)' has no subscripts", at: expression.position)
        return .any
      }
      return invoke(directive, receiver: receiver, arguments, at: expression.position)
    case .binary(let op, let left, let right, let at):
      let leftType = type(of: left)
      let rightType = type(of: right)
      guard let result = Operators.resultType(op, leftType, rightType) else {
        report(Operators.mismatch(op, leftType, rightType), at: at)
        return .any
      }
      return result
    case .prefix(let op, let operand):
      let operandType = type(of: operand)
      guard let result = Operators.resultType(op, operandType) else {
        report(
          "unary operator '\(op.rawValue)' cannot be applied to an operand of type '\(operandType)'",
          at: expression.position)
        return .any
      }
      return result
    case .ternary(let condition, let then, let otherwise):
      requireBool(condition, role: "condition")
      let thenType = type(of: then, expected: expected)
      let otherwiseType = type(of: otherwise, expected: expected)
      return thenType == otherwiseType ? thenType : .any
    case .assignment(let target, let op, let value):
      let targetType = assignable(target)
      let valueType = type(of: value, expected: targetType)
      var assigned = valueType
      if let op {
        guard let combined = Operators.resultType(op, targetType, valueType) else {
          report(Operators.mismatch(op, targetType, valueType), at: expression.position)
          return .void
        }
        assigned = combined
      }
      if !targetType.accepts(assigned) {
        report(
          "cannot assign value of type '\(assigned)' to type '\(targetType)'", at: value.position)
      }
      return .void
    }
  }

  mutating func enumCase(_ name: String, expected: ValueType?, at position: Position) -> ValueType {
    let candidates: [EnumerationType]
    switch expected {
    case .enumeration(let enumeration)?: candidates = [enumeration]
    case .oneOf(let types)?:
      candidates = types.compactMap { if case .enumeration(let e) = $0 { e } else { nil } }
    default: candidates = []
    }
    guard let enumeration = candidates.first else {
      return .enumeration(EnumerationType(name: EnumerationType.anyCase, cases: []))
    }
    if let match = candidates.first(where: { $0.cases.contains(name) }) {
      return .enumeration(match)
    }
    report(EnumerationType.unknownCaseMessage(name, in: enumeration), at: position)
    return .any
  }

  /// The type of an assignment's target, reporting targets that cannot change.
  mutating func assignable(_ target: Expression) -> ValueType {
    switch target.kind {
    case .name(let name):
      guard let variable = lookup(name, at: target.position) else { return .any }
      if variable.isConstant {
        report(
          variable.isParam
            ? "cannot assign to value: '\(name)' is a param"
            : "cannot assign to value: '\(name)' is a 'let' constant; declare it with 'var' to change it",
          at: target.position)
      }
      return variable.type
    case .subscripted(let base, _):
      guard case .name = base.kind else {
        report("only an element of an array variable can be assigned", at: target.position)
        return .any
      }
      _ = assignable(base)
      return type(of: target)
    default:
      report("cannot assign to this expression", at: target.position)
      return .any
    }
  }

  mutating func lookup(_ name: String, at position: Position) -> CheckedVariable? {
    if let variable = scope.lookup(name) { return variable }
    if let later = laterDefinitions[name], later.order >= order {
      let place = later.order == order ? "later in this cell" : "in cell '\(later.cellID)'"
      report("'\(name)' is used before it is defined (\(place), line \(later.line))", at: position)
    } else if table.function(named: name) != nil {
      report("'\(name)' is a directive: call it as '\(name)(...)'", at: position)
    } else {
      report(
        "cannot find '\(name)' in scope\(Suggestion.hint(for: name, among: scope.names + table.functionNames))",
        at: position)
    }
    return nil
  }

  mutating func member(_ name: String, of receiver: ValueType, at position: Position) -> Directive?
  {
    guard receiver != .any else { return nil }
    if let directive = table.member(named: name, on: receiver) { return directive }
    let names = table.members(of: receiver).map(\.name).filter { $0 != "subscript" }
    report(
      "value of type '\(receiver)' has no member '\(name)'\(Suggestion.hint(for: name, among: names))",
      at: position)
    return nil
  }

  mutating func call(_ callee: Expression, _ arguments: [CallArgument], at position: Position)
    -> ValueType
  {
    switch callee.kind {
    case .name(let name):
      if let variable = scope.lookup(name) {
        report("cannot call value of non-function type '\(variable.type)'", at: callee.position)
        return .any
      }
      guard let directive = table.function(named: name) else {
        arguments.forEach { _ = type(of: $0.value) }
        _ = lookup(name, at: callee.position)
        return .any
      }
      return invoke(directive, receiver: nil, arguments, at: callee.position)
    case .member(let base, let name, let namePosition):
      let receiver = type(of: base)
      guard let directive = member(name, of: receiver, at: namePosition) else {
        arguments.forEach { _ = type(of: $0.value) }
        return .any
      }
      guard case .method = directive.kind else {
        report(
          "cannot call property '\(name)' of '\(receiver)'; write it without '()'", at: namePosition
        )
        return .any
      }
      if directive.isMutating {
        if case .name = base.kind {
          if let variable = scope.lookup(nameOf(base)), variable.isConstant {
            report(
              "cannot use mutating member '\(name)' on '\(nameOf(base))': it is a 'let' constant; declare it with 'var'",
              at: namePosition)
          }
        } else {
          report("'\(name)' changes its receiver, which must be a 'var'", at: namePosition)
        }
      }
      return invoke(directive, receiver: receiver, arguments, at: namePosition)
    default:
      report("cannot call this expression", at: callee.position)
      return .any
    }
  }

  func nameOf(_ expression: Expression) -> String {
    if case .name(let name) = expression.kind { name } else { "" }
  }

  /// Checks labels with the evaluator's matcher, then each argument's type.
  mutating func invoke(
    _ directive: Directive, receiver: ValueType?, _ arguments: [CallArgument], at position: Position
  ) -> ValueType {
    let matched = ArgumentMatcher.match(
      labels: arguments.map { ($0.label, $0.labelPosition) }, to: directive, at: position)
    guard case .success(let binding) = matched else {
      if case .failure(let error) = matched { report(error.message, at: error.position) }
      arguments.forEach { _ = type(of: $0.value) }
      return .any
    }
    var types = [ValueType](repeating: .any, count: arguments.count)
    for (parameter, indices) in zip(directive.parameters, binding) {
      for index in indices {
        let argument = arguments[index].value
        let found = type(of: argument, expected: parameter.type)
        types[index] = found
        if !parameter.type.accepts(found) {
          report(
            "cannot convert value of type '\(found)' to expected argument type '\(parameter.type)'",
            at: argument.position)
        }
      }
    }
    return resultType(directive, receiver: receiver, arguments: types)
  }

  func resultType(_ directive: Directive, receiver: ValueType?, arguments: [ValueType]) -> ValueType
  {
    guard let rule = directive.resultFromArguments else { return directive.result }
    return rule((receiver.map { [$0] } ?? []) + arguments)
  }
}
