import Foundation
import Notebook
import Testing

@testable import Directives

/// A string or array past the run's value limit is an error where it is asked for, whatever the
/// way it grows; a value whose text is far larger than itself prints cut short.
@Suite struct ValueLimitTests {
  static let limit = 1 << 20
  static let tooLarge = "is beyond the limit of 1.0 MB for one value; build it in smaller parts"

  func run(_ sources: String...) throws -> [CellResult] {
    let session = try makeSession(valueLimit: Self.limit)
    return sources.enumerated().map { index, source in
      session.evaluate(makeCell(source, index: index, line: 10 * (index + 1)))
    }
  }

  @Test func doublingAStringStopsAtTheLimit() throws {
    let results = try run(
      "var s = \"ab\"\nfor _ in 0..<40 { s = s + s }",
      "var t = \"ab\"\nfor _ in 0..<40 { t += t }",
      "var u = \"ab\"\nfor _ in 0..<40 { u = \"\\(u)\\(u)\" }",
      "print(s.count, t.count, u.count)")
    // 2 MiB asked for, at the operator or the interpolated string.
    #expect(failure(results[0]) == "nb.md:11:25: error: a string of 2.1 MB \(Self.tooLarge)")
    #expect(failure(results[1]) == "nb.md:21:19: error: a string of 2.1 MB \(Self.tooLarge)")
    #expect(failure(results[2]) == "nb.md:31:23: error: a string of 2.1 MB \(Self.tooLarge)")
    // Each keeps the last value that fitted: 1 MiB.
    #expect(printed(results[3]) == "1048576 1048576 1048576\n")
  }

  @Test func growingAnArrayStopsAtTheLimit() throws {
    let elements = ValueLimits.maximumElements(Self.limit)
    let results = try run(
      "var a = [1, 2]\nfor _ in 0..<40 { a = a + a }",
      "var b: [Double] = []\nwhile true { b.append(1.5) }",
      "var c = [[1]]\nwhile true { c[0].append(2) }",
      "let d = Array(repeating: 0.5, count: \(elements + 1))",
      "print(a.count, b.count, c[0].count)")
    #expect(failure(results[0])?.hasPrefix("nb.md:11:25: error: an array of ") == true)
    #expect(failure(results[0])?.hasSuffix(Self.tooLarge) == true)
    for (index, line) in [(1, "nb.md:21:16"), (2, "nb.md:31:19")] {
      #expect(failure(results[index])?.hasPrefix("\(line): error: an array of ") == true)
      #expect(failure(results[index])?.hasSuffix(Self.tooLarge) == true)
    }
    #expect(
      failure(results[3])
        == "nb.md:40:38: error: an array of \(elements + 1) elements \(Self.tooLarge)")
    // Doubling keeps the last array that fitted; appending fills up to the limit (the storage
    // may round up a little), never twice over.
    var doubled = 2
    while doubled * 2 <= elements { doubled *= 2 }
    let counts = printed(results[4]).split(separator: " ").compactMap {
      Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    #expect(counts.count == 3)
    #expect(counts.first == doubled)
    for count in counts.dropFirst() {
      #expect(count >= elements && count < elements + elements / 8)
    }
  }

  @Test func editingAndRepeatingStopAtTheLimit() throws {
    let elements = ValueLimits.maximumElements(Self.limit)
    let results = try run(
      "var a = [1]\nwhile true { a.append(contentsOf: a) }",
      "var b = [1]\nwhile true { b.insert(0, at: 0) }",
      "var s = \"ab\"\nwhile true { s.append(s) }",
      "let r = String(repeating: \"ab\", count: \(Self.limit))",
      "let f = [Array(repeating: 1, count: \(elements / 2 + 1))].flatMap { $0 + $0 }",
      "print(a.count <= \(elements), b.count <= \(elements), s.count)")
    for (index, line) in [(0, "nb.md:11:16"), (1, "nb.md:21:16")] {
      #expect(failure(results[index])?.hasPrefix("\(line): error: an array of ") == true)
      #expect(failure(results[index])?.hasSuffix(Self.tooLarge) == true)
    }
    #expect(failure(results[2]) == "nb.md:31:16: error: a string of 2.1 MB \(Self.tooLarge)")
    #expect(failure(results[3]) == "nb.md:40:40: error: a string of 2.1 MB \(Self.tooLarge)")
    #expect(failure(results[4])?.hasSuffix(Self.tooLarge) == true)
    #expect(printed(results[5]) == "true true 1048576\n")
  }

  @Test func growingADictionaryOrASetStopsAtTheLimit() throws {
    let entries = ValueLimits.maximumElements(Self.limit) / 4
    let results = try run(
      "var d: [Int: Int] = [:]\nvar i = 0\nwhile true {\n  d[i] = i\n  i += 1\n}",
      "var s: Set<Int> = []\nvar j = 0\nwhile true {\n  s.insert(j)\n  j += 1\n}",
      "print(d.count, s.count)")
    #expect(
      failure(results[0])
        == "nb.md:13:3: error: a dictionary of \(entries + 1) entries \(Self.tooLarge)")
    #expect(
      failure(results[1]) == "nb.md:23:5: error: a set of \(entries + 1) entries \(Self.tooLarge)")
    #expect(printed(results[2]) == "\(entries) \(entries)\n")
  }

  @Test func aValueSharingItsPartsPrintsCutShort() throws {
    let results = try evaluate(
      "var a: [Any] = [1]\nfor _ in 0..<40 { a = [a, a] }\nlet text = \"\\(a)\"\nprint(text.count <= \(ValueLimits.maximumTextBytes + 1), text.hasSuffix(\"…\"), text.hasPrefix(\"[[[[[[[[[[[[\"))"
    )
    #expect(failure(results[0]) == nil)
    #expect(printed(results[0]) == "true true true\n")
  }
}
