/// A notebook's `struct` as compiled: its stored properties, and its methods and computed
/// properties as functions whose first parameter is `self`.
final class StructDefinition: @unchecked Sendable {
  struct Field {
    var name: String
    var type: ValueType
    var isConstant: Bool
  }

  struct Method {
    var code: FunctionCode
    var isMutating: Bool
  }

  let name: String
  var fields: [Field] = []
  /// A custom `init`'s body, run as a `mutating` method on a value with only the defaults set.
  var customInitializer: FunctionCode?
  var computed: [String: FunctionCode] = [:]
  var methods: [String: Method] = [:]
  /// The frame methods run in: the cell's, once the declaration has run.
  var context: Frame?

  init(name: String) { self.name = name }

  var fieldNames: [String] { fields.map(\.name) }

  func hasMember(_ member: String) -> Bool {
    fields.contains { $0.name == member } || computed[member] != nil || methods[member] != nil
  }

  var memberNames: [String] { fieldNames + Array(computed.keys) + Array(methods.keys) }
}

/// `struct` declarations, memberwise initializers, property reads and writes, method calls and
/// the implicit `self` of method bodies.
extension ProgramCompiler {
  /// A declared type, the notebook's structs included.
  func typeNamed(_ name: String, at position: Position) throws(EvaluationError) -> ValueType {
    var structures = declaredStructures
    for (name, box) in globals where structDefinition(of: box) != nil { structures.insert(name) }
    return try ValueType.named(name, at: position, structures: structures)
  }

  private func structDefinition(of box: GlobalBox) -> StructDefinition? {
    if let structure = box.function?.structure { return structure }
    if case .function(let value) = box.value { return value.code.structure }
    return nil
  }

  func structDefinition(named name: String) -> StructDefinition? {
    guard let box = globals[name] else { return nil }
    return structDefinition(of: box)
  }

  /// `struct Name { ... }`: defines `Name(...)`, the memberwise initializer, as a session
  /// function; compiles the methods and computed properties.
  func structDeclaration(_ declaration: StructDeclaration, at position: Position) -> StatementCode {
    guard scope.isGlobalLevel else {
      report("declare a struct at the top level of a cell", at: position)
      return { _ in .next }
    }
    let definition = StructDefinition(name: declaration.name)
    // Made first, so that the names the declaration reads go into its `definition`: a saved
    // session compiles the declaration again with them.
    let initializer = FunctionCode(
      name: declaration.name, parameters: [], resultType: .structure(declaration.name),
      defaults: [], position: position)
    initializer.structure = definition
    var store: (Frame, Value) -> Void = { _, _ in }
    compilingFunction(initializer, in: scope) {
      store = compileStructure(declaration, into: initializer, definition, at: position)
    }
    scope.makesClosures = true
    let control = self.control
    return { frame in
      definition.context = frame
      store(frame, .function(FunctionValue(code: initializer, context: frame, control: control)))
      return .next
    }
  }

