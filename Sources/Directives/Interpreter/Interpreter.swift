import Notebook

/// Walks a `CellProgram` and computes its values, calling directives from the table.
struct Interpreter {
  let table: DirectiveTable
  let context: EvaluationContext
  /// The session's variables (the cell's top-level scope writes here).
  var globals: [String: Variable]
  /// Block scopes of `for` and `if` bodies, innermost last.
  private var locals: [[String: Variable]] = []
  /// Names of session variables the cell read that it did not define itself.
  private(set) var globalsRead: Set<String> = []
  private(set) var paramsRead: Set<String> = []

  init(table: DirectiveTable, context: EvaluationContext, globals: [String: Variable]) {
    self.table = table
    self.context = context
    self.globals = globals
  }

  /// Runs the program; returns the value of its last statement when that is an expression.
  /// Figures drawn by earlier top-level statements are shown where they are drawn, so a cell can
  /// draw several charts.
  mutating func run(_ program: CellProgram) throws(EvaluationError) -> Value? {
    var last: Value?
    for (index, statement) in program.statements.enumerated() {
      let value = try execute(statement)
      guard case .expression(let expression) = statement.kind else { continue }
      if case .assignment = expression.kind { continue }
      if index == program.statements.count - 1 {
        last = value
      } else if let value, value.isFigure {
        value.displayOutputs.forEach(context.emit)
      }
    }
    return last
  }

  // MARK: Statements

  private mutating func execute(_ statement: Statement) throws(EvaluationError) -> Value? {
    try context.step(at: statement.position)
    switch statement.kind {
    case .expression(let expression):
      return try evaluate(expression)
    case .binding(let isConstant, let name, let typeName, let initial):
      guard let initial else {
        throw EvaluationError(
          "'\(name)' needs an initial value: write '\(isConstant ? "let" : "var") \(name) = ...'",
          at: statement.position)
      }
      var value = try evaluate(initial)
      var type = value.type
      if let typeName {
        let declared = try ValueType.named(typeName, at: statement.position)
        value = try coerce(value, to: declared, at: initial.position)
        type = declared
      }
      if value.type == .void {
        throw EvaluationError(
          "'\(name)' would hold no value: the expression returns nothing", at: initial.position)
      }
      define(
        name,
        Variable(value: value, isConstant: isConstant, origin: .cell(context.cellID), type: type))
    case .forIn(let name, let sequence, let body):
      let values = try evaluate(sequence)
      let count = try iterationCount(of: values, at: sequence.position)
      for index in 0..<count {
        try context.step(at: statement.position)
        let element = try iterationElement(index, of: values, at: sequence.position)
        locals.append(
          name.map {
            [$0: Variable(value: element, isConstant: true, origin: .cell(context.cellID))]
          }
            ?? [:])
        defer { locals.removeLast() }
        for inner in body { _ = try execute(inner) }
      }
    case .ifElse(let conditions, let then, let otherwise):
      var holds = true
      for condition in conditions where holds {
        holds = try bool(condition, role: "condition")
      }
      if let branch = holds ? then : otherwise {
        locals.append([:])
        defer { locals.removeLast() }
        for inner in branch { _ = try execute(inner) }
      }
    }
    return nil
  }

  /// How many times a `for` loop over `sequence` runs: arrays, ranges, and anything with a
  /// `count` and an Int subscript in the table (data sets).
  private func iterationCount(of sequence: Value, at position: Position) throws(EvaluationError)
    -> Int
  {
    switch sequence {
    case .array(let elements): return elements.count
    case .range(let range): return range.count
    default:
      if table.member(named: "subscript", on: sequence.type) != nil,
        let count = table.member(named: "count", on: sequence.type),
        case .int(let total) = try invoke(
          count, receiver: sequence, arguments: [], positions: [], at: position)
      {
        return total
      }
      throw EvaluationError(
        "for-in loop requires an array or a range, not a value of type '\(sequence.type)'",
        at: position)
    }
  }

