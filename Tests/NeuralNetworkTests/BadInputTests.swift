import Foundation
import Testing

@testable import NeuralNetwork

@Suite("Bad input throws typed errors")
final class BadInputTests: ScratchFiles {
  var mnistLabels: [UInt8] {
    get throws {
      [UInt8](
        try Data(
          contentsOf: URL(fileURLWithPath: TestData.mnistDirectory + "/t10k-labels-idx1-ubyte.gz")))
    }
  }

  @Test("a truncated gzip file")
  func truncatedGzip() throws {
    let gzip = try mnistLabels
    let path = try write(Array(gzip[0..<gzip.count / 2]), "truncated.gz")
    #expect {
      try IDX.read(path: path)
    } throws: { error in
      guard case .corruptGzip(let where_, let reason) = error as? NeuralNetworkError else {
        return false
      }
      return where_ == path && reason.contains("truncated")
    }
  }

  @Test("a corrupt gzip file")
  func corruptGzip() throws {
    var gzip = try mnistLabels
    for i in 20..<60 { gzip[i] ^= 0x5a }
    let path = try write(gzip, "corrupt.gz")
    #expect {
      try IDX.read(path: path)
    } throws: { error in
      if case .corruptGzip = error as? NeuralNetworkError { return "\(error)".contains(path) }
      return false
    }
  }

  @Test("a truncated IDX file, and one with bytes to spare")
  func truncatedIDX() throws {
    let full = try IDXFixtures.bytes(
      magic: 2051, dimensions: [2, 3, 3], values: Array(repeating: 7, count: 18))
    let short = try write(Array(full.dropLast(5)), "short")
    #expect {
      try IDX.read(path: short)
    } throws: { "\($0)".contains("truncated") && "\($0)".contains("need 18 bytes") }
    let long = try write(full + [1, 2], "long")
    #expect {
      try IDX.read(path: long)
    } throws: { "\($0)".contains("2 unexpected bytes") }
    let header = try write(Array(full[0..<9]), "header")
    #expect {
      try IDX.read(path: header)
    } throws: { "\($0)".contains("truncated header") }
  }

  @Test("wrong magic numbers")
  func wrongMagic() throws {
    let text = try write(Array("hello, world".utf8), "text")
    #expect {
      try IDX.read(path: text)
    } throws: { "\($0)".contains("wrong magic number") }
    let floats = try write(
      IDXFixtures.bytes(magic: 0x0D01, dimensions: [1], values: [0, 0, 0, 0]), "floats")
    #expect {
      try IDX.read(path: floats)
    } throws: { "\($0)".contains("type code 0xd") }
  }

  @Test("images and labels of different counts")
  func countMismatch() throws {
    let images = try write(
      IDXFixtures.bytes(
        magic: 2051, dimensions: [3, 2, 2], values: Array(repeating: 1, count: 12)), "images")
    let labels = try write(
      IDXFixtures.bytes(magic: 2049, dimensions: [2], values: [1, 2]), "labels")
    #expect(
      throws: NeuralNetworkError.countMismatch(
        images: images, imageCount: 3, labels: labels, labelCount: 2)
    ) {
      try IDX.loadDataset(images: images, labels: labels)
    }
  }

  @Test("a missing file")
  func missingFile() {
    #expect {
      try IDX.read(path: "/nonexistent/images.gz")
    } throws: { "\($0)".contains("no such file") }
  }

  @Test("a network whose input layer does not match the data (784 vs 64)")
  func sizeMismatch() throws {
    let data = try TestData.random(count: 20, features: 784, classes: 10, seed: 1)
    let network = try Network(
      sizes: [64, 16, 10], hidden: .sigmoid, output: .sigmoid, cost: .quadratic, seed: 1)
    #expect {
      try network.train(on: data, epochs: 1, batchSize: 10, learningRate: 1)
    } throws: { "\($0)".contains("784 features") && "\($0)".contains("64 neurons") }
    #expect(throws: NeuralNetworkError.self) { try network.evaluate(on: data) }
    #expect(throws: NeuralNetworkError.self) { try network.gradientCheck(on: data) }
    #expect(throws: NeuralNetworkError.self) { try network.feedforward(data[0].pixels) }
    #expect(throws: NeuralNetworkError.self) { try network.nudges(for: data[0]) }
    let fewOutputs = try Network(
      sizes: [784, 4], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)
    #expect {
      try fewOutputs.train(on: data, epochs: 1, batchSize: 10, learningRate: 1)
    } throws: { "\($0)".contains("only 4 outputs") }
  }

  @Test(
    "zero, negative and missing layer sizes",
    arguments: [[784, 0, 10], [784, -3, 10], [784], [], [0]])
  func badSizes(sizes: [Int]) {
    #expect {
      try Network(sizes: sizes, hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)
    } throws: { error in
      if case .invalidLayerSizes = error as? NeuralNetworkError { return true }
      return false
    }
  }

  @Test("activations where they do not belong")
  func badActivations() {
    #expect(throws: NeuralNetworkError.self) {
      try Network(
        sizes: [4, 3, 2], hidden: .softmax, output: .softmax, cost: .crossEntropy, seed: 1)
    }
    #expect(throws: NeuralNetworkError.self) {
      try Network(sizes: [4, 3, 2], hidden: .relu, output: .relu, cost: .crossEntropy, seed: 1)
    }
  }

  @Test("training settings out of range")
  func badTrainingSettings() throws {
    let data = try TestData.random(count: 20, features: 5, classes: 3, seed: 1)
    let network = try Network(
      sizes: [5, 4, 3], hidden: .sigmoid, output: .sigmoid, cost: .quadratic, seed: 1)
    let before = network.weights(layer: 1)
    #expect {
      try network.train(on: data, epochs: 1, batchSize: 21, learningRate: 1)
    } throws: { "\($0)".contains("batch size 21") && "\($0)".contains("20 examples") }
    #expect {
      try network.train(on: data, epochs: 1, batchSize: 5, learningRate: .nan)
    } throws: { "\($0)".contains("learning rate nan") }
    for (epochs, batch, rate, momentum, l2) in [
      (0, 5, 1.0, 0.0, 0.0), (1, 0, 1, 0, 0), (1, 5, -1, 0, 0), (1, 5, .infinity, 0, 0),
      (1, 5, 1, 1, 0),
      (1, 5, 1, 0, -1),
    ] {
      #expect(throws: NeuralNetworkError.self) {
        try network.train(
          on: data, epochs: epochs, batchSize: batch, learningRate: rate, momentum: momentum, l2: l2
        )
      }
    }
    #expect(network.weights(layer: 1) == before, "a refused training run changes nothing")
    #expect(throws: NeuralNetworkError.self) { try network.gradientCheck(on: data, samples: 0) }
    #expect(throws: NeuralNetworkError.self) { try network.gradientCheck(on: data, epsilon: .nan) }
  }

  @Test("data sets whose arrays disagree")
  func badDatasets() {
    #expect(throws: NeuralNetworkError.self) {
      try Dataset(pixels: [0, 1, 2], labels: [1, 2], featureCount: 2)
    }
    #expect(throws: NeuralNetworkError.self) {
      try Dataset(pixels: [0, 1], labels: [12], featureCount: 2, classCount: 10)
    }
    #expect(throws: NeuralNetworkError.self) {
      try Dataset(pixels: [], labels: [], featureCount: 0)
    }
    #expect(throws: NeuralNetworkError.self) {
      try MNIST.load(from: TestData.mnistDirectory, train: 0, test: 10)
    }
    #expect(throws: NeuralNetworkError.self) {
      try MNIST.load(from: TestData.mnistDirectory, train: 10, test: 10001)
    }
  }

  @Test("a NaN cost stops training and names the epoch and mini-batch")
  func nanCost() throws {
    var pixels = [Float](repeating: 0.5, count: 40 * 5)
    pixels[37 * 5 + 2] = .nan
    let data = try Dataset(
      pixels: pixels, labels: [UInt8](repeating: 1, count: 40), featureCount: 5, classCount: 3)
    let network = try Network(
      sizes: [5, 4, 3], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)
    #expect {
      try network.train(on: data, epochs: 2, batchSize: 40, learningRate: 0.1)
    } throws: { error in
      guard case .nonFiniteCost(1, 1, let cost) = error as? NeuralNetworkError else { return false }
      return cost.isNaN && "\(error)".contains("epoch 1, mini-batch 1")
    }
    let weights = network.weights(layer: 1)
    #expect(weights.allSatisfy { $0.isFinite }, "the poisoned batch is not applied")
  }

  @Test("a diverging run stops with a clear message")
  func divergence() throws {
    let data = try TestData.loadMNIST().train.prefix(2000)
    let network = try Network(
      sizes: [784, 16, 10], hidden: .relu, output: .relu, cost: .quadratic, seed: 1)
    #expect {
      try network.train(on: data, epochs: 3, batchSize: 10, learningRate: 1e30)
    } throws: { error in
      guard case .nonFiniteCost(let epoch, let batch, _) = error as? NeuralNetworkError else {
        return false
      }
      return epoch >= 1 && batch >= 1 && "\(error)".contains("epoch \(epoch), mini-batch \(batch)")
    }
  }

  @Test("a damaged checkpoint")
  func badCheckpoint() throws {
    let network = try Network(
      sizes: [5, 4, 3], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)
    let bytes = network.safetensorsBytes()
    for damaged in [
      Array(bytes.prefix(4)), Array(bytes.dropLast(8)), [UInt8](repeating: 0xff, count: 64),
    ] {
      let path = try write(damaged, "bad.safetensors")
      #expect(throws: NeuralNetworkError.self) { try Network.load(from: path) }
    }
  }
}
