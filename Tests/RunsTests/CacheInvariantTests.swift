import Foundation
import Notebook
import Testing

@testable import Runs

/// A render that takes cells from the cache computes what a fresh render computes.
@Suite struct CacheInvariantTests {
  static let setup = """
    //| name: setup
    let data = idx(images: "images.idx", labels: "labels.idx")
    let net = network([16, 6, 3], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)
    let alias = net
    """
  static let trainAndSave = """
    //| name: first
    net.train(on: data, epochs: 1, batchSize: 5, learningRate: 0.5)
    save(net, "probe")
    print("saved")
    """
  static let last = """
    //| name: last
    net.train(on: data, epochs: 1, batchSize: 5, learningRate: 0.5)
    print(alias.evaluate(on: data).meanCost)
    print(load("probe").evaluate(on: data).meanCost)
    """

  static func notebook(_ cells: [String]) -> String {
    cells.map { "```swift\n\($0)\n```\n" }.joined(separator: "\n")
  }

  @Test func twoNamesOfOneNetworkAndASavedFileSurviveAPartlyCachedRender() throws {
    let harness = try CacheInvariantHarness()
    defer { harness.removeFolder() }
    let cache = CellCache(directory: harness.folder + "/cache")
    let original = Self.notebook([Self.setup, Self.trainAndSave, Self.last])
    let first = try harness.render(original, output: "out", cache: cache)
    #expect(first.cells.allSatisfy { $0.first == "ok" }, "\(first)")

    let edited = Self.notebook([Self.setup, Self.trainAndSave, Self.last + "\n// edited"])
    try harness.removeCheckpoints(in: "out")
    let partly = try harness.render(edited, output: "out", cache: cache)
    #expect(partly.cached == [true, true, false])
    let fresh = try harness.freshRender(edited)
    #expect(partly.sameResults(as: fresh), "cached:\n\(partly)\nfresh:\n\(fresh)")
    #expect(partly.warnings.isEmpty, "\(partly.warnings)")
    // The alias was trained twice with `net`, so it no longer matches the saved checkpoint.
    let printed = fresh.cells[2].filter { $0.hasPrefix("text ") }
    #expect(printed.count == 2 && printed[0] != printed[1], "\(fresh)")
  }

  @Test func aCheckpointThatCannotBeRestoredRecomputesItsCell() throws {
    let harness = try CacheInvariantHarness()
    defer { harness.removeFolder() }
    let cache = CellCache(directory: harness.folder + "/cache")
    let original = Self.notebook([Self.setup, Self.trainAndSave, Self.last])
    _ = try harness.render(original, output: "out", cache: cache)
    for name in try FileManager.default.contentsOfDirectory(atPath: cache.directory)
    where name.hasSuffix(".written") {
      try FileManager.default.removeItem(atPath: cache.directory + "/" + name)
    }
    try harness.removeCheckpoints(in: "out")
    let edited = Self.notebook([Self.setup, Self.trainAndSave, Self.last + "\n// edited"])
    let partly = try harness.render(edited, output: "out", cache: cache)
    #expect(partly.cached == [true, false, false])
    #expect(
      partly.warnings.contains {
        $0.contains("cell 'first': the files it wrote cannot be restored")
      })
    #expect(partly.sameResults(as: try harness.freshRender(edited)))
  }
}