  private func iterationElement(_ index: Int, of sequence: Value, at position: Position)
    throws(EvaluationError) -> Value
  {
    switch sequence {
    case .array(let elements): return elements[index]
    case .range(let range): return .int(range.lowerBound + index)
    default:
      guard let element = table.member(named: "subscript", on: sequence.type) else {
        throw EvaluationError("cannot iterate over '\(sequence.type)'", at: position)
      }
      return try invoke(
        element, receiver: sequence, arguments: [.int(index)], positions: [position], at: position)
    }
  }

  // MARK: Names

  private mutating func define(_ name: String, _ variable: Variable) {
    if locals.isEmpty {
      globals[name] = variable
    } else {
      locals[locals.count - 1][name] = variable
    }
  }

  private mutating func lookup(_ name: String, at position: Position) throws(EvaluationError)
    -> Variable
  {
    for scope in locals.reversed() {
      if let variable = scope[name] { return variable }
    }
    if let variable = globals[name] {
      if variable.origin != .cell(context.cellID) { globalsRead.insert(name) }
      if variable.origin == .param { paramsRead.insert(name) }
      return variable
    }
    if table.function(named: name) != nil {
      throw EvaluationError("'\(name)' is a directive: call it as '\(name)(...)'", at: position)
    }
    let names = Array(globals.keys) + locals.flatMap(\.keys) + table.functionNames
    throw EvaluationError(
      "cannot find '\(name)' in scope\(Suggestion.hint(for: name, among: names))", at: position)
  }

  private mutating func assign(_ name: String, _ value: Value, at position: Position)
    throws(EvaluationError)
  {
    let variable = try lookup(name, at: position)
    guard !variable.isConstant else {
      let kind = variable.origin == .param ? "a param" : "a 'let' constant"
      throw EvaluationError(
        "cannot assign to value: '\(name)' is \(kind)\(variable.origin == .param ? "" : "; declare it with 'var' to change it")",
        at: position)
    }
    guard variable.type.accepts(value.type) else {
      throw EvaluationError(
        "cannot assign value of type '\(value.type)' to type '\(variable.type)'", at: position)
    }
    let coerced = try coerce(value, to: variable.type, at: position)
    for index in locals.indices.reversed() where locals[index][name] != nil {
      locals[index][name]?.value = coerced
      return
    }
    globals[name]?.value = coerced
  }

  // MARK: Expressions

  mutating func evaluate(_ expression: Expression) throws(EvaluationError) -> Value {
    switch expression.kind {
    case .integer(let value): return .int(value)
    case .floating(let value): return .double(value)
    case .string(let value): return .string(value)
    case .boolean(let value): return .bool(value)
    case .enumCase(let name): return .enumCase(name)
    case .interpolation(let parts):
      var text = ""
      for part in parts {
        switch part {
        case .text(let literal): text += literal
        case .expression(let inner): text += try evaluate(inner).description
        }
      }
      return .string(text)
    case .array(let elements):
      var values: [Value] = []
      values.reserveCapacity(elements.count)
      for element in elements { values.append(try evaluate(element)) }
      return .array(try Self.homogeneous(values, at: expression.position))
    case .name(let name):
      return try lookup(name, at: expression.position).value
    case .member(let base, let name, let namePosition):
      let receiver = try evaluate(base)
      return try property(name, of: receiver, at: namePosition)
    case .call(let callee, let arguments):
      return try call(callee, arguments, at: expression.position)
    case .subscripted(let base, let arguments):
      let receiver = try evaluate(base)
      guard let directive = table.member(named: "subscript", on: receiver.type) else {
        throw EvaluationError(
          "value of type '\(receiver.type)' has no subscripts", at: expression.position)
      }
      return try invoke(directive, receiver: receiver, arguments, at: expression.position)
    case .binary(.and, let left, let right, _):
      return .bool(
        try bool(left, role: "operand of '&&'") ? try bool(right, role: "operand of '&&'") : false)
    case .binary(.or, let left, let right, _):
      return .bool(
        try bool(left, role: "operand of '||'") ? true : try bool(right, role: "operand of '||'"))
    case .binary(let op, let left, let right, let at):
      return try Operators.apply(op, try evaluate(left), try evaluate(right), at: at)
    case .prefix(let op, let operand):
      return try Operators.apply(op, try evaluate(operand), at: expression.position)
    case .ternary(let condition, let then, let otherwise):
      return try bool(condition, role: "condition") ? try evaluate(then) : try evaluate(otherwise)
    case .assignment(let target, let op, let valueExpression):
      var value = try evaluate(valueExpression)
      if let op {
        value = try Operators.apply(op, try evaluate(target), value, at: expression.position)
      }
      try store(value, into: target)
      return .void
    }
  }

