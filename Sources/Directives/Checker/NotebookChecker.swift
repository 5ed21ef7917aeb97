import Notebook

/// `nudge check`: compiles every evaluated cell, in order, without running anything, and reports
/// what the compiler finds: syntax errors, unknown names, wrong or missing argument labels, type
/// mismatches and uses before definition across cells.
///
/// A render compiles each cell with the same `ProgramCompiler` and runs the result, so a notebook
/// the check passes fails only on what depends on data (an index out of range, say).
package struct NotebookChecker {
  package let table: DirectiveTable

  package init(table: DirectiveTable = .standard) { self.table = table }

  /// Every problem found in the document's evaluated cells, in file order, then in its inline
  /// values.
  package func check(_ document: Document) -> [Diagnostic] {
    check(cells: document.cells, params: document.params, file: document.path)
      + checkInline(document)
  }

  package func check(cells: [Cell], params: [Param], file: String) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    LargeStack.run {
      let scratch = GlobalTable()
      defer { scratch.release() }
      diagnostics = checkCells(cells: cells, params: params, file: file, into: scratch).0
    }
    return diagnostics
  }

  /// The findings, and the variables every cell defines (for inline values after the cells);
  /// the boxes the compiles make are kept in `scratch`, for its `release` once the view is used.
  func checkCells(cells: [Cell], params: [Param], file: String, into scratch: GlobalTable) -> (
    [Diagnostic], [String: GlobalBox]
  ) {
    let evaluated = cells.filter(\.options.eval)
    var programs: [(cell: Cell, map: CellSourceMap, program: CellProgram?)] = []
    var diagnostics: [Diagnostic] = []
    for cell in evaluated {
      let map = CellSourceMap(cell: cell, file: file)
      switch ParsedCells.parse(cell, file: file) {
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
        let name: String
        switch statement.kind {
        case .binding(_, let bound, _, _): name = bound
        case .function(let declaration): name = declaration.name
        default: continue
        }
        if definitions[name] == nil {
          definitions[name] = (order, entry.cell.id, statement.position.line)
        }
      }
    }
    var view: [String: GlobalBox] = [:]
    for param in params {
      view[param.name] = GlobalBox(
        name: param.name,
        variable: Variable(value: param.value.value, isConstant: true, origin: .param))
    }
    let control = RunControl()
    for (order, entry) in programs.enumerated() {
      guard let program = entry.program else { continue }
      let compiler = ProgramCompiler(
        table: table, control: control, cellID: entry.cell.id, globals: scratch,
        compileView: view, laterDefinitions: definitions, order: order)
      let compiled = compiler.compileCell(program)
      view = compiler.globals
      diagnostics += compiled.problems.map { entry.map.diagnostic($0.message, at: $0.position) }
    }
    return (diagnostics, view)
  }
}
