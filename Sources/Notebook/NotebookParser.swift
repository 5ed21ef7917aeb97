internal import CCmark

extension Document {
  /// Reads and parses the notebook at `path`.
  /// - Throws: `Diagnostic` (with file, line and column) for anything that makes the notebook
  ///   unusable: an unreadable or non-text file, malformed front matter, a bad cell option, a
  ///   `swift` cell whose fence is never closed.
  package static func load(path: String) throws(Diagnostic) -> Document {
    try NotebookParser.parse(NotebookSource(contentsOf: path))
  }

  /// Parses notebook text already in memory; `path` is only used in diagnostics.
  package init(parsing text: String, path: String) throws(Diagnostic) {
    self = try NotebookParser.parse(NotebookSource(text: text, path: path))
  }
}

/// Turns a notebook's text into a `Document`: front matter with Yams, then the Markdown body with
/// cmark, whose top-level `swift` fenced blocks become cells and everything else stays prose.
///
/// Only top-level fences are cells: a `swift` block inside a list or quote is an example in the
/// prose. cmark's tree is walked once, the few facts needed are copied into Swift values, and the
/// tree is freed before any of them is interpreted.
package enum NotebookParser {
  /// The first word of a fenced block's info string that makes it a cell.
  package static let cellLanguage = "swift"

  package static func parse(_ source: NotebookSource) throws(Diagnostic) -> Document {
    let frontMatter = try FrontMatter(parsing: source)
    let bodyLines = source.lines.dropFirst(frontMatter.bodyFirstLine - 1)
    let lineOffset = frontMatter.bodyFirstLine - 1
    let fences = CellFence.find(in: bodyLines.joined(separator: "\n"), lineOffset: lineOffset)

    var blocks: [Block] = []
    var uses = Uses()
    var nextProseLine = frontMatter.bodyFirstLine
    var cellCount = 0
    for fence in fences {
      appendProse(from: nextProseLine, upTo: fence.openingLine, of: source, to: &blocks)
      let cell = try makeCell(from: fence, index: cellCount, in: source)
      cellCount += 1
      // A cell without a name is `cellN`: a cell named so elsewhere would share its metrics,
      // series and cache entries.
      for (value, noun, plural, inUse) in [
        (
          cell.id, cell.options.name == nil ? "default cell name" : "cell name", "names",
          \Uses.names
        ),
        (cell.options.label, "label", "labels", \Uses.labels),
      ] {
        guard let value else { continue }
        if let earlier = uses[keyPath: inUse][value] {
          throw source.diagnostic(
            "\(noun) '\(value)' is already used by the cell at line \(earlier); \(plural) must be unique",
            line: cell.fenceLine, column: fence.column)
        }
        uses[keyPath: inUse][value] = cell.fenceLine
      }
      blocks.append(.cell(cell))
      nextProseLine = fence.closingLine + 1
    }
    appendProse(from: nextProseLine, upTo: source.lines.count + 1, of: source, to: &blocks)
    return Document(
      path: source.path, title: frontMatter.title, params: frontMatter.params, blocks: blocks)
  }

  /// The cell names and labels seen so far, with the line of the cell that has each.
  private struct Uses {
    var names: [String: Int] = [:]
    var labels: [String: Int] = [:]
  }

  /// Adds notebook lines `first..<end` as prose, unless they are all blank.
  private static func appendProse(
    from first: Int, upTo end: Int, of source: NotebookSource, to blocks: inout [Block]
  ) {
    let range = max(0, first - 1)..<min(source.lines.count, end - 1)
    guard !range.isEmpty else { return }
    let lines = source.lines[range]
    guard lines.contains(where: { !$0.allSatisfy(\.isWhitespace) }) else { return }
    blocks.append(.prose(Prose(markdown: lines.joined(separator: "\n") + "\n", line: first)))
  }

  private static func makeCell(from fence: CellFence, index: Int, in source: NotebookSource)
    throws(Diagnostic) -> Cell
  {
    guard fence.isClosed(in: source) else {
      let marker = fence.openingMarker(in: source)
      throw source.diagnostic(
        "unterminated cell: the '\(marker)' fence opened here is never closed; add a closing '\(marker)' line after the cell's code",
        line: fence.openingLine, column: fence.column)
    }
    var codeLines = fence.literal.split(separator: "\n", omittingEmptySubsequences: false)
    if codeLines.last == "" { codeLines.removeLast() }
    let (options, optionCount) = try CellOptionsParser(source: source).parse(
      codeLines, firstLine: fence.openingLine + 1)
    return Cell(
      index: index, options: options,
      source: codeLines.dropFirst(optionCount).joined(separator: "\n"),
      sourceLine: fence.openingLine + 1 + optionCount, sourceColumn: fence.column,
      fenceLine: fence.openingLine)
  }
}

/// A top-level `swift` fenced block as cmark saw it, copied out of the C tree.
struct CellFence {
  /// Notebook line of the opening fence.
  var openingLine: Int
  /// Notebook line where cmark ended the block: the closing fence, or the last line of the
  /// file when the fence is never closed.
  var closingLine: Int
  /// 1-based UTF-8 column of the fence's first character.
  var column: Int
  /// The block's content with the fence's indentation removed, as cmark computed it.
  var literal: String

  /// Parses `markdown` (the notebook's body, whose first line is notebook line
  /// `lineOffset + 1`) and returns its top-level `swift` fences in order.
  static func find(in markdown: String, lineOffset: Int) -> [CellFence] {
    var fences: [CellFence] = []
    var utf8 = Array(markdown.utf8)
    utf8.append(0)
    guard
      let root = utf8.withUnsafeBufferPointer({ buffer in
        buffer.baseAddress.map { pointer in
          pointer.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
            cmark_parse_document($0, buffer.count - 1, CMARK_OPT_DEFAULT)
          }
        } ?? nil
      })
    else { return [] }
    defer { cmark_node_free(root) }
    var node = cmark_node_first_child(root)
    while let current = node {
      if cmark_node_get_type(current) == CMARK_NODE_CODE_BLOCK,
        let info = cmark_node_get_fence_info(current).map({ String(cString: $0) }),
        info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first
          == Substring(NotebookParser.cellLanguage)
      {
        fences.append(
          CellFence(
            openingLine: Int(cmark_node_get_start_line(current)) + lineOffset,
            closingLine: Int(cmark_node_get_end_line(current)) + lineOffset,
            column: Int(cmark_node_get_start_column(current)),
            literal: cmark_node_get_literal(current).map { String(cString: $0) } ?? ""))
      }
      node = cmark_node_next(current)
    }
    return fences
  }

  /// Whether cmark ended the block at a real closing fence rather than at the end of the file
  /// (CommonMark allows the latter; for a cell it is almost always a mistake).
  func isClosed(in source: NotebookSource) -> Bool {
    let openingRun = openingMarker(in: source)
    guard let fenceCharacter = openingRun.first, closingLine > openingLine else { return false }
    let closing = source.line(closingLine).trimmingTrailingSpaces.drop(while: { $0 == " " })
    return closing.count >= openingRun.count && closing.allSatisfy { $0 == fenceCharacter }
  }

  /// The opening fence's characters, e.g. "```" or "~~~~".
  func openingMarker(in source: NotebookSource) -> Substring {
    let opening = source.line(openingLine).drop(while: { $0 == " " })
    return opening.prefix(while: { $0 == opening.first })
  }
}