  private mutating func bool(_ expression: Expression, role: String) throws(EvaluationError) -> Bool
  {
    let value = try evaluate(expression)
    guard case .bool(let flag) = value else {
      throw EvaluationError(
        "cannot convert value of type '\(value.type)' to expected \(role) type 'Bool'",
        at: expression.position)
    }
    return flag
  }

  private mutating func store(_ value: Value, into target: Expression) throws(EvaluationError) {
    switch target.kind {
    case .name(let name):
      try assign(name, value, at: target.position)
    case .subscripted(let base, let arguments):
      guard case .name(let name) = base.kind, arguments.count == 1, arguments[0].label == nil,
        case .array(var elements) = try lookup(name, at: base.position).value
      else {
        throw EvaluationError(
          "only an element of an array variable can be assigned", at: target.position)
      }
      let index = try evaluate(arguments[0].value)
      guard case .int(let position) = index else {
        throw EvaluationError(
          "cannot convert value of type '\(index.type)' to expected argument type 'Int'",
          at: arguments[0].value.position)
      }
      guard elements.indices.contains(position) else {
        throw EvaluationError(
          "index \(position) is out of range for an array of \(elements.count) elements",
          at: arguments[0].value.position)
      }
      elements[position] = value
      try assign(
        name, .array(try Self.homogeneous(elements, at: target.position)), at: base.position)
    default:
      throw EvaluationError("cannot assign to this expression", at: target.position)
    }
  }

  /// Ints mixed with Doubles become Doubles, as in a Swift literal; other mixtures stay as they
  /// are (`[Any]`), which table rows need.
  static func homogeneous(_ values: [Value], at position: Position) throws(EvaluationError)
    -> [Value]
  {
    guard let first = values.first else { return values }
    let firstType = first.type
    if values.allSatisfy({ $0.type == firstType }) { return values }
    if values.allSatisfy({ $0.number != nil }) { return values.map { .double($0.number ?? 0) } }
    return values
  }

  // MARK: Calls

  private mutating func call(
    _ callee: Expression, _ arguments: [CallArgument], at position: Position
  )
    throws(EvaluationError) -> Value
  {
    switch callee.kind {
    case .name(let name):
      if locals.contains(where: { $0[name] != nil }) || globals[name] != nil {
        let value = try lookup(name, at: callee.position).value
        throw EvaluationError(
          "cannot call value of non-function type '\(value.type)'", at: callee.position)
      }
      guard let directive = table.function(named: name) else {
        _ = try lookup(name, at: callee.position)  // throws "cannot find" with a suggestion
        throw EvaluationError("cannot find '\(name)' in scope", at: callee.position)
      }
      return try invoke(directive, receiver: nil, arguments, at: callee.position)
    case .member(let base, let name, let namePosition):
      let receiver = try evaluate(base)
      let directive = try member(name, of: receiver, at: namePosition)
      guard case .method = directive.kind else {
        throw EvaluationError(
          "cannot call property '\(name)' of '\(receiver.type)'; write it without '()'",
          at: namePosition)
      }
      let result = try invoke(directive, receiver: receiver, arguments, at: namePosition)
      if directive.isMutating {
        guard case .name = base.kind else {
          throw EvaluationError(
            "'\(name)' changes its receiver, which must be a 'var'", at: namePosition)
        }
        guard case .array(let updated) = result else { return result }
        try store(.array(updated), into: base)
        return .void
      }
      return result
    default:
      throw EvaluationError("cannot call this expression", at: callee.position)
    }
  }

  private func member(_ name: String, of receiver: Value, at position: Position)
    throws(EvaluationError) -> Directive
  {
    if let directive = table.member(named: name, on: receiver.type) { return directive }
    let names = table.members(of: receiver.type).map(\.name).filter { $0 != "subscript" }
    throw EvaluationError(
      "value of type '\(receiver.type)' has no member '\(name)'\(Suggestion.hint(for: name, among: names))",
      at: position)
  }

