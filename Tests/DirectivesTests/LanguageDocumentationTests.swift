import Foundation
import Notebook
import Testing

@testable import Directives

/// Every example in docs/language.md runs as a cell and prints the output written after it.
@Suite struct LanguageDocumentationTests {
  /// The `swift` blocks of the page with the `output` block after each.
  static func examples(in text: String) -> [(source: String, output: String)] {
    var examples: [(String, String)] = []
    var kind: String?
    var lines: [String] = []
    var pendingSource: String?
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if let current = kind {
        if line == "```" {
          let body = lines.joined(separator: "\n")
          if current == "swift" {
            pendingSource = body
          } else if current == "output", let source = pendingSource {
            examples.append((source, body + "\n"))
            pendingSource = nil
          }
          kind = nil
          lines = []
        } else {
          lines.append(String(line))
        }
      } else if line.hasPrefix("```") {
        kind = String(line.dropFirst(3))
      }
    }
    return examples
  }

  @Test func everyExampleRunsAndPrintsItsOutput() throws {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("docs/language.md").path
    let examples = Self.examples(in: try String(contentsOfFile: path, encoding: .utf8))
    #expect(examples.count >= 7)
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let session = try makeSession(directory: directory)
    for (index, example) in examples.enumerated() {
      let result = session.evaluate(makeCell(example.source, index: index))
      #expect(result.error == nil, "example \(index + 1): \(failure(result) ?? "")")
      #expect(printed(result) == example.output, "example \(index + 1)")
    }
  }
}
