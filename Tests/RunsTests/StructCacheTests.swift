import Foundation
import Notebook
import Testing

@testable import Runs

/// A notebook that declares a struct is cached like any other: later cells are not recomputed,
/// and a partly cached render shows what a fresh one does.
@Suite struct StructCacheTests {
  static let declaration = """
    //| name: types
    let step = 3
    struct Walker {
      var position: Int
      var steps: Int = 0
      var distance: Int { position * position }
      mutating func walk() {
        position += step
        steps += 1
      }
      func report() -> String { "at \\(position) after \\(steps) steps" }
    }
    """
  static let values = """
    //| name: values
    var walker = Walker(position: 1)
    walker.walk()
    print(walker.report())
    """
  static let later = """
    //| name: later
    walker.walk()
    print(walker.report(), walker.distance, walker)
    """

  @Test func aSecondRenderTakesEveryCellFromTheCacheWithNoWarning() throws {
    let harness = try CacheInvariantHarness()
    defer { harness.removeFolder() }
    let text = CacheInvariantTests.notebook([Self.declaration, Self.values, Self.later])
    let first = try harness.render(text, output: "out", cache: harness.cache)
    #expect(first.cells.allSatisfy { $0.first == "ok" }, "\(first)")
    #expect(first.warnings.isEmpty, "\(first.warnings)")
    let second = try harness.render(text, output: "out", cache: harness.cache)
    #expect(second.cached == [true, true, true], "\(second)")
    #expect(second.warnings.isEmpty, "\(second.warnings)")
    #expect(second.sameResults(as: first))
  }

  @Test func aPartlyCachedRenderEqualsAFreshOne() throws {
    let harness = try CacheInvariantHarness()
    defer { harness.removeFolder() }
    _ = try harness.render(
      CacheInvariantTests.notebook([Self.declaration, Self.values, Self.later]), output: "out",
      cache: harness.cache)
    let edited = CacheInvariantTests.notebook([
      Self.declaration, Self.values, Self.later + "\nwalker.walk()\nwalker",
    ])
    let partly = try harness.render(edited, output: "out", cache: harness.cache)
    #expect(partly.cached == [true, true, false], "\(partly)")
    #expect(partly.warnings.isEmpty, "\(partly.warnings)")
    let fresh = try harness.freshRender(edited)
    #expect(partly.sameResults(as: fresh), "cached:\n\(partly)\nfresh:\n\(fresh)")
    #expect(
      fresh.cells[2].contains("text at 7 after 2 steps 49 Walker(position: 7, steps: 2)\n"),
      "\(fresh)")
  }
}
