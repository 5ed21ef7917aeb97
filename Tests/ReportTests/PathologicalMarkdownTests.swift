import Foundation
import Notebook
import Testing

@testable import Report

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// cmark's own pathological inputs (its `test/pathological_tests.py`), through the notebook parser
/// and the report: the work grows linearly with the input. Each case times a size n and 4n by
/// this thread's processor time (other processes do not count) and compares with the growth of
/// the input's bytes: linear work takes about 4 times as long for 4 times the bytes, quadratic
/// work 16; the bound of 9 leaves room for noise and allocation effects.
@Suite("Pathological Markdown renders in linear time")
struct PathologicalMarkdownTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var size: Int
    var make: @Sendable (Int) -> String
    var testDescription: String { name }
  }

  static func repeated(_ piece: String, _ n: Int) -> String {
    String(repeating: piece, count: n)
  }

  static let cases: [Case] = [
    Case(name: "nested strong emphasis", size: 2_000) {
      repeated("*a **a ", $0) + "b" + repeated(" a** a*", $0)
    },
    Case(name: "emphasis closers without openers", size: 10_000) { repeated("a_ ", $0) },
    Case(name: "emphasis openers without closers", size: 10_000) { repeated("_a ", $0) },
    Case(name: "mismatched openers and closers", size: 10_000) { repeated("*a_ ", $0) },
    Case(name: "openers and closers, multiple of 3", size: 10_000) {
      "a**b" + repeated("c* ", $0)
    },
    Case(name: "link closers without openers", size: 10_000) { repeated("a]", $0) },
    Case(name: "link openers without closers", size: 10_000) { repeated("[a", $0) },
    Case(name: "link openers and emphasis closers", size: 10_000) { repeated("[ a_", $0) },
    Case(name: "unclosed inline links <", size: 5_000) { repeated("[a](<b", $0) },
    Case(name: "unclosed inline links", size: 5_000) { repeated("[a](b", $0) },
    Case(name: "nested brackets", size: 5_000) { repeated("[", $0) + "a" + repeated("]", $0) },
    Case(name: "nested block quotes", size: 2_000) { repeated("> ", $0) + "a\n" },
    Case(name: "deeply nested lists", size: 300) { n in
      (0..<n).map { String(repeating: " ", count: 2 * $0) + "* a\n" }.joined()
    },
    Case(name: "backtick runs of growing length", size: 400) { n in
      (1..<n).map { "e" + String(repeating: "`", count: $0) }.joined()
    },
    Case(name: "unclosed HTML comments and declarations", size: 5_000) {
      repeated("a <!A ", $0) + repeated("a <?x ", $0) + repeated("a <![CDATA[ ", $0)
    },
    // The prose extensions scan the same text for formulas and code spans.
    Case(name: "dollar signs that open no formula", size: 10_000) { repeated("$$a $ b$ $", $0) },
    Case(name: "many link reference definitions used once", size: 2_000) { n in
      (0..<n).map { "[r\($0)]: /u\($0)\n" }.joined() + "\n" + (0..<n).map { "[r\($0)] " }.joined()
    },
  ]

  /// This thread's processor time in seconds.
  static func threadSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// The least time of three for parsing `text` as a notebook and rendering its page.
  static func renderSeconds(_ text: String) throws -> Double {
    var best = Double.infinity
    for _ in 0..<3 {
      let start = threadSeconds()
      let document = try Document(parsing: text, path: "pathological.md")
      let html = HTMLReport(document: document).html()
      best = min(best, threadSeconds() - start)
      #expect(html.contains("pathological") && html.hasSuffix("</html>\n"), "a whole page")
    }
    return best
  }

  @Test("n and 4n take time in proportion to their bytes", arguments: cases)
  func scalesLinearly(_ pathological: Case) throws {
    let (smallText, largeText) = (
      pathological.make(pathological.size), pathological.make(4 * pathological.size)
    )
    let small = try Self.renderSeconds(smallText)
    let large = try Self.renderSeconds(largeText)
    // Some inputs grow faster than n (nested indentation): compare time per byte.
    let byteRatio = Double(largeText.utf8.count) / Double(smallText.utf8.count)
    // Below a millisecond the clock's resolution dominates; such a size is too small to judge.
    #expect(small > 0.0005, "size \(pathological.size) takes \(small) s: too fast to compare")
    #expect(
      large / small < 2.25 * byteRatio,
      "\(pathological.name): \(small) s for \(smallText.utf8.count) bytes, \(large) s for \(largeText.utf8.count)"
    )
  }
}
