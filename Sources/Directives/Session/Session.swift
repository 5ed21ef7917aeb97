import Foundation
import NeuralNetwork
import Notebook

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The variables of one run of a notebook, living across its cells in order.
///
/// `evaluate(_:)` runs one cell and returns what it produced. The runs cache can `snapshot()`
/// the session after a cell and `restore(_:)` it later instead of re-running the cell.
package final class Session {
  /// The notebook's path as the user named it, for diagnostics.
  package let file: String
  package let table: DirectiveTable
  package let fileAccess: FileAccess
  package var options: EvaluationOptions
  /// The params after `-p` overrides, in front-matter order.
  package let params: [Param]
  /// The session's variables, as compiled code reads and writes them.
  let globals = GlobalTable()
  let control = RunControl()

  /// The variables by name (a copy; assignment goes through cells).
  package var variables: [String: Variable] {
    get { globals.boxes.mapValues(\.variable) }
    set {
      globals.boxes = Dictionary(
        uniqueKeysWithValues: newValue.map { ($0.key, GlobalBox(name: $0.key, variable: $0.value)) }
      )
    }
  }

  /// - Parameters:
  ///   - notebookDirectory: the folder cells may read from (the notebook's own folder).
  ///   - outputDirectory: the folder cells may write to.
  ///   - overrides: `-p name=value` arguments, checked against the params' types.
  package init(
    file: String, params: [Param], overrides: [ParamOverride] = [], notebookDirectory: String,
    outputDirectory: String, options: EvaluationOptions = EvaluationOptions(),
    table: DirectiveTable = .standard
  ) throws(ParamOverrideError) {
    self.file = file
    self.table = table
    self.fileAccess = FileAccess(
      notebookDirectory: notebookDirectory, outputDirectory: outputDirectory)
    self.options = options
    self.params = try ParamOverride.apply(overrides, to: params)
    for param in self.params {
      globals.boxes[param.name] = GlobalBox(
        name: param.name,
        variable: Variable(value: param.value.value, isConstant: true, origin: .param))
    }
  }

  deinit {
    // A value nested 100,000 deep (`a = [a]` in a loop) is freed level by level: on a large stack.
    let table = globals
    LargeStack.run { table.release() }
  }

  /// A session for a parsed notebook, reading from the notebook's folder.
  package convenience init(
    document: Document, overrides: [ParamOverride] = [], outputDirectory: String,
    options: EvaluationOptions = EvaluationOptions()
  ) throws(ParamOverrideError) {
    let directory =
      document.path.contains("/")
      ? String(document.path[..<(document.path.lastIndex(of: "/") ?? document.path.endIndex)]) : "."
    try self.init(
      file: document.path, params: document.params, overrides: overrides,
      notebookDirectory: directory.isEmpty ? "/" : directory, outputDirectory: outputDirectory,
      options: options)
  }

  /// Runs one cell: parses it, compiles it against the session's variables, runs it, and collects
  /// its outputs. A failure is the cell's last output (`.error`); variables it defined before
  /// failing stay defined. A cell with a compile error does not run.
  package func evaluate(_ cell: Cell) -> CellResult {
    let start = monotonicSeconds()
    let map = CellSourceMap(cell: cell, file: file)
    let context = EvaluationContext(cellID: cell.id, fileAccess: fileAccess, options: options)
    var outputs: [CellOutput] = []
    var failure: Diagnostic?
    var read: Set<String> = []
    LargeStack.run {
      switch ParsedCells.parse(cell, file: file) {
      case .failure(let list):
        failure = list.diagnostics.first
      case .success(let program):
        let compiler = ProgramCompiler(
          table: table, control: control, cellID: cell.id, globals: globals)
        compiler.cell = cell
        let compiled = compiler.compileCell(program)
        read = compiled.globalsRead
        if let problem = compiled.problems.first {
          failure = map.diagnostic(problem.message, at: problem.position)
          return
        }
        control.begin(
          context: context, timeLimit: cell.options.timeout ?? options.cellTimeout,
          shouldStop: options.shouldStop, valueLimit: options.valueLimit)
        defer { control.context = nil }
        do throws(EvaluationError) {
          let last = try Self.run(compiled, context: context)
          outputs = context.outputs + (last?.displayOutputs ?? [])
        } catch {
          outputs = context.outputs
          failure = map.diagnostic(error.message, at: error.position)
        }
      }
    }
    if let failure { outputs.append(.error(failure)) }
    let paramNames = Set(params.map(\.name))
    return CellResult(
      status: failure == nil ? .ok : .failed, outputs: Self.mergingText(outputs), error: failure,
      seconds: monotonicSeconds() - start, filesRead: context.filesRead,
      filesWritten: context.filesWritten, paramsRead: read.intersection(paramNames),
      variablesRead: read.subtracting(paramNames))
  }

  /// Runs the cell's statements; returns the value of its last statement when that is an
  /// expression. Figures and tables made by earlier top-level statements are shown where they are
  /// made, so a cell can show several charts and tables.
  static func run(_ compiled: CompiledCell, context: EvaluationContext) throws(EvaluationError)
    -> Value?
  {
    let frame = Frame(count: compiled.slotCount, parent: nil)
    defer { frame.release(compiled.uncapturedSlots) }
    var last: Value?
    for (index, step) in compiled.steps.enumerated() {
      switch step {
      case .statement(let code):
        _ = try code(frame)
      case .expression(let code):
        let value = try code(frame)
        if index == compiled.steps.count - 1 {
          last = value
        } else if value.showsWhereMade {
          value.displayOutputs.forEach(context.emit)
        }
      }
    }
    return last
  }

  /// Consecutive `print`s become one text block, appended in place: a copy per print made a
  /// cell of many prints quadratic in its output.
  private static func mergingText(_ outputs: [CellOutput]) -> [CellOutput] {
    var merged: [CellOutput] = []
    var text = ""
    var hasText = false
    for output in outputs {
      if case .text(let piece) = output {
        text.append(piece)
        hasText = true
      } else {
        if hasText { merged.append(.text(text)) }
        text = ""
        hasText = false
        merged.append(output)
      }
    }
    if hasText { merged.append(.text(text)) }
    return merged
  }

  // MARK: Snapshots for the cell cache

  /// The variables as they are now, with networks deep-copied so later training does not change
  /// the snapshot.
  package func snapshot() -> SessionSnapshot {
    var snapshot = SessionSnapshot(variables: [:])
    LargeStack.run {
      let copies = NetworkCopies()
      snapshot = SessionSnapshot(variables: variables.mapValues { $0.detached(copies) })
    }
    return snapshot
  }

  /// Puts the variables back as they were at `snapshot` (copying networks again, so the snapshot
  /// can be restored more than once).
  ///
  /// Params keep this session's values: a snapshot saved by a run with other `-p` overrides
  /// must not bring its params back.
  package func restore(_ snapshot: SessionSnapshot) {
    var restored: [String: Variable] = [:]
    LargeStack.run {
      let copies = NetworkCopies()
      restored = snapshot.variables.mapValues { $0.detached(copies) }
    }
    for (name, variable) in variables where variable.origin == .param {
      restored[name] = variable
    }
    variables = restored
  }
}

