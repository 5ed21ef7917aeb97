import Notebook
import SwiftDiagnostics
import SwiftParser
import SwiftParserDiagnostics
import SwiftSyntax

/// Parses a cell with Swift's own parser and lowers it into a `CellProgram`.
///
/// Syntax errors carry swift-syntax's own messages; forms outside the notebook language carry
/// Nudge's. Both are placed at the notebook's line and column.
package enum CellParser {
  /// The program, or every syntax error (or the first unsupported form) found in the cell.
  package static func parse(_ cell: Cell, file: String) -> Result<CellProgram, DiagnosticList> {
    let map = CellSourceMap(cell: cell, file: file)
    if let problem = NestingGuard.check(cell.source) {
      return .failure(
        DiagnosticList([
          map.diagnostic(
            problem.message, at: map.position(cellLine: problem.line, cellColumn: problem.column))
        ]))
    }
    let tree = Parser.parse(source: cell.source)
    let lines = CellLineTable(cell.source)
    // Characters the lexer cannot place (control characters, U+FEFF, U+FFFD, ...) are reported
    // here: swift-syntax 603's diagnostics stop the process on some of them ("A Fix-It must have
    // at least one change"), so they never reach ParseDiagnosticsGenerator.
    let strays = StrayCharacters.find(in: tree, source: cell.source, lines: lines)
    if !strays.isEmpty {
      return .failure(
        DiagnosticList(
          strays.map { stray in
            map.diagnostic(
              stray.message, at: map.position(cellLine: stray.line, cellColumn: stray.column))
          }))
    }
    let syntaxErrors = ParseDiagnosticsGenerator.diagnostics(for: tree)
      .filter { $0.diagMessage.severity == .error }
    if !syntaxErrors.isEmpty {
      return .failure(
        DiagnosticList(
          syntaxErrors.map { error in
            let location = lines.location(of: error.position)
            return map.diagnostic(
              error.message, at: map.position(cellLine: location.line, cellColumn: location.column))
          }))
    }
    var lowering = Lowering(lines: lines, map: map)
    do {
      return .success(CellProgram(statements: try lowering.statements(tree.statements)))
    } catch {
      return .failure(DiagnosticList([map.diagnostic(error.message, at: error.position)]))
    }
  }
}

/// One or more diagnostics, as an error.
package struct DiagnosticList: Error, Sendable, CustomStringConvertible {
  package var diagnostics: [Notebook.Diagnostic]

  package init(_ diagnostics: [Notebook.Diagnostic]) { self.diagnostics = diagnostics }

  package var description: String {
    diagnostics.map(\.detailedDescription).joined(separator: "\n")
  }
}

/// A form the notebook language does not have, at its position.
struct UnsupportedSyntax: Error {
  var message: String
  var position: Position
}

/// Turns swift-syntax nodes into `Statement`s and `Expression`s, refusing everything else.
struct Lowering {
  let lines: CellLineTable
  let map: CellSourceMap
  /// For each closure being lowered, how many `$N` parameters its body names.
  var shorthandCounts: [Int] = []

  func position(of node: some SyntaxProtocol) -> Position {
    let location = lines.location(of: node.positionAfterSkippingLeadingTrivia)
    return map.position(cellLine: location.line, cellColumn: location.column)
  }

  /// A written type's text: an identifier's name as it is (most types), else the type's text
  /// without its trivia (which takes a walk over its tokens).
  func typeText(_ type: TypeSyntax) -> String {
    if let identifier = type.as(IdentifierTypeSyntax.self),
      identifier.genericArgumentClause == nil
    {
      return identifier.name.text
    }
    return type.trimmedDescription
  }

  func unsupported(_ what: String, _ node: some SyntaxProtocol, hint: String = "")
    -> UnsupportedSyntax
  {
    let suffix = hint.isEmpty ? "" : "; \(hint)"
    return UnsupportedSyntax(
      message: "\(what) is not supported in notebook cells\(suffix)", position: position(of: node))
  }

  mutating func statements(_ items: CodeBlockItemListSyntax) throws(UnsupportedSyntax)
    -> [Statement]
  {
    var result: [Statement] = []
    for item in items {
      switch item.item {
      case .decl(let declaration):
        result += try self.declaration(declaration)
      case .stmt(let statement):
        result.append(try self.statement(statement))
      case .expr(let expression):
        result.append(try loweredExpressionStatement(expression))
      }
    }
    return result
  }