  /// The stored properties, the initializer and the members of `declaration`; gives the code
  /// that stores the initializer under the type's name.
  private func compileStructure(
    _ declaration: StructDeclaration, into initializer: FunctionCode,
    _ definition: StructDefinition, at position: Position
  ) -> (Frame, Value) -> Void {
    var parameters: [Parameter] = []
    var defaults: [ValueCode?] = []
    // Where each stored property's value comes from: an initializer argument or its default.
    var sources: [(parameter: Int?, defaultCode: ValueCode?)] = []
    for property in declaration.stored {
      var type = ValueType.any
      var defaultCode: ValueCode?
      if let written = property.type {
        do { type = try typeNamed(written, at: property.position) } catch { report(error) }
      }
      if let defaultValue = property.defaultValue {
        let typed = compile(defaultValue, expected: property.type == nil ? nil : type)
        if property.type == nil {
          type = Self.storedType(typed.type)
        } else if !type.accepts(typed.type) {
          report(
            "cannot convert value of type '\(typed.type)' to specified type '\(type)'",
            at: defaultValue.position)
        }
        defaultCode = coerced(typed, to: type)
      }
      definition.fields.append(
        StructDefinition.Field(name: property.name, type: type, isConstant: property.isConstant))
      // As in Swift, a `let` with a default is not an initializer parameter.
      if property.isConstant, defaultCode != nil {
        sources.append((nil, defaultCode))
      } else {
        sources.append((parameters.count, nil))
        parameters.append(
          Parameter(property.name, type, default: defaultCode == nil ? nil : .void))
        defaults.append(defaultCode)
      }
    }
    if let custom = declaration.initializer {
      // A custom `init` replaces the memberwise one, as in Swift.
      parameters = signature(of: custom.declaration, at: custom.position).parameters
      defaults = Array(repeating: nil, count: parameters.count)
      sources = sources.map { (nil, $0.defaultCode) }
    }
    initializer.parameters = parameters
    initializer.defaults = defaults
    initializer.slotCount = parameters.count
    let typeName = declaration.name
    let fieldNames = definition.fieldNames
    let control = self.control
    initializer.body = { frame throws(EvaluationError) in
      if let custom = definition.customInitializer {
        try Self.runCustomInitializer(
          custom, of: definition, sources.map(\.defaultCode), frame: frame, control: control,
          at: position)
        return .returned
      }
      var fields: [Value] = []
      fields.reserveCapacity(sources.count)
      for source in sources {
        if let parameter = source.parameter {
          fields.append(frame.slots[parameter])
        } else if let defaultCode = source.defaultCode {
          fields.append(try defaultCode(frame))
        }
      }
      frame.result = .structure(
        StructValue(typeName: typeName, fieldNames: fieldNames, fields: fields))
      return .returned
    }
    let store = define(
      declaration.name, type: initializer.type, isConstant: true, function: initializer)
    if let restored = pinned[declaration.name]?.function, restored !== initializer,
      restored.position == position
    {
      // Compiled again from a saved session: members that name the type call the initializer
      // the restored variables and values already hold, so it is this type from now on.
      restored.structure = definition
      restored.adoptSignature(of: initializer)
    }
    compileMembers(declaration, of: definition)
    if let custom = definition.customInitializer {
      // Defaults cannot read other parameters (as in Swift): the same code serves on either frame.
      initializer.defaults = Array(custom.defaults.dropFirst().prefix(parameters.count))
    }
    return store
  }

  /// Runs a custom `init` on a value holding the properties' defaults (the rest unset), with the
  /// arguments in `frame`; every property must have a value when it ends.
  private static func runCustomInitializer(
    _ custom: FunctionCode, of definition: StructDefinition, _ defaults: [ValueCode?],
    frame: Frame, control: RunControl, at position: Position
  ) throws(EvaluationError) {
    var fields: [Value] = []
    for defaultCode in defaults { fields.append(try defaultCode?(frame) ?? .void) }
    let callee = Frame(count: custom.slotCount, parent: definition.context)
    defer { callee.release(custom.uncapturedSlots) }
    callee.slots[0] = .structure(
      StructValue(typeName: definition.name, fieldNames: definition.fieldNames, fields: fields))
    for index in 0..<(custom.parameters.count - 2) { callee.slots[index + 1] = frame.slots[index] }
    _ = try FunctionValue(code: custom, context: definition.context, control: control)
      .run(callee, at: position)
    guard case .structure(let made) = callee.slots[0] else {
      throw EvaluationError("'init' must leave a '\(definition.name)'", at: custom.position)
    }
    for (name, field) in zip(made.fieldNames, made.fields) {
      if case .void = field {
        throw EvaluationError(
          "'init' of '\(definition.name)' ended without giving '\(name)' a value",
          at: custom.position)
      }
    }
    frame.result = callee.slots[0]
  }

  /// The hidden last parameter of a custom `init`'s body, by which an assignment knows it may
  /// set a `let` property.
  static let initializingMarker = "$initializing"

