import Foundation
import Notebook
import Testing

@testable import Directives

/// Optionals, tuples and `switch`: their check errors at line and column, their run-time
/// errors, and their values in the run cache.
@Suite struct LanguageFormsTests {
  func check(_ sources: String...) -> [String] {
    let cells = sources.enumerated().map { makeCell($1, index: $0, line: 10 * ($0 + 1)) }
    return NotebookChecker().check(cells: cells, params: [], file: "nb.md").map(\.description)
  }

  @Test func optionalCheckErrors() {
    #expect(
      check("let x = nil")
        == ["nb.md:10:9: error: 'nil' requires a contextual type: write 'let x: Int? = nil'"])
    #expect(
      check("let n = 3\nprint(n!)")
        == ["nb.md:11:8: error: cannot force unwrap value of non-optional type 'Int'"])
    #expect(
      check("if let y = 3 { print(y) }")
        == [
          "nb.md:10:12: error: initializer for conditional binding must have Optional type, not 'Int'"
        ])
    #expect(
      check("let a = 2 ?? 3")
        == [
          "nb.md:10:11: error: left side of nil coalescing operator '??' has non-optional type 'Int', so the right side is never used"
        ])
    #expect(
      check("let s: String? = \"a\"\nlet n: Int = s?.count")
        == ["nb.md:11:14: error: cannot convert value of type 'Int?' to specified type 'Int'"])
    #expect(check("let m: Int? = nil\nif let m { print(m + 1) }\nprint(m ?? 0)") == [])
    #expect(
      check("var xs: [Int]? = []\nxs?.append(1)")
        == [
          "nb.md:11:5: error: 'append' cannot change a value through '?.': unwrap it first, as in 'if var value = optional { value.append(...); optional = value }'"
        ])
  }

  @Test func nilUnwrapStopsTheCellAtTheBang() throws {
    let results = try evaluate(
      "let empty: [Int] = []\nlet f = empty.first\nprint(1)\nprint(f! + 1)")
    #expect(printed(results[0]) == "1\n")
    #expect(
      failure(results[0])
        == "nb.md:13:8: error: unexpectedly found nil while unwrapping an Optional value")
  }

  @Test func guardLetBindsAfterTheGuardAndNotInItsElse() {
    #expect(
      check(
        """
        func f(_ s: String) -> Int {
          guard let n = Int(s) else { return n }
          return n
        }
        """) == ["nb.md:11:38: error: cannot find 'n' in scope"])
  }

  @Test func tupleCheckErrors() {
    #expect(
      check("let (a, b, c) = (1, 2)")
        == [
          "nb.md:10:5: error: a tuple pattern of 3 elements cannot match a value of type '(Int, Int)'"
        ])
    #expect(
      check("let t = (x: 1, y: 2)\nprint(t.z)")
        == ["nb.md:11:9: error: value of type '(x: Int, y: Int)' has no member 'z'"])
    #expect(
      check("let p: (Double, Double) = (1, 2)\nlet q: (Int, Int) = (1.5, 2)")
        == [
          "nb.md:11:21: error: cannot convert value of type '(Double, Int)' to specified type '(Int, Int)'"
        ])
  }

  @Test func switchCheckErrors() {
    #expect(
      check("let s = 4\nswitch s {\ncase 1: print(1)\n}")
        == ["nb.md:11:1: error: switch must be exhaustive; add a 'default:' case"])
    #expect(
      check("let b = true\nswitch (b, 1) {\ncase (true, _): print(1)\ncase (false, 0): print(2)\n}")
        == ["nb.md:11:1: error: switch must be exhaustive; add a 'default:' case"])
    #expect(
      check("let b = true\nswitch (b, 1) {\ncase (true, _): print(1)\ncase (false, _): print(2)\n}")
        == [])
    #expect(
      check("switch 3 {\ncase 1: fallthrough\ndefault: break\n}")
        == [
          "nb.md:11:9: error: 'fallthrough' is not supported in notebook cells; list the patterns in one case: 'case 1, 2:'"
        ])
    #expect(
      check("switch \"a\" {\ncase 1: break\ndefault: break\n}")
        == [
          "nb.md:11:6: error: expression pattern of type 'Int' cannot match values of type 'String'"
        ])
    #expect(
      check("switch 2 {\ncase 1: continue\ndefault: break\n}")
        == ["nb.md:11:9: error: 'continue' is only allowed inside a loop"])
    #expect(
      check("switch 2 {\ndefault: print(0)\ncase 1: print(1)\n}")
        == [
          "nb.md:12:1: error: additional 'case' blocks cannot appear after the 'default' block of a 'switch'"
        ])
    #expect(
      check(
        "func f(_ a: Activation) -> Int {\n  switch a {\n  case .relu: return 1\n  case .tanh: return 2\n  }\n}"
      )
        == ["nb.md:11:3: error: switch must be exhaustive; add a 'default:' case"])
  }

  @Test func caseConditionsCheckTheirPatternAndBindOnlyInTheirBranch() {
    #expect(
      check("if case \"a\" = 3 { print(1) }")
        == [
          "nb.md:10:9: error: expression pattern of type 'String' cannot match values of type 'Int'"
        ])
    #expect(
      check("if case let (a, 0) = (1, 0) { print(a) } else { print(a) }")
        == ["nb.md:10:55: error: cannot find 'a' in scope"])
  }

  @Test func rangePatternsNeedNumbers() {
    #expect(
      check("switch \"k\" {\ncase \"a\"...\"m\": break\ndefault: break\n}")
        == ["nb.md:11:9: error: a range pattern cannot match values of type 'String'"])
    #expect(
      check("switch 3 {\ncase 0.5...: break\ndefault: break\n}")
        == [
          "nb.md:11:6: error: expression pattern of type 'Double' cannot match values of type 'Int'"
        ])
  }

  @Test func switchOverAnOptionalNeedsNilAndAValue() {
    #expect(
      check("let o: Int? = 3\nswitch o {\ncase let v?: print(v)\n}")
        == ["nb.md:11:1: error: switch must be exhaustive; add a 'default:' case"])
    #expect(check("let o: Int? = 3\nswitch o {\ncase let v?: print(v)\ncase nil: break\n}") == [])
    #expect(
      check("let n = 3\nswitch n {\ncase let v?: print(v)\ndefault: break\n}")
        == ["nb.md:12:10: error: '?' pattern cannot match values of type 'Int'"])
  }

  @Test func aMismatchedTuplePatternStillBindsItsNames() {
    #expect(
      check("switch (1, 2) {\ncase let (a, b, c): print(a, b, c)\n}")
        == [
          "nb.md:11:10: error: a tuple pattern of 3 elements cannot match values of type '(Int, Int)'"
        ])
  }

  @Test func switchBindsNamesOnlyInItsCase() {
    #expect(
      check(
        "switch (1, 2) {\ncase (let a, 0): print(a)\ncase let (a, b): print(a + b)\n}\nprint(a)")
        == ["nb.md:14:7: error: cannot find 'a' in scope"])
  }

  @Test func optionalsAndTuplesSurviveTheRunCache() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let session = try makeSession(directory: directory)
    try evaluate(
      "let a: Int? = 3\nlet b: String? = nil\nlet t = (x: 1, y: [\"s\"])\nlet list = [a, nil]\n"
        + "let chosen: [Activation] = [.relu]",
      session: session)
    let data = try session.snapshotData()
    let restored = try makeSession(directory: directory)
    try restored.restore(from: data)
    let result = try evaluate(
      "print(a, b, t, list, a! + t.x, chosen, chosen[0])", session: restored)[0]
    #expect(
      printed(result)
        == "Optional(3) nil (x: 1, y: [\"s\"]) [Optional(3), nil] 4 [Activation.relu] relu\n")
  }

  @Test func tupleElementsAreAssignedInPlace() throws {
    let result = try evaluate(
      """
      var t = (1, 2)
      t.0 = 5
      t.1 += 10
      var point = (x: 1.5, y: 2)
      point.x += 1
      point.y = 7
      var pairs = [(1, "a"), (2, "b")]
      pairs[1].0 = 20
      pairs[0].1 += "!"
      struct Shape { var corner: (x: Int, y: Int) }
      var shape = Shape(corner: (x: 0, y: 0))
      shape.corner.x = 1
      shape.corner.y -= 3
      var nested = ((1, 2), xs: [3])
      nested.0.1 = 9
      nested.xs.append(4)
      let copy = nested
      nested.xs[0] = 0
      print(t, point, pairs, shape, nested, copy)
      """)[0]
    #expect(result.error == nil, "\(failure(result) ?? "")")
    #expect(
      printed(result)
        == "(5, 12) (x: 2.5, y: 7) [(1, \"a!\"), (20, \"b\")] Shape(corner: (x: 1, y: -3)) "
        + "((1, 9), xs: [0, 4]) ((1, 9), xs: [3, 4])\n")
  }

  @Test func tupleElementAssignmentCheckErrors() {
    #expect(
      check("let t = (1, 2)\nt.0 = 3")
        == [
          "nb.md:11:1: error: cannot assign to value: 't' is a 'let' constant; declare it with 'var' to change it"
        ])
    #expect(
      check("var t = (x: 1, y: 2)\nt.z = 3\nt.2 = 1\nt.x = \"a\"")
        == [
          "nb.md:11:3: error: value of type '(x: Int, y: Int)' has no member 'z'",
          "nb.md:12:3: error: value of type '(x: Int, y: Int)' has no member '2'",
          "nb.md:13:1: error: cannot assign value of type 'String' to type 'Int'",
        ])
  }

  @Test func valuesInsideOptionalsChangeThroughTheBang() throws {
    let results = try evaluate(
      """
      var groups: [String: [Int]] = ["a": [1]]
      groups["a"]!.append(2)
      var best: (Int, Double)? = (1, 0.5)
      best!.1 = 0.25
      var xs: [Int]? = [3]
      xs![0] += 1
      print(groups, best!, xs!)
      """, "groups[\"b\"]!.append(3)")
    #expect(printed(results[0]) == "[\"a\": [1, 2]] (1, 0.25) [4]\n")
    #expect(
      failure(results[1])
        == "nb.md:20:12: error: unexpectedly found nil while unwrapping an Optional value")
    #expect(
      check("let d = [\"a\": [1]]\nd[\"a\"]!.append(2)\nvar n = 1\nn! = 2")
        == [
          "nb.md:11:9: error: cannot use mutating member 'append' on 'd': it is a 'let' constant; declare it with 'var'",
          "nb.md:13:2: error: cannot force unwrap value of non-optional type 'Int'",
        ])
  }

  @Test func anOptionalChainGoesOnThroughMembersCallsAndSubscripts() throws {
    let result = try evaluate(
      """
      struct Box { var xs: [Int]; var name: String? }
      let some: Box? = Box(xs: [1, 2], name: "b")
      let none: Box? = nil
      print(some?.xs.count, none?.xs.count, some?.xs.map { $0 * 2 }, some?.xs[1], none?.xs[5])
      print(some?.name?.count, some?.xs.first, none?.xs.first, some?.name?.uppercased().count)
      """)[0]
    #expect(result.error == nil, "\(failure(result) ?? "")")
    #expect(
      printed(result)
        == "Optional(2) nil Optional([2, 4]) Optional(2) nil\nOptional(1) Optional(1) nil Optional(1)\n"
    )
  }

  @Test func fatalErrorsAndFailedPreconditionsStopTheCellAtTheCall() throws {
    let results = try evaluate(
      """
      func first(_ v: [Int]) -> Int {
        guard let f = v.first else { fatalError("empty input") }
        return f
      }
      precondition(first([7]) == 7, "first")
      assert(true)
      print(first([7]))
      """,
      "precondition(1 > 2, \"sizes differ\")", "assert(false)", "print(first([]))")
    #expect(printed(results[0]) == "7\n")
    #expect(failure(results[1]) == "nb.md:20:1: error: precondition failed: sizes differ")
    #expect(failure(results[2]) == "nb.md:30:1: error: assertion failed")
    #expect(failure(results[3]) == "nb.md:11:32: error: fatal error: empty input")
  }

  @Test func enumerationCasesPrintAsSwiftPrintsThem() throws {
    let result = try evaluate(
      """
      let chosen: Activation = .tanh
      let maybe: Activation? = .relu
      print(Activation.relu, "\\(chosen)", String(describing: chosen), maybe!, chosen == .tanh)
      print([Activation.relu, .softmax], maybe, (chosen, 1), ["k": Cost.crossEntropy])
      """)[0]
    #expect(
      printed(result)
        == "relu tanh tanh relu true\n"
        + "[Activation.relu, Activation.softmax] Optional(Activation.relu) (Activation.tanh, 1) "
        + "[\"k\": Cost.crossEntropy]\n")
  }

  @Test func rangesAnswerArrayMethods() throws {
    let result = try evaluate(
      "print((0..<5).map { $0 * 2 }, (1...4).reduce(0, +), (0..<3).enumerated().map { $0.offset })"
    )[0]
    #expect(printed(result) == "[0, 2, 4, 6, 8] 10 [0, 1, 2]\n")
  }
}

/// Closures made in a loop body capture that iteration's names, as in Swift.
@Suite struct PerIterationCaptureTests {
  @Test func eachClosureSeesItsOwnIteration() throws {
    let result = try evaluate(
      """
      var makers: [() -> Int] = []
      var total = 0
      for i in 0..<3 {
        let doubled = i * 2
        makers.append { doubled + i }
        total += i
      }
      func firstOver(_ limit: Int, in values: [Int]) -> Int {
        for v in values {
          let check = { v > limit }
          if check() { return v }
        }
        return -1
      }
      print(makers.map { $0() }, total, firstOver(2, in: [1, 5, 7]), firstOver(9, in: [1]))
      """)[0]
    #expect(failure(result) == nil)
    #expect(printed(result) == "[0, 3, 6] 3 5 -1\n")
  }
}