  mutating func declaration(_ declaration: DeclSyntax) throws(UnsupportedSyntax) -> [Statement] {
    if let function = declaration.as(FunctionDeclSyntax.self) {
      return [try self.function(function)]
    }
    if let structure = declaration.as(StructDeclSyntax.self) {
      return [try self.structure(structure)]
    }
    guard let variable = declaration.as(VariableDeclSyntax.self) else {
      if declaration.is(ClassDeclSyntax.self) || declaration.is(ProtocolDeclSyntax.self)
        || declaration.is(ActorDeclSyntax.self)
      {
        throw unsupported(
          "declaring a class, protocol or actor", declaration,
          hint: "use functions and the values directives return")
      }
      if declaration.is(ImportDeclSyntax.self) {
        throw unsupported(
          "'import'", declaration, hint: "directives are available without imports")
      }
      if let alias = declaration.as(TypeAliasDeclSyntax.self) {
        throw unsupported(
          "a 'typealias'", declaration,
          hint: "write the type itself: '\(alias.initializer.value.trimmedDescription)'")
      }
      if declaration.is(ExtensionDeclSyntax.self) {
        throw unsupported(
          "an extension", declaration,
          hint:
            "declare a function that takes the value instead, as in 'func mean(_ values: [Double]) -> Double'"
        )
      }
      if declaration.is(EnumDeclSyntax.self) {
        throw unsupported(
          "declaring an enum", declaration,
          hint:
            "name the cases with Strings (let shape = \"circle\") and 'switch' over them; the directives' enumerations (Activation, Cost ...) are available"
        )
      }
      throw unsupported("this declaration", declaration)
    }
    if let attribute = variable.attributes.first {
      throw unsupported("an attribute", attribute)
    }
    if let modifier = variable.modifiers.first {
      throw unsupported("the modifier '\(modifier.name.text)'", modifier)
    }
    let isConstant = variable.bindingSpecifier.tokenKind == .keyword(.let)
    var result: [Statement] = []
    for binding in variable.bindings {
      guard let identifier = binding.pattern.as(IdentifierPatternSyntax.self) else {
        result.append(try destructuring(binding, isConstant: isConstant))
        continue
      }
      if let accessor = binding.accessorBlock {
        throw unsupported("a computed property", accessor)
      }
      let type = binding.typeAnnotation.map { typeText($0.type) }
      let value = try binding.initializer.map { (clause) throws(UnsupportedSyntax) in
        try expression(clause.value)
      }
      result.append(
        Statement(
          kind: .binding(
            isConstant: isConstant, name: identifier.identifier.text, type: type, value: value),
          position: position(of: identifier)))
    }
    return result
  }

  mutating func statement(_ statement: StmtSyntax) throws(UnsupportedSyntax) -> Statement {
    if let expressionStatement = statement.as(ExpressionStmtSyntax.self) {
      return try loweredExpressionStatement(expressionStatement.expression)
    }
    if let loop = statement.as(ForStmtSyntax.self) {
      return try forIn(loop)
    }
    let at = position(of: statement)
    if let loop = statement.as(WhileStmtSyntax.self) {
      return Statement(
        kind: .whileLoop(
          conditions: try conditions(loop.conditions),
          body: try statements(loop.body.statements)),
        position: at)
    }
    if let loop = statement.as(RepeatStmtSyntax.self) {
      return Statement(
        kind: .repeatWhile(
          body: try statements(loop.body.statements), condition: try expression(loop.condition)),
        position: at)
    }
    if let guardStatement = statement.as(GuardStmtSyntax.self) {
      return Statement(
        kind: .guardElse(
          conditions: try conditions(guardStatement.conditions),
          otherwise: try statements(guardStatement.body.statements)),
        position: at)
    }
    if let jump = statement.as(BreakStmtSyntax.self) {
      if let label = jump.label { throw unsupported("a labeled 'break'", label) }
      return Statement(kind: .breakLoop, position: at)
    }
    if let jump = statement.as(ContinueStmtSyntax.self) {
      if let label = jump.label { throw unsupported("a labeled 'continue'", label) }
      return Statement(kind: .continueLoop, position: at)
    }
    if let returned = statement.as(ReturnStmtSyntax.self) {
      return Statement(
        kind: .returnValue(
          try returned.expression.map { (value) throws(UnsupportedSyntax) in
            try expression(value)
          }),
        position: at)
    }
    if let labeled = statement.as(LabeledStmtSyntax.self) {
      throw unsupported(
        "a labeled statement ('\(labeled.label.text):')", labeled,
        hint:
          "put the loops in a function and 'return' from it, or set a Bool and 'break' each loop"
      )
    }
    if statement.is(FallThroughStmtSyntax.self) {
      throw unsupported(
        "'fallthrough'", statement, hint: "list the patterns in one case: 'case 1, 2:'")
    }
    if let keyword = statement.firstToken(viewMode: .sourceAccurate) {
      throw unsupported("'\(keyword.text)'", statement)
    }
    throw unsupported("this statement", statement)
  }

