import Testing

@testable import Directives

/// A function calling itself by name runs bound to its own code (see
/// `ProgramCompiler.recursiveCall`): these pin what such calls must keep doing.
@Suite struct RecursiveCallTests {
  func run(_ sources: String...) throws -> String { try printedAndErrors(of: sources) }

  @Test func aNestedFunctionRecursesWithItsEnclosingLocalsLabelsAndDefaults() throws {
    let text = try run(
      """
      func outer(_ base: Int) -> Int {
        func walk(_ n: Int, step: Int = 1) -> Int { n <= 0 ? base : walk(n - step) + 1 }
        return walk(5) + walk(6, step: 2)
      }
      print(outer(100), outer(7))
      """)
    #expect(text == "210 24\n")
  }

  @Test func eachLevelKeepsItsOwnFrameForTheClosuresItMakes() throws {
    let text = try run(
      """
      func collect(_ n: Int) -> [Int] {
        if n == 0 { return [] }
        let own = { n * 10 }
        return collect(n - 1) + [own()]
      }
      print(collect(3))
      """)
    #expect(text == "[10, 20, 30]\n")
  }

  @Test func doubleBoolAndStringResultsPassThroughTheRecursion() throws {
    let text = try run(
      """
      func half(_ x: Double, _ times: Int) -> Double { times == 0 ? x : half(x / 2, times - 1) }
      func isEven(_ n: Int) -> Bool { n == 0 ? true : !isEven(n - 1) }
      func digits(_ n: Int) -> String { n == 0 ? "" : digits(n - 1) + "\\(n)" }
      print(half(8, 3), isEven(7), isEven(10), digits(4))
      """)
    #expect(text == "1.0 false true 1234\n")
  }

  @Test func anErrorDeepInTheRecursionLeavesTheFunctionUsable() throws {
    let text = try run(
      "func down(_ n: Int, _ d: Int) -> Int { n == 0 ? 10 / d : down(n - 1, d) + 1 }",
      "print(down(3, 0))",
      "print(down(3, 5), down(40, 1))")
    #expect(text == "nb.md:10:52: error: division by zero\n5 50\n")
  }
}
