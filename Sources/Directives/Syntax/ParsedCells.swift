import Foundation
import Notebook

/// Cells already parsed, by their text and place: a render checks each cell, keys the run cache
/// with it and evaluates it, and each needs its program; swift-syntax's parser (built
/// unoptimised with the rest of the dependencies) takes milliseconds per cell, so a cell is
/// parsed once.
///
/// Call it on a `LargeStack` thread, as `CellParser.parse`: a program dropped from the store may
/// be deep.
package enum ParsedCells {
  private struct Key: Hashable {
    var file: String
    var line: Int
    var column: Int
    var source: String
  }

  private final class Store: @unchecked Sendable {
    let lock = NSLock()
    var programs: [Key: Result<CellProgram, DiagnosticList>] = [:]
  }

  private static let store = Store()
  /// More cells than any notebook has; a preview server running for hours stays within it.
  static let capacity = 4_096

  /// `CellParser.parse(cell, file:)`, from the store when this text was parsed at this place.
  static func parse(_ cell: Cell, file: String) -> Result<CellProgram, DiagnosticList> {
    let key = Key(file: file, line: cell.sourceLine, column: cell.sourceColumn, source: cell.source)
    store.lock.lock()
    let stored = store.programs[key]
    store.lock.unlock()
    if let stored { return stored }
    let parsed = CellParser.parse(cell, file: file)
    store.lock.lock()
    if store.programs.count >= capacity { store.programs.removeAll() }
    store.programs[key] = parsed
    store.lock.unlock()
    return parsed
  }

  /// Forgets every stored program. For the fuzz targets: each input then parses its cells (as a
  /// fresh process would), and the leak check at exit finds nothing stored, where it misreads
  /// programs reachable only through enum payloads (their spare bits hold the case) as leaked.
  package static func removeAll() {
    var dropped: [Key: Result<CellProgram, DiagnosticList>] = [:]
    store.lock.lock()
    swap(&dropped, &store.programs)
    store.lock.unlock()
    // A program may be deep: release it where its recursive teardown has room.
    LargeStack.run { dropped.removeAll() }
  }
}