  mutating func loweredExpressionStatement(_ expression: ExprSyntax) throws(UnsupportedSyntax)
    -> Statement
  {
    if let conditional = expression.as(IfExprSyntax.self) {
      return try ifElse(conditional)
    }
    if let switchExpression = expression.as(SwitchExprSyntax.self) {
      return try switchStatement(switchExpression)
    }
    let lowered = try self.expression(expression)
    return Statement(kind: .expression(lowered), position: lowered.position)
  }

  mutating func forIn(_ loop: ForStmtSyntax) throws(UnsupportedSyntax) -> Statement {
    if let keyword = loop.tryKeyword ?? loop.awaitKeyword ?? loop.caseKeyword {
      throw unsupported("'for \(keyword.text)'", keyword)
    }
    let name: String?
    if let identifier = loop.pattern.as(IdentifierPatternSyntax.self) {
      name = identifier.identifier.text
    } else if loop.pattern.is(WildcardPatternSyntax.self) {
      name = nil
    } else {
      return try forInTuple(loop)
    }
    return Statement(
      kind: .forIn(
        name: name, sequence: try expression(loop.sequence),
        filter: try loop.whereClause.map { (clause) throws(UnsupportedSyntax) in
          try expression(clause.condition)
        },
        body: try statements(loop.body.statements)),
      position: position(of: loop))
  }

  mutating func conditions(_ list: ConditionElementListSyntax) throws(UnsupportedSyntax)
    -> [Expression]
  {
    var conditions: [Expression] = []
    for element in list {
      switch element.condition {
      case .expression(let condition): conditions.append(try expression(condition))
      case .optionalBinding(let binding): conditions.append(try optionalBinding(binding))
      case .matchingPattern(let matching): conditions.append(try caseCondition(matching))
      default: throw unsupported("this condition", element)
      }
    }
    return conditions
  }

  mutating func function(_ declaration: FunctionDeclSyntax, allowsMutating: Bool = false)
    throws(UnsupportedSyntax) -> Statement
  {
    if let generics = declaration.genericParameterClause {
      throw unsupported("a generic function", generics, hint: "write the function for one type")
    }
    if let effects = declaration.signature.effectSpecifiers {
      throw unsupported("'throws' and 'async'", effects)
    }
    if let modifier = declaration.modifiers.first(where: {
      !(allowsMutating && $0.name.tokenKind == .keyword(.mutating))
    }) {
      throw unsupported("the modifier '\(modifier.name.text)'", modifier)
    }
    guard let body = declaration.body else {
      throw unsupported("a function without a body", declaration)
    }
    let parameters = try self.parameters(declaration.signature.parameterClause)
    let result = declaration.signature.returnClause
    return Statement(
      kind: .function(
        FunctionDeclaration(
          name: declaration.name.text, parameters: parameters,
          resultType: result.map { typeText($0.type) },
          resultPosition: result.map { position(of: $0.type) } ?? position(of: declaration.name),
          body: try statements(body.statements))),
      position: position(of: declaration.name))
  }

  /// A `func`'s or an `init`'s parameters: labels, names, written types and defaults.
  mutating func parameters(_ clause: FunctionParameterClauseSyntax) throws(UnsupportedSyntax)
    -> [FunctionParameter]
  {
    var parameters: [FunctionParameter] = []
    for parameter in clause.parameters {
      if let ellipsis = parameter.ellipsis { throw unsupported("a variadic parameter", ellipsis) }
      if let attributed = parameter.type.as(AttributedTypeSyntax.self),
        attributed.specifiers.contains(where: { $0.trimmedDescription == "inout" })
      {
        throw unsupported(
          "an 'inout' parameter", attributed,
          hint: "return the new value and assign it: 'x = f(x)'")
      }
      let label = parameter.firstName.text == "_" ? nil : parameter.firstName.text
      parameters.append(
        FunctionParameter(
          label: label, name: (parameter.secondName ?? parameter.firstName).text,
          type: typeText(parameter.type),
          defaultValue: try parameter.defaultValue.map { (clause) throws(UnsupportedSyntax) in
            try expression(clause.value)
          },
          position: position(of: parameter)))
    }
    return parameters
  }

