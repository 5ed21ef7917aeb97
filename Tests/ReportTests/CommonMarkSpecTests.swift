import Foundation
import Notebook
import Testing

@testable import Report

/// The CommonMark spec's 652 examples, each parsed as a notebook and rendered by the report.
@Suite("CommonMark spec through the notebook pipeline")
struct CommonMarkSpecTests {
  struct Example: Decodable {
    var markdown: String
    var html: String
    var example: Int
    var section: String
  }

  static let examples: [Example] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../TestData/commonmark/commonmark-spec-0.30.json").standardized
    guard let data = try? Data(contentsOf: url),
      let examples = try? JSONDecoder().decode([Example].self, from: data)
    else { return [] }
    return examples
  }()

  static func render(_ markdown: String, unsafeHTML: Bool) throws -> String {
    let document = try Document(parsing: markdown, path: "example.md")
    return HTMLReport(document: document, options: ReportOptions(unsafeHTML: unsafeHTML)).article()
      .html
  }

  /// Our heading anchors are the one deliberate addition to cmark's output.
  static func withoutHeadingAnchors(_ html: String) -> String {
    html.replacing(/<h([1-6]) id="[^"]*">/) { "<h\($0.output.1)>" }
  }

  @Test func allExamplesAreLoaded() {
    #expect(Self.examples.count == 652)
  }

  @Test func everyExampleRendersAsTheSpecSays() throws {
    var failures: [String] = []
    for example in Self.examples {
      let rendered = try Self.render(example.markdown, unsafeHTML: true)
      let ours = HTMLNormalizer.normalize(Self.withoutHeadingAnchors(rendered))
      let expected = HTMLNormalizer.normalize(example.html)
      if ours != expected {
        failures.append(
          "example \(example.example) (\(example.section)):\nexpected \(expected.debugDescription)\n     got \(ours.debugDescription)"
        )
      }
    }
    #expect(
      failures.isEmpty,
      "\(failures.count) examples differ:\n\(failures.prefix(10).joined(separator: "\n"))")
  }

  @Test func withRawHTMLSuppressedNoExampleCanRunScript() throws {
    var offenders: [Int] = []
    for example in Self.examples {
      let rendered = try Self.render(example.markdown, unsafeHTML: false)
      if ScriptScanner.findsScript(in: rendered) { offenders.append(example.example) }
    }
    #expect(offenders.isEmpty, "examples with script: \(offenders)")
    // The scanner itself must see what it is looking for.
    #expect(
      ScriptScanner.findsScript(in: try Self.render("<script>x()</script>\n", unsafeHTML: true)))
    #expect(
      ScriptScanner.findsScript(in: try Self.render("<a onclick=\"x()\">a</a>\n", unsafeHTML: true))
    )
  }
}

/// Finds what could run script in a page: a `<script` tag, an `on...=` event-handler attribute,
/// or a `javascript:` URL in an attribute.
enum ScriptScanner {
  static func findsScript(in html: String) -> Bool {
    for token in HTMLNormalizer.tokens(of: html)
    where token.hasPrefix("<") && !token.hasPrefix("<!--") {
      let lowered = token.lowercased()
      if lowered.hasPrefix("<script") { return true }
      for attribute in HTMLNormalizer.splitAttributes(String(lowered.dropFirst().dropLast()))
        .dropFirst()
      {
        let name = attribute.prefix(while: { $0 != "=" })
        if name.hasPrefix("on") { return true }
        let value = attribute.drop(while: { $0 != "=" }).dropFirst().trimmingCharacters(
          in: CharacterSet(charactersIn: "\"' "))
        if value.hasPrefix("javascript:") { return true }
      }
    }
    return false
  }
}
