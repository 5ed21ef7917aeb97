import Foundation
import Notebook
import Synchronization

@testable import Directives

/// A cell as the notebook parser would make it: source starting at `line`, column 1.
func makeCell(_ source: String, index: Int = 0, line: Int = 10, name: String? = nil) -> Cell {
  Cell(
    index: index, options: CellOptions(name: name), source: source, sourceLine: line,
    sourceColumn: 1, fenceLine: line - 1)
}

/// A folder of its own for a test. The caller may remove it when done; whatever is left (the
/// folders of `makeSession()`'s default, which no test names) is removed when the tests exit.
func temporaryDirectory() -> String {
  let path = NSTemporaryDirectory() + "nudge-directives-" + UUID().uuidString
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  _ = removedAtExit
  foldersToRemove.withLock { $0.append(path) }
  return path
}

/// Every folder `temporaryDirectory()` made.
private let foldersToRemove = Mutex<[String]>([])

/// Registers the removal of `foldersToRemove` at exit, once.
private let removedAtExit: Void = {
  atexit {
    for path in foldersToRemove.withLock({ $0 }) {
      try? FileManager.default.removeItem(atPath: path)
    }
  }
}()

/// A session over a throwaway notebook folder `nb.md`, its output folder inside it.
func makeSession(
  params: [Param] = [], overrides: [ParamOverride] = [],
  cellTimeout: Double = EvaluationOptions.defaultCellTimeout,
  outputLimit: Int = EvaluationOptions.defaultOutputLimit,
  valueLimit: Int = ValueLimits.defaultBytes,
  directory: String = temporaryDirectory()
) throws -> Session {
  var options = EvaluationOptions(cellTimeout: cellTimeout, outputLimit: outputLimit)
  options.valueLimit = valueLimit
  return try Session(
    file: "nb.md", params: params, overrides: overrides, notebookDirectory: directory,
    outputDirectory: directory + "/output", options: options)
}

/// Evaluates the sources as consecutive cells (cell N starts at line 10 * (N + 1)).
@discardableResult
func evaluate(_ sources: String..., session: Session? = nil) throws -> [CellResult] {
  let session = try session ?? makeSession()
  return sources.enumerated().map { index, source in
    session.evaluate(makeCell(source, index: index, line: 10 * (index + 1)))
  }
}

/// The printed text of a cell.
func printed(_ evaluation: CellResult) -> String {
  evaluation.outputs.compactMap { if case .text(let text) = $0 { text } else { nil } }.joined()
}

/// The shown value of a cell's last expression.
func shown(_ evaluation: CellResult) -> String? {
  evaluation.outputs.compactMap { if case .value(let text) = $0 { text } else { nil } }.last
}

/// The one-line error of a cell, `nb.md:LINE:COL: error: ...`.
func failure(_ evaluation: CellResult) -> String? {
  evaluation.error?.description
}
