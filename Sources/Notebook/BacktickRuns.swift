/// Every maximal run of backticks in a text and every paragraph break, found in one pass, so
/// finding the run that closes a code span is a lookup rather than a scan: scanning ahead from
/// each unmatched run made prose of many runs of different lengths take quadratic time or worse.
struct BacktickRuns {
  /// Start offsets of the runs of each length, ascending.
  private var startsByLength: [Int: [Int]] = [:]
  /// Offsets of the newlines that end a paragraph (a blank line follows), ascending.
  private var paragraphEnds: [Int] = []

  init(_ bytes: [UInt8]) {
    let tick = UInt8(ascii: "`")
    var index = 0
    while index < bytes.count {
      if bytes[index] == tick {
        let start = index
        while index < bytes.count, bytes[index] == tick { index += 1 }
        startsByLength[index - start, default: []].append(start)
        continue
      }
      if bytes[index] == UInt8(ascii: "\n") {
        var next = index + 1
        while next < bytes.count,
          bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t")
        {
          next += 1
        }
        if next >= bytes.count || bytes[next] == UInt8(ascii: "\n") { paragraphEnds.append(index) }
      }
      index += 1
    }
  }

  /// The end of the first run of exactly `length` backticks starting at or after `position` in
  /// the same paragraph and ending by `limit`, if there is one.
  func closingRunEnd(length: Int, from position: Int, limit: Int) -> Int? {
    guard let starts = startsByLength[length] else { return nil }
    guard let start = Self.first(in: starts, atLeast: position) else { return nil }
    guard start + length <= limit else { return nil }
    if let paragraphEnd = Self.first(in: paragraphEnds, atLeast: position), paragraphEnd < start {
      return nil
    }
    return start + length
  }

  /// The first element of ascending `values` that is at least `bound` (binary search).
  private static func first(in values: [Int], atLeast bound: Int) -> Int? {
    var low = 0
    var high = values.count
    while low < high {
      let middle = (low + high) / 2
      if values[middle] < bound { low = middle + 1 } else { high = middle }
    }
    return low < values.count ? values[low] : nil
  }
}