  /// Signatures first, so methods can call each other; then the bodies.
  private func compileMembers(_ declaration: StructDeclaration, of definition: StructDefinition) {
    let selfParameter = Parameter(nil, name: "self", .structure(definition.name))
    let selfDeclared = FunctionParameter(
      label: nil, name: "self", type: nil, defaultValue: nil, position: Position(line: 0, column: 0)
    )
    for property in declaration.computed {
      var type = ValueType.any
      do { type = try typeNamed(property.type, at: property.position) } catch { report(error) }
      definition.computed[property.name] = FunctionCode(
        name: property.name, parameters: [selfParameter], resultType: type, defaults: [nil],
        position: property.position)
    }
    for method in declaration.methods {
      let code = signature(of: method.declaration, at: method.position)
      code.parameters.insert(selfParameter, at: 0)
      code.defaults.insert(nil, at: 0)
      if definition.methods[method.declaration.name] != nil
        || definition.fields.contains(where: { $0.name == method.declaration.name })
      {
        report("invalid redeclaration of '\(method.declaration.name)'", at: method.position)
      }
      definition.methods[method.declaration.name] = StructDefinition.Method(
        code: code, isMutating: method.isMutating)
    }
    if let custom = declaration.initializer {
      let code = signature(of: custom.declaration, at: custom.position)
      code.parameters.insert(selfParameter, at: 0)
      code.defaults.insert(nil, at: 0)
      code.parameters.append(Parameter(nil, name: Self.initializingMarker, .bool))
      code.defaults.append(nil)
      let marker = FunctionParameter(
        label: nil, name: Self.initializingMarker, type: nil, defaultValue: nil,
        position: custom.position)
      compileBody(
        of: code, parameters: [selfDeclared] + custom.declaration.parameters + [marker],
        body: custom.declaration.body, singleExpressionReturns: false, mutableSelf: true)
      definition.customInitializer = code
    }
    for property in declaration.computed {
      guard let code = definition.computed[property.name] else { continue }
      compileBody(
        of: code, parameters: [selfDeclared], body: property.body, singleExpressionReturns: true)
    }
    for method in declaration.methods {
      guard let code = definition.methods[method.declaration.name]?.code else { continue }
      compileBody(
        of: code, parameters: [selfDeclared] + method.declaration.parameters,
        body: method.declaration.body, singleExpressionReturns: true,
        mutableSelf: method.isMutating)
    }
  }

  /// Inside a method, a name that is none of its locals but a member of its struct means
  /// `self.name`.
  func implicitSelf(_ name: String, at position: Position) -> Expression? {
    var current: FunctionScope? = scope
    while let function = current {
      if function.blocks.contains(where: { $0[name] != nil }) { return nil }
      if let selfName = function.blocks.first?["self"], selfName.slot == 0,
        case .structure(let typeName) = selfName.type
      {
        guard let definition = structDefinition(named: typeName), definition.hasMember(name) else {
          return nil
        }
        return Expression(
          kind: .member(
            base: Expression(kind: .name("self"), position: position), name: name,
            namePosition: position),
          position: position)
      }
      current = function.parent
    }
    return nil
  }

  /// `value.field` or `value.computedProperty`.
  func structProperty(_ receiver: Typed, _ typeName: String, _ name: String, at position: Position)
    -> Typed
  {
    guard let definition = structDefinition(named: typeName) else {
      return fail("cannot find type '\(typeName)' in scope", at: position)
    }
    let receiverCode = receiver.value
    if let index = definition.fields.firstIndex(where: { $0.name == name }) {
      let type = definition.fields[index].type
      return Typed(
        type,
        .value { frame throws(EvaluationError) in
          guard case .structure(let value) = try receiverCode(frame), index < value.fields.count
          else { throw EvaluationError("'\(name)' needs a '\(typeName)'", at: position) }
          return value.fields[index]
        }, at: position
      ).retyped(type)
    }
    if let code = definition.computed[name] {
      let control = self.control
      return Typed(
        code.resultType,
        .value { frame throws(EvaluationError) in
          try code.withFrame(context: definition.context) { callee throws(EvaluationError) in
            callee.slots[0] = try receiverCode(frame)
            return try FunctionValue(code: code, context: definition.context, control: control)
              .run(callee, at: position)
          }
        }, at: position
      ).retyped(code.resultType)
    }
    if definition.methods[name] != nil {
      return fail("method '\(name)' must be called: write '\(name)(...)'", at: position)
    }
    return fail(
      "value of type '\(typeName)' has no member '\(name)'\(Suggestion.hint(for: name, among: definition.memberNames))",
      at: position)
  }

