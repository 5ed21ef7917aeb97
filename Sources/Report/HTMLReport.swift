import Foundation
import Notebook
import Plot

/// The self-contained HTML page for a notebook: its header (title, run facts, params), a table
/// of contents, the prose rendered by cmark, each cell's highlighted source and outputs, and an
/// inline stylesheet. Nothing in the page is loaded from elsewhere.
///
/// Callers only pass values in:
/// ```swift
/// let page = HTMLReport(document: document, results: resultsByCellIndex, run: summary).html()
/// ```
package struct HTMLReport: Sendable {
  package var document: Document
  /// Results keyed by `Cell.index`; cells without one are shown as source only.
  package var results: [Int: CellResult]
  package var run: RunSummary?
  package var options: ReportOptions
  /// Values of the prose's inline expressions, keyed by `InlineExpression.index`; an expression
  /// without one shows as its code.
  package var inlineValues: [Int: InlineValue] = [:]

  package init(
    document: Document, results: [Int: CellResult] = [:], run: RunSummary? = nil,
    options: ReportOptions = ReportOptions()
  ) {
    self.document = document
    self.results = results
    self.run = run
    self.options = options
  }

  /// The page title: the front matter's `title`, else the notebook's file name without `.md`.
  package var title: String {
    if let title = document.title, !title.isEmpty { return title }
    return Self.stem(of: document.path)
  }

  /// The notebook file's name without folders and extension: "notebooks/backprop.md" → "backprop".
  package static func stem(of path: String) -> String {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
    return String(name[..<dot])
  }

  /// The prose and cells as HTML (no page around them) and the headings found in the prose.
  package func article() -> (html: String, headings: [Heading]) {
    let numberedItems = document.numberedItems
    let cellAnchors = Set(document.cells.map(Self.anchor(for:)) + numberedItems.keys)
    var renderer = ProseRenderer(options: options, reservedAnchors: cellAnchors)
    renderer.inlineValues = inlineValues
    return renderer.render(document) { cellHTML($0, numberedItems: numberedItems) }
  }

  /// The opening of every page Nudge makes, up to the page's own `<head>` content.
  package static let documentStart = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="Nudge">

    """

  /// The whole page.
  package func html() -> String {
    let (article, headings) = article()
    var page = Self.documentStart
    // Belt and braces: even if some markup slipped through, the browser runs no script. Raw
    // HTML the author passes through (--unsafe-html) may show images and media from elsewhere,
    // and runs only the inline scripts the author named by hash (--allow-script).
    let sources = options.unsafeHTML ? "data: 'self' https:" : "data: 'self'"
    // Scripts only by name: the hashes the author allowed (`--allow-script`), else none.
    let hashes = options.allowedScripts.filter { source in
      source.hasPrefix("'sha256-") && source.hasSuffix("'")
        && source.dropFirst(8).dropLast().allSatisfy {
          $0.isASCII && ($0.isLetter || $0.isNumber || "+/=".contains($0))
        }
    }
    let scripts = hashes.isEmpty ? "'none'" : hashes.joined(separator: " ")
    page +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src \(sources); media-src \(sources); script-src \(scripts); base-uri 'none'; form-action 'none'\">\n"
    page +=
      "<title>\(title.htmlEscaped)</title>\n<style>\n\(Stylesheet.css)</style>\n</head>\n<body>\n"
    let tableOfContents = tableOfContentsHTML(headings)
    page += "<div class=\"page\(tableOfContents.isEmpty ? " no-toc" : "")\">\n"
    page += tableOfContents
    page += "<main>\n\(headerHTML())<article class=\"prose\">\n\(article)</article>\n"
    page +=
      "<footer class=\"colophon\">Rendered by Nudge from <code>\(document.path.htmlEscaped)</code>.</footer>\n"
    page += "</main>\n</div>\n</body>\n</html>\n"
    return page
  }

  // MARK: - Header

  private func headerHTML() -> String {
    var html = "<header class=\"masthead\">\n"
    html += "<p class=\"eyebrow\">Notebook · <code>\(document.path.htmlEscaped)</code></p>\n"
    html += "<h1 class=\"title\">\(title.htmlEscaped)</h1>\n"
    var facts: [String] = []
    if let status = run?.status {
      facts.append("<span class=\"badge \(status.rawValue)\">\(status.rawValue)</span>")
    }
    if let date = run?.date { facts.append("<span>\(date.htmlEscaped)</span>") }
    for detail in run?.details ?? [] {
      facts.append(
        "<span><span class=\"fact-label\">\(detail.label.htmlEscaped)</span> \(detail.value.htmlEscaped)</span>"
      )
    }
    let cells = document.cells
    if !cells.isEmpty {
      facts.append("<span>\(cells.count) cell\(cells.count == 1 ? "" : "s")</span>")
    }
    if !facts.isEmpty { html += "<p class=\"run-facts\">\(facts.joined(separator: " "))</p>\n" }
    html += paramsHTML()
    return html + "</header>\n"
  }

  private func paramsHTML() -> String {
    let params = run?.params ?? document.params
    guard !params.isEmpty else { return "" }
    let defaults = Dictionary(
      document.params.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
    var html =
      "<table class=\"params\"><caption>Parameters</caption><thead><tr><th scope=\"col\">name</th><th scope=\"col\">value</th><th scope=\"col\">type</th></tr></thead><tbody>"
    for param in params {
      var value = "<code>\(param.value.description.htmlEscaped)</code>"
      if let original = defaults[param.name], original != param.value {
        value +=
          " <span class=\"overridden\">(notebook: <code>\(original.description.htmlEscaped)</code>)</span>"
      }
      html +=
        "<tr><th scope=\"row\"><code>\(param.name.htmlEscaped)</code></th><td>\(value)</td><td>\(param.value.typeName)</td></tr>"
    }
    return html + "</tbody></table>\n"
  }

  private func tableOfContentsHTML(_ headings: [Heading]) -> String {
    let entries = headings.filter { $0.level <= 3 }
    guard entries.count >= 2 else { return "" }
    let top = entries.map(\.level).min() ?? 1
    var html =
      "<nav class=\"toc\" aria-label=\"Contents\">\n<p class=\"toc-title\">Contents</p>\n<ol>\n"
    for heading in entries {
      html +=
        "<li class=\"toc-depth-\(heading.level - top)\"><a href=\"#\(heading.anchor)\">\(heading.text.htmlEscaped)</a></li>\n"
    }
    return html + "</ol>\n</nav>\n"
  }

  // MARK: - Cells

  static func anchor(for cell: Cell) -> String { "cell-\(cell.id)" }

  private func cellHTML(_ cell: Cell, numberedItems: [String: NumberedItem]) -> String {
    let result = results[cell.index]
    let status = result?.status
    var html =
      "<section class=\"cell\(result.map { " cell-\(Self.badgeClass($0))" } ?? "")\" id=\"\(Self.anchor(for: cell).htmlEscaped)\">\n"
    if cell.options.echo || status == .failed {
      html += cellBar(cell, result: result)
      html += CellPresentation.source(
        "<pre class=\"source\"><code class=\"language-swift\">\(SwiftHighlighter.html(for: cell.source))</code></pre>\n",
        options: cell.options)
    }
    let outputs = CellPresentation.visibleOutputs(result?.outputs ?? [], options: cell.options)
    if !outputs.isEmpty {
      html += CellPresentation.outputs(
        "<div class=\"outputs\">\n\(OutputRenderer.html(for: outputs))</div>\n",
        label: cell.options.label, items: numberedItems)
    }
    return html + "</section>\n"
  }

  private func cellBar(_ cell: Cell, result: CellResult?) -> String {
    var html = "<div class=\"cell-bar\">"
    html +=
      "<span class=\"cell-name\">\((cell.options.name ?? "cell \(cell.index + 1)").htmlEscaped)</span>"
    html += "<span class=\"cell-line\">line \(cell.fenceLine)</span>"
    var chips: [String] = []
    if !cell.options.eval { chips.append("eval: false") }
    if cell.options.error { chips.append("error: true") }
    if !cell.options.cache { chips.append("cache: false") }
    for chip in chips { html += "<span class=\"chip\">\(chip)</span>" }
    if let result {
      let label =
        switch result.status {
        case .ok: result.cached ? "cached" : "ok"
        case .failed: "failed"
        case .interrupted: "interrupted"
        case .skipped, .notRun: "not run"
        }
      html += "<span class=\"badge \(Self.badgeClass(result))\">\(label)</span>"
      if result.ran {
        html += "<span class=\"cell-time\">\(Self.duration(result.seconds))</span>"
      }
    }
    return html + "</div>\n"
  }

  /// The style of a cell's badge and section: cached cells get their own colour, cells that did
  /// not run look alike whatever the reason.
  private static func badgeClass(_ result: CellResult) -> String {
    switch result.status {
    case .ok: result.cached ? "cached" : "ok"
    case .failed: "failed"
    case .interrupted: "interrupted"
    case .skipped, .notRun: "skipped"
    }
  }

  /// "0.42 s", "12.3 s", "2 min 5 s".
  static func duration(_ seconds: Double) -> String {
    if seconds < 0.01 { return "<0.01 s" }
    if seconds < 10 { return String(format: "%.2f s", seconds) }
    if seconds < 60 { return String(format: "%.1f s", seconds) }
    let whole = Int(seconds.rounded())
    return "\(whole / 60) min \(whole % 60) s"
  }
}
