import KernelInterface
import Testing

@testable import NeuralNetwork

/// Every compilation of the kernels this processor can run (portable SSE, AVX2, AVX-512) trains
/// to bit-identical weights, costs and test metrics, so a rerun on another machine gives the
/// same numbers.
@Suite("Kernel instruction sets agree bit for bit")
struct InstructionSetTests {
  /// What one training run produced, compared by bit patterns.
  struct Trained: Equatable {
    var weights: [[UInt32]]
    var biases: [[UInt32]]
    var batchCosts: [UInt64]
    var testCost: UInt64
    var testAccuracy: UInt64
  }

  func train(_ kernels: KernelTable, sizes: [Int], data: DataSplit, momentum: Double) throws
    -> Trained
  {
    let network = try Network(
      sizes: sizes, hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 11)
    let history = try network.train(
      on: data.train, epochs: 2, batchSize: 10, learningRate: 0.1, momentum: momentum, l2: 0.5,
      shuffleSeed: 3, kernels: kernels)
    let evaluation = try network.evaluate(on: data.test, kernels: kernels)
    let layers = 1..<sizes.count
    return Trained(
      weights: layers.map { network.weights(layer: $0).map(\.bitPattern) },
      biases: layers.map { network.biases(layer: $0).map(\.bitPattern) },
      batchCosts: history.batchCosts.map(\.bitPattern),
      testCost: evaluation.meanCost.bitPattern, testAccuracy: evaluation.accuracy.bitPattern)
  }

  @Test func theProcessorRunsThePortableKernelsAndTheWidestIsSelected() {
    #expect(Kernels.supported.first?.name == "portable")
    #expect(Kernels.selected.name == Kernels.supported.last?.name)
  }

  /// Sparse MNIST rows (both first-layer update paths: narrow and sorted) and dense random rows
  /// (wide strides: 128-, 64- and 16-float blocks), with and without momentum.
  @Test(arguments: [false, true])
  func everyInstructionSetTrainsTheSameNetwork(momentum: Bool) throws {
    let mnist = try TestData.loadMNIST()
    let sparse = DataSplit(train: mnist.train.prefix(60), test: mnist.test.prefix(30))
    let dense = DataSplit(
      train: try TestData.random(count: 40, features: 37, classes: 5, seed: 4),
      test: try TestData.random(count: 20, features: 37, classes: 5, seed: 5))
    for (data, sizes) in [
      (sparse, [784, 16, 10]), (sparse, [784, 130, 10]), (dense, [37, 200, 70, 5]),
    ] {
      let portable = try train(
        Kernels.supported[0], sizes: sizes, data: data, momentum: momentum ? 0.9 : 0)
      #expect(!portable.batchCosts.isEmpty)
      for kernels in Kernels.supported.dropFirst() {
        let fast = try train(kernels, sizes: sizes, data: data, momentum: momentum ? 0.9 : 0)
        #expect(fast == portable, "\(kernels.name) differs from the portable kernels for \(sizes)")
      }
    }
  }
}
