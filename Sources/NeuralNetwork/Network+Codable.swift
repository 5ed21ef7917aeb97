/// `Codable` for the run cache: the architecture, every parameter (Float values round-trip
/// exactly through JSON), and the shuffle generator, so a restored network trains on exactly as
/// the original would.
extension Network: Codable {
  private enum CodingKeys: String, CodingKey {
    case sizes, hidden, output, cost, seed, weights, biases, shuffleGenerator
  }

  package convenience init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let sizes = try container.decode([Int].self, forKey: .sizes)
    let hidden = try container.decode(Activation.self, forKey: .hidden)
    let output = try container.decode(Activation.self, forKey: .output)
    let cost = try container.decode(Cost.self, forKey: .cost)
    do {
      try Network.validate(sizes: sizes, hidden: hidden, output: output, cost: cost)
    } catch {
      throw DecodingError.dataCorruptedError(
        forKey: .sizes, in: container, debugDescription: "\(error)")
    }
    let weights = try container.decode([[Float]].self, forKey: .weights)
    let biases = try container.decode([[Float]].self, forKey: .biases)
    guard weights.count == sizes.count - 1, biases.count == sizes.count - 1 else {
      throw DecodingError.dataCorruptedError(
        forKey: .weights, in: container, debugDescription: "expected \(sizes.count - 1) layers")
    }
    var layers: [Layer] = []
    for n in 0..<sizes.count - 1 {
      guard weights[n].count == sizes[n] * sizes[n + 1], biases[n].count == sizes[n + 1] else {
        throw DecodingError.dataCorruptedError(
          forKey: .weights, in: container,
          debugDescription: "layer \(n + 1) has the wrong number of parameters")
      }
      let layer = Layer(inputCount: sizes[n], outputCount: sizes[n + 1])
      layer.setWeightMatrix(weights[n])
      layer.setBiasVector(biases[n])
      layers.append(layer)
    }
    self.init(
      sizes: sizes, hidden: hidden, output: output, cost: cost,
      seed: try container.decode(UInt64.self, forKey: .seed), layers: layers,
      shuffleGenerator: try container.decode(SeededGenerator.self, forKey: .shuffleGenerator))
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(sizes, forKey: .sizes)
    try container.encode(hidden, forKey: .hidden)
    try container.encode(output, forKey: .output)
    try container.encode(cost, forKey: .cost)
    try container.encode(seed, forKey: .seed)
    try container.encode(layers.map(\.weightMatrix), forKey: .weights)
    try container.encode(layers.map(\.biasVector), forKey: .biases)
    try container.encode(shuffleGenerator, forKey: .shuffleGenerator)
  }
}
