import Notebook

extension Session {
  /// Compiles the functions and structs of a restored snapshot again, into the code objects its
  /// values and variables already hold (`SnapshotReader.codes`).
  ///
  /// Each defining cell is parsed and compiled again (not run), in notebook order, with the names
  /// its functions read pinned to the restored variables they read when first compiled. A struct
  /// is ready before later cells' functions are compiled, since their signatures and bodies may
  /// name the type; within a cell every `func`'s signature is set first, so a body that calls
  /// another function with labels compiles as it did.
  func compileAgain(_ reader: SnapshotReader) throws {
    guard !reader.functions.isEmpty else { return }
    var cells: [Cell: [Int]] = [:]
    for (number, record) in reader.functions.enumerated() {
      cells[record.cell, default: []].append(number)
    }
    // The restored structs so far, by name: the types a later cell's code may use.
    var structures: [String: GlobalBox] = [:]
    for cell in cells.keys.sorted(by: { $0.index < $1.index }) {
      let numbers = cells[cell] ?? []
      guard case .success(let program) = CellParser.parse(cell, file: file) else {
        throw SnapshotError("the cell '\(cell.id)' that defines a saved function no longer parses")
      }
      var pinned: [String: GlobalBox] = [:]
      for number in numbers {
        for (name, box) in reader.codes[number].definition?.globals ?? [:] {
          if let other = pinned[name], other !== box {
            throw SnapshotError(
              "two functions of cell '\(cell.id)' read two different variables named '\(name)'")
          }
          pinned[name] = box
        }
      }
      let view = structures.merging(pinned) { _, read in read }
      // Signatures first: a body compiled below may call any of these functions.
      let signatures = ProgramCompiler(
        table: table, control: control, cellID: cell.id, globals: GlobalTable(),
        compileView: view)
      for number in numbers where !reader.functions[number].isStructure {
        for statement in program.statements
        where statement.position == reader.functions[number].position {
          if case .function(let declaration) = statement.kind {
            reader.codes[number].adoptSignature(
              of: signatures.signature(of: declaration, at: statement.position))
          }
        }
      }
      let compiler = ProgramCompiler(
        table: table, control: control, cellID: cell.id, globals: GlobalTable(),
        compileView: view)
      compiler.pinned = pinned
      compiler.cell = cell
      _ = compiler.compileCell(program)
      for number in numbers {
        let code = reader.codes[number]
        let kind = reader.functions[number].isStructure ? "struct" : "function"
        guard let compiled = compiler.compiledFunctions[code.position],
          (compiled.structure != nil) == reader.functions[number].isStructure
        else {
          throw SnapshotError(
            "the \(kind) '\(code.name)' is no longer at line \(code.position.line) of cell '\(cell.id)'"
          )
        }
        code.adopt(compiled)
        if let box = reader.declaringBoxes[number], code.structure != nil {
          structures[code.name] = box
        }
      }
    }
  }
}
