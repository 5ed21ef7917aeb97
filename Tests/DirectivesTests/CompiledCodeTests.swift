import Foundation
import Notebook
import Testing

@testable import Directives

/// The compiler's faster paths (literal operands, unboxed calls, reused frames, number
/// conversions) give the same results and the same errors as the general code.
@Suite struct CompiledCodeTests {
  func value(_ source: String) throws -> String? { try shown(evaluate(source)[0]) }
  func error(_ source: String) throws -> String? { try failure(evaluate(source)[0]) }

  @Test func literalOperandsKeepOverflowAndDivisionErrors() throws {
    #expect(
      try value("let n = 17\n[n + 1, n - 1, n * 2, n / 5, n % 7, n / -1, n % -1]")
        == "[18, 16, 34, 3, 3, -17, 0]")
    #expect(
      try value("let n = 17\n[n < 2, n <= 17, n > 17, n >= 17, n == 17, n != 17]")
        == "[false, true, false, true, true, false]")
    #expect(
      try error("let m = Int.max\nm + 1")
        == "nb.md:11:3: error: arithmetic overflow: '9223372036854775807 + 1' does not fit in an Int"
    )
    #expect(
      try error("let m = Int.min\nm / -1")
        == "nb.md:11:3: error: arithmetic overflow: '-9223372036854775808 / -1' does not fit in an Int"
    )
    #expect(try error("let n = 3\nn % 0") == "nb.md:11:3: error: division by zero")
    #expect(try error("let n = 3\nn / 0") == "nb.md:11:3: error: division by zero")
    #expect(try value("let x = 3.0\n[x * 0.5, x + 1, x - 1, x / 2]") == "[1.5, 4.0, 2.0, 1.5]")
    #expect(try value("let x = 3.0\n[x < 2, x > 2.5, x == 3]") == "[false, true, true]")
  }

  @Test func appendingWithPlusEqualsKeepsValueSemantics() throws {
    // `+=` on arrays and strings appends in place; copies made before keep their value.
    #expect(
      try value(
        """
        var a = [1]
        let b = a
        a += [2, 3]
        var s = "ab"
        let t = s
        s += "cd"
        var m = [[1.0], [2.0]]
        let n = m
        m[1] += [5]
        var d = ["k": "x"]
        d["k", default: ""] += "y"
        var any: [Any] = [1]
        any += ["two"]
        (a, b, s, t, m, n, d, any.count)
        """)
        == #"([1, 2, 3], [1], "abcd", "ab", [[1.0], [2.0, 5.0]], [[1.0], [2.0]], ["k": "xy"], 2)"#)
  }

  @Test func numberConversionsMatchTheDirectives() throws {
    #expect(try value("let i = 3\nlet x = -2.7\n[Double(i), Double(x)]") == "[3.0, -2.7]")
    #expect(try value("let x = -2.7\n[Int(x), Int(2)]") == "[-2, 2]")
    #expect(
      try error("let x = Double.nan\nlet n = Int(x)")
        == "nb.md:11:13: error: nan cannot be converted to an Int")
  }

  @Test func sessionVariablesAreReadAndWrittenUnboxed() throws {
    let results = try evaluate(
      "var total = 0\nvar sum = 0.5\nfor i in 0..<10 {\n  total += i % 7\n  sum = sum + 1\n}",
      "[Double(total), sum]")
    #expect(results[0].error == nil)
    #expect(shown(results[1]) == "[24.0, 10.5]")
  }

  @Test func variablesChangedInOneStepKeepTheirTypesAndErrors() throws {
    // Slots of a function's frame.
    #expect(
      try value(
        "func f() -> [Int] {\n  var xs: [Int] = []\n  var total = 0\n  var scale = 1.5\n  for i in 0..<5 {\n    xs.append(i)\n    total += i\n    scale *= 2\n  }\n  total -= 1\n  xs.append(total)\n  xs.append(Int(scale))\n  return xs\n}\nf()"
      ) == "[0, 1, 2, 3, 4, 9, 48]")
    // Session variables: an Int added to a Double stays a Double.
    #expect(
      try value("var x = 1.0\nx += 2\nx -= 0.5\nvar ys = [1.5]\nys.append(2)\n[x] + ys")
        == "[2.5, 1.5, 2.0]")
    #expect(
      try error("var m = Int.max\nm += 1")
        == "nb.md:11:1: error: arithmetic overflow: '9223372036854775807 + 1' does not fit in an Int"
    )
    #expect(
      try error("func g() -> Int {\n  var m = Int.min\n  m *= 2\n  return m\n}\ng()")
        == "nb.md:12:3: error: arithmetic overflow: '-9223372036854775808 * 2' does not fit in an Int"
    )
  }

  @Test func reusedFramesKeepEachCallsLocalsApart() throws {
    // Each level of the recursion has a local of its own, though frames are reused.
    #expect(
      try value(
        "func sum(_ n: Int) -> Int {\n  var total = n\n  if n > 0 { total += sum(n - 1) }\n  return total\n}\n[sum(100), sum(3)]"
      ) == "[5050, 6]")
    // A function that makes closures gets a fresh frame per call: each closure keeps its own.
    #expect(
      try value(
        "func adder(_ k: Int) -> (Int) -> Int { { $0 + k } }\nlet add2 = adder(2)\nlet add3 = adder(3)\n[add2(10), add3(10)]"
      ) == "[12, 13]")
    // A call that failed leaves nothing behind for the next.
    let results = try evaluate(
      "func inverse(_ n: Int) -> Int { 100 / n }", "inverse(0)", "[inverse(5), inverse(50)]")
    #expect(failure(results[1]) == "nb.md:10:37: error: division by zero")
    #expect(shown(results[2]) == "[20, 2]")
  }

  @Test func singleExpressionFunctionsConvertTheirResult() throws {
    #expect(try value("func half(_ n: Int) -> Double { n }\nhalf(3) / 2") == "1.5")
    #expect(
      try value("func big(_ x: Double) -> Bool { x > 1 }\n[1.5, 0.5].map(big)") == "[true, false]")
    #expect(try value("func twice(_ x: Any) -> Any { x }\ntwice(\"a\")") == "\"a\"")
  }

  @Test func parsedCellsAreKeptByTextAndPlace() throws {
    // The same text twice, on other lines: each error names its own line.
    let results = try evaluate("let a = 1\nlet b = a +", "let a = 1\nlet b = a +")
    #expect(failure(results[0])?.hasPrefix("nb.md:11:") == true)
    #expect(failure(results[1])?.hasPrefix("nb.md:21:") == true)
  }

  @Test func valuesStaySmall() {
    // Every slot read and write copies a Value: payloads beyond two words must be `indirect`.
    #expect(MemoryLayout<Value>.size <= 17)
  }
}

/// Ctrl-C (the run's stop flag) ends a cell that would not end by itself, wherever it spins.
@Suite struct InterruptTests {
  func interrupted(_ source: String) throws -> String? {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // The time limit is a safety net: without the stop flag the error would name it instead.
    let session = try Session(
      file: "nb.md", params: [], notebookDirectory: directory,
      outputDirectory: directory + "/output",
      options: EvaluationOptions(cellTimeout: 30, shouldStop: { true }))
    return failure(session.evaluate(makeCell(source)))
  }

  @Test func aTightLoopStops() throws {
    #expect(try interrupted("var n = 0\nwhile true { n += 1 }") == "nb.md:11:1: error: interrupted")
    #expect(
      try interrupted("var n = 0\nfor i in 0..<Int.max { n = i }")
        == "nb.md:11:1: error: interrupted")
  }

  @Test func recursionAndClosuresOverLargeArraysStop() throws {
    #expect(
      try interrupted("func spin(_ n: Int) -> Int { spin(n + 1) }\nspin(0)")?.hasSuffix(
        "error: interrupted") == true)
    #expect(
      try interrupted("let ys = Array(repeating: 1, count: 100_000).map { $0 + 1 }")
        == "nb.md:10:46: error: interrupted")
  }
}