/// The variables of a session at one moment.
package struct SessionSnapshot: Sendable, Codable {
  package var variables: [String: Variable]
}

extension Session {
  /// The layout of `snapshotData()`, part of the run cache's keys.
  package static var snapshotSchema: Int { SnapshotArchive.schema }

  /// The variables serialised for the run cache (see `SnapshotArchive`): a JSON manifest with
  /// each network once, by number, its weights as safetensors bytes, data sets as the recipe
  /// that loads them, and functions as where they were written.
  package func snapshotData() throws -> Data {
    let writer = SnapshotWriter()
    var result: Result<[UInt8], any Error> = .success([])
    LargeStack.run {
      result = Result {
        try StableJSON.encode(
          SnapshotManifest(table: globals.boxes), userInfo: [SnapshotWriter.key: writer])
      }
    }
    do {
      return Data(SnapshotArchive.pack(manifest: try result.get(), blob: writer.blob))
    } catch let error as EncodingError {
      // Foundation's message names the manifest's type and its boxes, which says nothing to
      // the notebook's author.
      guard case .invalidValue(_, let context) = error else { throw error }
      let reason = context.underlyingError.map { "\($0)" } ?? context.debugDescription
      throw SnapshotError(
        "the variables could not be saved: \(reason) (a value nested a few hundred levels deep is the usual cause); the cells after this one are computed again on the next render"
      )
    }
  }

