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

    var backtickRuns = BacktickRuns(bytes)
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
        var ticks = 0
        while index + ticks < limit, bytes[index + ticks] == UInt8(ascii: "`") { ticks += 1 }
        let end = backtickRuns.closer(length: ticks, after: index, limit: limit) ?? index + ticks
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

  /// Whether a blank line starts right after the newline at `index` (paragraphs end there).
  fileprivate static func isBlankLine(at index: Int, in bytes: [UInt8], limit: Int) -> Bool {
    guard bytes[index] == UInt8(ascii: "\n") else { return false }
    var next = index + 1
    while next < limit, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") {
      next += 1
    }
    return next >= limit || bytes[next] == UInt8(ascii: "\n")
  }

  /// The backtick runs of a text, found once, so that finding where each code span closes
  /// takes linear time overall rather than a scan to the paragraph's end per opening run.
  private struct BacktickRuns {
    /// Start offsets of the runs of each length, ascending.
    private var starts: [Int: [Int]] = [:]
    /// How far each length's list has been passed (openings are looked up in text order).
    private var cursors: [Int: Int] = [:]
    /// Offsets of the line ends that start a blank line, ascending: paragraphs end there.
    private var blankLines: [Int] = []

    init(_ bytes: [UInt8]) {
      var index = 0
      while index < bytes.count {
        if bytes[index] == UInt8(ascii: "`") {
          let start = index
          while index < bytes.count, bytes[index] == UInt8(ascii: "`") { index += 1 }
          starts[index - start, default: []].append(start)
          continue
        }
        if MathScanner.isBlankLine(at: index, in: bytes, limit: bytes.count) {
          blankLines.append(index)
        }
        index += 1
      }
    }

    /// How many blank lines come before `offset`: equal counts share a paragraph.
    private func paragraph(of offset: Int) -> Int {
      var low = 0
      var high = blankLines.count
      while low < high {
        let middle = (low + high) / 2
        if blankLines[middle] < offset { low = middle + 1 } else { high = middle }
      }
      return low
    }

    /// The end of the run of `length` backticks that closes a code span opened at `opening`, if
    /// one follows in the same paragraph before `limit`.
    mutating func closer(length: Int, after opening: Int, limit: Int) -> Int? {
      guard let candidates = starts[length] else { return nil }
      var cursor = cursors[length] ?? 0
      while cursor < candidates.count, candidates[cursor] <= opening { cursor += 1 }
      cursors[length] = cursor
      guard cursor < candidates.count else { return nil }
      let start = candidates[cursor]
      guard start + length <= limit, paragraph(of: start) == paragraph(of: opening) else {
        return nil
      }
      return start + length
    }
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
