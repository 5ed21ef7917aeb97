import Foundation
import Testing

@testable import NeuralNetwork

@Suite("MNIST and data sets")
struct MNISTTests {
  @Test("the loader reproduces MNIST's known facts")
  func knownFacts() throws {
    let data = try TestData.loadMNIST()
    #expect(data.train.count == 60000)
    #expect(data.test.count == 10000)
    #expect(data.train.featureCount == 784)
    #expect(data.train.imageWidth == 28 && data.train.imageHeight == 28)
    #expect(data.train.classCount == 10)
    let (mean, std) = data.train.pixelStatistics
    #expect(abs(mean - 0.1307) < 5e-5, "mean \(mean)")
    #expect(abs(std - 0.3081) < 5e-5, "std \(std)")
    #expect(data.train.pixels.min() == 0 && data.train.pixels.max() == 1)
    #expect(data.train[0].label == 5)
    #expect(data.test[0].label == 7)
    #expect(data.test.classCounts[0] == 980)
    #expect(data.test.classCounts[1] == 1135)
    #expect(data.train.classCounts.reduce(0, +) == 60000)
  }

  @Test("loading fewer examples keeps the files' first ones")
  func limitedLoad() throws {
    let small = try MNIST.load(from: TestData.mnistDirectory, train: 100, test: 50)
    let full = try TestData.loadMNIST()
    #expect(small.train.count == 100 && small.test.count == 50)
    #expect(small.train.pixels == Array(full.train.pixels[0..<100 * 784]))
    #expect(small.test.labels == Array(full.test.labels[0..<50]))
  }

  @Test("subsets, prefixes and splits keep rows and labels together")
  func subsets() throws {
    let data = try TestData.loadMNIST().test
    let part = data.subset(10..<20)
    #expect(part.count == 10)
    #expect(part[0] == data[10])
    #expect(part.imageWidth == 28)
    #expect(data.prefix(3).labels == Array(data.labels[0..<3]))
    #expect(data.prefix(20000).count == 10000)
    let split = try data.prefix(100).split(trainCount: 80)
    #expect(split.train.count == 80 && split.test.count == 20)
    #expect(split.test[0] == data[80])
    #expect(throws: NeuralNetworkError.self) { try data.prefix(100).split(trainCount: 100) }
  }

  @Test("a plain (uncompressed) IDX file loads like its gzip original")
  func plainIDX() throws {
    let folder = try TestData.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let images = try IDXFixtures.bytes(
      magic: 2051, dimensions: [3, 2, 2], values: Array(0..<12).map { UInt8($0 * 20) })
    let labels = try IDXFixtures.bytes(magic: 2049, dimensions: [3], values: [4, 0, 9])
    let imagePath = folder.appendingPathComponent("images").path
    let labelPath = folder.appendingPathComponent("labels").path
    try Data(images).write(to: URL(fileURLWithPath: imagePath))
    try Data(labels).write(to: URL(fileURLWithPath: labelPath))
    let data = try IDX.loadDataset(images: imagePath, labels: labelPath)
    #expect(data.count == 3 && data.featureCount == 4)
    #expect(data.imageWidth == 2 && data.imageHeight == 2)
    #expect(data.labels == [4, 0, 9])
    #expect(data[1].pixels == [80, 100, 120, 140].map { Float($0) / 255 })
  }

  @Test("Fashion-MNIST's absence names the Debian package")
  func fashionMissing() throws {
    let missing = "/nonexistent/fashion-mnist"
    #expect {
      try FashionMNIST.load(from: missing)
    } throws: { error in
      "\(error)".contains("dataset-fashion-mnist") && "\(error)".contains(missing)
    }
  }
}

/// Hand-made IDX files for format tests.
enum IDXFixtures {
  /// An IDX file: magic number (big-endian), dimensions, values.
  static func bytes(magic: UInt32, dimensions: [UInt32], values: [UInt8]) throws -> [UInt8] {
    var bytes: [UInt8] = []
    for word in [magic] + dimensions {
      bytes += [
        UInt8(word >> 24), UInt8(word >> 16 & 0xff), UInt8(word >> 8 & 0xff), UInt8(word & 0xff),
      ]
    }
    return bytes + values
  }
}