  /// Replaces the variables with those of `snapshotData()`, reloading data sets from their files
  /// (which must still be inside this session's sandbox) and compiling functions again.
  ///
  /// Params keep this session's values: a snapshot saved by a run with other `-p` overrides
  /// must not bring its params back.
  package func restore(from data: Data) throws {
    let (manifest, blob) = try SnapshotArchive.unpack([UInt8](data))
    let params = globals.boxes.filter { $0.value.origin == .param }
    let reader = SnapshotReader(
      blob: blob, fileAccess: fileAccess, params: params, control: control)
    var result: Result<SnapshotManifest, any Error> = .success(SnapshotManifest(table: [:]))
    LargeStack.run {
      result = Result {
        let manifest = try StableJSON.decode(
          SnapshotManifest.self, from: Array(manifest),
          userInfo: [DatasetLoader.key: DatasetLoader(), SnapshotReader.key: reader])
        try compileAgain(reader)
        return manifest
      }
    }
    globals.boxes = try result.get().table.filter { $0.value.origin != .param }
      .merging(params) { _, own in own }
  }

  /// The params a cell's source names (found without running it), for the run cache's keys.
  /// A cell that does not parse refers to every param, so its key changes with any of them.
  package func paramsReferenced(by cell: Cell) -> Set<String> {
    let names = Set(params.map(\.name))
    var referenced = names
    LargeStack.run {
      if case .success(let program) = ParsedCells.parse(cell, file: file) {
        referenced = program.namesReferenced.intersection(names)
      }
    }
    return referenced
  }
}

/// The copies made so far while detaching a set of values, so one network named twice is
/// copied once and its two names stay one network.
final class NetworkCopies {
  private var copies: [ObjectIdentifier: Network] = [:]
  /// The originals, kept alive so no identifier is reused while copying.
  private var originals: [Network] = []

  func copy(of network: Network) -> Network {
    if let copy = copies[ObjectIdentifier(network)] { return copy }
    let copy = network.copy()
    copies[ObjectIdentifier(network)] = copy
    originals.append(network)
    return copy
  }
}

extension Variable {
  /// A copy that shares no mutable engine state with the original (networks shared among the
  /// values detached with the same `copies` stay shared among the copies).
  func detached(_ copies: NetworkCopies) -> Variable {
    var copy = self
    copy.value = value.detached(copies)
    return copy
  }
}

extension Value {
  func detached(_ copies: NetworkCopies) -> Value {
    switch self {
    case .array(let elements): .array(elements.map { $0.detached(copies) })
    case .optional(let wrapped?): .optional(wrapped.detached(copies))
    case .tuple(let elements, let labels):
      .tuple(elements.map { $0.detached(copies) }, labels: labels)
    case .object(.network(let network)): .object(.network(copies.copy(of: network)))
    case .dictionary(let dictionary): .dictionary(dictionary.mapValues { $0.detached(copies) })
    case .structure(let value): .structure(value.mapFields { $0.detached(copies) })
    default: self
    }
  }
}

func monotonicSeconds() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}
