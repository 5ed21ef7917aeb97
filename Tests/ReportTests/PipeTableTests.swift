import Foundation
import Notebook
import Testing

@testable import Report

/// The table examples of the GFM spec through the notebook pipeline.
@Suite("GFM pipe tables")
struct PipeTableTests {
  struct Example: Decodable, CustomTestStringConvertible {
    var markdown: String
    var html: String
    var needs: [String]
    var testDescription: String { markdown }
  }

  struct Examples: Decodable {
    var examples: [Example]
  }

  static let examples: [Example] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../TestData/gfm/gfm-tables.json").standardized
    guard let data = try? Data(contentsOf: url),
      let file = try? JSONDecoder().decode(Examples.self, from: data)
    else { return [] }
    return file.examples
  }()

  @Test func allExamplesAreLoaded() {
    #expect(Self.examples.count == 16)
  }

  @Test(arguments: examples)
  func rendersAsGFMDoes(_ example: Example) throws {
    var ours = HTMLNormalizer.normalize(
      try CommonMarkSpecTests.render(
        example.markdown, unsafeHTML: example.needs.contains("raw-html")))
    var expected = HTMLNormalizer.normalize(example.html)
    if example.needs.contains("autolink-extension") {
      // Plain cmark makes no links of bare URLs; compare everything else.
      let anchors = /<a href="[^"]*">([^<]*)<\/a>/
      ours = ours.replacing(anchors) { String($0.output.1) }
      expected = expected.replacing(anchors) { String($0.output.1) }
    }
    #expect(ours == expected)
  }

  @Test func tablesInsideQuotesAndWithMath() throws {
    let html = try CommonMarkSpecTests.render(
      "> | x | $x^2$ |\n> |---|--:|\n> | 2 | 4 |\n", unsafeHTML: false)
    #expect(html.contains("<blockquote>\n<table>"))
    #expect(html.contains("<th align=\"right\"><math>"))
    #expect(html.contains("<td align=\"right\">4</td>"))
  }
}

@Suite("Callouts, formulas and math blocks in the report")
struct ProseExtensionTests {
  static func render(_ markdown: String) throws -> String {
    try CommonMarkSpecTests.render(markdown, unsafeHTML: false)
  }

  @Test(arguments: ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"])
  func calloutsAreTitledBoxes(_ kind: String) throws {
    let html = try Self.render("> [!\(kind)]\n> Mind the *gap*.\n>\n> More.\n")
    let lower = kind.lowercased()
    #expect(html.contains("<div class=\"callout callout-\(lower)\""))
    #expect(
      html.contains(
        "<p class=\"callout-title\">\(kind.prefix(1) + kind.dropFirst().lowercased())</p>"))
    #expect(html.contains("<p>Mind the <em>gap</em>.</p>"))
    #expect(html.contains("<p>More.</p>"))
    #expect(!html.contains("[!"))
    #expect(!html.contains("<blockquote>"))
  }

  @Test func anOrdinaryQuoteOrUnknownKindStaysAQuote() throws {
    #expect(try Self.render("> [!NOPE]\n> text\n").contains("<blockquote>"))
    #expect(try Self.render("> [!NOTE] and more\n").contains("<blockquote>"))
  }

  @Test func formulasBecomeMathMLOutsideCode() throws {
    let html = try Self.render("Let $a_{1} * b_{2} * c$ and `$x$`.\n\n$$\\{1, 2\\}$$\n")
    #expect(html.contains("<p>Let <math><semantics>"))
    #expect(html.contains("<code>$x$</code>"))
    #expect(!html.contains("<em>"))
    #expect(html.contains("<math display=\"block\">"))
    #expect(!html.contains("<p><math display=\"block\">"))
    #expect(html.contains("<mo>{</mo><mn>1</mn>"))
  }

  @Test func mathBlocksAndBrokenFormulas() throws {
    let html = try Self.render("```math\nx^2\n```\n\nBad: $\\nope$.\n")
    #expect(
      html.contains("<math display=\"block\"><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup>"))
    #expect(
      html.contains(
        "<code class=\"math-error\" title=\"unknown command &#39;\\nope&#39;\">$\\nope$</code>"))
  }

  @Test func headingsWithFormulasKeepTheirTeXInTheContents() throws {
    let document = try Document(parsing: "# About $\\alpha$\n", path: "x.md")
    let article = HTMLReport(document: document, options: ReportOptions()).article()
    #expect(article.headings.map(\.text) == ["About \\alpha"])
    #expect(article.html.contains("<mi>α</mi>"))
  }
}

@Suite("Images in the report")
struct ReportImageTests {
  @Test func imagesNextToTheNotebookAreEmbedded() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("nudge-report-images-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8).write(
      to: folder.appendingPathComponent("a b.svg"))
    let document = try Document(
      parsing: "![A *shape*](a%20b.svg \"Shape\") ![gone](none.png)\n",
      path: folder.appendingPathComponent("n.md").path)
    let html = HTMLReport(document: document, options: ReportOptions()).article().html
    #expect(
      html.contains(
        "<img src=\"data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=\" alt=\"A shape\" title=\"Shape\">"
      ))
    #expect(html.contains("<img src=\"none.png\" alt=\"gone\" />"))
  }
}
