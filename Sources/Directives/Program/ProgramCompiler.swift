import Notebook

/// Compiles a cell's `CellProgram` once into closures: names resolved to slots or session boxes,
/// types inferred and checked, operators chosen for their operand types, directives bound.
///
/// `nudge check` compiles every cell and reports `problems`; a render compiles each cell the same
/// way and runs the result, so what the check accepts is what runs. A problem becomes code that
/// throws it where it was found, so one error does not stop the rest of the compile.
final class ProgramCompiler {
  let table: DirectiveTable
  let control: RunControl
  let cellID: String
  /// The session variables at run time (top-level definitions are published here as they run).
  let runtimeGlobals: GlobalTable
  /// The session variables as this compile sees them, with the cell's own definitions so far.
  var globals: [String: GlobalBox]
  var scope: FunctionScope
  private(set) var problems: [EvaluationError] = []
  /// Above zero while compiling what only follows from an error already reported.
  private var heldBackReports = 0
  /// Local names whose definition failed (session variables carry `GlobalBox.followsAnError`).
  var localsAfterErrors: Set<String> = []
  /// Session variables of earlier cells (and params) the cell reads.
  private(set) var globalsRead: Set<String> = []
  /// For `nudge check`: where names used before their definition are defined.
  let laterDefinitions: [String: (order: Int, cellID: String, line: Int)]
  let order: Int
  /// Functions declared in the blocks being compiled whose bodies come when reached.
  var pendingBodies: [Position: FunctionCode] = [:]
  /// The cell being compiled, kept in each function's `definition` so a saved session can
  /// compile the function again; nil (for inline values) leaves functions without one.
  var cell: Cell?
  /// Session variables by name that win over `globals`: a function compiled again from a saved
  /// session reads the very variables it read when first compiled.
  var pinned: [String: GlobalBox] = [:]
  /// The structs the cell declares at its top level: a function the cell declares (its
  /// signature is compiled first, see `hoistFunctions`) may name them before their declaration.
  var declaredStructures: Set<String> = []
  /// Every function and closure compiled, by position (where a saved one is found again).
  private(set) var compiledFunctions: [Position: FunctionCode] = [:]
  /// The functions whose bodies are being compiled, innermost last, with their scopes.
  private var enclosingFunctions: [(scope: FunctionScope, code: FunctionCode)] = []

  init(
    table: DirectiveTable, control: RunControl, cellID: String, globals: GlobalTable,
    compileView: [String: GlobalBox]? = nil,
    laterDefinitions: [String: (order: Int, cellID: String, line: Int)] = [:], order: Int = 0
  ) {
    self.table = table
    self.control = control
    self.cellID = cellID
    self.runtimeGlobals = globals
    self.globals = compileView ?? globals.boxes
    self.scope = FunctionScope(parent: nil, resultType: nil, isCell: true)
    self.laterDefinitions = laterDefinitions
    self.order = order
  }

  func report(_ error: EvaluationError) {
    if heldBackReports == 0 { problems.append(error) }
  }

  /// Compiles what only follows from an error already reported (the arguments of a method of a
  /// value whose type the error left unknown) without reporting its errors again.
  func heldBack<Compiled>(if followsAnError: Bool, _ compile: () -> Compiled) -> Compiled {
    guard followsAnError else { return compile() }
    heldBackReports += 1
    defer { heldBackReports -= 1 }
    return compile()
  }

  var problemCount: Int { problems.count }

  /// Forgets the problems found after the first `count` (a form tried and given up).
  func discardProblems(after count: Int) { problems.removeSubrange(count...) }

  /// Records a problem and gives code that throws it when reached.
  func fail(_ message: String, at position: Position) -> Typed {
    let error = EvaluationError(message, at: position)
    report(error)
    return .failing(error)
  }

  // MARK: The cell

  /// The cell's top-level statements; a statement that is an expression (not an assignment)
  /// also gives its value, shown when it is the last one or when it draws a figure.
  func compileCell(_ program: CellProgram) -> CompiledCell {
    var steps: [CompiledCell.Step] = []
    for case .structure(let declaration) in program.statements.map(\.kind) {
      declaredStructures.insert(declaration.name)
    }
    let hoisted = hoistFunctions(program.statements)
    steps += hoisted.map { CompiledCell.Step.statement($0.run) }
    for statement in program.statements {
      if case .expression(let expression) = statement.kind {
        if case .assignment = expression.kind {
          steps.append(.statement(compile(statement)))
        } else {
          steps.append(.expression(compile(expression).value))
        }
      } else {
        steps.append(.statement(compile(statement)))
      }
    }
    return CompiledCell(
      steps: steps, slotCount: scope.slotCount, uncapturedSlots: scope.uncapturedSlots,
      problems: problems, globalsRead: globalsRead)
  }

