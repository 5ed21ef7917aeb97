import Notebook
import Testing

@testable import Directives

@Suite struct LanguageTests {
  @Test func literalsIncludingUnderscoresAndExponents() throws {
    let results = try evaluate(#"print(60_000, 3e-4, 0x10, "a\tb", true, -2, -1.5)"#)
    #expect(printed(results[0]) == "60000 0.0003 16 a\tb true -2 -1.5\n")
  }

  @Test func stringInterpolation() throws {
    let results = try evaluate(#"let n = 3"#, #"print("n is \(n), twice \(n * 2), \("x")")"#)
    #expect(printed(results[1]) == "n is 3, twice 6, x\n")
  }

  @Test func arithmeticFollowsSwiftPrecedence() throws {
    let results = try evaluate("1 + 2 * 3 - 8 / 4 % 3")
    #expect(shown(results[0]) == "5")
    #expect(try shown(evaluate("(1 + 2) * 3")[0]) == "9")
    #expect(try shown(evaluate("7 / 2")[0]) == "3")
    #expect(try shown(evaluate("7.0 / 2")[0]) == "3.5")
    #expect(try shown(evaluate("2 * 0.25")[0]) == "0.5")
  }

  @Test func comparisonAndLogic() throws {
    #expect(try shown(evaluate("1 < 2 && 3 >= 3 || false")[0]) == "true")
    #expect(try shown(evaluate("!(1 == 1) || \"a\" != \"b\"")[0]) == "true")
    #expect(try shown(evaluate("2 > 3 ? 10 : 20")[0]) == "20")
  }

  @Test func letVarAndAssignment() throws {
    let results = try evaluate(
      "var total = 1", "total += 4\ntotal *= 2\ntotal", "let x: Double = 2\nx")
    #expect(shown(results[1]) == "10")
    #expect(shown(results[2]) == "2.0")
  }

  @Test func assigningToALetIsAnError() throws {
    let results = try evaluate("let x = 1\nx = 2")
    #expect(
      failure(results[0])
        == "nb.md:11:1: error: cannot assign to value: 'x' is a 'let' constant; declare it with 'var' to change it"
    )
  }

  @Test func arraysAndSubscripts() throws {
    let results = try evaluate(
      "var values = [3, 1, 2]",
      "values.append(5)\nvalues[0] = 4\nprint(values, values.count, values[1..<3], values.max())",
      "[1, 2.5]")
    #expect(printed(results[1]) == "[4, 1, 2, 5] 4 [1, 2] Optional(5)\n")
    #expect(shown(results[2]) == "[1.0, 2.5]")
  }

  @Test func rangesAndForIn() throws {
    let results = try evaluate(
      "var sum = 0\nfor i in 1...4 {\n  sum += i\n}\nfor _ in 0..<2 { sum += 100 }\nsum",
      #"for word in ["a", "b"] { print(word, terminator: "") }"#)
    #expect(shown(results[0]) == "210")
    #expect(printed(results[1]) == "ab")
  }

  @Test func ifElseChains() throws {
    let source = """
      for n in [1, 5, 12] {
        if n < 3 {
          print("small")
        } else if n < 10, n != 7 {
          print("medium")
        } else {
          print("large")
        }
      }
      """
    #expect(try printed(evaluate(source)[0]) == "small\nmedium\nlarge\n")
  }

  @Test func blockScopesEndWithTheirBlock() throws {
    let results = try evaluate("for i in 0..<1 { let inner = i }\ninner")
    #expect(failure(results[0]) == "nb.md:11:1: error: cannot find 'inner' in scope")
  }

  @Test func lastExpressionIsShownButNotABindingOrAssignment() throws {
    let results = try evaluate("let a = 2", "var b = 1\nb = 3", "\"text\"", "print(1)")
    #expect(results[0].outputs.isEmpty)
    #expect(results[1].outputs.isEmpty)
    #expect(shown(results[2]) == "\"text\"")
    #expect(shown(results[3]) == nil)
  }

  @Test func unsupportedSyntaxIsAClearErrorAtItsPosition() throws {
    let results = try evaluate(
      "let a = 1\nclass Box {}", "func f<T>(_ x: T) {}", "import Foundation")
    #expect(
      failure(results[0])
        == "nb.md:11:1: error: declaring a class, protocol or actor is not supported in notebook cells; use functions and the values directives return"
    )
    #expect(
      failure(results[1])
        == "nb.md:20:7: error: a generic function is not supported in notebook cells; write the function for one type"
    )
    #expect(
      failure(results[2])
        == "nb.md:30:1: error: 'import' is not supported in notebook cells; directives are available without imports"
    )
  }

  @Test func syntaxErrorsUseSwiftsMessages() throws {
    let results = try evaluate("let x = (1 + 2")
    let error = try #require(results[0].error)
    #expect(error.location.line == 10)
    #expect(error.location.column == 15)
    #expect(error.message.contains("expected ')'"))
    #expect(error.detailedDescription.hasSuffix("let x = (1 + 2\n              ^"))
  }

  @Test func variablesLiveAcrossCellsAndFailuresKeepEarlierDefinitions() throws {
    let results = try evaluate("let a = 1\nlet b = a / 0\nlet c = 3", "a + 1", "b")
    #expect(failure(results[0]) == "nb.md:11:11: error: division by zero")
    #expect(shown(results[1]) == "2")
    #expect(failure(results[2]) == "nb.md:30:1: error: cannot find 'b' in scope")
  }
}