  mutating func closure(_ closure: ClosureExprSyntax) throws(UnsupportedSyntax) -> Expression {
    let at = position(of: closure)
    var parameters: [FunctionParameter] = []
    var resultType: String?
    if let signature = closure.signature {
      if let captures = signature.capture {
        throw unsupported(
          "a capture list", captures, hint: "closures capture variables by themselves")
      }
      if let effects = signature.effectSpecifiers {
        throw unsupported("'throws' and 'async'", effects)
      }
      resultType = signature.returnClause.map { typeText($0.type) }
      switch signature.parameterClause {
      case .simpleInput(let names):
        for name in names {
          parameters.append(
            FunctionParameter(
              label: nil, name: name.name.text, type: nil, defaultValue: nil,
              position: position(of: name)))
        }
      case .parameterClause(let clause):
        for parameter in clause.parameters {
          parameters.append(
            FunctionParameter(
              label: nil, name: (parameter.secondName ?? parameter.firstName).text,
              type: parameter.type.map(typeText), defaultValue: nil,
              position: position(of: parameter)))
        }
      case nil: break
      }
    }
    shorthandCounts.append(0)
    let body = try statements(closure.statements)
    let shorthand = shorthandCounts.removeLast()
    if shorthand > 0 {
      guard closure.signature == nil else {
        throw UnsupportedSyntax(
          message: "a closure with named parameters cannot also use '$0'", position: at)
      }
      parameters = (0..<shorthand).map {
        FunctionParameter(label: nil, name: "$\($0)", type: nil, defaultValue: nil, position: at)
      }
    }
    return Expression(
      kind: .closure(
        ClosureExpression(
          parameters: parameters, resultType: resultType, body: body,
          usesShorthand: shorthand > 0)),
      position: at)
  }

  /// `\.name` or `\Student.grades.count` where a function is expected (`map(\.name)`): the
  /// closure `{ $0.name }`, as Swift converts it.
  func keyPath(_ keyPath: KeyPathExprSyntax) throws(UnsupportedSyntax) -> Expression {
    let at = position(of: keyPath)
    var value = Expression(kind: .name("$0"), position: at)
    for component in keyPath.components {
      guard case .property(let property) = component.component,
        property.genericArgumentClause == nil
      else {
        throw unsupported(
          "this key path component", component, hint: "write a closure: '{ $0.name }'")
      }
      value = Expression(
        kind: .member(
          base: value, name: property.declName.baseName.text,
          namePosition: position(of: property)),
        position: at)
    }
    return Expression(
      kind: .closure(
        ClosureExpression(
          parameters: [
            FunctionParameter(label: nil, name: "$0", type: nil, defaultValue: nil, position: at)
          ],
          resultType: nil, body: [Statement(kind: .expression(value), position: at)],
          usesShorthand: true)),
      position: at)
  }

  mutating func ifElse(_ conditional: IfExprSyntax) throws(UnsupportedSyntax) -> Statement {
    let conditions = try self.conditions(conditional.conditions)
    var otherwise: [Statement]?
    switch conditional.elseBody {
    case .ifExpr(let elseIf): otherwise = [try ifElse(elseIf)]
    case .codeBlock(let block): otherwise = try statements(block.statements)
    case nil: otherwise = nil
    }
    return Statement(
      kind: .ifElse(
        conditions: conditions, then: try statements(conditional.body.statements),
        otherwise: otherwise),
      position: position(of: conditional))
  }

  // MARK: Expressions