  private mutating func property(_ name: String, of receiver: Value, at position: Position)
    throws(EvaluationError) -> Value
  {
    let directive = try member(name, of: receiver, at: position)
    guard case .property = directive.kind else {
      throw EvaluationError(
        "method '\(name)' must be called: write '\(name)(...)'", at: position)
    }
    return try invoke(directive, receiver: receiver, arguments: [], positions: [], at: position)
  }

  /// Matches labels, evaluates the arguments left to right, fills defaults, and calls.
  private mutating func invoke(
    _ directive: Directive, receiver: Value?, _ arguments: [CallArgument], at position: Position
  ) throws(EvaluationError) -> Value {
    let binding = try ArgumentMatcher.match(
      labels: arguments.map { ($0.label, $0.labelPosition) }, to: directive, at: position
    ).get()
    var values: [Value] = []
    values.reserveCapacity(arguments.count)
    for argument in arguments { values.append(try evaluate(argument.value)) }
    var bound: [Value] = []
    var positions: [Position] = []
    for (parameter, indices) in zip(directive.parameters, binding) {
      if parameter.isVariadic {
        bound.append(.array(indices.map { values[$0] }))
        positions.append(indices.first.map { arguments[$0].value.position } ?? position)
      } else if let index = indices.first {
        bound.append(
          try coerce(values[index], to: parameter.type, at: arguments[index].value.position))
        positions.append(arguments[index].value.position)
      } else {
        bound.append(parameter.defaultValue ?? .void)
        positions.append(position)
      }
    }
    return try invoke(
      directive, receiver: receiver, arguments: bound, positions: positions, at: position)
  }

  private func invoke(
    _ directive: Directive, receiver: Value?, arguments: [Value], positions: [Position],
    at position: Position
  ) throws(EvaluationError) -> Value {
    try directive.implementation(
      Invocation(
        directive: directive, receiver: receiver, arguments: arguments,
        argumentPositions: positions, position: position, context: context))
  }

  /// Checks a value against the type a parameter or declaration expects, promoting Ints to
  /// Doubles and checking `.case` names (or Strings naming a case) against their enumeration.
  func coerce(_ value: Value, to type: ValueType, at position: Position) throws(EvaluationError)
    -> Value
  {
    switch (type, value) {
    case (.double, .int(let integer)): return .double(Double(integer))
    case (.array(let element), .array(let elements)) where element != .any:
      return .array(
        try elements.map { (inner) throws(EvaluationError) in
          try coerce(inner, to: element, at: position)
        })
    case (.enumeration(let enumeration), .enumCase(let name)),
      (.enumeration(let enumeration), .string(let name)):
      // A String names a case too, so a front-matter param can choose one: `hidden: activation`.
      guard enumeration.cases.contains(name) else {
        throw EvaluationError(
          EnumerationType.unknownCaseMessage(name, in: enumeration), at: position)
      }
      return .enumCase(name)
    case (.oneOf(let types), _):
      for candidate in types where candidate.accepts(value.type) {
        return try coerce(value, to: candidate, at: position)
      }
    default:
      if type.accepts(value.type) { return value }
    }
    if case .void = value {
      throw EvaluationError(
        "the expression returns nothing, but a '\(type)' is needed", at: position)
    }
    throw EvaluationError(
      "cannot convert value of type '\(value.type)' to expected argument type '\(type)'",
      at: position)
  }
}

extension ValueType {
  /// The type a declaration names (`let rate: Double = 1`).
  static func named(_ name: String, at position: Position) throws(EvaluationError) -> ValueType {
    switch name {
    case "Int": return .int
    case "Double", "Float": return .double
    case "String": return .string
    case "Bool": return .bool
    default:
      if name.hasPrefix("["), name.hasSuffix("]") {
        return .array(try named(String(name.dropFirst().dropLast()), at: position))
      }
      if let object = ObjectType(rawValue: name) { return .object(object) }
      throw EvaluationError("cannot find type '\(name)' in scope", at: position)
    }
  }
}
