import Testing

@testable import NeuralNetwork

/// Every hidden activation, output activation and cost the engine allows (but the deliberately
/// broken cost, whose gradient is meant to be wrong).
let combinations: [(hidden: Activation, output: Activation, cost: Cost)] = [
  Activation.sigmoid, .relu, .tanh,
]
.flatMap { hidden in
  [Activation.sigmoid, .softmax].flatMap { output in
    Cost.allCases.filter { $0 != .brokenQuadratic }.map { (hidden, output, $0) }
  }
}

@Suite("Gradient check")
struct GradientCheckTests {
  @Test(
    "784-16-16-10 on MNIST: backprop matches finite differences", arguments: combinations.indices)
  func mnistNetwork(index: Int) throws {
    let (hidden, output, cost) = combinations[index]
    let data = try TestData.loadMNIST().train.prefix(10)
    let network = try Network(
      sizes: [784, 16, 16, 10], hidden: hidden, output: output, cost: cost, seed: 7)
    let report = try network.gradientCheck(on: data, samples: 10)

    #expect(report.layers.count == 6)
    #expect(report.layers.allSatisfy { $0.checked == 10 })
    #expect(
      report.maxRelativeError < 1e-7, "\(hidden)/\(output)/\(cost): \(report.maxRelativeError)")
  }

  @Test(
    "5-4-3 on random data: backprop matches finite differences", arguments: combinations.indices)
  func smallNetwork(index: Int) throws {
    let (hidden, output, cost) = combinations[index]
    let data = try TestData.random(count: 8, features: 5, classes: 3, seed: 3)
    let network = try Network(
      sizes: [5, 4, 3], hidden: hidden, output: output, cost: cost, seed: 11)
    let report = try network.gradientCheck(on: data, samples: 10)

    #expect(
      report.layers.map(\.name) == [
        "layer 1 weights", "layer 1 biases", "layer 2 weights", "layer 2 biases",
      ])
    #expect(
      report.maxRelativeError < 1e-7, "\(hidden)/\(output)/\(cost): \(report.maxRelativeError)")
  }

  @Test("A cost derivative that forgets σ′(z) is caught by the check")
  func brokenCostIsFlagged() throws {
    let data = try TestData.loadMNIST().train.prefix(10)
    let network = try Network(
      sizes: [784, 16, 16, 10], hidden: .sigmoid, output: .sigmoid, cost: .brokenQuadratic,
      seed: 7)
    let report = try network.gradientCheck(on: data, samples: 10)

    #expect(report.maxRelativeError > 1e-2)
    // Every layer's gradient flows back through the wrong output error.
    #expect(report.layers.allSatisfy { $0.medianRelativeError > 1e-2 })
  }
}
