import SwiftSyntax

/// Lowering of `struct` declarations: stored properties, getter-only computed properties and
/// (`mutating`) methods.
extension Lowering {
  mutating func structure(_ declaration: StructDeclSyntax) throws(UnsupportedSyntax) -> Statement {
    if let generics = declaration.genericParameterClause {
      throw unsupported("a generic struct", generics, hint: "write the struct for one type")
    }
    if let inheritance = declaration.inheritanceClause {
      throw unsupported(
        "a protocol conformance", inheritance, hint: "structs here need no protocols")
    }
    if let modifier = declaration.modifiers.first {
      throw unsupported("the modifier '\(modifier.name.text)'", modifier)
    }
    var lowered = StructDeclaration(
      name: declaration.name.text, stored: [], computed: [], methods: [])
    for member in declaration.memberBlock.members {
      let decl = member.decl
      if let function = decl.as(FunctionDeclSyntax.self) {
        guard
          case .function(let loweredFunction) = try self.function(function, allowsMutating: true)
            .kind
        else { continue }
        lowered.methods.append(
          StructDeclaration.Method(
            declaration: loweredFunction,
            isMutating: function.modifiers.contains { $0.name.tokenKind == .keyword(.mutating) },
            position: position(of: function.name)))
      } else if let variable = decl.as(VariableDeclSyntax.self) {
        try properties(variable, into: &lowered)
      } else if let initializer = decl.as(InitializerDeclSyntax.self) {
        lowered.initializer = try self.initializer(initializer, replacing: lowered.initializer)
      } else {
        throw unsupported("this member of a struct", decl)
      }
    }
    return Statement(kind: .structure(lowered), position: position(of: declaration.name))
  }

  private mutating func properties(
    _ variable: VariableDeclSyntax, into lowered: inout StructDeclaration
  )
    throws(UnsupportedSyntax)
  {
    if let attribute = variable.attributes.first { throw unsupported("an attribute", attribute) }
    if let modifier = variable.modifiers.first {
      throw unsupported("the modifier '\(modifier.name.text)'", modifier)
    }
    let isConstant = variable.bindingSpecifier.tokenKind == .keyword(.let)
    for binding in variable.bindings {
      guard let identifier = binding.pattern.as(IdentifierPatternSyntax.self) else {
        throw unsupported("this pattern", binding.pattern, hint: "declare one property at a time")
      }
      let name = identifier.identifier.text
      let type = binding.typeAnnotation.map { typeText($0.type) }
      guard let accessors = binding.accessorBlock else {
        if type == nil, binding.initializer == nil {
          throw UnsupportedSyntax(
            message: "the property '\(name)' needs a type or a default value",
            position: position(of: identifier))
        }
        lowered.stored.append(
          StructDeclaration.StoredProperty(
            name: name, isConstant: isConstant, type: type,
            defaultValue: try binding.initializer.map { (clause) throws(UnsupportedSyntax) in
              try expression(clause.value)
            },
            position: position(of: identifier)))
        continue
      }
      guard let type else {
        throw UnsupportedSyntax(
          message: "the computed property '\(name)' needs a type: 'var \(name): Double { ... }'",
          position: position(of: identifier))
      }
      let body: [Statement]
      switch accessors.accessors {
      case .getter(let statements): body = try self.statements(statements)
      case .accessors(let list):
        guard list.count == 1, let getter = list.first,
          getter.accessorSpecifier.tokenKind == .keyword(.get), let getterBody = getter.body
        else {
          throw unsupported("a setter or observer", accessors, hint: "write a 'mutating func'")
        }
        body = try statements(getterBody.statements)
      }
      lowered.computed.append(
        StructDeclaration.ComputedProperty(
          name: name, type: type, body: body, position: position(of: identifier)))
    }
  }

  /// `init(parameters) { body }`: lowered as a `mutating` method named `init`.
  private mutating func initializer(
    _ declaration: InitializerDeclSyntax, replacing earlier: StructDeclaration.Method?
  ) throws(UnsupportedSyntax) -> StructDeclaration.Method {
    if earlier != nil {
      throw unsupported("a second 'init'", declaration, hint: "give the one 'init' default values")
    }
    if let mark = declaration.optionalMark { throw unsupported("a failable 'init'", mark) }
    if let generics = declaration.genericParameterClause {
      throw unsupported("a generic 'init'", generics)
    }
    if let effects = declaration.signature.effectSpecifiers {
      throw unsupported("'throws' and 'async'", effects)
    }
    if let modifier = declaration.modifiers.first {
      throw unsupported("the modifier '\(modifier.name.text)'", modifier)
    }
    guard let body = declaration.body else {
      throw unsupported("an 'init' without a body", declaration)
    }
    let parameters = try self.parameters(declaration.signature.parameterClause)
    let at = position(of: declaration.initKeyword)
    return StructDeclaration.Method(
      declaration: FunctionDeclaration(
        name: "init", parameters: parameters, resultType: nil, resultPosition: at,
        body: try statements(body.statements)),
      isMutating: true, position: at)
  }
}
