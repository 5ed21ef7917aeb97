import Foundation
import Testing

@testable import NeuralNetwork

@Suite("Networks: shape, checkpoints, evaluation, nudges")
struct NetworkTests {
  @Test("784-16-16-10 has 13,002 parameters drawn from N(0, 1/n_in), biases 0")
  func initialisation() throws {
    let network = try Network(
      sizes: [784, 16, 16, 10], hidden: .sigmoid, output: .sigmoid, cost: .quadratic, seed: 1)
    #expect(network.parameterCount == 13_002)
    let weights = network.weights(layer: 1)
    #expect(weights.count == 16 * 784)
    let variance = weights.reduce(0.0) { $0 + Double($1 * $1) } / Double(weights.count)
    #expect(abs(variance - 1.0 / 784) < 0.1 / 784)
    #expect(network.biases(layer: 3) == [Float](repeating: 0, count: 10))
    let standard = try Network(
      sizes: [784, 16, 10], hidden: .sigmoid, output: .sigmoid, cost: .quadratic, seed: 1,
      initialization: .standard)
    let wide = standard.weights(layer: 1)
    #expect(abs(wide.reduce(0.0) { $0 + Double($1 * $1) } / Double(wide.count) - 1) < 0.1)
  }

  @Test("biasInitialization: .standard draws biases from N(0, 1) and keeps the weights' draws")
  func standardBiases() throws {
    let zeroBiases = try Network(
      sizes: [784, 400, 10], hidden: .sigmoid, output: .sigmoid, cost: .quadratic, seed: 5,
      initialization: .standard)
    let drawnBiases = try Network(
      sizes: [784, 400, 10], hidden: .sigmoid, output: .sigmoid, cost: .quadratic, seed: 5,
      initialization: .standard, biasInitialization: .standard)
    #expect(zeroBiases.biases(layer: 1).allSatisfy { $0 == 0 })
    let biases = drawnBiases.biases(layer: 1)
    let mean = biases.reduce(0.0) { $0 + Double($1) } / Double(biases.count)
    let variance =
      biases.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) }
      / Double(biases.count)
    #expect(abs(mean) < 0.15)
    #expect(abs(variance - 1) < 0.2)
    #expect(drawnBiases.biases(layer: 2).contains { $0 != 0 })
    // The first layer's weights come first from the generator, so they match.
    #expect(drawnBiases.weights(layer: 1) == zeroBiases.weights(layer: 1))
  }

  @Test("a .safetensors checkpoint round-trips exactly and names its tensors")
  func safetensorsRoundTrip() throws {
    let mnist = try TestData.loadMNIST()
    let network = try Network(
      sizes: [784, 16, 16, 10], hidden: .tanh, output: .softmax, cost: .crossEntropy, seed: 3)
    try network.train(on: mnist.train.prefix(500), epochs: 1, batchSize: 10, learningRate: 0.1)
    let folder = try TestData.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("net.safetensors").path
    try network.save(to: path)
    let loaded = try Network.load(from: path)
    #expect(loaded.sizes == network.sizes && loaded.hidden == .tanh && loaded.output == .softmax)
    #expect(loaded.cost == .crossEntropy && loaded.seed == 3)
    for l in 1...3 {
      #expect(loaded.weights(layer: l) == network.weights(layer: l))
      #expect(loaded.biases(layer: l) == network.biases(layer: l))
    }
    #expect(
      try loaded.feedforward(mnist.test[0].pixels) == network.feedforward(mnist.test[0].pixels))
    let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8 | Int(bytes[2]) << 16
    let header = String(decoding: bytes[8..<8 + headerLength], as: UTF8.self)
    #expect(header.contains("\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[16,784]"))
    #expect(header.contains("\"sizes\":\"784,16,16,10\""))
    #expect(bytes.count == 8 + headerLength + 13_002 * 4)
    #expect((8 + headerLength) % 8 == 0)
  }

  @Test("Codable round trip keeps parameters and the shuffle state")
  func codableRoundTrip() throws {
    let data = try TestData.loadMNIST().train.prefix(300)
    let network = try Network(
      sizes: [784, 12, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 4)
    try network.train(on: data, epochs: 1, batchSize: 10, learningRate: 0.1)
    let decoded = try JSONDecoder().decode(Network.self, from: JSONEncoder().encode(network))
    #expect(decoded.weights(layer: 1) == network.weights(layer: 1))
    let next = try network.train(on: data, epochs: 1, batchSize: 10, learningRate: 0.1).batchCosts
    let restored = try decoded.train(on: data, epochs: 1, batchSize: 10, learningRate: 0.1)
      .batchCosts
    #expect(next == restored)
  }

  @Test("copy() is independent")
  func copies() throws {
    let data = try TestData.random(count: 20, features: 5, classes: 3, seed: 1)
    let network = try Network(
      sizes: [5, 4, 3], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)
    let snapshot = network.copy()
    try network.train(on: data, epochs: 1, batchSize: 5, learningRate: 0.5)
    #expect(snapshot.weights(layer: 1) != network.weights(layer: 1))
    #expect(
      snapshot.weights(layer: 1)
        == (try Network(
          sizes: [5, 4, 3], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)).weights(
          layer: 1))
  }

  @Test("evaluation: accuracy, mean cost and a confusion matrix that agree")
  func evaluation() throws {
    let mnist = try TestData.loadMNIST()
    let network = try Network(
      sizes: [784, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 5)
    try network.train(on: mnist.train.prefix(2000), epochs: 1, batchSize: 20, learningRate: 0.1)
    let test = mnist.test.prefix(1000)
    let result = try network.evaluate(on: test)
    #expect(result.count == 1000)
    #expect(result.confusion.map { $0.reduce(0, +) } == test.classCounts)
    #expect((0..<10).reduce(0) { $0 + result.confusion[$1][$1] } == result.correct)
    #expect(result.accuracy == Double(result.correct) / 1000)
    var manualCost = 0.0
    var manualCorrect = 0
    for i in 0..<test.count {
      let output = try network.feedforward(test[i].pixels)
      manualCost -= log(Double(output[test[i].label]))
      if output.indices.max(by: { output[$0] < output[$1] }) == test[i].label { manualCorrect += 1 }
    }
    #expect(manualCorrect == result.correct)
    #expect(abs(manualCost / 1000 - result.meanCost) < 1e-4)
  }

  @Test(
    "nudges: what one example asks of the last layer", arguments: [Cost.quadratic, .crossEntropy])
  func nudges(cost: Cost) throws {
    let example = try TestData.loadMNIST().train[0]
    let network = try Network(
      sizes: [784, 16, 16, 10], hidden: .sigmoid, output: .sigmoid, cost: cost, seed: 1)
    let report = try network.nudges(for: example)
    #expect(report.label == 5)
    #expect(report.outputs.count == 10 && report.previousActivations.count == 16)
    #expect(report.desiredOutputChanges[5] > 0)
    #expect(
      report.desiredOutputChanges.enumerated().allSatisfy { $0.offset == 5 || $0.element < 0 })
    #expect(report.biasNudges[5] > 0)
    for j in 0..<10 {
      for k in 0..<16 {
        let expected = report.biasNudges[j] * report.previousActivations[k]
        #expect(abs(report.weightNudges[j * 16 + k] - expected) < 1e-15)
      }
    }
    let weights = network.weights(layer: 3)
    for k in 0..<16 {
      let expected = (0..<10).reduce(0.0) {
        $0 + Double(weights[$1 * 16 + k]) * report.biasNudges[$1]
      }
      #expect(abs(report.previousActivationNudges[k] - expected) < 1e-12)
    }
    #expect(report.deltas.map(\.count) == [16, 16, 10])
    #expect(report.weightGradients.map(\.count) == [16 * 784, 16 * 16, 10 * 16])
    if cost == .quadratic {
      #expect(
        zip(report.desiredOutputChanges, report.outputs).enumerated().allSatisfy { j, pair in
          abs(pair.0 - ((j == 5 ? 1 : 0) - pair.1)) < 1e-15
        })
    }
  }

  @Test("the random generator is seeded and stable")
  func generator() {
    var a = SeededGenerator(seed: 1)
    var b = SeededGenerator(seed: 1)
    var c = SeededGenerator(seed: 2)
    let first = (0..<5).map { _ in a.next() }
    #expect(first == (0..<5).map { _ in b.next() })
    #expect(first != (0..<5).map { _ in c.next() })
    var values = Array(0..<10)
    a.shuffle(&values)
    #expect(values.sorted() == Array(0..<10) && values != Array(0..<10))
    var gaussian = SeededGenerator(seed: 3)
    let samples = (0..<20000).map { _ in gaussian.nextGaussian() }
    let mean = samples.reduce(0, +) / 20000
    let variance = samples.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 20000
    #expect(abs(mean) < 0.03 && abs(variance - 1) < 0.05)
    #expect((0..<1000).allSatisfy { _ in (0..<7).contains(gaussian.nextInt(below: 7)) })
  }
}