@Suite struct MoreLanguageTests {
  func value(_ source: String) throws -> String? { try shown(evaluate(source)[0]) }

  @Test func stringEscapesAndMultilineStrings() throws {
    #expect(try value(#""caf\u{E9} \"quoted\" \\""#) == #""café \"quoted\" \\""#)
    #expect(try printed(evaluate("print(\"\"\"\n  one\n    two\n  \"\"\")")[0]) == "one\n  two\n")
  }

  @Test func comparisonsOfStringsAndMixedNumbers() throws {
    #expect(try value("\"apple\" < \"banana\"") == "true")
    #expect(try value("1 == 1.0") == "true")
    #expect(try value("[1, 2] == [1, 2]") == "true")
  }

  @Test func closedRangesAndNegativeNumbers() throws {
    #expect(try value("[10, 20, 30, 40][1...2]") == "[20, 30]")
    #expect(try value("-3 + -(2 * 2)") == "-7")
    #expect(
      try failure(evaluate("let r = 5..<2")[0])
        == "nb.md:10:10: error: range requires lowerBound <= upperBound, got 5..<2")
    #expect(
      try failure(evaluate("let r = 1...Int.max")[0])
        == "nb.md:10:10: error: a closed range up to Int.max is not supported: write '1..<Int.max'")
  }

  @Test func tuplesCompareElementByElement() throws {
    #expect(
      try value("[(1, \"b\") < (1, \"c\"), (2, 1) > (1, 9), (1, 1) <= (1, 1)]")
        == "[true, true, true]")
    #expect(
      try failure(evaluate("let a = (1, [2])\nlet b = (1, [3])\na < b")[0])
        == "nb.md:12:3: error: binary operator '<' cannot be applied to operands of type '(Int, [Int])' and '(Int, [Int])'"
    )
  }

  @Test func floatingDivisionByZeroGivesInfinityOrNaNAsInSwift() throws {
    #expect(try value("let rate = 0.0\n[1.5 / rate, -1.5 / rate]") == "[inf, -inf]")
    #expect(try value("let rate = 0.0\nlet x = rate / rate\nx.isNaN") == "true")
    #expect(try value("var x = 2.0\nx /= 0\nx") == "inf")
    // Swift has no `%` for Doubles: a check error that says what to write.
    #expect(
      try failure(evaluate("let x = 7.5\nx % 2")[0])
        == "nb.md:11:3: error: '%' is unavailable for Double, as in Swift: write 'x.truncatingRemainder(dividingBy: y)'"
    )
    #expect(
      try failure(evaluate("var x = 7.5\nx %= 2.0")[0])?.contains("'%' is unavailable") == true)
    #expect(try value("7.5.truncatingRemainder(dividingBy: 2)") == "1.5")
  }

  @Test func assignmentKeepsTheVariablesType() throws {
    #expect(try value("var x = 1.5\nx = 2\nx") == "2.0")
    #expect(
      try failure(evaluate("var n = 1\nn = \"two\"")[0])
        == "nb.md:11:1: error: cannot assign value of type 'String' to type 'Int'")
  }

  @Test func conditionsMustBeBool() throws {
    #expect(
      try failure(evaluate("if 1 { print(1) }")[0])
        == "nb.md:10:4: error: cannot convert value of type 'Int' to expected condition type 'Bool'"
    )
  }

  @Test func callingAVariableOrUsingADirectiveAsAValue() throws {
    #expect(
      try failure(evaluate("let n = 1\nn(2)")[0])
        == "nb.md:11:1: error: cannot call value of non-function type 'Int'")
    #expect(
      try failure(evaluate("let p = print")[0])
        == "nb.md:10:9: error: 'print' is a directive: call it as 'print(...)'")
  }
}
