import Notebook
import Testing

@testable import Directives

/// `String(format:)`, string methods, math functions and members of numbers, `stride`, and the
/// slicing members of arrays.
@Suite struct StringsAndNumbersTests {
  func check(_ source: String) -> [String] {
    NotebookChecker().check(cells: [makeCell(source)], params: [], file: "nb.md").map(\.description)
  }

  @Test func formatSpecificationsAsFoundationPrintsThem() throws {
    let source = #"""
      let x = 3.14159
      print(String(format: "%.2f|%5.1f|%-6d|%d%%|%e|%g|%i|%x|%05d", x, x, 42, 7, 12345.678, 0.0001, -3, 255, 42))
      print(String(format: "[%s] [%-4s] [%4s] [%.1s] [%@]", "hi", "ab", "ab", "xyz", "z"))
      """#
    #expect(
      try printed(evaluate(source)[0])
        == "3.14|  3.1|42    |7%|1.234568e+04|0.0001|-3|ff|00042\n[hi] [ab  ] [  ab] [x] [z]\n")
  }

  @Test func formatMismatchesAreCheckErrorsAtTheArgument() {
    #expect(
      check(#"let n = 3"# + "\n" + #"print(String(format: "%.2f", n))"#) == [
        "nb.md:11:30: error: '%.2f' needs a Double, not an Int; write 'Double(value)'"
      ])
    #expect(
      check(#"print(String(format: "%d items", 2.5))"#) == [
        "nb.md:10:34: error: '%d' needs an Int, not a Double; write 'Int(value)' or use '%f'"
      ])
    #expect(
      check(#"print(String(format: "%d and %d", 1))"#) == [
        "nb.md:10:7: error: the format has 2 specifications but 1 values were given"
      ])
    #expect(
      check(#"print(String(format: "%d", 1, 2))"#) == [
        "nb.md:10:31: error: the format has 1 specifications but 2 values were given"
      ])
    #expect(
      check(#"print(String(format: "%q", 1))"#).first?.hasPrefix(
        "nb.md:10:22: error: '%q' is not a supported format specification") == true)
    #expect(
      check(#"print(String(format: "%ls", "a"))"#) == [
        "nb.md:10:22: error: '%ls': the length modifier does not apply to this conversion"
      ])
    #expect(
      check(#"print(String(format: "100%"))"#) == [
        "nb.md:10:22: error: the format ends inside a '%' specification; write '%%' for a percent sign"
      ])
  }

  @Test func aComputedFormatIsCheckedWhenItRuns() throws {
    let results = try evaluate(#"let f = "%" + "d""#, #"print(String(format: f, 1.5))"#)
    #expect(
      failure(results[1])
        == "nb.md:20:25: error: '%d' needs an Int, not a Double; write 'Int(value)' or use '%f'")
    #expect(
      try printed(evaluate(#"let f = "<%" + "4d>""# + "\n" + #"print(String(format: f, 7))"#)[0])
        == "<   7>\n")
  }

  @Test func stringMethods() throws {
    let source = #"""
      let line = "  alpha, beta,,gamma  "
      let parts = line.split(separator: ",")
      print(parts.count, parts[1], "a--b--c".split(separator: "--"))
      print("notebook".hasPrefix("note"), "notebook".hasSuffix("note"), "notebook".contains("boo"))
      print(line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ";"))
      print(Array("héllo"), "MiXed".lowercased())
      var letters: [String] = []
      for character in "abc" { letters.append(character.uppercased()) }
      print(letters)
      """#
    #expect(
      try printed(evaluate(source)[0])
        == "3  beta [\"a\", \"b\", \"c\"]\ntrue false true\nalpha; beta;;gamma\n[\"h\", \"é\", \"l\", \"l\", \"o\"] mixed\n[\"A\", \"B\", \"C\"]\n"
    )
    #expect(
      check(#"print("a b".split(separator: 1))"#) == [
        "nb.md:10:30: error: cannot convert value of type 'Int' to expected argument type 'String'"
      ])
    #expect(
      check(#"print(" a ".trimmingCharacters(in: .spaces))"#).first?.hasPrefix(
        "nb.md:10:36: error: type 'CharacterSet' has no member 'spaces'") == true)
  }

  @Test func mathFunctionsAndMembersOfNumbers() throws {
    let source = """
      let x = -2.5
      print(floor(x), ceil(x), x.rounded(), x.magnitude, (-4).magnitude, 9.0.squareRoot())
      print(sin(0.0), cos(0.0), tan(0.0), tanh(0.0), atan(1.0) * 4 == Double.pi, log2(8.0), log10(1000.0))
      print(Double.nan.isNaN, x.isNaN, Double.infinity.isFinite, x.isFinite, Double.infinity.isInfinite)
      print(7.5.truncatingRemainder(dividingBy: 2), pow(2, 10), exp(0.0), log(1.0))
      """
    #expect(
      try printed(evaluate(source)[0])
        == "-3.0 -2.0 -3.0 2.5 4 3.0\n0.0 1.0 0.0 0.0 true 3.0 3.0\ntrue false false true true\n1.5 1024.0 1.0 0.0\n"
    )
    #expect(
      check("let n = \"a\"\nprint(floor(n))") == [
        "nb.md:11:13: error: cannot convert value of type 'String' to expected argument type 'Int or Double'"
      ])
  }

  @Test func roundingRulesRepeatedStringsAndMultiples() throws {
    let source = """
      let x = 3.7
      print(x.rounded(), x.rounded(.down), x.rounded(.up), (-2.5).rounded(.towardZero), 2.5.rounded(.toNearestOrEven))
      print(String(repeating: "-", count: 3) + "|", String(repeating: "ab", count: 0) + "|", 12.isMultiple(of: 4))
      """
    #expect(try printed(evaluate(source)[0]) == "4.0 3.0 4.0 -2.0 2.0\n---| | true\n")
    #expect(
      check("let y = 1.5.rounded(.sideways)")
        == [
          "nb.md:10:21: error: type 'FloatingPointRoundingRule' has no member 'sideways' (one of .toNearestOrAwayFromZero, .toNearestOrEven, .up, .down, .towardZero, .awayFromZero)"
        ])
    let failed = try evaluate("let n = -1\nprint(String(repeating: \"x\", count: n))")[0]
    #expect(failure(failed) == "nb.md:11:37: error: 'count' must be at least 0, got -1")
  }

  @Test func anIntVariableDoesNotMeetADoubleButALiteralDoes() throws {
    #expect(
      check(
        "let n = 3\nvar x = 1.5\nx += n\nlet xs = [1.0]\nprint(n * 0.5, xs.count / 2.0, n < 2.5)")
        == [
          "nb.md:12:1: error: binary operator '+=' cannot be applied to operands of type 'Double' and 'Int'; convert the Int: 'Double(n)'",
          "nb.md:14:9: error: binary operator '*' cannot be applied to operands of type 'Int' and 'Double'; convert the Int: 'Double(n)'",
          "nb.md:14:25: error: binary operator '/' cannot be applied to operands of type 'Int' and 'Double'; convert the Int: 'Double(xs.count)'",
          "nb.md:14:34: error: binary operator '<' cannot be applied to operands of type 'Int' and 'Double'; convert the Int: 'Double(n)'",
        ])
    #expect(
      check("var total = 0\nfor x in [1.5, 2.5] { total += x }\nlet s: Set = []")
        == [
          "nb.md:11:23: error: binary operator '+=' cannot be applied to operands of type 'Int' and 'Double'; declare 'total' a Double ('var total = 0.0')",
          "nb.md:12:5: error: 'Set' needs the type of its elements here: write it, as in 'Set<Int>'",
        ])
    let result = try evaluate(
      "let n = 3\nvar x = 1.5\nx *= 2\nprint(2 * 1.5, (2 + 3) * 0.5, -1 * x, Double(n) / 2, x > 1)")[
        0]
    #expect(printed(result) == "3.0 2.5 -3.0 1.5 true\n")
  }

  @Test func floatIsRefusedForDouble() {
    let message = "is not in the language: numbers with a fraction are Doubles; write 'Double'"
    #expect(
      check("let x: Float = 1.0 / 3.0\nlet y = Float(2) / 3\nfunc f(_ v: [Float]) {}")
        == [
          "nb.md:12:8: error: 'Float' \(message)", "nb.md:10:5: error: 'Float' \(message)",
          "nb.md:11:9: error: 'Float' \(message)",
        ])
  }

  @Test func swiftUISpecifiersAndEnumDeclarationsNameTheWayToWriteThem() {
    #expect(
      check(#"let x = 0.5"# + "\n" + #"print("\(x, specifier: "%.3f")")"#)
        == [
          #"nb.md:11:8: error: an interpolation with labels or several values is not supported in notebook cells; format a number with '\(String(format: "%.3f", x))'"#
        ])
    #expect(
      check("enum Shape { case circle, square }")
        == [
          #"nb.md:10:1: error: declaring an enum is not supported in notebook cells; name the cases with Strings (let shape = "circle") and 'switch' over them; the directives' enumerations (Activation, Cost ...) are available"#
        ])
  }

  @Test func strides() throws {
    let source = """
      var sum = 0
      for i in stride(from: 10, to: 0, by: -3) { sum += i }
      print(sum, Array(stride(from: 0, through: 10, by: 5)), stride(from: 0.0, to: 1.0, by: 0.25))
      """
    #expect(try printed(evaluate(source)[0]) == "22 [0, 5, 10] [0.0, 0.25, 0.5, 0.75]\n")
    let zero = try evaluate("print(stride(from: 0, to: 5, by: 0))")
    #expect(
      failure(zero[0])
        == "nb.md:10:34: error: the stride's step must be a finite number other than 0")
    let huge = try evaluate("let s = stride(from: 0, to: Int.max, by: 1)")
    #expect(failure(huge[0])?.hasPrefix("nb.md:10:9: error: the stride has more than") == true)
    #expect(
      check("for i in stride(from: 0, until: 5, by: 1) {}").first?.contains("'until:'") == true)
  }

  @Test func slicesOfArrays() throws {
    let source = """
      let xs = [5, 3, 8, 1]
      print(xs.indices, xs.prefix(2), xs.suffix(3), xs.dropFirst(), xs.dropLast(3), xs.prefix(9))
      print(["x", "y", "z"].joined(separator: "-"), ["a", "b"].joined(), Array(xs.reversed()))
      print(xs.min(by: <), xs.max { $0 < $1 }, ["bb", "a", "cc"].max { $0.count < $1.count })
      for i in xs.indices where xs[i] > 4 { print(i, terminator: " ") }
      """
    #expect(
      try printed(evaluate(source)[0])
        == "0..<4 [5, 3] [3, 8, 1] [3, 8, 1] [5] [5, 3, 8, 1]\nx-y-z ab [1, 8, 3, 5]\nOptional(1) Optional(8) Optional(\"bb\")\n0 2 "
    )
    let negative = try evaluate("print([1, 2].prefix(-1))")
    #expect(failure(negative[0]) == "nb.md:10:21: error: 'count' must be at least 0, got -1")
    let empty = try evaluate("let none: [Int] = []\nprint(none.min(by: <), none.max { $0 < $1 })")
    #expect(printed(empty[0]) == "nil nil\n")
    #expect(
      check("print([1, 2].joined(separator: \",\"))").first?.contains("joined") == true)
  }
}
