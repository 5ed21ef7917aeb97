import Foundation
import Testing

@testable import NeuralNetwork

/// Data the tests share: the project's MNIST copy, loaded once, and small synthetic sets.
enum TestData {
  /// `notebooks/data/mnist` of this repository.
  static let mnistDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("notebooks/data/mnist").path

  /// The full MNIST training and test sets (loaded on first use).
  static let mnist: DataSplit? = try? MNIST.load(from: mnistDirectory)

  static func loadMNIST() throws -> DataSplit {
    try #require(mnist, "MNIST did not load from \(mnistDirectory)")
  }

  /// `count` examples of `features` values in [0, 1) with labels below `classes`, from `seed`.
  static func random(count: Int, features: Int, classes: Int, seed: UInt64) throws -> Dataset {
    var generator = SeededGenerator(seed: seed)
    let pixels = (0..<count * features).map { _ in Float(generator.nextUnitDouble()) }
    let labels = (0..<count).map { _ in UInt8(generator.nextInt(below: classes)) }
    return try Dataset(pixels: pixels, labels: labels, featureCount: features, classCount: classes)
  }

  /// A scratch folder for files a test writes.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "nudge-engine-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}

/// A folder of its own for one test suite's hand-made files, removed with the suite.
class ScratchFiles {
  let folder: URL

  init() throws { folder = try TestData.temporaryDirectory() }
  deinit { try? FileManager.default.removeItem(at: folder) }

  /// Writes `bytes` as `name` in the folder and returns its path.
  func write(_ bytes: [UInt8], _ name: String) throws -> String {
    let path = folder.appendingPathComponent(name).path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }
}
