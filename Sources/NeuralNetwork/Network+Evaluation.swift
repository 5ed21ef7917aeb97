import KernelInterface

/// How well a network does on a data set.
package struct Evaluation: Sendable, Hashable, Codable {
  /// The fraction of examples whose largest output is the label.
  package var accuracy: Double
  package var correct: Int
  package var count: Int
  /// The mean cost per example.
  package var meanCost: Double
  /// `confusion[label][guess]` counts examples; rows are the true labels.
  package var confusion: [[Int]]
}

extension Network {
  /// Accuracy, mean cost and confusion matrix on `data` (no parameter changes).
  ///
  /// - Throws: `NeuralNetworkError.sizeMismatch` when the data does not fit the network.
  package func evaluate(on data: Dataset, kernels: KernelTable = Kernels.selected) throws
    -> Evaluation
  {
    try checkShape(of: data, role: "evaluation")
    let outputs = sizes[sizes.count - 1]
    var confusion = [[Int]](repeating: [Int](repeating: 0, count: outputs), count: outputs)
    guard data.count > 0 else {
      return Evaluation(accuracy: 0, correct: 0, count: 0, meanCost: 0, confusion: confusion)
    }
    let chunk = min(256, data.count)
    let propagator = Propagator(
      layers: layers, hidden: hidden, output: output, cost: cost, capacity: chunk,
      kernels: kernels)
    var totalCost = 0.0
    var correct = 0
    var examples = [Int32](repeating: 0, count: chunk)
    data.pixels.withUnsafeBufferPointer { pixels in
      data.labels.withUnsafeBufferPointer { labels in
        examples.withUnsafeMutableBufferPointer { examples in
          var first = 0
          while first < data.count {
            let rowCount = min(chunk, data.count - first)
            for r in 0..<rowCount { examples[r] = Int32(first + r) }
            let ids = UnsafePointer(examples.baseAddress!)
            propagator.forward(
              .dense(base: pixels.baseAddress!, featureCount: data.featureCount), examples: ids,
              rowCount: rowCount)
            for r in 0..<rowCount {
              let row = propagator.outputRow(r)
              var guess = 0
              for j in 1..<outputs where row[j] > row[guess] { guess = j }
              let label = Int(labels[first + r])
              confusion[label][guess] += 1
              if guess == label { correct += 1 }
            }
            totalCost += propagator.outputDeltas(
              labels: labels.baseAddress!, examples: ids, rowCount: rowCount)
            first += rowCount
          }
        }
      }
    }
    return Evaluation(
      accuracy: Double(correct) / Double(data.count), correct: correct, count: data.count,
      meanCost: totalCost / Double(data.count), confusion: confusion)
  }
}
