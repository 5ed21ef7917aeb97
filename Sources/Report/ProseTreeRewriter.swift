internal import CCmark
import Notebook

/// Rewrites cmark's tree before rendering, for the blocks CommonMark does not know:
/// ```` ```math ```` blocks become MathML, paragraphs holding a pipe table become tables and
/// quotes starting with `[!NOTE]` (GitHub's callouts) become callouts.
///
/// Each replacement is a custom block whose HTML is written as is (cmark never filters custom
/// blocks), so only HTML we generate goes there; cell text goes through cmark like any prose.
struct ProseTreeRewriter {
  /// The Markdown's lines, as UTF-8, to read a paragraph's source back.
  let lines: [Substring]
  let unsafeHTML: Bool
  /// Images are looked up next to the notebook.
  let notebookPath: String

  /// Labelled figures and tables, for `@fig-...` links.
  let numberedItems: [String: NumberedItem]

  /// Values of the inline expressions by index.
  let inlineValues: [Int: InlineValue]

  init(
    markdown: String, unsafeHTML: Bool, notebookPath: String,
    numberedItems: [String: NumberedItem] = [:], inlineValues: [Int: InlineValue] = [:]
  ) {
    self.inlineValues = inlineValues
    lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    self.unsafeHTML = unsafeHTML
    self.notebookPath = notebookPath
    self.numberedItems = numberedItems
  }

  func rewrite(_ root: OpaquePointer) {
    // Before any block is replaced: replacements have no line numbers.
    let references = referenceDefinitions(root)
    for block in Self.nodes(
      in: root,
      where: { node in
        cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK && Self.language(of: node) == "math"
      })
    {
      let tex = cmark_node_get_literal(block).map { String(cString: $0) } ?? ""
      Self.replace(block, withHTML: MathPlaceholders.html(tex: tex, display: true))
    }
    for image in Self.nodes(in: root, where: { cmark_node_get_type($0) == CMARK_NODE_IMAGE }) {
      embed(image)
    }
    let inlineCode = Self.nodes(in: root) { node in
      cmark_node_get_type(node) == CMARK_NODE_CODE
        && cmark_node_get_literal(node).map {
          InlineExpression.expression(inCodeSpan: String(cString: $0)) != nil
        } ?? false
    }
    for (index, code) in inlineCode.enumerated() {
      showValue(inlineValues[index], for: code)
    }
    if !numberedItems.isEmpty {
      for text in Self.nodes(in: root, where: { cmark_node_get_type($0) == CMARK_NODE_TEXT }) {
        linkCrossReferences(in: text)
      }
    }
    // Paragraphs that lost a callout marker line, which their line numbers still include.
    var markerParagraphs: Set<OpaquePointer> = []
    for quote in Self.nodes(in: root, where: { cmark_node_get_type($0) == CMARK_NODE_BLOCK_QUOTE })
    {
      if let paragraph = makeCallout(quote) { markerParagraphs.insert(paragraph) }
    }
    let paragraphsWithPipes = Self.nodes(in: root) { node in
      cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH
        && cmark_node_get_end_line(node) > cmark_node_get_start_line(node)
    }
    guard !paragraphsWithPipes.isEmpty else { return }
    let inline = InlineMarkdown(references: references, unsafeHTML: unsafeHTML)
    for paragraph in paragraphsWithPipes {
      var source = sourceLines(of: paragraph)
      if markerParagraphs.contains(paragraph) { source.removeFirst() }
      guard let (leading, table) = PipeTable.find(inParagraph: source) else { continue }
      var html = ""
      if leading > 0 {
        html += "<p>" + inline.render(source[0..<leading].joined(separator: "\n")) + "</p>\n"
      }
      html += PipeTableHTML.render(table, inline: inline)
      Self.replace(paragraph, withHTML: html)
    }
  }

