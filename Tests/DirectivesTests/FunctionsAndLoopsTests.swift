import Notebook
import Testing

@testable import Directives

/// Functions, closures and the loops and jumps of the cell language.
@Suite struct FunctionsAndLoopsTests {
  /// What the cells print (and their errors), compared with `expected` so a failure shows both.
  func expectOutput(_ sources: String..., is expected: String) throws {
    let text = try run(sources)
    #expect(text == expected)
  }

  func run(_ sources: [String]) throws -> String { try printedAndErrors(of: sources) }

  @Test func functionsWithLabelsDefaultsAndRecursion() throws {
    try expectOutput(
      """
      func square(_ x: Double) -> Double { x * x }
      func scaled(_ x: Int, by factor: Int = 10) -> Int {
        return x * factor
      }
      func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
      print(square(3), scaled(4), scaled(4, by: 2), fib(20))
      """, is: "9.0 40 8 6765\n")
  }

  @Test func aConditionalOrAnOperatorReadsALocalOnEitherSide() throws {
    try expectOutput(
      """
      func clamp(_ n: Int) -> Int { n > 5 ? 5 : n }
      func lower(_ n: Int, _ m: Int) -> Int { n < m ? n : m }
      func rest(_ n: Int) -> Int { 100 - n * 3 % 7 }
      print(clamp(3), clamp(9), lower(2, 8), lower(8, 2), rest(4))
      """, is: "3 5 2 2 95\n")
  }

  @Test func discardingAResultRunsItForItsEffects() throws {
    try expectOutput(
      "var calls = 0\nfunc bump() -> Int {\n  calls += 1\n  return calls\n}\n_ = bump()\n_ = bump()\nprint(calls)",
      "func f() -> Int {\n  _ = [1, 2].map { $0 * 2 }\n  return 1\n}\n_ = f()\n_ = 1 / 0",
      "let y = _",
      is: "2\nnb.md:25:7: error: division by zero\n"
        + "nb.md:30:9: error: '_' can only appear on the left of '=' ('_ = f()' drops a result)\n")
  }

  @Test func functionsAreVisibleInLaterCellsAndNestedFunctionsCapture() throws {
    try expectOutput(
      "func twice(_ x: Int) -> Int { 2 * x }",
      """
      func counter() -> Int {
        var count = 0
        func bump() { count += 1 }
        bump()
        bump()
        return count
      }
      print(twice(21), counter())
      """, is: "42 2\n")
  }

  @Test func closuresWithShorthandTrailingAndCapture() throws {
    try expectOutput(
      """
      let xs = [3.0, 1.0, 2.0]
      var offset = 10.0
      let shifted = xs.map { $0 + offset }
      let big = xs.filter { x in x > 1.5 }
      let total = xs.reduce(0, +)
      let product = xs.reduce(1.0) { $0 * $1 }
      print(shifted, big, total, product)
      print(xs.sorted(), xs.sorted(by: >), xs.sorted { $0 > $1 }.first)
      print(xs.contains(where: { $0 > 2 }), xs.allSatisfy { $0 > 2 })
      xs.forEach { print($0, terminator: " ") }
      print()
      let add: (Int, Int) -> Int = { a, b in a + b }
      print(add(2, 3))
      """,
      is:
        "[13.0, 11.0, 12.0] [3.0, 2.0] 6.0 6.0\n[1.0, 2.0, 3.0] [3.0, 2.0, 1.0] Optional(3.0)\ntrue false\n3.0 1.0 2.0 \n5\n"
    )
  }

  @Test func whileRepeatBreakContinueAndWhere() throws {
    try expectOutput(
      """
      var n = 0
      while true {
        n += 1
        if n == 3 { continue }
        if n > 5 { break }
      }
      var m = 0
      repeat { m += 2 } while m < 7
      var evens: [Int] = []
      for i in 0..<10 where i % 2 == 0 { evens.append(i) }
      print(n, m, evens)
      """, is: "6 8 [0, 2, 4, 6, 8]\n")
  }