  mutating func expression(_ syntax: ExprSyntax) throws(UnsupportedSyntax) -> Expression {
    let at = position(of: syntax)
    func make(_ kind: Expression.Kind) -> Expression { Expression(kind: kind, position: at) }

    if let literal = syntax.as(IntegerLiteralExprSyntax.self) {
      guard let value = Self.integer(literal.literal.text) else {
        throw UnsupportedSyntax(
          message: "integer literal '\(literal.literal.text)' does not fit in an Int", position: at)
      }
      return make(.integer(value))
    }
    if let literal = syntax.as(FloatLiteralExprSyntax.self) {
      let text = literal.literal.text.replacingAll("_", with: "")
      guard let value = Double(text) else {
        throw UnsupportedSyntax(
          message: "floating-point literal '\(literal.literal.text)' is not supported",
          position: at)
      }
      return make(.floating(value))
    }
    if let literal = syntax.as(BooleanLiteralExprSyntax.self) {
      return make(.boolean(literal.literal.tokenKind == .keyword(.true)))
    }
    if let literal = syntax.as(StringLiteralExprSyntax.self) {
      return try string(literal, at: at)
    }
    if let array = syntax.as(ArrayExprSyntax.self) {
      var elements: [Expression] = []
      for element in array.elements { elements.append(try expression(element.expression)) }
      return make(.array(elements))
    }
    // `_ = value`: the name `_` is only accepted on the left of `=` (see `assignment`).
    if syntax.is(DiscardAssignmentExprSyntax.self) { return make(.name("_")) }
    if let reference = syntax.as(DeclReferenceExprSyntax.self) {
      if let arguments = reference.argumentNames {
        throw unsupported("a function reference", arguments)
      }
      let name = reference.baseName.text
      if name.hasPrefix("$"), let index = Int(name.dropFirst()) {
        guard !shorthandCounts.isEmpty else {
          throw UnsupportedSyntax(
            message: "'\(name)' is only available inside a closure", position: at)
        }
        shorthandCounts[shorthandCounts.count - 1] = max(shorthandCounts.last ?? 0, index + 1)
      }
      return make(.name(name))
    }
    if let access = syntax.as(MemberAccessExprSyntax.self) {
      let name = access.declName.baseName.text
      guard let base = access.base else { return make(.enumCase(name)) }
      return make(
        .member(
          base: try chainedBase(base), name: name, namePosition: position(of: access.declName)))
    }
    if let call = syntax.as(FunctionCallExprSyntax.self) {
      if let extra = call.additionalTrailingClosures.first {
        throw unsupported("a second trailing closure", extra, hint: "pass it as an argument")
      }
      var arguments = try arguments(call.arguments)
      if let trailing = call.trailingClosure {
        let value = try closure(trailing)
        arguments.append(CallArgument(label: nil, labelPosition: value.position, value: value))
      }
      if Self.spellsCollectionType(call.calledExpression) {
        return make(
          .initializer(type: call.calledExpression.trimmedDescription, arguments: arguments))
      }
      return make(.call(callee: try expression(call.calledExpression), arguments: arguments))
    }
    if let subscripted = syntax.as(SubscriptCallExprSyntax.self) {
      if let closure = subscripted.trailingClosure { throw unsupported("a closure", closure) }
      let base = try chainedBase(subscripted.calledExpression)
      if subscripted.arguments.count == 1, let only = subscripted.arguments.first,
        only.label == nil,
        let range = try partialRange(only.expression, of: subscripted.calledExpression, base)
      {
        return make(
          .subscripted(
            base: base,
            arguments: [CallArgument(label: nil, labelPosition: range.position, value: range)]))
      }
      return make(.subscripted(base: base, arguments: try arguments(subscripted.arguments)))
    }
    if let tuple = syntax.as(TupleExprSyntax.self) {
      guard tuple.elements.count == 1, let only = tuple.elements.first, only.label == nil else {
        return try self.tuple(tuple, at: at)
      }
      return try expression(only.expression)
    }
    if let prefixed = syntax.as(PrefixOperatorExprSyntax.self) {
      guard let op = PrefixOperator(rawValue: prefixed.operator.text) else {
        throw unsupported("the prefix operator '\(prefixed.operator.text)'", prefixed)
      }
      let operand = try expression(prefixed.expression)
      // Fold `-60_000` into a literal so it type-checks as one.
      if op == .negate, case .integer(let value) = operand.kind { return make(.integer(-value)) }
      if op == .negate, case .floating(let value) = operand.kind { return make(.floating(-value)) }
      return make(.prefix(op, operand))
    }
    if let sequence = syntax.as(SequenceExprSyntax.self) {
      return try fold(Array(sequence.elements))
    }
    if let ternary = syntax.as(TernaryExprSyntax.self) {
      return make(
        .ternary(
          condition: try expression(ternary.condition),
          then: try expression(ternary.thenExpression),
          otherwise: try expression(ternary.elseExpression)))
    }
    if let infix = syntax.as(InfixOperatorExprSyntax.self) {
      return try fold([infix.leftOperand, infix.operator, infix.rightOperand])
    }
    if syntax.is(IfExprSyntax.self) {
      throw unsupported("'if' as a value", syntax, hint: "use 'cond ? a : b'")
    }
    if let closure = syntax.as(ClosureExprSyntax.self) { return try self.closure(closure) }
    if let keyPath = syntax.as(KeyPathExprSyntax.self) { return try self.keyPath(keyPath) }
    if let dictionary = syntax.as(DictionaryExprSyntax.self) {
      var entries: [DictionaryEntry] = []
      if case .elements(let elements) = dictionary.content {
        for element in elements {
          entries.append(
            DictionaryEntry(
              key: try expression(element.key), value: try expression(element.value)))
        }
      }
      return make(.dictionary(entries))
    }
    if let optional = try optionalExpression(syntax, at: at) { return optional }
    if syntax.is(SwitchExprSyntax.self) {
      throw unsupported("'switch' as a value", syntax, hint: "assign a variable in each case")
    }
    if syntax.is(InOutExprSyntax.self) {
      throw unsupported(
        "passing '&' (an inout argument)", syntax,
        hint: "return the new value and assign it: 'x = f(x)'")
    }
    if let postfixed = syntax.as(PostfixOperatorExprSyntax.self),
      ["++", "--"].contains(postfixed.operator.text)
    {
      let sign = postfixed.operator.text == "++" ? "+" : "-"
      throw unsupported(
        "'\(postfixed.operator.text)' (Swift does not have it)", postfixed.operator,
        hint: "write '\(postfixed.expression.trimmedDescription) \(sign)= 1'")
    }
    throw unsupported("this expression", syntax)
  }

