import Foundation
import Notebook
import Testing

@testable import Report

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

extension ProseExtensionTests {
  @Test func aFormulaInAnAttributeBecomesItsTeX() throws {
    let html = try Self.render("![area $\\pi r^2$](missing.png)\n")
    #expect(html.contains("alt=\"area \\pi r^2\""))
    #expect(!html.contains("alt=\"area <math"))
  }
}
