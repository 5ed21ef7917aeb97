import Notebook

/// Prose inline values (`{swift} accuracy * 100`): one expression evaluated against the session's
/// variables, with the same compiler as cells.
extension Session {
  /// The display text of `expression`'s value, or a diagnostic at `location` (the expression's
  /// first character in the notebook). Nothing the expression does is kept: it may not define
  /// variables, and what it prints is dropped.
  package func evaluateInline(expression: String, at location: SourceLocation)
    -> Result<String, Diagnostic>
  {
    let cell = InlineExpression.cell(expression, at: location)
    let map = CellSourceMap(cell: cell, file: file)
    let context = EvaluationContext(cellID: cell.id, fileAccess: fileAccess, options: options)
    var result: Result<String, Diagnostic> = .success("")
    LargeStack.run {
      switch InlineExpression.compile(
        cell, file: file, table: table, control: control, globals: globals)
      {
      case .failure(let diagnostic):
        result = .failure(diagnostic)
      case .success(let compiled):
        control.begin(
          context: context, timeLimit: options.cellTimeout, shouldStop: options.shouldStop,
          valueLimit: options.valueLimit)
        defer { control.context = nil }
        do throws(EvaluationError) {
          let value = try Self.run(compiled, context: context)
          result = .success(value?.description ?? "")
        } catch {
          result = .failure(map.diagnostic(error.message, at: error.position))
        }
      }
    }
    return result
  }
}

extension NotebookChecker {
  /// The static check of the document's inline expressions, each against the variables of the
  /// cells above it (where the render evaluates it), so a name a later cell defines is an error.
  package func checkInline(_ document: Document) -> [Diagnostic] {
    let cells = document.cells
    var diagnostics: [Diagnostic] = []
    let byPosition = Dictionary(grouping: document.inlineExpressions, by: \.cellsBefore)
    for position in byPosition.keys.sorted() {
      let expressions = (byPosition[position] ?? []).map {
        (
          expression: $0.expression,
          location: SourceLocation(file: document.path, line: $0.line, column: $0.column)
        )
      }
      for var finding in checkInline(
        expressions, cells: Array(cells.prefix(position)), params: document.params,
        file: document.path)
      {
        // Compiles against every cell: it uses what only a cell below the sentence defines.
        if let expression = expressions.last(where: {
          ($0.location.line, $0.location.column)
            <= (finding.location.line, finding.location.column)
        }),
          position < cells.count,
          checkInline([expression], cells: cells, params: document.params, file: document.path)
            .isEmpty
        {
          finding.message +=
            "; it is defined in a cell below this sentence, and an inline value sees only the cells above it"
        }
        diagnostics.append(finding)
      }
    }
    return diagnostics
  }

  /// The static check of prose inline expressions against the variables the given cells define.
  package func checkInline(
    _ expressions: [(expression: String, location: SourceLocation)], cells: [Cell],
    params: [Param], file: String
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    LargeStack.run {
      let scratch = GlobalTable()
      defer { scratch.release() }
      let (_, view) = checkCells(cells: cells, params: params, file: file, into: scratch)
      let globals = GlobalTable()
      globals.boxes = view
      for (expression, location) in expressions {
        let cell = InlineExpression.cell(expression, at: location)
        if case .failure(let diagnostic) = InlineExpression.compile(
          cell, file: file, table: table, control: RunControl(), globals: globals)
        {
          diagnostics.append(diagnostic)
        }
      }
    }
    return diagnostics
  }
}

enum InlineExpression {
  static func cell(_ expression: String, at location: SourceLocation) -> Cell {
    Cell(
      index: 0, options: CellOptions(name: "inline"), source: expression,
      sourceLine: location.line, sourceColumn: location.column, fenceLine: location.line)
  }

  /// Parses and compiles one expression; anything else (a statement, a definition) is refused.
  static func compile(
    _ cell: Cell, file: String, table: DirectiveTable, control: RunControl, globals: GlobalTable
  ) -> Result<CompiledCell, Diagnostic> {
    let map = CellSourceMap(cell: cell, file: file)
    let start = map.position(cellLine: 1, cellColumn: 1)
    switch CellParser.parse(cell, file: file) {
    case .failure(let list):
      return .failure(
        list.diagnostics.first ?? map.diagnostic("cannot parse this expression", at: start))
    case .success(let program):
      guard program.statements.count == 1,
        case .expression(let expression) = program.statements[0].kind
      else {
        return .failure(
          map.diagnostic(
            "an inline value is one expression, such as '{swift} accuracy * 100'", at: start))
      }
      if case .assignment = expression.kind {
        return .failure(
          map.diagnostic("an inline value cannot assign; compute it in a cell", at: start))
      }
      // Compiled against a copy of the table's view: nothing it defines reaches the session.
      let compiler = ProgramCompiler(
        table: table, control: control, cellID: cell.id, globals: GlobalTable(),
        compileView: globals.boxes)
      let compiled = compiler.compileCell(program)
      if let problem = compiled.problems.first {
        return .failure(map.diagnostic(problem.message, at: problem.position))
      }
      return .success(compiled)
    }
  }
}