  /// `value.method(arguments)`; a `mutating` method needs a variable and stores the changed
  /// `self` back into it.
  func structMethod(
    _ base: Expression, _ receiver: Typed, _ typeName: String, _ name: String,
    _ arguments: [CallArgument], at position: Position
  ) -> Typed {
    guard let definition = structDefinition(named: typeName),
      let method = definition.methods[name]
    else {
      arguments.forEach { _ = compile($0.value) }
      if let definition = structDefinition(named: typeName), definition.hasMember(name) {
        return fail("cannot call property '\(name)' of '\(typeName)'", at: position)
      }
      return fail(
        "value of type '\(typeName)' has no member '\(name)'\(Suggestion.hint(for: name, among: structDefinition(named: typeName)?.memberNames ?? []))",
        at: position)
    }
    let code = method.code
    let codes: [ValueCode?]
    switch matchedArguments(name, Array(code.parameters.dropFirst()), arguments, at: position) {
    case .success(let matched):
      codes = matched.map { $0.map { Typed(.any, $0.code, at: position).value } }
    case .failure(let error): return .failing(error)
    }
    var place: Place?
    if method.isMutating {
      guard let found = self.place(base, mutatingMember: name, at: position) else {
        return .failing(EvaluationError("'\(name)' cannot change this value", at: position))
      }
      place = found
    }
    let selfCode = receiver.value
    let control = self.control
    let result = code.resultType
    return Typed(
      result,
      .value { frame throws(EvaluationError) in
        let calleeFrame = Frame(count: code.slotCount, parent: definition.context)
        defer { calleeFrame.release(code.uncapturedSlots) }
        for (index, argument) in codes.enumerated() {
          if let argument {
            calleeFrame.slots[index + 1] = try argument(frame)
          } else if let defaultCode = code.defaults[index + 1] {
            calleeFrame.slots[index + 1] = try defaultCode(calleeFrame)
          }
        }
        let function = FunctionValue(code: code, context: definition.context, control: control)
        guard let place else {
          calleeFrame.slots[0] = try selfCode(frame)
          return try function.run(calleeFrame, at: position)
        }
        // A `mutating` method works on the variable's value moved into its `self`, not on a
        // copy, so changing an array property does not copy the array (as Swift's `inout`).
        var value = Value.void
        try place.modify(frame) { stored throws(EvaluationError) in
          calleeFrame.slots[0] = stored
          stored = .void
          defer { stored = calleeFrame.slots[0] }
          value = try function.run(calleeFrame, at: position)
        }
        return value
      }, at: position
    ).retyped(result)
  }

  /// `value.field = ...` (and `+=`, `value.field.append(...)`, `values[i].field = ...`): the
  /// field changed in place; the value must be a variable, `self` of a `mutating` method.
  func structFieldPlace(
    _ base: Expression, _ name: String, mutatingMember: String?, at position: Position
  ) -> Place? {
    if case .name("self") = base.kind, case .local(_, let local)? = lookup("self"),
      local.isConstant
    {
      report(
        "cannot assign to property: 'self' is immutable; mark the method 'mutating'", at: position)
      return nil
    }
    guard let basePlace = place(base, mutatingMember: mutatingMember, at: position) else {
      return nil
    }
    if case .tuple = basePlace.type {
      return tupleElementPlace(basePlace, name, at: position)
    }
    guard case .structure(let typeName) = basePlace.type,
      let definition = structDefinition(named: typeName)
    else {
      report("cannot assign to property '\(name)' of '\(basePlace.type)'", at: position)
      return nil
    }
    guard let index = definition.fields.firstIndex(where: { $0.name == name }) else {
      report(
        definition.computed[name] != nil
          ? "cannot assign to property: '\(name)' is a get-only property"
          : "value of type '\(typeName)' has no member '\(name)'", at: position)
      return nil
    }
    let field = definition.fields[index]
    let initializing: Bool
    if case .name("self") = base.kind, lookup(Self.initializingMarker) != nil {
      initializing = true
    } else {
      initializing = false
    }
    if field.isConstant, !initializing {
      report(
        "cannot assign to property: '\(name)' is a 'let' constant; declare it with 'var'",
        at: position)
      return nil
    }
    let read = structProperty(basePlace.read, typeName, name, at: position)
    return Place(
      type: field.type, read: read,
      modify: { frame, body throws(EvaluationError) in
        try basePlace.modify(frame) { value throws(EvaluationError) in
          guard case .structure(var structure) = value, index < structure.fields.count else {
            throw EvaluationError("'\(name)' needs a '\(typeName)'", at: position)
          }
          value = .void  // uniquely referenced now: the field changes in place
          defer { value = .structure(structure) }
          try body(&structure.fields[index])
        }
      }, slot: nil)
  }
}
