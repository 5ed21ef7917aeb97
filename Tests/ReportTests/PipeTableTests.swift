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

extension PipeTableTests {
  @Test func cellsKeepInlineMarkupAfterOtherBlocksWereRewritten() throws {
    let html = try CommonMarkSpecTests.render(
      "> [!NOTE]\n> Note.\n\n```math\nx\n```\n\n| a |\n|---|\n| **b** |\n", unsafeHTML: false)
    #expect(html.contains("<td><strong>b</strong></td>"))
  }
}
