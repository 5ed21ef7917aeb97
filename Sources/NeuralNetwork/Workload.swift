import Foundation

/// The standard benchmark workloads of `shared/bench/README.md`: full MNIST, Float32, weights from
/// N(0, 1/n_in), biases 0, reshuffled every epoch, plain mini-batch SGD.
package struct Workload: Sendable, Hashable {
  package var id: String
  package var sizes: [Int]
  package var hidden: Activation
  package var output: Activation
  package var cost: Cost
  package var learningRate: Double
  package var batchSize: Int

  /// W1 (the lesson), W2, W3 (scaling).
  package static let all: [Workload] = [
    Workload(
      id: "W1", sizes: [784, 16, 16, 10], hidden: .sigmoid, output: .sigmoid, cost: .quadratic,
      learningRate: 3.0, batchSize: 10),
    Workload(
      id: "W2", sizes: [784, 16, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy,
      learningRate: 0.1, batchSize: 32),
    Workload(
      id: "W3", sizes: [784, 128, 64, 10], hidden: .relu, output: .softmax, cost: .crossEntropy,
      learningRate: 0.1, batchSize: 64),
  ]

  package static func named(_ id: String) -> Workload? {
    all.first { $0.id.caseInsensitiveCompare(id) == .orderedSame }
  }

  /// "784-16-16-10".
  package var layerDescription: String { sizes.map(String.init).joined(separator: "-") }
}
