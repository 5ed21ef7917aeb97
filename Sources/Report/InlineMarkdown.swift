internal import CCmark

/// Renders a snippet of Markdown (a table cell) as inline HTML, with the document's link
/// reference definitions available and raw HTML treated as in the rest of the prose.
struct InlineMarkdown {
  var references: String
  var unsafeHTML: Bool

  /// The snippet's HTML without the paragraph around it. Text that would start a block
  /// (`1. item`, `# title`, `> quote`) stays text: cells hold inline content only.
  func render(_ text: String) -> String {
    if let html = renderParagraph(text) { return html }
    return renderParagraph(Self.escapingBlockStart(text)) ?? text.htmlEscaped
  }

  private func renderParagraph(_ text: String) -> String? {
    guard !text.isEmpty else { return "" }
    guard let root = ProseRenderer.parse(text + "\n\n" + references) else { return nil }
    defer { cmark_node_free(root) }
    guard let paragraph = cmark_node_first_child(root),
      cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH,
      cmark_node_next(paragraph) == nil
    else { return nil }
    if !unsafeHTML { ProseRenderer.escapeRawHTML(in: root) }
    let html = ProseRenderer.renderHTML(
      paragraph, options: unsafeHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT)
    guard html.hasPrefix("<p>"), html.hasSuffix("</p>\n") else { return nil }
    return String(html.dropFirst(3).dropLast(5))
  }

  /// The text with a backslash before the character that makes it a block: the first one, or
  /// the `.`/`)` after an ordered list's number.
  private static func escapingBlockStart(_ text: String) -> String {
    let digits = text.prefix(while: \.isASCIIDigit)
    if !digits.isEmpty, let marker = text.dropFirst(digits.count).first,
      marker == "." || marker == ")"
    {
      return digits + "\\" + text.dropFirst(digits.count)
    }
    return "\\" + text
  }
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