  @Test func guardLeavesTheFunction() throws {
    try expectOutput(
      """
      func safeDivide(_ a: Double, _ b: Double) -> Double {
        guard b != 0 else { return 0 }
        return a / b
      }
      print(safeDivide(1, 4), safeDivide(1, 0))
      """, is: "0.25 0.0\n")
  }

  @Test func nestedArrayMutationAndArrayRepeating() throws {
    try expectOutput(
      """
      var m = Array(repeating: Array(repeating: 0, count: 3), count: 2)
      m[1][2] = 7
      m[0][0] += 1
      print(m, Double.pi > 3, Int.max > 0)
      """, is: "[[1, 0, 0], [0, 0, 7]] true true\n")
  }

  @Test func appendIsAmortisedConstant() throws {
    // 40,000 appends copied the whole array each time before (about 47 s); now they take
    // milliseconds. The check is on the result, the speed is the benchmark's.
    try expectOutput(
      "var xs: [Int] = []\nfor i in 0..<40_000 { xs.append(i) }\nprint(xs.count, xs[39_999])",
      is: "40000 39999\n")
  }

  @Test func staticErrorsOfTheNewForms() throws {
    let checker = NotebookChecker()
    func check(_ source: String) -> [String] {
      checker.check(cells: [makeCell(source)], params: [], file: "nb.md").map(\.description)
    }
    #expect(
      check("break") == ["nb.md:10:1: error: 'break' is only allowed inside a loop or a 'switch'"])
    #expect(check("return 1") == ["nb.md:10:1: error: 'return' is only allowed inside a function"])
    #expect(
      check("func f(_ x: Int) -> Int {\n  if x > 0 { return 1 }\n}") == [
        "nb.md:10:6: error: missing return in function 'f' expected to return 'Int'"
      ])
    #expect(
      check("func f(_ x: Int) -> Int { x }\nf(x: 1)") == [
        "nb.md:11:3: error: unknown argument label 'x:' in call to 'f'; this argument takes no label"
      ])
    #expect(
      check("func f(_ x: Int) -> Int { x }\nf(\"a\")") == [
        "nb.md:11:3: error: cannot convert value of type 'String' to expected argument type 'Int'"
      ])
    #expect(
      check("let f = { x in x }") == [
        "nb.md:10:11: error: cannot infer the type of the closure parameter 'x'; write it: '{ (x: Double) in ... }'"
      ])
    #expect(
      check("let g = { $0 * 2 }") == [
        "nb.md:10:9: error: cannot infer the type of the closure parameter '$0'; write it: '{ (x: Double) in ... }'"
      ])
    #expect(
      check("guard 1 < 2 else { print(1) }") == [
        "nb.md:10:1: error: the 'else' of a 'guard' must leave the scope: end it with 'return', 'break' or 'continue'"
      ])
  }
}