  mutating func arguments(_ list: LabeledExprListSyntax) throws(UnsupportedSyntax) -> [CallArgument]
  {
    var result: [CallArgument] = []
    for argument in list {
      let value = try expression(argument.expression)
      result.append(
        CallArgument(
          label: argument.label?.text,
          labelPosition: argument.label.map { position(of: $0) } ?? value.position,
          value: value))
    }
    return result
  }

  mutating func string(_ literal: StringLiteralExprSyntax, at: Position) throws(UnsupportedSyntax)
    -> Expression
  {
    if let delimiter = literal.openingPounds {
      throw unsupported("a raw string", delimiter)
    }
    var parts: [InterpolationPart] = []
    for segment in literal.segments {
      switch segment {
      case .stringSegment(let text):
        parts.append(.text(try Self.unescape(text.content.text, at: position(of: text))))
      case .expressionSegment(let interpolation):
        guard interpolation.expressions.count == 1, let only = interpolation.expressions.first,
          only.label == nil
        else {
          // `"\(x, specifier: "%.2f")"` is SwiftUI's; plain Swift formats with String(format:).
          let value = interpolation.expressions.first?.expression.trimmedDescription ?? "x"
          let format =
            interpolation.expressions.first { $0.label?.text == "specifier" }?
            .expression.trimmedDescription ?? "\"%.2f\""
          throw unsupported(
            "an interpolation with labels or several values", interpolation,
            hint: "format a number with '\\(String(format: \(format), \(value)))'")
        }
        parts.append(.expression(try expression(only.expression)))
      }
    }
    if parts.allSatisfy({ if case .text = $0 { true } else { false } }) {
      let text = parts.map { if case .text(let text) = $0 { text } else { "" } }.joined()
      return Expression(kind: .string(text), position: at)
    }
    return Expression(kind: .interpolation(parts), position: at)
  }

