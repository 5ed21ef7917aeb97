internal import CCmark

/// The block structure of a run of prose, as cmark parses it: where its code and raw HTML
/// blocks are (no math or tables inside those) and which fenced blocks are ```` ```math ````.
struct ProseBlockMap {
  struct LiteralBlock {
    /// 1-based lines of the prose, fences included.
    var lines: ClosedRange<Int>
    var isMath: Bool
    var literal: String
    /// For a fenced block, the line of its first content line.
    var contentFirstLine: Int?
    /// The content's indentation in bytes (the fence's column minus one).
    var contentIndent: Int
  }

  /// An image's destination and the first line of the block it is in.
  struct Image {
    var url: String
    var blockLine: Int
  }

  private(set) var literalBlocks: [LiteralBlock] = []
  private(set) var images: [Image] = []

  init(markdown: String) {
    var bytes = Array(markdown.utf8)
    let length = bytes.count
    bytes.append(0)
    let root = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        chars.baseAddress.flatMap { cmark_parse_document($0, length, CMARK_OPT_DEFAULT) }
      }
    }
    guard let root, let iterator = cmark_iter_new(root) else { return }
    let lines = markdown.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    defer {
      cmark_iter_free(iterator)
      cmark_node_free(root)
    }
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
        let node = cmark_iter_get_node(iterator)
      else { continue }
      let type = cmark_node_get_type(node)
      if type == CMARK_NODE_IMAGE {
        var block = cmark_node_parent(node)
        while let current = block, cmark_node_get_start_line(current) == 0 {
          block = cmark_node_parent(current)
        }
        images.append(
          Image(
            url: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
            blockLine: block.map { Int(cmark_node_get_start_line($0)) } ?? 1))
        continue
      }
      guard type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK else { continue }
      let first = Int(cmark_node_get_start_line(node))
      let last = max(first, Int(cmark_node_get_end_line(node)))
      let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
      let column = max(0, Int(cmark_node_get_start_column(node)) - 1)
      let opening: [UInt8] = first <= lines.count ? Array(lines[first - 1].dropFirst(column)) : []
      let isFenced =
        type == CMARK_NODE_CODE_BLOCK
        && (opening.starts(with: Array("```".utf8)) || opening.starts(with: Array("~~~".utf8)))
      let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first
      literalBlocks.append(
        LiteralBlock(
          lines: first...last, isMath: isFenced && language == "math",
          literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
          contentFirstLine: isFenced ? first + 1 : nil,
          contentIndent: column))
    }
  }
}