/// Inputs that used to crash or hang: each is a result or a clear error.
@Suite struct RobustnessTests {
  @Test func deepRecursionIsAnErrorAtTheCall() throws {
    let results = try evaluate("func down(_ n: Int) -> Int { down(n + 1) }\ndown(0)")
    #expect(
      failure(results[0])
        == "nb.md:10:30: error: too much recursion: more than 10000 nested calls (a function that never stops calling itself?)"
    )
  }

  @Test func longSumsDeepParenthesesAndChainsGiveAResultOrAnError() throws {
    let sum = Array(repeating: "1", count: 20_000).joined(separator: " + ")
    #expect(try shown(evaluate(sum)[0]) == "20000")
    let chain = "[1, 2]" + String(repeating: ".reversed()", count: 2_000)
    #expect(try shown(evaluate(chain)[0]) == "[1, 2]")
    let parentheses =
      String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000)
    #expect(
      try failure(evaluate(parentheses)[0])
        == "nb.md:10:201: error: brackets nested more than 200 deep; split the expression into named parts"
    )
  }

  @Test func pathologicalBracketsAreRefusedQuickly() throws {
    let start = monotonicSeconds()
    let unclosed = try evaluate(String(repeating: "[", count: 26))
    let closed = try evaluate(
      String(repeating: "[", count: 30) + "1" + String(repeating: "]", count: 30))
    let deep = try evaluate(String(repeating: "[", count: 3_000))
    for result in [unclosed, closed, deep] {
      #expect(
        failure(result[0])
          == "nb.md:10:13: error: '[' nested more than 12 deep; give the inner arrays names and build the outer one from them"
      )
    }
    // Before the guard, the first of these took minutes.
    #expect(monotonicSeconds() - start < 30)
  }

  @Test func nestingAnArrayInItselfManyTimesRuns() throws {
    let results = try evaluate("var a: [Any] = []\nfor _ in 0..<100_000 { a = [a] }\na.count")
    #expect(shown(results[0]) == "1")
  }

  @Test func hugeArraysAreAnError() throws {
    let message = try failure(evaluate("let xs = Array(repeating: 0, count: 1_000_000_000_000)")[0])
    #expect(
      message
        == "nb.md:10:37: error: an array of 1000000000000 elements is beyond the limit of \(ValueLimits.size(ValueLimits.defaultBytes)) for one value; build it in smaller parts"
    )
  }
}

/// Prose inline values: one expression against the session's variables.
@Suite struct InlineValueTests {
  @Test func anExpressionGivesItsTextAndAnErrorItsPlace() throws {
    let session = try makeSession()
    _ = session.evaluate(
      makeCell("let accuracy = 0.9\nfunc percent(_ x: Double) -> Double { x * 100 }"))
    let place = SourceLocation(file: "nb.md", line: 40, column: 12)
    #expect(try session.evaluateInline(expression: "percent(accuracy)", at: place).get() == "90.0")
    guard case .failure(let problem) = session.evaluateInline(expression: "acuracy", at: place)
    else {
      Issue.record("an unknown name must fail")
      return
    }
    #expect(
      problem.description
        == "nb.md:40:12: error: cannot find 'acuracy' in scope; did you mean 'accuracy'?")
    let findings = NotebookChecker().checkInline(
      [("accuracy * 2", place), ("let x = 1", place)], cells: [makeCell("let accuracy = 0.9")],
      params: [], file: "nb.md")
    #expect(
      findings.map(\.description) == [
        "nb.md:40:12: error: an inline value is one expression, such as '{swift} accuracy * 100'"
      ])
  }
}

/// `fatalError` never returns (Swift's `Never`): it may end a function that returns a value.
@Suite struct NeverReturningTests {
  @Test func fatalErrorEndsAFunctionWithAResult() throws {
    let results = try evaluate(
      """
      func sign(_ x: Int) -> Int {
        if x > 0 { return 1 }
        if x < 0 { return -1 }
        fatalError("zero has no sign")
      }
      func unreachable() -> Double { fatalError() }
      func pick(_ x: Int) -> String {
        switch x {
        case 1: return "one"
        default: fatalError("only one")
        }
      }
      print(sign(5), sign(-3), pick(1))
      """, "sign(0)", "unreachable()")
    #expect(printed(results[0]) == "1 -1 one\n")
    #expect(failure(results[1]) == "nb.md:13:3: error: fatal error: zero has no sign")
    #expect(failure(results[2]) == "nb.md:15:32: error: fatal error")
  }

  @Test func aPathWithoutReturnIsStillMissingOne() throws {
    let results = try evaluate("func f(_ x: Int) -> Int {\n  if x > 0 { return 1 }\n  print(x)\n}")
    #expect(failure(results[0])?.contains("missing return in function 'f'") == true)
  }
}
