import NeuralNetwork

/// A gradient check as a notebook value: the engine's report copied into a Codable form, so
/// session snapshots can hold it.
package struct GradientCheckValue: Codable, Hashable, Sendable {
  package var layers: [LayerCheckValue]
  package var epsilon: Double
  package var examples: Int

  package var maxRelativeError: Double { layers.map(\.maxRelativeError).max() ?? 0 }

  init(_ report: GradientCheckReport) {
    layers = report.layers.map(LayerCheckValue.init)
    epsilon = report.epsilon
    examples = report.examples
  }
}

/// One parameter tensor's check: "layer 1 weights", how many were compared, the errors.
package struct LayerCheckValue: Codable, Hashable, Sendable {
  package var name: String
  package var checked: Int
  package var skippedAtKinks: Int
  package var maxRelativeError: Double
  package var medianRelativeError: Double
  package var analytic: [Double]
  package var numeric: [Double]

  init(_ layer: LayerGradientCheck) {
    name = layer.name
    checked = layer.checked
    skippedAtKinks = layer.skippedAtKinks
    maxRelativeError = layer.maxRelativeError
    medianRelativeError = layer.medianRelativeError
    analytic = layer.pairs.map(\.analytic)
    numeric = layer.pairs.map(\.numeric)
  }
}

/// What one example asks of the last layer, as a notebook value.
package struct NudgesValue: Codable, Hashable, Sendable {
  package var label: Int
  package var cost: Double
  package var outputs: [Double]
  package var desiredOutputChanges: [Double]
  package var previousActivations: [Double]
  package var biasNudges: [Double]
  /// Row-major outputs × previous activations.
  package var weightNudges: [Double]
  package var previousActivationNudges: [Double]

  init(_ report: NudgeReport) {
    label = report.label
    cost = report.cost
    outputs = report.outputs
    desiredOutputChanges = report.desiredOutputChanges
    previousActivations = report.previousActivations
    biasNudges = report.biasNudges
    weightNudges = report.weightNudges
    previousActivationNudges = report.previousActivationNudges
  }
}
