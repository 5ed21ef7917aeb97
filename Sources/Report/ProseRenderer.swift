internal import CCmark
import Notebook
import Plot

/// A heading of the notebook's prose, for the table of contents.
package struct Heading: Hashable, Sendable {
  package var level: Int
  package var text: String
  /// The `id` attribute given to the heading, unique in the page.
  package var anchor: String
}

/// Renders a document's prose with cmark and splices in the cells' HTML where they stand.
///
/// All prose is parsed as one CommonMark document, so link reference definitions and other
/// document-wide constructs work across cells: each cell is replaced by an empty fenced block
/// with a private info string (a fence interrupts a paragraph exactly like the cell's own fence
/// did), and the renderer swaps those placeholders for the cells' HTML. Top-level headings get
/// `id`s for the table of contents. Unless `unsafeHTML` is set, raw HTML nodes are turned into
/// text before rendering, so they appear escaped, and cmark's safe mode drops `javascript:` and
/// similar URLs.
struct ProseRenderer {
  var options: ReportOptions
  /// Ids already used in the page (cell ids), so heading anchors never collide with them.
  var reservedAnchors: Set<String> = []
  /// Values of the inline expressions by index.
  var inlineValues: [Int: InlineValue] = [:]

  /// The article's HTML and its headings; `cellHTML` renders each cell in place.
  func render(_ document: Document, cellHTML: (Cell) -> String) -> (
    html: String, headings: [Heading]
  ) {
    let placeholder = "nudge-cell-\(UInt64.random(in: 0...UInt64.max))"
    var markdown = ""
    var cells: [Cell] = []
    var math = MathPlaceholders()
    for block in document.blocks {
      switch block {
      case .prose(let prose):
        markdown += math.substitute(in: prose)
        // A cell's placeholder fence must start on a line of its own.
        if !markdown.isEmpty, !markdown.hasSuffix("\n") { markdown += "\n" }
      case .cell(let cell):
        markdown += "```\(placeholder)\n```\n"
        cells.append(cell)
      }
    }

    guard let root = Self.parse(markdown) else { return ("", []) }
    defer { cmark_node_free(root) }
    if !options.unsafeHTML { Self.escapeRawHTML(in: root) }
    ProseTreeRewriter(
      markdown: markdown, unsafeHTML: options.unsafeHTML, notebookPath: document.path,
      numberedItems: document.numberedItems, inlineValues: inlineValues
    ).rewrite(root)
    let renderOptions = options.unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT

    var html = ""
    html.reserveCapacity(markdown.utf8.count + markdown.utf8.count / 4)
    var headings: [Heading] = []
    var anchors = Anchors(used: reservedAnchors)
    var nextCell = cells.makeIterator()
    var node = cmark_node_first_child(root)
    while let current = node {
      node = cmark_node_next(current)
      switch cmark_node_get_type(current) {
      case CMARK_NODE_CODE_BLOCK where Self.fenceInfo(of: current) == placeholder:
        if let cell = nextCell.next() { html += cellHTML(cell) }
      case CMARK_NODE_HEADING:
        let level = Int(cmark_node_get_heading_level(current))
        let text = math.plainText(Self.plainText(of: current))
        let anchor = anchors.make(from: text)
        headings.append(Heading(level: level, text: text, anchor: anchor))
        let rendered = Self.renderHTML(current, options: renderOptions)
        let openTag = "<h\(level)>"
        if rendered.hasPrefix(openTag) {
          html += "<h\(level) id=\"\(anchor)\">" + rendered.dropFirst(openTag.count)
        } else {
          html += rendered
        }
      default:
        html += Self.renderHTML(current, options: renderOptions)
      }
    }
    return (math.apply(to: html), headings)
  }

  static func parse(_ markdown: String) -> OpaquePointer? {
    var bytes = Array(markdown.utf8)
    let length = bytes.count
    bytes.append(0)
    return bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        chars.baseAddress.flatMap { cmark_parse_document($0, length, CMARK_OPT_DEFAULT) }
      }
    }
  }

  static func renderHTML(_ node: OpaquePointer, options: Int32) -> String {
    guard let rendered = cmark_render_html(node, options) else { return "" }
    defer { cmark_get_default_mem_allocator().pointee.free(rendered) }
    return String(cString: rendered)
  }

  private static func fenceInfo(of node: OpaquePointer) -> String? {
    cmark_node_get_fence_info(node).map { String(cString: $0) }
  }

  /// The heading's text without markup, for the table of contents and its anchor.
  static func plainText(of node: OpaquePointer) -> String {
    var text = ""
    guard let iterator = cmark_iter_new(node) else { return text }
    defer { cmark_iter_free(iterator) }
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
        let current = cmark_iter_get_node(iterator)
      else { continue }
      switch cmark_node_get_type(current) {
      case CMARK_NODE_TEXT, CMARK_NODE_CODE:
        text += cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
      case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
        text += " "
      default:
        break
      }
    }
    return text
  }

  /// Replaces raw HTML blocks by code blocks and inline raw HTML by text, so cmark escapes them.
  static func escapeRawHTML(in root: OpaquePointer) {
    var rawNodes: [OpaquePointer] = []
    if let iterator = cmark_iter_new(root) {
      while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
        guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
          let current = cmark_iter_get_node(iterator)
        else { continue }
        let type = cmark_node_get_type(current)
        if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
          rawNodes.append(current)
        }
      }
      cmark_iter_free(iterator)
    }
    for raw in rawNodes {
      let isBlock = cmark_node_get_type(raw) == CMARK_NODE_HTML_BLOCK
      guard let replacement = cmark_node_new(isBlock ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_TEXT)
      else { continue }
      cmark_node_set_literal(replacement, cmark_node_get_literal(raw))
      if isBlock { cmark_node_set_fence_info(replacement, "html") }
      if cmark_node_replace(raw, replacement) != 0 {
        cmark_node_free(raw)
      } else {
        // Could not swap (should not happen): drop the raw node rather than render it.
        cmark_node_free(replacement)
        cmark_node_unlink(raw)
        cmark_node_free(raw)
      }
    }
  }
}

/// Unique, readable `id`s made from heading text: "Mini-batch SGD" → "mini-batch-sgd".
struct Anchors {
  var used: Set<String>
  /// The next number to try for each slug, so many equal headings stay linear, not quadratic.
  var nextNumber: [String: Int] = [:]

  init(used: Set<String>) {
    self.used = used
  }

  mutating func make(from text: String) -> String {
    var slug = ""
    var pendingDash = false
    for character in text.lowercased() {
      if character.isLetter || character.isNumber || character == "_" {
        if pendingDash && !slug.isEmpty { slug += "-" }
        pendingDash = false
        slug.append(character)
      } else if character == " " || character == "-" || character == "." {
        pendingDash = true
      }
    }
    if slug.isEmpty { slug = "section" }
    var candidate = slug
    var number = nextNumber[slug] ?? 2
    while used.contains(candidate) {
      candidate = "\(slug)-\(number)"
      number += 1
    }
    nextNumber[slug] = number
    used.insert(candidate)
    return candidate
  }
}