  /// Replaces an image by an `<img>` whose source is the file's data URI. An image that cannot
  /// be embedded keeps cmark's rendering; `nudge check` says why it was not embedded.
  private func embed(_ image: OpaquePointer) {
    let url = cmark_node_get_url(image).map { String(cString: $0) } ?? ""
    guard case .success(let dataURI) = ProseImage.dataURI(for: url, notebookPath: notebookPath)
    else { return }
    let title = cmark_node_get_title(image).map { String(cString: $0) } ?? ""
    let alt = ProseRenderer.plainText(of: image)
    let titleAttribute = title.isEmpty ? "" : " title=\"\(title.htmlEscaped)\""
    let html = "<img src=\"\(dataURI)\" alt=\"\(alt.htmlEscaped)\"\(titleAttribute)>"
    Self.replace(image, withHTML: html, inline: true)
  }

  /// Puts an inline expression's value where its code span was; without a value (the notebook
  /// did not run) the code stays, and an error shows as the code marked as failed.
  private func showValue(_ value: InlineValue?, for code: OpaquePointer) {
    let literal = cmark_node_get_literal(code).map { String(cString: $0) } ?? ""
    let expression = InlineExpression.expression(inCodeSpan: literal) ?? literal
    let html: String
    switch value {
    case nil: return
    case .value(let text):
      html =
        "<span class=\"inline-value\" title=\"\(expression.htmlEscaped)\">\(text.htmlEscaped)</span>"
    case .error(let message):
      html =
        "<code class=\"inline-error\" title=\"\(message.htmlEscaped)\">\(expression.htmlEscaped)</code>"
    }
    Self.replace(code, withHTML: html, inline: true)
  }

  /// Splits a text node around its `@fig-...`/`@tbl-...` references to labelled items, each
  /// becoming a link "Figure 2" to the item (unknown labels stay text: `nudge check` reports them).
  private func linkCrossReferences(in text: OpaquePointer) {
    var ancestor = cmark_node_parent(text)
    while let current = ancestor {
      if cmark_node_get_type(current) == CMARK_NODE_LINK { return }
      ancestor = cmark_node_parent(current)
    }
    let bytes = Array((cmark_node_get_literal(text).map { String(cString: $0) } ?? "").utf8)
    let references = CrossReferenceScanner.labels(inLine: bytes).filter {
      numberedItems[$0.0] != nil
    }
    guard let first = references.first else { return }
    cmark_node_set_literal(text, String(decoding: bytes[..<first.1], as: UTF8.self))
    var last = text
    var cursor = first.1
    for (label, offset) in references {
      if offset > cursor, let between = cmark_node_new(CMARK_NODE_TEXT) {
        cmark_node_set_literal(between, String(decoding: bytes[cursor..<offset], as: UTF8.self))
        cmark_node_insert_after(last, between)
        last = between
      }
      guard let item = numberedItems[label], let link = cmark_node_new(CMARK_NODE_CUSTOM_INLINE)
      else { continue }
      cmark_node_set_on_enter(
        link, "<a class=\"xref\" href=\"#\(label.htmlEscaped)\">\(item.name)</a>")
      cmark_node_set_on_exit(link, "")
      cmark_node_insert_after(last, link)
      last = link
      cursor = offset + 1 + label.utf8.count
    }
    if cursor < bytes.count, let rest = cmark_node_new(CMARK_NODE_TEXT) {
      cmark_node_set_literal(rest, String(decoding: bytes[cursor..<bytes.count], as: UTF8.self))
      cmark_node_insert_after(last, rest)
    }
  }

