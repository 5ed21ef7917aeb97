internal import CCmark

/// Finds formulas in prose with Pandoc's rules for `tex_math_dollars`:
/// - `$$...$$` is display math; it may span lines but not a blank line.
/// - `$...$` is inline math when the opening `$` has a non-space right after it and the closing
///   `$` a non-space right before it and no digit right after it, so "$5 or $6" stays text.
/// - `\$` is a dollar sign; nothing inside code spans, code blocks or raw HTML blocks is math.
/// - A fenced block whose info string is `math` is display math.
package enum MathScanner {
  package static func spans(in prose: Prose) -> [MathSpan] {
    scan(prose).formulas
  }

  /// A code span in the prose: its content between the backticks and where that starts.
  package struct CodeSpan: Hashable, Sendable {
    package var content: String
    package var line: Int
    package var column: Int
  }

  /// The prose's code spans outside code blocks, in order (the scan that finds formulas must
  /// step over them anyway).
  package static func codeSpans(in prose: Prose) -> [CodeSpan] {
    scan(prose).codeSpans
  }

  private static func scan(_ prose: Prose) -> (formulas: [MathSpan], codeSpans: [CodeSpan]) {
    var codeSpans: [CodeSpan] = []
    let bytes = Array(prose.markdown.utf8)
    let blocks = ProseBlockMap(markdown: prose.markdown)
    var spans: [MathSpan] = []
    var lineStarts = [0]
    for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
      lineStarts.append(index + 1)
    }
    func location(of offset: Int) -> (line: Int, column: Int) {
      var low = 0
      var high = lineStarts.count - 1
      while low < high {
        let middle = (low + high + 1) / 2
        if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
      }
      return (prose.line + low, offset - lineStarts[low] + 1)
    }
    func byteRange(ofLines lines: ClosedRange<Int>) -> Range<Int> {
      let start = lineStarts[min(lines.lowerBound - 1, lineStarts.count - 1)]
      let end = lines.upperBound < lineStarts.count ? lineStarts[lines.upperBound] : bytes.count
      return start..<max(start, end)
    }

    // Math blocks and the code/HTML regions where `$` means nothing.
    var skipped: [Range<Int>] = []
    for block in blocks.literalBlocks {
      let range = byteRange(ofLines: block.lines)
      skipped.append(range)
      if block.isMath, let contentLine = block.contentFirstLine {
        let contentStart = byteRange(ofLines: contentLine...contentLine).lowerBound
        let place = location(of: contentStart)
        let firstColumn = place.column + block.contentIndent
        spans.append(
          MathSpan(
            tex: block.literal, display: true, isFencedBlock: true, range: range, line: place.line,
            column: firstColumn))
      }
    }
    skipped.sort { $0.lowerBound < $1.lowerBound }

    let backtickRuns = BacktickRuns(bytes: bytes)
    var index = 0
    var nextSkip = 0
    while index < bytes.count {
      if nextSkip < skipped.count, index >= skipped[nextSkip].lowerBound {
        index = max(index, skipped[nextSkip].upperBound)
        nextSkip += 1
        continue
      }
      let limit = nextSkip < skipped.count ? skipped[nextSkip].lowerBound : bytes.count
      switch bytes[index] {
      case UInt8(ascii: "\\"):
        index += 2
      case UInt8(ascii: "`"):
        let end = endOfCodeSpan(startingAt: index, in: bytes, limit: limit, runs: backtickRuns)
        var ticks = 0
        while index + ticks < bytes.count, bytes[index + ticks] == UInt8(ascii: "`") { ticks += 1 }
        if end > index + ticks {
          let place = location(of: index + ticks)
          codeSpans.append(
            CodeSpan(
              content: String(decoding: bytes[(index + ticks)..<(end - ticks)], as: UTF8.self),
              line: place.line, column: place.column))
        }
        index = end
      case UInt8(ascii: "$"):
        if let span = formula(at: index, in: bytes, limit: limit) {
          let place = location(of: span.texRange.lowerBound)
          let tex = String(decoding: bytes[span.texRange], as: UTF8.self)
          spans.append(
            MathSpan(
              tex: tex, display: span.display, range: span.whole, line: place.line,
              column: place.column))
          index = span.whole.upperBound
        } else {
          index += bytes[index..<min(limit, index + 2)] == [36, 36] ? 2 : 1
        }
      default:
        index += 1
      }
    }
    return (spans.sorted { $0.range.lowerBound < $1.range.lowerBound }, codeSpans)
  }

  /// After a run of backticks at `start`: the index past the code span it opens, or past the
  /// run itself when no run of the same length closes it (then the backticks are literal).
  private static func endOfCodeSpan(
    startingAt start: Int, in bytes: [UInt8], limit: Int, runs: BacktickRuns
  ) -> Int {
    var runEnd = start
    while runEnd < limit, bytes[runEnd] == UInt8(ascii: "`") { runEnd += 1 }
    return runs.closingEnd(length: runEnd - start, after: runEnd, limit: limit) ?? runEnd
  }

  /// Where a text's backtick runs start, by length, and where its paragraphs end: a code span's
  /// closing run is then a binary search away. Scanning forward from every opener instead (as a
  /// first version did) is quadratic on runs that never close, e.g. "`e``e```e...".
  private struct BacktickRuns {
    /// The starts of maximal backtick runs, ascending, by run length.
    var startsByLength: [Int: [Int]] = [:]
    /// The newlines that a blank line follows, ascending: a code span never crosses one.
    var paragraphBreaks: [Int] = []

    init(bytes: [UInt8]) {
      var index = 0
      while index < bytes.count {
        if bytes[index] == UInt8(ascii: "`") {
          var end = index
          while end < bytes.count, bytes[end] == UInt8(ascii: "`") { end += 1 }
          startsByLength[end - index, default: []].append(index)
          index = end
        } else {
          if MathScanner.isBlankLine(at: index, in: bytes, limit: bytes.count) {
            paragraphBreaks.append(index)
          }
          index += 1
        }
      }
    }

    /// The end of the first run of `length` backticks that starts at or after `position`, before
    /// the paragraph ends and before `limit`.
    func closingEnd(length: Int, after position: Int, limit: Int) -> Int? {
      guard let starts = startsByLength[length] else { return nil }
      let stop = min(limit, Self.first(in: paragraphBreaks, atLeast: position) ?? limit)
      guard let start = Self.first(in: starts, atLeast: position), start < stop else { return nil }
      return start + length
    }

    /// The first element of an ascending array that is at least `value`.
    private static func first(in sorted: [Int], atLeast value: Int) -> Int? {
      var low = 0
      var high = sorted.count
      while low < high {
        let middle = (low + high) / 2
        if sorted[middle] < value { low = middle + 1 } else { high = middle }
      }
      return low < sorted.count ? sorted[low] : nil
    }
  }

  /// Whether a blank line starts right after the newline at `index` (paragraphs end there).
  fileprivate static func isBlankLine(at index: Int, in bytes: [UInt8], limit: Int) -> Bool {
    guard bytes[index] == UInt8(ascii: "\n") else { return false }
    var next = index + 1
    while next < limit, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") {
      next += 1
    }
    return next >= limit || bytes[next] == UInt8(ascii: "\n")
  }

  private struct Found {
    var whole: Range<Int>
    var texRange: Range<Int>
    var display: Bool
  }

  /// The formula opened by the `$` at `start`, if the rules make one.
  private static func formula(at start: Int, in bytes: [UInt8], limit: Int) -> Found? {
    let dollar = UInt8(ascii: "$")
    let display = start + 1 < limit && bytes[start + 1] == dollar
    let contentStart = start + (display ? 2 : 1)
    guard contentStart < limit else { return nil }
    if !display, isSpace(bytes[contentStart]) { return nil }
    var index = contentStart
    while index < limit {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\") {
        index += 2
        continue
      }
      if isBlankLine(at: index, in: bytes, limit: limit) { return nil }
      if byte == dollar {
        if display {
          // A lone `$` inside display math is part of it.
          guard index + 1 < limit, bytes[index + 1] == dollar else {
            index += 1
            continue
          }
          guard index > contentStart else { return nil }
          return Found(whole: start..<(index + 2), texRange: contentStart..<index, display: true)
        }
        let before = bytes[index - 1]
        let after = index + 1 < limit ? bytes[index + 1] : nil
        if !isSpace(before), !(after.map(isDigit) ?? false), index > contentStart {
          return Found(whole: start..<(index + 1), texRange: contentStart..<index, display: false)
        }
        // Not a closer here; an inline formula never contains a bare `$`.
        return nil
      }
      index += 1
    }
    return nil
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
  }

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}
