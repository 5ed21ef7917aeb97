import Foundation
import Notebook
import Testing

@testable import Directives

/// Structs in a saved session come back as the same types: their values, initializers,
/// methods and computed properties, and the functions of later cells that use them.
@Suite struct SnapshotStructTests {
  let params = [Param(name: "scale", value: .int(2), line: 2)]

  @Test func structValuesMethodsAndTheFunctionsThatUseThemAreRestored() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let original = try makeSession(params: params, directory: directory)
    let defined = try evaluate(
      """
      let offset = 100
      struct Point {
        var x: Int
        var y: Int = 1
        var sum: Int { x + y + offset }
        func scaled(_ factor: Int) -> Point { Point(x: x * factor, y: y * factor) }
        mutating func shift(by step: Int) { x += step }
      }
      struct Counter {
        let start: Int
        var count: Int
        init(from start: Int) {
          self.start = start
          count = start * scale
        }
      }
      """,
      """
      var p = Point(x: 3)
      p.shift(by: 2)
      let counter = Counter(from: 4)
      func total(_ point: Point) -> Int { point.x + point.y }
      """, session: original)
    #expect(defined.allSatisfy { $0.error == nil }, "\(defined.map(\.outputs))")
    let bytes = try original.snapshotData()

    let restored = try makeSession(params: params, directory: directory)
    try restored.restore(from: bytes)
    let after = restored.evaluate(
      makeCell(
        """
        p.shift(by: 1)
        let q = p.scaled(2)
        print(p, q.sum, total(q), counter.count, Counter(from: 1).start, Point(x: 0, y: 0) == Point(x: 0, y: 0))
        """,
        index: 2, line: 40))
    #expect(
      printed(after) == "Point(x: 6, y: 1) 114 14 8 1 true\n", "\(after.outputs)")
  }

  @Test func aStructAndAValueOfItFromOneCellAreRestored() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let original = try makeSession(params: params, directory: directory)
    let defined = try evaluate(
      "struct Box { var value: Int\n  func doubled() -> Int { value * 2 } }\nlet box = Box(value: 5)",
      session: original)
    #expect(defined.allSatisfy { $0.error == nil }, "\(defined.map(\.outputs))")
    let restored = try makeSession(params: params, directory: directory)
    try restored.restore(from: try original.snapshotData())
    let after = restored.evaluate(
      makeCell("print(box.doubled(), box)", index: 1, line: 40))
    #expect(printed(after) == "10 Box(value: 5)\n", "\(after.outputs)")
  }
}
