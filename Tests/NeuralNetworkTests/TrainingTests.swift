import Foundation
import Testing

@testable import NeuralNetwork

@Suite("Training")
struct TrainingTests {
  @Test("a 784-16-16-10 network learns MNIST digits from 10,000 examples in 3 epochs")
  func learns() throws {
    let mnist = try TestData.loadMNIST()
    let network = try Network(
      sizes: [784, 16, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)
    let before = try network.evaluate(on: mnist.test.prefix(2000))
    var reports = 0
    let history = try network.train(
      on: mnist.train.prefix(10000), epochs: 3, batchSize: 32, learningRate: 0.1,
      test: mnist.test.prefix(2000),
      progress: { _ in reports += 1 })
    #expect(before.accuracy < 0.2)
    #expect(history.epochs.count == 3)
    #expect(history.batchCosts.count == 3 * 313)
    #expect(reports == 3 * 313)
    let accuracies = history.epochs.compactMap(\.testAccuracy)
    #expect(accuracies.count == 3)
    #expect(accuracies.last! > 0.85, "test accuracy \(accuracies)")
    #expect(history.epochs[2].trainCost < history.epochs[0].trainCost)
    #expect(history.epochs.allSatisfy { $0.seconds > 0 && $0.testCost != nil })
  }

  @Test("the lesson's sigmoid network with the quadratic cost learns too")
  func lessonNetworkLearns() throws {
    let mnist = try TestData.loadMNIST()
    let network = try Network(
      sizes: [784, 16, 16, 10], hidden: .sigmoid, output: .sigmoid, cost: .quadratic, seed: 2)
    try network.train(on: mnist.train.prefix(10000), epochs: 3, batchSize: 10, learningRate: 3.0)
    let evaluation = try network.evaluate(on: mnist.test.prefix(2000))
    #expect(evaluation.accuracy > 0.85, "accuracy \(evaluation.accuracy)")
  }

  @Test("momentum and L2 train too", arguments: [(0.9, 0.0), (0.0, 5.0), (0.5, 1.0)])
  func momentumAndL2(momentum: Double, l2: Double) throws {
    let mnist = try TestData.loadMNIST()
    let network = try Network(
      sizes: [784, 16, 10], hidden: .tanh, output: .softmax, cost: .crossEntropy, seed: 3)
    try network.train(
      on: mnist.train.prefix(3000), epochs: 2, batchSize: 20, learningRate: 0.05,
      momentum: momentum, l2: l2)
    let evaluation = try network.evaluate(on: mnist.test.prefix(1000))
    #expect(evaluation.accuracy > 0.8, "accuracy \(evaluation.accuracy)")
  }

  @Test("L2 shrinks the weights")
  func l2Shrinks() throws {
    let data = try TestData.loadMNIST().train.prefix(1000)
    func norm(l2: Double) throws -> Float {
      let network = try Network(
        sizes: [784, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 4)
      try network.train(on: data, epochs: 2, batchSize: 10, learningRate: 0.1, l2: l2)
      return network.weights(layer: 1).reduce(0) { $0 + $1 * $1 }
    }
    #expect(try norm(l2: 20) < 0.9 * norm(l2: 0))
  }

  @Test("the same seed gives bit-identical weights, twice in a row")
  func reproducible() throws {
    let data = try TestData.loadMNIST().train.prefix(3000)
    func trained(seed: UInt64) throws -> [[Float]] {
      let network = try Network(
        sizes: [784, 16, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: seed)
      try network.train(on: data, epochs: 2, batchSize: 32, learningRate: 0.1, momentum: 0.5)
      return (1...3).flatMap { [network.weights(layer: $0), network.biases(layer: $0)] }
    }
    let first = try trained(seed: 42)
    let second = try trained(seed: 42)
    #expect(first.map { $0.map(\.bitPattern) } == second.map { $0.map(\.bitPattern) })
    #expect(try trained(seed: 43) != first)
  }

  @Test("a second train call continues the shuffle sequence; a shuffle seed fixes it")
  func shuffleSequence() throws {
    let data = try TestData.loadMNIST().train.prefix(500)
    let a = try Network(
      sizes: [784, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 5)
    let b = a.copy()
    let first = try a.train(on: data, epochs: 1, batchSize: 50, learningRate: 0.1, shuffleSeed: 9)
    let again = try b.train(on: data, epochs: 1, batchSize: 50, learningRate: 0.1, shuffleSeed: 9)
    #expect(first.batchCosts == again.batchCosts)
    #expect(a.weights(layer: 1) == b.weights(layer: 1))
    let c = try Network(
      sizes: [784, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 5)
    let one = try c.train(on: data, epochs: 1, batchSize: 50, learningRate: 0.1).batchCosts
    let two = try c.train(on: data, epochs: 1, batchSize: 50, learningRate: 0.1).batchCosts
    #expect(one != two)
  }

  @Test("shouldStop ends training after the current mini-batch")
  func stops() throws {
    let data = try TestData.loadMNIST().train.prefix(1000)
    let network = try Network(
      sizes: [784, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 6)
    var batches = 0
    let history = try network.train(
      on: data, epochs: 5, batchSize: 10, learningRate: 0.1, progress: { _ in batches += 1 },
      shouldStop: { batches == 150 })
    #expect(history.stoppedEarly)
    #expect(history.batchCosts.count == 150)
    #expect(history.epochs.count == 1)
  }

  @Test("progress reports epochs and mini-batches, the last one partial")
  func progressReports() throws {
    let data = try TestData.random(count: 25, features: 5, classes: 3, seed: 2)
    let network = try Network(
      sizes: [5, 4, 3], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)
    var seen: [TrainingProgress] = []
    try network.train(
      on: data, epochs: 2, batchSize: 10, learningRate: 0.1, progress: { seen.append($0) })
    #expect(seen.map(\.batch) == [1, 2, 3, 1, 2, 3])
    #expect(seen.map(\.epoch) == [1, 1, 1, 2, 2, 2])
    #expect(seen.allSatisfy { $0.batches == 3 && $0.epochs == 2 && $0.cost > 0 })
  }
}
