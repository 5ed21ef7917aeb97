import Foundation
import Notebook
import Testing

@testable import Directives

/// `struct`: stored properties with defaults, the memberwise initializer, methods, `mutating`
/// methods, computed properties, `self`, value semantics, printing and check errors.
@Suite struct StructTests {
  func check(_ sources: String...) -> [String] {
    let cells = sources.enumerated().map { makeCell($1, index: $0, line: 10 * ($0 + 1)) }
    return NotebookChecker().check(cells: cells, params: [], file: "nb.md").map(\.description)
  }

  static let point = """
    struct Point {
      var x: Double
      var y: Double = 0
      var length: Double { (x * x + y * y).squareRoot() }
      func scaled(by factor: Double) -> Point { Point(x: x * factor, y: self.y * factor) }
      mutating func move(dx: Double, dy: Double = 0) {
        x += dx
        self.y += dy
      }
    }
    """

  @Test func memberwiseInitializerMethodsAndPrinting() throws {
    let results = try evaluate(
      Self.point,
      """
      var p = Point(x: 3, y: 4)
      print(p, p.length, p.scaled(by: 2), Point(x: 1), p.x + p.y)
      p.move(dx: 1)
      p.move(dx: 0, dy: -4)
      print(p)
      """)
    #expect(results[0].error == nil)
    #expect(
      printed(results[1])
        == "Point(x: 3.0, y: 4.0) 5.0 Point(x: 6.0, y: 8.0) Point(x: 1.0, y: 0.0) 7.0\nPoint(x: 4.0, y: 0.0)\n"
    )
  }

  @Test func copiesAreIndependentAndElementsChangeInPlace() throws {
    let results = try evaluate(
      Self.point,
      """
      var a = Point(x: 1)
      var b = a
      b.x = 10
      b.move(dx: 1)
      var points = [a, b]
      points[0].y = 5
      points[1].move(dx: -11, dy: 2)
      print(a, b, points, points.map { $0.length })
      """)
    #expect(
      printed(results[1])
        == "Point(x: 1.0, y: 0.0) Point(x: 11.0, y: 0.0) [Point(x: 1.0, y: 5.0), Point(x: 0.0, y: 2.0)] [5.0990195135927845, 2.0]\n"
    )
  }

  @Test func letWithDefaultIsNotAnInitializerParameter() throws {
    let source = """
      struct Run {
        let name: String
        let kind = "sweep"
        var scores: [Double] = []
        var best: Double { scores.max() ?? 0 }
        mutating func record(_ score: Double) { scores.append(score) }
      }
      var run = Run(name: "a")
      run.record(0.5)
      run.record(0.75)
      print(run, run.best, run.scores.count)
      """
    #expect(
      try printed(evaluate(source)[0])
        == "Run(name: \"a\", kind: \"sweep\", scores: [0.5, 0.75]) 0.75 2\n")
  }

  @Test func structsAreUsableInLaterCellsAndFunctions() throws {
    let results = try evaluate(
      Self.point,
      "func farthest(_ points: [Point]) -> Point { points.sorted { $0.length > $1.length }[0] }",
      "let p: Point = farthest([Point(x: 1), Point(x: 0, y: 3), Point(x: 2)])\np")
    #expect(results[2].error == nil)
    #expect(shown(results[2]) == "Point(x: 0.0, y: 3.0)")
  }

  @Test func functionsOfTheSameCellNameTheStruct() throws {
    let result = try evaluate(
      Self.point + "\n"
        + "func distance(_ a: Point, _ b: Point) -> Double { a.scaled(by: -1).x + b.x }\n"
        + "func origin() -> Point { Point(x: 0) }\n"
        + "print(distance(Point(x: 1), Point(x: 3)), origin())")[0]
    #expect(result.error == nil, "\(failure(result) ?? "")")
    #expect(printed(result) == "2.0 Point(x: 0.0, y: 0.0)\n")
  }

  @Test func checkErrors() {
    #expect(
      check(
        """
        struct P {
          var x: Int
          func bad() { x = 2 }
          var twice: Int { x * 2 }
        }
        """,
        "let p = P(x: 1)\np.x = 3",
        "var q = P(x: 1)\nq.twice = 4\nq.move()",
        "print(P(y: 2), P(x: 1.5))",
        "func inside() {\n  struct Q { var a: Int }\n}",
        "struct R: Equatable { var a: Int }",
        "struct S { var a }"
      ) == [
        // Syntax errors come first: they stop their cells before compiling.
        "nb.md:60:9: error: a protocol conformance is not supported in notebook cells; structs here need no protocols",
        "nb.md:70:16: error: the property 'a' needs a type or a default value",
        "nb.md:12:16: error: cannot assign to property: 'self' is immutable; mark the method 'mutating'",
        "nb.md:21:1: error: cannot assign to value: 'p' is a 'let' constant; declare it with 'var' to change it",
        "nb.md:31:3: error: cannot assign to property: 'twice' is a get-only property",
        "nb.md:32:3: error: value of type 'P' has no member 'move'",
        "nb.md:40:9: error: unknown argument label 'y:' in call to 'P'",
        "nb.md:40:21: error: cannot convert value of type 'Double' to expected argument type 'Int'",
        "nb.md:51:10: error: declare a struct at the top level of a cell",
      ])
  }

  static let temperature = """
    struct Temperature {
      let kelvin: Double
      var label = "t"
      init(celsius: Double, label: String = "c") {
        kelvin = celsius + 273.15
        self.label = label
      }
      var celsius: Double { kelvin - 273.5 }
    }
    """

  @Test func aCustomInitReplacesTheMemberwiseOne() throws {
    let source =
      Self.temperature
      + #"\#nprint(Temperature(celsius: 20), Temperature(celsius: 0.35, label: "x").celsius)"#
    #expect(
      try printed(evaluate(source)[0])
        == "Temperature(kelvin: 293.15, label: \"c\") 0.0\n")
    #expect(
      check("struct T {\n  let k: Double\n  init(c: Double) { k = c }\n}\nprint(T(k: 1))")
        == ["nb.md:14:9: error: unknown argument label 'k:' in call to 'T'"])
    let unset = try evaluate("struct Bad {\n  var a: Int\n  init() {}\n}\nprint(Bad())")
    #expect(
      failure(unset[0]) == "nb.md:12:3: error: 'init' of 'Bad' ended without giving 'a' a value")
  }

  @Test func snapshotsKeepStructValues() throws {
    let session = try makeSession()
    try evaluate(Self.point, "var p = Point(x: 2)", session: session)
    let snapshot = session.snapshot()
    session.evaluate(makeCell("p.move(dx: 5)", index: 2, line: 30))
    #expect(try shown(evaluate("p", session: session)[0]) == "Point(x: 7.0, y: 0.0)")
    session.restore(snapshot)
    #expect(try shown(evaluate("p.x", session: session)[0]) == "2.0")
  }
}
