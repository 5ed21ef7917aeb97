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

  static let original = notebook([setup, trainAndSave, last])
  static let edited = notebook([setup, trainAndSave, last + "\n// edited"])

  @Test func twoNamesOfOneNetworkAndASavedFileSurviveAPartlyCachedRender() throws {
    let harness = try CacheInvariantHarness()
    defer { harness.removeFolder() }
    let first = try harness.render(Self.original, output: "out", cache: harness.cache)
    #expect(first.cells.allSatisfy { $0.first == "ok" }, "\(first)")

    try harness.removeCheckpoints(in: "out")
    let partly = try harness.render(Self.edited, output: "out", cache: harness.cache)
    #expect(partly.cached == [true, true, false])
    let fresh = try harness.freshRender(Self.edited)
    #expect(partly.sameResults(as: fresh), "cached:\n\(partly)\nfresh:\n\(fresh)")
    #expect(partly.warnings.isEmpty, "\(partly.warnings)")
    // The alias was trained twice with `net`, so it no longer matches the saved checkpoint.
    let printed = fresh.cells[2].filter { $0.hasPrefix("text ") }
    #expect(printed.count == 2 && printed[0] != printed[1], "\(fresh)")
  }

  @Test func aCheckpointThatCannotBeRestoredRecomputesItsCell() throws {
    let harness = try CacheInvariantHarness()
    defer { harness.removeFolder() }
    let cache = harness.cache
    _ = try harness.render(Self.original, output: "out", cache: cache)
    for name in try FileManager.default.contentsOfDirectory(atPath: cache.directory)
    where name.hasSuffix(".written") {
      try FileManager.default.removeItem(atPath: cache.directory + "/" + name)
    }
    try harness.removeCheckpoints(in: "out")
    let partly = try harness.render(Self.edited, output: "out", cache: cache)
    #expect(partly.cached == [true, false, false])
    #expect(
      partly.warnings.contains {
        $0.contains("cell 'first': the files it wrote cannot be restored")
      })
    #expect(partly.sameResults(as: try harness.freshRender(Self.edited)))
  }
}

extension CacheInvariantTests {
  @Test func aWrittenFileOutsideTheOutputFolderIsNotRestored() throws {
    let harness = try CacheInvariantHarness()
    defer { harness.removeFolder() }
    _ = try harness.render(Self.original, output: "first", cache: harness.cache)
    // The same cache under another output folder: the saved checkpoint's path is outside it.
    let elsewhere = try harness.render(Self.original, output: "second", cache: harness.cache)
    #expect(elsewhere.cached.prefix(2) == [true, false])
    #expect(
      elsewhere.warnings.contains {
        $0.contains("cell 'first': the files it wrote cannot be restored")
          && $0.contains("only inside the output folder")
      }, "\(elsewhere.warnings)")
    #expect(elsewhere.sameResults(as: try harness.freshRender(Self.original)))
  }
}
