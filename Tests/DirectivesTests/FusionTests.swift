import Testing

@testable import Directives

/// The fused forms of `ProgramCompiler+Fusion.swift` give the results and the errors (at the
/// same line and column) of the general code they stand in for.
@Suite struct FusionTests {
  func run(_ sources: String...) throws -> String { try printedAndErrors(of: sources) }

  @Test func aComparisonOfALocalWithALiteralChoosesTheTernarysBranch() throws {
    let text = try run(
      """
      func pick(_ n: Int) -> [Int] {
        [n < 2 ? 1 : 0, n <= 2 ? 1 : 0, n > 2 ? 1 : 0, n >= 2 ? 1 : 0, n == 2 ? 1 : 0,
         n != 2 ? 1 : 0, n < 2 ? n : -n, n < 2 ? -n : n]
      }
      print(pick(1), pick(2), pick(3))
      """)
    #expect(
      text
        == "[1, 1, 0, 0, 0, 1, 1, -1] [0, 1, 0, 1, 1, 0, -2, 2] [0, 0, 1, 1, 0, 1, -3, 3]\n")
  }

  @Test func recursiveCallsWithALocalPlusOrMinusALiteralGiveTheirResults() throws {
    let text = try run(
      """
      func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
      func fact(_ n: Int) -> Int { n <= 1 ? 1 : n * fact(n - 1) }
      func count(_ n: Int) -> Int { n >= 10 ? 0 : 1 + count(n + 1) }
      func differences(_ n: Int) -> Int { n == 0 ? 0 : differences(n - 1) - differences(n - 1) }
      print(fib(20), fact(20), count(3), differences(5))
      """)
    #expect(text == "6765 2432902008176640000 7 0\n")
  }

  @Test func anOverflowInAWrittenArgumentIsReportedAtItsOperator() throws {
    let text = try run(
      "func up(_ n: Int) -> Int { n > 0 ? up(n + 9223372036854775807) : 0 }\nprint(up(1))")
    #expect(
      text
        == "nb.md:10:41: error: arithmetic overflow: '1 + 9223372036854775807' does not fit in an Int\n"
    )
  }

  @Test func anOverflowOfTwoCallsOrOfALocalAndACallIsReportedAtItsOperator() throws {
    let text = try run(
      "func big(_ n: Int) -> Int { n == 0 ? 9223372036854775807 : big(n - 1) + big(n - 1) }\nprint(big(1))",
      "func fact(_ n: Int) -> Int { n <= 1 ? 1 : n * fact(n - 1) }\nprint(fact(21))")
    #expect(
      text
        == """
        nb.md:10:71: error: arithmetic overflow: '9223372036854775807 + 9223372036854775807' does not fit in an Int
        nb.md:20:45: error: arithmetic overflow: '21 * 2432902008176640000' does not fit in an Int

        """)
  }

  @Test func fusedRecursionTooDeepIsAnErrorAtTheCall() throws {
    let text = try run(
      "func deep(_ n: Int) -> Int { n < 0 ? 0 : deep(n + 1) + deep(n + 1) }\nprint(deep(0))",
      "print(deep(-1))")
    #expect(
      text
        == "nb.md:10:42: error: too much recursion: more than 10000 nested calls (a function that never stops calling itself?)\n0\n"
    )
  }

  @Test func updatingByALocalWithALiteralKeepsBothOverflowErrors() throws {
    let text = try run(
      "var total = 0\nfor i in 0..<10 { total += i % 7 }\nprint(total)",
      "var t = 9223372036854775806\nfor i in 0..<3 { t += i % 7 }",
      "var u = 0\nfor i in 1..<3 { u -= i * 4611686018427387904 }",
      "var v = 0\nfor i in 0..<3 { v += i % 0 }")
    #expect(
      text
        == """
        24
        nb.md:21:18: error: arithmetic overflow: '9223372036854775807 + 2' does not fit in an Int
        nb.md:31:25: error: arithmetic overflow: '2 * 4611686018427387904' does not fit in an Int
        nb.md:41:25: error: division by zero

        """)
  }

  @Test func doubleLocalsAreReadInPlaceWithSwiftsResults() throws {
    let text = try run(
      """
      func all(_ x: Double, _ y: Double, _ n: Int) -> [Double] {
        [x + y, x - y, x * y, x / y, x + 1, x * 0.5, y - x, Double(n) + x, x + 2 * y]
      }
      func tests(_ x: Double, _ y: Double) -> [Bool] { [x < y, x <= y, x > y, x >= y, x == y, x != y, x > 1000] }
      print(all(7, 2, 3), tests(1.5, 2.5), [1.0, 2.0, 3.0].reduce(0, +), [1.0, 2.0].map { $0 * 0.5 })
      """,
      "func ratio(_ x: Double, _ y: Double) -> Double { x / y }\nprint(ratio(1, 0), ratio(-1, 0))")
    #expect(
      text
        == """
        [9.0, 5.0, 14.0, 3.5, 8.0, 3.5, -5.0, 10.0, 11.0] [true, true, false, false, false, true, false] 6.0 [0.5, 1.0]
        inf -inf

        """)
  }

  @Test func aBodyOfIfsThatEachReturnRunsAsOneExpression() throws {
    let text = try run(
      """
      func fib(_ n: Int) -> Int {
        if n < 2 { return n }
        return fib(n - 1) + fib(n - 2)
      }
      func sign(_ x: Double) -> String {
        if x < 0 { return "negative" } else if x == 0 { return "zero" } else { return "positive" }
      }
      func grade(_ n: Int) -> Int { if n > 90 { return 1 }; if n > 50 { return 2 }; return 3 }
      func parsed(_ s: String) -> Int { if let n = Int(s) { return n }; return -1 }
      print(fib(20), sign(-1), sign(0), sign(2), grade(95), grade(60), grade(10), parsed("7"), parsed("x"))
      """,
      "func h(_ n: Int) -> Int { if n == 0 { return 10 / n }; return n }\nprint(h(1), h(0))",
      "func f(_ n: Int) -> Int { if n < 2 { return \"a\" }; return n }\nprint(f(1))")
    #expect(
      text
        == """
        6765 negative zero positive 1 2 3 7 -1
        nb.md:20:49: error: division by zero
        nb.md:30:45: error: cannot convert return expression of type 'String' to return type 'Int'

        """)
  }

  @Test func twoIntLocalsAreReadInPlaceWithTheSameResultsAndErrors() throws {
    let text = try run(
      """
      func compare(_ a: Int, _ b: Int) -> [Bool] {
        [a < b, a <= b, a > b, a >= b, a == b, a != b, a + 1 < b * 2]
      }
      func combine(_ a: Int, _ b: Int) -> [Int] { [a + b, a - b, a * b, a / b, a % b] }
      print(compare(2, 3), compare(3, 3), combine(7, 2))
      """,
      "func add(_ a: Int, _ b: Int) -> Int { a + b }\nprint(add(9223372036854775807, 1))",
      "func share(_ a: Int, _ b: Int) -> Int { a / b }\nprint(share(1, 0))")
    #expect(
      text
        == """
        [true, true, false, false, false, true, true] [false, true, false, true, true, false, true] [9, 5, 14, 3, 1]
        nb.md:20:41: error: arithmetic overflow: '9223372036854775807 + 1' does not fit in an Int
        nb.md:30:43: error: division by zero

        """)
  }
}
