import SwiftSyntax

/// The line and column of a position in a cell's source, counted as swift-syntax counts them
/// (1-based, columns in UTF-8 bytes, lines ended by `\n`, `\r\n` or `\r`). Built from the text
/// in one pass: `SourceLocationConverter` walks every token of the tree to build its table,
/// which cost as much as lowering the cell.
struct CellLineTable {
  /// The UTF-8 offset where each line starts.
  private var starts: [Int] = [0]
  private let length: Int

  init(_ source: String) {
    var offset = 0
    var afterCarriageReturn = false
    for byte in source.utf8 {
      offset += 1
      if byte == UInt8(ascii: "\n") {
        // `\r\n` ends one line, whose end `\r` already recorded.
        if afterCarriageReturn { starts[starts.count - 1] = offset } else { starts.append(offset) }
      } else if byte == UInt8(ascii: "\r") {
        starts.append(offset)
      }
      afterCarriageReturn = byte == UInt8(ascii: "\r")
    }
    length = offset
  }

  func location(of position: AbsolutePosition) -> (line: Int, column: Int) {
    let offset = min(max(position.utf8Offset, 0), length)
    // The last line starting at or before `offset`.
    var low = 0
    var high = starts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return (low + 1, offset - starts[low] + 1)
  }
}
