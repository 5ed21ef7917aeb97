import Foundation
import Notebook
import Testing

@testable import Directives

/// Functions and closures in a saved session come back compiled again, reading the restored
/// variables; what cannot be saved says so.
@Suite struct SnapshotFunctionTests {
  let params = [Param(name: "scale", value: .int(2), line: 2)]

  func session(_ directory: String, overrides: [ParamOverride] = []) throws -> Session {
    try makeSession(params: params, overrides: overrides, directory: directory)
  }

  @Test func functionsClosuresAndTheVariablesTheyReadAreRestoredAsOne() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let original = try session(directory)
    let defined = try evaluate(
      """
      var base = 10
      func square(of x: Int) -> Int { x * x }
      func twice(_ x: Int, plus extra: Int = 1) -> Int { square(of: x) * 2 + extra }
      func factorial(_ n: Int) -> Int {
        if n <= 1 { return 1 }
        return n * factorial(n - 1)
      }
      """,
      """
      let add = { (x: Int) -> Int in x + base * scale }
      let functions = [add, square]
      """, session: original)
    #expect(defined.allSatisfy { $0.error == nil }, "\(defined.map(\.outputs))")
    let bytes = try original.snapshotData()

    let restored = try session(directory, overrides: [ParamOverride(name: "scale", text: "3")])
    try restored.restore(from: bytes)
    let after = restored.evaluate(
      makeCell(
        "base = 20\nprint(twice(3), twice(3, plus: 0), factorial(5), add(1), functions[0](1), functions[1](4))",
        index: 2, line: 40))
    // `add` reads the restored `base` (assigned after the restore) and this session's `scale`.
    #expect(printed(after) == "19 18 120 61 61 16\n", "\(after.outputs)")
  }

  @Test func aFunctionKeepsReadingTheVariableItWasCompiledAgainst() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let original = try session(directory)
    let cells = try evaluate(
      "let limit = 5\nfunc below(_ x: Int) -> Bool { x < limit }",
      "let limit = 100\nprint(below(50))", session: original)
    // A later cell may define a name again; the function still reads the first `limit`.
    #expect(printed(cells[1]) == "false\n", "\(cells[1].outputs)")
    let restored = try session(directory)
    try restored.restore(from: try original.snapshotData())
    let after = restored.evaluate(makeCell("print(below(50), limit)", index: 2, line: 40))
    #expect(printed(after) == "false 100\n", "\(after.outputs)")
  }

  @Test func aClosureThatReadsLocalsOfItsFunctionCannotBeSavedAndSaysWhy() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let original = try session(directory)
    let cells = try evaluate(
      "func adder(_ n: Int) -> (Int) -> Int { { x in x + n } }\nlet addThree = adder(3)\nprint(addThree(1))",
      session: original)
    #expect(printed(cells[0]) == "4\n", "\(cells[0].outputs)")
    #expect {
      try original.snapshotData()
    } throws: { error in
      "\(error)".contains("reads local variables of the code around it")
    }
  }
}