  // MARK: Names

  func lookup(_ name: String) -> ResolvedName? {
    var depth = 0
    var current: FunctionScope? = scope
    while let function = current {
      for block in function.blocks.reversed() {
        if let local = block[name] {
          noteLocal(local.slot, of: function)
          return .local(depth: depth, local)
        }
      }
      depth += 1
      current = function.parent
    }
    if let box = pinned[name] ?? globals[name] {
      if box.origin != .cell(cellID) { globalsRead.insert(name) }
      for (_, code) in enclosingFunctions { code.definition?.globals[name] = box }
      return .global(box)
    }
    return nil
  }

  /// Runs `compile` with `code` as the function being compiled in `scope`: the session
  /// variables its body reads, and whether it reads a local of an enclosing function or block,
  /// go into its `definition`.
  func compilingFunction(_ code: FunctionCode, in scope: FunctionScope, _ compile: () -> Void) {
    if let cell { code.definition = FunctionDefinition(cell: cell, position: code.position) }
    compiledFunctions[code.position] = code
    enclosingFunctions.append((scope, code))
    defer { enclosingFunctions.removeLast() }
    compile()
  }

  /// The function whose body is being compiled, when `resolved` names it and the code being
  /// compiled is that body itself (not a closure or a loop body with a frame of its own in it):
  /// a call there runs on a frame of the same function.
  func calledItself(_ resolved: ResolvedName) -> FunctionCode? {
    guard let innermost = enclosingFunctions.last, innermost.scope === scope,
      let function = resolved.function, function === innermost.code
    else { return nil }
    return function
  }

  /// A local of `owner` was read: every function being compiled inside `owner` captures it,
  /// and the slot outlives `owner`'s call or iteration.
  private func noteLocal(_ slot: Int, of owner: FunctionScope) {
    for (scope, code) in enclosingFunctions where scope !== owner {
      var outer = scope.parent
      while let candidate = outer, candidate !== owner { outer = candidate.parent }
      guard outer != nil else { continue }
      code.definition?.capturesLocals = true
      code.capturesContext = true
      owner.capturedSlots.insert(slot)
    }
  }

  /// Reports an unknown name the way Swift would, with what the notebook offers instead.
  func unknownName(_ name: String, at position: Position) -> Typed {
    if name == "_" {
      return fail(
        "'_' can only appear on the left of '=' ('_ = f()' drops a result)", at: position)
    }
    if let later = laterDefinitions[name], later.order >= order {
      let place = later.order == order ? "later in this cell" : "in cell '\(later.cellID)'"
      return fail(
        "'\(name)' is used before it is defined (\(place), line \(later.line))", at: position)
    }
    if table.function(named: name) != nil {
      return fail("'\(name)' is a directive: call it as '\(name)(...)'", at: position)
    }
    var names = Array(globals.keys) + table.functionNames
    var current: FunctionScope? = scope
    while let function = current {
      names += function.names
      current = function.parent
    }
    return fail(
      "cannot find '\(name)' in scope\(Suggestion.hint(for: name, among: names))", at: position)
  }

  /// Defines a name in the current block: a session variable at a cell's top level, else a slot.
  /// Returns the code that stores a value into it.
  func define(
    _ name: String, type: ValueType, isConstant: Bool, function: FunctionCode? = nil
  ) -> (Frame, Value) -> Void {
    if scope.isGlobalLevel {
      let box = GlobalBox(
        name: name, value: .void, type: type, isConstant: isConstant, origin: .cell(cellID),
        function: function)
      globals[name] = box
      let table = runtimeGlobals
      table.register(box)
      return { _, value in
        box.value = value
        table.publish(box)
      }
    }
    let slot = scope.allocate()
    scope.blocks[scope.blocks.count - 1][name] = LocalName(
      slot: slot, type: type, isConstant: isConstant, function: function)
    if case .function = type {
      return { frame, value in frame.slots[slot] = value.stored(in: frame) }
    }
    return { frame, value in frame.slots[slot] = value }
  }

