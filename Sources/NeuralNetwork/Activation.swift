/// The function a layer applies to its weighted inputs `z`.
///
/// `softmax` normalises a whole layer and is allowed for the output layer only.
package enum Activation: String, CaseIterable, Codable, Sendable {
  case sigmoid, relu, tanh, softmax
}

/// What training minimises, averaged over the examples of a mini-batch.
package enum Cost: String, CaseIterable, Codable, Sendable {
  /// ½‖a − y‖², the cost of the lesson.
  case quadratic
  /// −Σ [y ln a + (1 − y) ln(1 − a)] for sigmoid outputs, −ln a_label for softmax outputs.
  case crossEntropy
  /// The quadratic cost with a deliberate bug for teaching: its output error δ = a − y forgets
  /// the factor σ′(z), so backpropagation's gradient is wrong and the gradient check flags it.
  case brokenQuadratic
}

/// How a new network's weights are drawn (its biases: `BiasInitialization`).
package enum WeightInitialization: String, CaseIterable, Codable, Sendable {
  /// N(0, 1/n_in): keeps each weighted input's variance near 1 (the default).
  case scaled
  /// N(0, 1), as in the lesson's original code.
  case standard
}

/// How a new network's biases start.
package enum BiasInitialization: String, CaseIterable, Codable, Sendable {
  /// 0 (the default).
  case zero
  /// N(0, 1), as in Nielsen's book: drawn after each layer's weights from the same generator.
  case standard
}
