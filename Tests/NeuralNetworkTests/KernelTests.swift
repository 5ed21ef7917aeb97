import Testing

@testable import NeuralNetwork

/// The fast Float kernels against the plain Double reference: one SGD step must move every
/// parameter by −η times the reference gradient.
@Suite("Fast kernels match the reference")
struct KernelTests {
  /// Inputs that take each kernel path: sparse narrow rows (per-entry update), sparse wide
  /// rows (sorted update, 128-, 64- and 16-float blocks), dense rows.
  enum Setup: String, CaseIterable, Sendable {
    case sparseNarrow, sparseWide, dense

    var sizes: [Int] {
      switch self {
      case .sparseNarrow: [784, 16, 16, 10]
      case .sparseWide: [784, 130, 70, 10]
      case .dense: [37, 70, 33, 5]
      }
    }

    func data() throws -> Dataset {
      switch self {
      case .sparseNarrow: try TestData.loadMNIST().train.prefix(12)
      case .sparseWide: try TestData.loadMNIST().train.prefix(9)
      case .dense: try TestData.random(count: 7, features: 37, classes: 5, seed: 4)
      }
    }
  }

  @Test(
    "one SGD step equals −η × the reference gradient",
    arguments: Setup.allCases, combinations.indices)
  func step(setup: Setup, index: Int) throws {
    let (hidden, output, cost) = combinations[index]
    try checkStep(data: try setup.data(), sizes: setup.sizes, hidden, output, cost)
  }

  func checkStep(
    data: Dataset, sizes: [Int], _ hidden: Activation, _ output: Activation, _ cost: Cost
  ) throws {
    let network = try Network(sizes: sizes, hidden: hidden, output: output, cost: cost, seed: 8)
    let reference = ReferenceNetwork(network)
    let batch = (0..<data.count).map {
      (input: data[$0].pixels.map(Double.init), label: data[$0].label)
    }
    let gradient = reference.gradient(batch)
    let rate = 0.5
    let history = try network.train(on: data, epochs: 1, batchSize: data.count, learningRate: rate)
    #expect(abs(history.batchCosts[0] - gradient.cost) < 1e-5 * max(1, gradient.cost))
    for l in 0..<sizes.count - 1 {
      for (isBias, after, before, g) in [
        (false, network.weights(layer: l + 1), reference.weights[l], gradient.weights[l]),
        (true, network.biases(layer: l + 1), reference.biases[l], gradient.biases[l]),
      ] {
        let scale = max(g.map(abs).max() ?? 0, 1e-3)
        let worst =
          zip(zip(after, before), g).map { pair, g in
            abs((Double(pair.0) - pair.1) - -rate * g) / (rate * scale)
          }.max() ?? 0
        #expect(worst < 1e-4, "layer \(l + 1) \(isBias ? "biases" : "weights"): \(worst)")
      }
    }
  }

  @Test("sparse rows keep every value: byte fractions, a few other values, or none when too varied")
  func sparseValues() throws {
    let mnist = try TestData.loadMNIST().test.prefix(50)
    var generator = SeededGenerator(seed: 5)
    let fewValues = (0..<50 * 20).map { _ in
      [0, 0, 0, 0.3, -2.5][generator.nextInt(below: 5)] as Float
    }
    let manyValues = (0..<50 * 40).map { _ in
      generator.nextInt(below: 4) == 0 ? Float(generator.nextUnitDouble()) : 0
    }
    for data in [
      mnist,
      try Dataset(pixels: fewValues, labels: [UInt8](repeating: 1, count: 50), featureCount: 20),
    ] {
      let sparse = try #require(SparseRows(data))
      var dense = [Float](repeating: 0, count: data.pixels.count)
      for e in 0..<data.count {
        for i in sparse.offsets[e]..<sparse.offsets[e + 1] {
          dense[e * data.featureCount + Int(sparse.indices[i])] = sparse.value(i)
        }
      }
      #expect(dense == data.pixels)
    }
    let varied = try Dataset(
      pixels: manyValues, labels: [UInt8](repeating: 1, count: 50), featureCount: 40)
    #expect(SparseRows(varied) == nil)
  }

  @Test("dense and sparse first-layer kernels agree")
  func sparseMatchesDense() throws {
    let data = try TestData.loadMNIST().test.prefix(40)
    let network = try Network(
      sizes: [784, 100, 10], hidden: .sigmoid, output: .softmax, cost: .crossEntropy, seed: 3)
    let sparse = try #require(SparseRows(data))
    let propagator = Propagator(
      layers: network.layers, hidden: .sigmoid, output: .softmax, cost: .crossEntropy, capacity: 40)
    let ids = (0..<Int32(40)).map { $0 }
    var outputs: [[Float]] = []
    data.pixels.withUnsafeBufferPointer { pixels in
      for input in [
        Propagator.Input.sparse(sparse), .dense(base: pixels.baseAddress!, featureCount: 784),
      ] {
        propagator.forward(input, examples: ids, rowCount: 40)
        outputs.append(
          (0..<40).flatMap {
            Array(UnsafeBufferPointer(start: propagator.outputRow($0), count: 10))
          })
      }
    }
    #expect(zip(outputs[0], outputs[1]).allSatisfy { abs($0 - $1) < 1e-6 })
    #expect(try network.feedforward(data[3].pixels) == Array(outputs[1][30..<40]))
  }
}