  /// Reading a resolved name, unboxed when its type allows.
  func read(_ resolved: ResolvedName, at position: Position) -> Typed {
    switch resolved {
    case .global(let box):
      switch box.type {
      case .int:
        return Typed(
          .int, .int { _ throws(EvaluationError) in try Self.int(box.value, at: position) },
          at: position)
      case .double:
        return Typed(
          .double,
          .double { _ throws(EvaluationError) in try Self.double(box.value, at: position) },
          at: position)
      default:
        return Typed(box.type, .value { _ in box.value }, at: position).retyped(box.type)
      }
    case .local(let depth, let local):
      let slot = local.slot
      switch (depth, local.type) {
      case (_, .function):
        // A function kept without the frame it captured gets it back (see `stored(in:)`).
        return Typed(
          local.type,
          .value { frame in
            let holder = frame.outer(depth)
            return holder.slots[slot].read(from: holder)
          }, at: position
        ).retyped(local.type)
      case (0, .int):
        var typed = Typed(
          .int,
          .int { frame throws(EvaluationError) in try Self.int(frame.slots[slot], at: position) },
          at: position)
        typed.slot = slot
        return typed
      case (0, .double):
        var typed = Typed(
          .double,
          .double { frame throws(EvaluationError) in
            try Self.double(frame.slots[slot], at: position)
          }, at: position)
        typed.slot = slot
        return typed
      case (0, _):
        return Typed(local.type, .value { frame in frame.slots[slot] }, at: position)
          .retyped(local.type)
      case (_, .int):
        return Typed(
          .int,
          .int { frame throws(EvaluationError) in
            try Self.int(frame.outer(depth).slots[slot], at: position)
          }, at: position)
      case (_, .double):
        return Typed(
          .double,
          .double { frame throws(EvaluationError) in
            try Self.double(frame.outer(depth).slots[slot], at: position)
          }, at: position)
      default:
        return Typed(local.type, .value { frame in frame.outer(depth).slots[slot] }, at: position)
          .retyped(local.type)
      }
    }
  }

  /// A stored Int, read where the compiler knows its type.
  @inline(__always)
  static func int(_ value: Value, at position: Position) throws(EvaluationError) -> Int {
    if case .int(let number) = value { return number }
    throw Coercion.mismatch(value, "Int", at: position)
  }

  /// A stored Double (or an Int promoted), read where the compiler knows its type.
  @inline(__always)
  static func double(_ value: Value, at position: Position) throws(EvaluationError) -> Double {
    switch value {
    case .double(let number): return number
    case .int(let number): return Double(number)
    default: throw Coercion.mismatch(value, "Double", at: position)
    }
  }

  // MARK: Blocks

  /// Compiles statements in a new block scope.
  func compileBlock(_ statements: [Statement], bindings: (() -> Void)? = nil) -> StatementCode {
    scope.blocks.append([:])
    defer { scope.blocks.removeLast() }
    bindings?()
    var steps = hoistFunctions(statements)
    for statement in statements { steps.append(StatementStep(compile(statement))) }
    return Self.sequence(steps)
  }

  static func sequence(_ steps: [StatementStep]) -> StatementCode {
    switch steps.count {
    case 0: return { _ in .next }
    case 1: return steps[0].run
    case 2:
      let first = steps[0].run
      let second = steps[1].run
      return { frame throws(EvaluationError) in
        let flow = try first(frame)
        guard case .next = flow else { return flow }
        return try second(frame)
      }
    default:
      return { frame throws(EvaluationError) in
        for step in steps {
          let flow = try step.run(frame)
          guard case .next = flow else { return flow }
        }
        return .next
      }
    }
  }
}

/// A statement's code as an element of a list. An array of bare closures keeps them in its
/// generic form, so each call out of it runs through two conversion thunks (a fifth of a
/// loop's time); a struct keeps the closure as it is.
struct StatementStep {
  let run: StatementCode

  init(_ run: @escaping StatementCode) { self.run = run }
}

/// A compiled cell, ready to run on a frame of `slotCount` slots.
struct CompiledCell {
  enum Step {
    case statement(StatementCode)
    /// An expression statement: its value may be shown.
    case expression(ValueCode)
  }

  var steps: [Step]
  var slotCount: Int
  /// The slots of the cell's frame (its blocks' names) that no closure reads, emptied at its end.
  var uncapturedSlots: [Int]
  var problems: [EvaluationError]
  var globalsRead: Set<String>
}