  /// Turns a quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or
  /// `[!CAUTION]` into a titled callout holding the rest of the quote. Returns the first
  /// paragraph when text follows the marker in it.
  private func makeCallout(_ quote: OpaquePointer) -> OpaquePointer? {
    guard let paragraph = cmark_node_first_child(quote),
      cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
      let firstLine = sourceLines(of: paragraph).first,
      let kind = Callout(marker: firstLine)
    else { return nil }
    // Drop the marker's inline nodes, up to and including the line break after it.
    while let inline = cmark_node_first_child(paragraph) {
      let type = cmark_node_get_type(inline)
      cmark_node_unlink(inline)
      cmark_node_free(inline)
      if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK { break }
    }
    var remaining: OpaquePointer? = paragraph
    if cmark_node_first_child(paragraph) == nil {
      cmark_node_unlink(paragraph)
      cmark_node_free(paragraph)
      remaining = nil
    }
    guard let callout = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return remaining }
    cmark_node_set_on_enter(callout, kind.openingHTML)
    cmark_node_set_on_exit(callout, "</div>")
    while let child = cmark_node_first_child(quote) {
      cmark_node_unlink(child)
      cmark_node_append_child(callout, child)
    }
    if cmark_node_replace(quote, callout) != 0 {
      cmark_node_free(quote)
    } else {
      cmark_node_free(callout)
    }
    return remaining
  }

  /// A paragraph's source lines without the `>` markers of the quotes it is in.
  private func sourceLines(of paragraph: OpaquePointer) -> [Substring] {
    let first = Int(cmark_node_get_start_line(paragraph))
    let last = Int(cmark_node_get_end_line(paragraph))
    guard first >= 1, last >= first, last <= lines.count else { return [] }
    var quoteDepth = 0
    var ancestor = cmark_node_parent(paragraph)
    while let current = ancestor {
      // A callout is a quote that became a custom block.
      let type = cmark_node_get_type(current)
      if type == CMARK_NODE_BLOCK_QUOTE || type == CMARK_NODE_CUSTOM_BLOCK { quoteDepth += 1 }
      ancestor = cmark_node_parent(current)
    }
    let column = max(0, Int(cmark_node_get_start_column(paragraph)) - 1)
    var result: [Substring] = []
    for number in first...last {
      var line = lines[number - 1]
      if number == first {
        line = Substring(line.utf8.dropFirst(column))
      } else {
        for _ in 0..<quoteDepth {
          let afterIndent = line.drop(while: { $0 == " " })
          guard afterIndent.first == ">" else { break }
          line = afterIndent.dropFirst()
          if line.first == " " { line = line.dropFirst() }
        }
      }
      result.append(line)
    }
    return result
  }

  /// The link reference definitions of the document: the non-blank lines no top-level block
  /// covers (cmark consumes definitions without leaving a node), so table cells can use them.
  private func referenceDefinitions(_ root: OpaquePointer) -> String {
    var covered = [Bool](repeating: false, count: lines.count + 1)
    var node = cmark_node_first_child(root)
    while let current = node {
      let first = Int(cmark_node_get_start_line(current))
      let last = Int(cmark_node_get_end_line(current))
      if first >= 1, last >= first {
        for number in first...min(last, lines.count) { covered[number] = true }
      }
      node = cmark_node_next(current)
    }
    var definitions: [Substring] = []
    for (index, line) in lines.enumerated()
    where !covered[index + 1] && line.contains(where: { !$0.isWhitespace }) {
      definitions.append(line)
    }
    return definitions.joined(separator: "\n")
  }

  /// The nodes of the tree that satisfy `predicate`, in document order (collected before any
  /// is changed, since changing the tree invalidates an iterator).
  private static func nodes(in root: OpaquePointer, where predicate: (OpaquePointer) -> Bool)
    -> [OpaquePointer]
  {
    var found: [OpaquePointer] = []
    guard let iterator = cmark_iter_new(root) else { return found }
    defer { cmark_iter_free(iterator) }
    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
      guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
        let node = cmark_iter_get_node(iterator), predicate(node)
      else { continue }
      found.append(node)
    }
    return found
  }

  /// The first word of a code block's info string.
  static func language(of node: OpaquePointer) -> Substring? {
    guard let info = cmark_node_get_fence_info(node) else { return nil }
    return String(cString: info).split(whereSeparator: { $0 == " " || $0 == "\t" }).first
  }

  /// Puts a custom block (or inline) rendering `html` where `node` was, and frees `node`.
  static func replace(_ node: OpaquePointer, withHTML html: String, inline: Bool = false) {
    guard
      let replacement = cmark_node_new(inline ? CMARK_NODE_CUSTOM_INLINE : CMARK_NODE_CUSTOM_BLOCK)
    else { return }
    cmark_node_set_on_enter(replacement, html)
    cmark_node_set_on_exit(replacement, "")
    if cmark_node_replace(node, replacement) != 0 {
      cmark_node_free(node)
    } else {
      cmark_node_free(replacement)
    }
  }
}
