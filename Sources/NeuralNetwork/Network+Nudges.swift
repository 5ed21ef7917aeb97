/// What one training example asks of the network: the lesson's "nudges".
///
/// Every nudge is a negative gradient of this example's cost: the direction in which a small
/// change of that number lowers the cost fastest, in proportion to how much it helps.
package struct NudgeReport: Sendable, Hashable, Codable {
  package var label: Int
  /// The example's cost.
  package var cost: Double
  /// The output layer's activations.
  package var outputs: [Double]
  /// −∂C/∂a for each output neuron: up for the label's neuron, down for the others.
  package var desiredOutputChanges: [Double]
  /// The activations feeding the last layer.
  package var previousActivations: [Double]
  /// −∂C/∂b of the last layer (= −δ of the output layer).
  package var biasNudges: [Double]
  /// −∂C/∂w of the last layer, row-major outputs × inputs: each row is the output's bias nudge
  /// times the previous activations ("neurons that fire together wire together").
  package var weightNudges: [Double]
  /// −∂C/∂a of the previous layer: every output's wish, weighted by its weight, summed.
  package var previousActivationNudges: [Double]
  /// δ = ∂C/∂z of every layer (index 0 = the first hidden layer), backpropagated.
  package var deltas: [[Double]]
  /// ∂C/∂w of every layer, row-major outputs × inputs (δ_j times the layer's input k).
  package var weightGradients: [[Double]]
}

extension Network {
  /// The nudges one example asks for, computed in Double precision.
  ///
  /// - Throws: `NeuralNetworkError.sizeMismatch` when the example does not fit the network.
  package func nudges(for example: Dataset.Example) throws -> NudgeReport {
    guard example.pixels.count == sizes[0] else {
      throw NeuralNetworkError.sizeMismatch(
        "the example has \(example.pixels.count) values but the network's input layer has \(sizes[0]) neurons"
      )
    }
    guard example.label >= 0, example.label < sizes[sizes.count - 1] else {
      throw NeuralNetworkError.sizeMismatch(
        "label \(example.label) is not one of the network's \(sizes[sizes.count - 1]) outputs")
    }
    let reference = ReferenceNetwork(self)
    let pass = reference.forward(example.pixels.map(Double.init))
    let deltas = reference.deltas(of: pass, label: example.label)
    let weightGradients = deltas.indices.map { l in
      deltas[l].flatMap { d in pass.activations[l].map { d * $0 } }
    }
    let last = deltas.count - 1
    let previous = pass.activations[last]
    let outputDelta = deltas[last]
    let previousNudges = previous.indices.map { k in
      -outputDelta.indices.reduce(0) {
        $0 + reference.weights[last][$1 * previous.count + k] * outputDelta[$1]
      }
    }
    return NudgeReport(
      label: example.label, cost: reference.cost(of: pass, label: example.label),
      outputs: pass.activations[last + 1],
      desiredOutputChanges: reference.outputGradient(of: pass, label: example.label).map { -$0 },
      previousActivations: previous, biasNudges: outputDelta.map { -$0 },
      weightNudges: weightGradients[last].map { -$0 }, previousActivationNudges: previousNudges,
      deltas: deltas, weightGradients: weightGradients)
  }
}