  /// Folds an operator sequence (`a + b * c`, swift-syntax leaves it flat) by Swift's precedence.
  mutating func fold(_ elements: [ExprSyntax]) throws(UnsupportedSyntax) -> Expression {
    enum Operator {
      case binary(BinaryOperator)
      case nilCoalescing  // `??`, right-associative, between ranges and comparisons
      case compound(BinaryOperator?)  // `=` and `+=`-style, right-associative, lowest
      case ternary(Expression)  // `? then :`, right-associative, below `||`
    }
    var operands: [Expression] = []
    var operators: [(Operator, Position)] = []
    for (index, element) in elements.enumerated() {
      if index % 2 == 0 {
        operands.append(try expression(element))
        continue
      }
      let at = position(of: element)
      if let binary = element.as(BinaryOperatorExprSyntax.self) {
        let text = binary.operator.text
        if let op = BinaryOperator(rawValue: text) {
          operators.append((.binary(op), at))
        } else if text == "??" {
          operators.append((.nilCoalescing, at))
        } else if text.hasSuffix("="), let op = BinaryOperator(rawValue: String(text.dropLast())),
          [.add, .subtract, .multiply, .divide, .remainder].contains(op)
        {
          operators.append((.compound(op), at))
        } else {
          throw unsupported("the operator '\(text)'", binary)
        }
      } else if element.is(AssignmentExprSyntax.self) {
        operators.append((.compound(nil), at))
      } else if let ternary = element.as(UnresolvedTernaryExprSyntax.self) {
        operators.append((.ternary(try expression(ternary.thenExpression)), at))
      } else if element.is(UnresolvedAsExprSyntax.self) || element.is(UnresolvedIsExprSyntax.self) {
        throw unsupported(
          "'as' and 'is'", element,
          hint: "convert with 'Double(x)' or 'Int(x)', or declare the type: 'let x: Double = 3'")
      } else {
        throw unsupported("this operator", element)
      }
    }
    func precedence(_ op: Operator) -> Int {
      switch op {
      // Twice the operator's own precedence, so `??` fits between ranges and comparisons.
      case .binary(let binary): binary.precedence * 2
      case .nilCoalescing: BinaryOperator.closedRange.precedence * 2 - 1
      case .ternary: -1
      case .compound: -2
      }
    }
    func isRightAssociative(_ op: Operator) -> Bool {
      if case .binary = op { false } else { true }
    }
    // Precedence climbing over the flat lists.
    var next = 0
    var nextOperand = 0
    func parse(minimum: Int) -> Expression {
      var left = operands[nextOperand]
      nextOperand += 1
      while next < operators.count, precedence(operators[next].0) >= minimum {
        let (op, at) = operators[next]
        next += 1
        let nextMinimum = isRightAssociative(op) ? precedence(op) : precedence(op) + 1
        let right = parse(minimum: nextMinimum)
        let kind: Expression.Kind
        switch op {
        case .binary(let binary): kind = .binary(binary, left, right, operatorPosition: at)
        case .nilCoalescing: kind = .nilCoalescing(left, right, operatorPosition: at)
        case .compound(let binary): kind = .assignment(target: left, operator: binary, value: right)
        case .ternary(let then): kind = .ternary(condition: left, then: then, otherwise: right)
        }
        left = Expression(kind: kind, position: left.position)
      }
      return left
    }
    return parse(minimum: Int.min)
  }

  static func integer(_ text: String) -> Int? {
    let digits = text.replacingAll("_", with: "")
    if digits.hasPrefix("0x") { return Int(digits.dropFirst(2), radix: 16) }
    if digits.hasPrefix("0b") { return Int(digits.dropFirst(2), radix: 2) }
    if digits.hasPrefix("0o") { return Int(digits.dropFirst(2), radix: 8) }
    return Int(digits)
  }

  /// Resolves Swift's escapes in a string segment's source text.
  static func unescape(_ raw: String, at: Position) throws(UnsupportedSyntax) -> String {
    guard raw.contains("\\") else { return raw }
    var result = ""
    var characters = raw.makeIterator()
    while let character = characters.next() {
      guard character == "\\" else {
        result.append(character)
        continue
      }
      switch characters.next() {
      case "n": result.append("\n")
      case "t": result.append("\t")
      case "r": result.append("\r")
      case "0": result.append("\0")
      case "\\": result.append("\\")
      case "\"": result.append("\"")
      case "'": result.append("'")
      case "u":
        var hex = ""
        _ = characters.next()  // {
        while let digit = characters.next(), digit != "}" { hex.append(digit) }
        guard let scalar = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) else {
          throw UnsupportedSyntax(message: "invalid unicode escape '\\u{\(hex)}'", position: at)
        }
        result.unicodeScalars.append(scalar)
      case let other:
        throw UnsupportedSyntax(
          message: "invalid escape sequence '\\\(other.map(String.init) ?? "")'", position: at)
      }
    }
    return result
  }
}

extension String {
  func replacingAll(_ target: Character, with replacement: String) -> String {
    guard contains(target) else { return self }
    return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
