import Notebook

extension Session {
  /// Compiles the functions of a restored snapshot again, into the code objects its values and
  /// variables already hold (`SnapshotReader.codes`).
  ///
  /// Each defining cell is parsed and compiled again (not run) with the names its functions read
  /// pinned to the restored variables they read when first compiled; every `func`'s signature is
  /// set first, so a body that calls another function with labels compiles as it did.
  func compileAgain(_ reader: SnapshotReader) throws {
    guard !reader.functions.isEmpty else { return }
    var cells: [Cell: [Int]] = [:]
    for (number, record) in reader.functions.enumerated() {
      cells[record.cell, default: []].append(number)
    }
    var programs: [Cell: CellProgram] = [:]
    for cell in cells.keys {
      guard case .success(let program) = CellParser.parse(cell, file: file) else {
        throw SnapshotError("the cell '\(cell.id)' that defines a saved function no longer parses")
      }
      programs[cell] = program
    }
    // Signatures first: a body compiled below may call any of these functions.
    for (cell, numbers) in cells {
      let signatures = ProgramCompiler(
        table: table, control: control, cellID: cell.id, globals: GlobalTable())
      for number in numbers {
        for statement in programs[cell]?.statements ?? []
        where statement.position == reader.functions[number].position {
          if case .function(let declaration) = statement.kind {
            reader.codes[number].adoptSignature(
              of: signatures.signature(of: declaration, at: statement.position))
          }
        }
      }
    }
    for (cell, numbers) in cells {
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
      let compiler = ProgramCompiler(
        table: table, control: control, cellID: cell.id, globals: GlobalTable(),
        compileView: pinned)
      compiler.pinned = pinned
      compiler.cell = cell
      if let program = programs[cell] { _ = compiler.compileCell(program) }
      for number in numbers {
        let code = reader.codes[number]
        guard let compiled = compiler.compiledFunctions[code.position] else {
          throw SnapshotError(
            "the function '\(code.name)' is no longer at line \(code.position.line) of cell '\(cell.id)'"
          )
        }
        code.adopt(compiled)
      }
    }
  }
}
