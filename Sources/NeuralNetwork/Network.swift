/// A fully connected feed-forward network: `sizes[0]` inputs, hidden layers, `sizes.last` outputs.
///
/// A reference type, so a `let net` can be trained in place; `copy()` makes an independent one.
/// Parameters are Float32; the gradient check and the nudges recompute in Double.
package final class Network: @unchecked Sendable {
  package let sizes: [Int]
  package let hidden: Activation
  package let output: Activation
  package let cost: Cost
  /// The seed the network was created with (its weights and, unless overridden, its shuffles).
  package let seed: UInt64
  let layers: [Layer]
  /// Shuffles training data; advances across `train` calls so each continues the sequence.
  package var shuffleGenerator: SeededGenerator

  /// A new network with weights (and, with `biasInitialization: .standard`, biases) drawn from
  /// the seeded generator; biases are 0 otherwise.
  ///
  /// - Throws: `NeuralNetworkError` for fewer than two sizes, a size below 1, softmax in a hidden
  ///   layer, or cross-entropy with an output that is not sigmoid or softmax.
  package init(
    sizes: [Int], hidden: Activation, output: Activation, cost: Cost, seed: UInt64,
    initialization: WeightInitialization = .scaled, biasInitialization: BiasInitialization = .zero
  ) throws {
    try Network.validate(sizes: sizes, hidden: hidden, output: output, cost: cost)
    self.sizes = sizes
    self.hidden = hidden
    self.output = output
    self.cost = cost
    self.seed = seed
    var generator = SeededGenerator(seed: seed)
    var layers: [Layer] = []
    for (inputCount, outputCount) in zip(sizes, sizes.dropFirst()) {
      let layer = Layer(inputCount: inputCount, outputCount: outputCount)
      let scale = initialization == .scaled ? 1 / Double(inputCount).squareRoot() : 1
      // Drawn output by output, input by input: the order of the lesson's row-major matrices.
      for j in 0..<outputCount {
        for k in 0..<inputCount {
          layer.setWeight(Float(generator.nextGaussian() * scale), output: j, input: k)
        }
      }
      if biasInitialization == .standard {
        layer.setBiasVector((0..<outputCount).map { _ in Float(generator.nextGaussian()) })
      }
      layers.append(layer)
    }
    self.layers = layers
    shuffleGenerator = SeededGenerator(seed: seed ^ 0x5348_5546_464C_4553)  // "SHUFFLES"
  }

  /// A network with given parameters (checkpoints and copies).
  init(
    sizes: [Int], hidden: Activation, output: Activation, cost: Cost, seed: UInt64, layers: [Layer],
    shuffleGenerator: SeededGenerator
  ) {
    self.sizes = sizes
    self.hidden = hidden
    self.output = output
    self.cost = cost
    self.seed = seed
    self.layers = layers
    self.shuffleGenerator = shuffleGenerator
  }

  /// The most weights and biases one network may hold, padding included: 512 MiB of Float32.
  /// Training needs as much again for gradients, so this keeps a network within a laptop's memory.
  package static let maximumStoredFloats = 1 << 27

  /// The floats the layers of `sizes` allocate (rows padded to whole SIMD vectors), saturating at
  /// `Int.max` instead of overflowing.
  static func storedFloatCount(sizes: [Int]) -> Int {
    var total = 0
    for (inputCount, outputCount) in zip(sizes, sizes.dropFirst()) {
      let (weights, overflow) = (inputCount + 1).multipliedReportingOverflow(
        by: Kernels.paddedWidth(outputCount))
      let (sum, sumOverflow) = total.addingReportingOverflow(weights)
      if overflow || sumOverflow { return Int.max }
      total = sum
    }
    return total
  }

  static func validate(sizes: [Int], hidden: Activation, output: Activation, cost: Cost) throws {
    guard sizes.count >= 2 else {
      throw NeuralNetworkError.invalidLayerSizes(
        sizes, reason: "a network needs an input and an output layer")
    }
    if let bad = sizes.first(where: { $0 < 1 }) {
      throw NeuralNetworkError.invalidLayerSizes(sizes, reason: "layer size \(bad) is not positive")
    }
    if let big = sizes.first(where: { $0 > 1 << 20 }) {
      throw NeuralNetworkError.invalidLayerSizes(
        sizes, reason: "layer size \(big) is larger than 1,048,576")
    }
    let floats = storedFloatCount(sizes: sizes)
    guard floats <= maximumStoredFloats else {
      throw NeuralNetworkError.networkTooLarge(
        sizes, floats: floats, limit: maximumStoredFloats)
    }
    guard hidden != .softmax else {
      throw NeuralNetworkError.invalidConfiguration(
        "softmax is for the output layer only; choose sigmoid, relu or tanh for hidden layers")
    }
    if cost == .crossEntropy && output != .sigmoid && output != .softmax {
      throw NeuralNetworkError.invalidConfiguration(
        "cross-entropy needs outputs in (0, 1): use a sigmoid or softmax output, or the quadratic cost"
      )
    }
  }

  /// The number of weights and biases (13,002 for 784-16-16-10).
  package var parameterCount: Int {
    zip(sizes, sizes.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 + $1.1 }
  }

  /// The number of weight layers (sizes.count − 1).
  package var layerCount: Int { layers.count }

  /// Layer `layer`'s weights (1 = the first weight matrix), row-major `sizes[layer] × sizes[layer − 1]`.
  package func weights(layer: Int) -> [Float] {
    precondition(
      layers.indices.contains(layer - 1), "layer \(layer) is outside 1...\(layers.count)")
    return layers[layer - 1].weightMatrix
  }

  /// Layer `layer`'s biases (1 = the first hidden layer).
  package func biases(layer: Int) -> [Float] {
    precondition(
      layers.indices.contains(layer - 1), "layer \(layer) is outside 1...\(layers.count)")
    return layers[layer - 1].biasVector
  }

  /// Replaces a layer's weights (row-major, out × in) and biases.
  ///
  /// - Throws: `NeuralNetworkError.sizeMismatch` when a count is wrong.
  package func setParameters(layer: Int, weights: [Float], biases: [Float]) throws {
    guard layers.indices.contains(layer - 1) else {
      throw NeuralNetworkError.sizeMismatch("layer \(layer) is outside 1...\(layers.count)")
    }
    let target = layers[layer - 1]
    guard weights.count == target.inputCount * target.outputCount,
      biases.count == target.outputCount
    else {
      throw NeuralNetworkError.sizeMismatch(
        "layer \(layer) takes \(target.outputCount) × \(target.inputCount) weights and \(target.outputCount) "
          + "biases, not \(weights.count) and \(biases.count)")
    }
    target.setWeightMatrix(weights)
    target.setBiasVector(biases)
  }

  /// An independent deep copy (same parameters, same shuffle state).
  package func copy() -> Network {
    Network(
      sizes: sizes, hidden: hidden, output: output, cost: cost, seed: seed,
      layers: layers.map { $0.copy() }, shuffleGenerator: shuffleGenerator)
  }

  /// The output activations for one input of `sizes[0]` values.
  ///
  /// - Throws: `NeuralNetworkError.sizeMismatch` when the input has another length.
  package func feedforward(_ input: [Float]) throws -> [Float] {
    guard input.count == sizes[0] else {
      throw NeuralNetworkError.sizeMismatch(
        "the input has \(input.count) values but the network's input layer has \(sizes[0]) neurons")
    }
    let propagator = Propagator(
      layers: layers, hidden: hidden, output: output, cost: cost, capacity: 1)
    var example: Int32 = 0
    input.withUnsafeBufferPointer { pixels in
      propagator.forward(
        .dense(base: pixels.baseAddress!, featureCount: sizes[0]), examples: &example, rowCount: 1)
    }
    return Array(UnsafeBufferPointer(start: propagator.outputRow(0), count: sizes[sizes.count - 1]))
  }

  /// Checks that `data` fits this network's input and output layers.
  func checkShape(of data: Dataset, role: String) throws {
    guard data.featureCount == sizes[0] else {
      throw NeuralNetworkError.sizeMismatch(
        "the \(role) data has \(data.featureCount) features per example but the network's input layer "
          + "has \(sizes[0]) neurons; make the first layer size \(data.featureCount)")
    }
    let outputs = sizes[sizes.count - 1]
    if let label = data.labels.max(), Int(label) >= outputs {
      throw NeuralNetworkError.sizeMismatch(
        "the \(role) data has label \(label) but the network has only \(outputs) outputs; "
          + "make the last layer size at least \(Int(label) + 1)")
    }
  }
}
