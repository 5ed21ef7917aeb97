import Foundation

/// A Double-precision copy of a network with plain, readable backpropagation.
///
/// The gradient check and the lesson's nudges use it: precise enough to compare against finite
/// differences at 1e-7, and written the way the lesson writes the equations (BP1-BP4).
struct ReferenceNetwork {
  let sizes: [Int]
  let hidden: Activation
  let output: Activation
  let cost: Cost
  /// Per layer, row-major `sizes[l + 1] × sizes[l]`.
  var weights: [[Double]]
  var biases: [[Double]]

  init(_ network: Network) {
    sizes = network.sizes
    hidden = network.hidden
    output = network.output
    cost = network.cost
    weights = network.layers.map { $0.weightMatrix.map(Double.init) }
    biases = network.layers.map { $0.biasVector.map(Double.init) }
  }

  /// Weighted inputs z and activations a of every layer; `activations[0]` is the input.
  struct Pass {
    var zs: [[Double]] = []
    var activations: [[Double]] = []
  }

  func forward(_ input: [Double]) -> Pass {
    var pass = Pass(zs: [], activations: [input])
    for l in weights.indices {
      let inputCount = sizes[l]
      let previous = pass.activations[l]
      var z = biases[l]
      weights[l].withUnsafeBufferPointer { w in
        for j in z.indices {
          var sum = 0.0
          let row = j * inputCount
          for k in 0..<inputCount { sum += w[row + k] * previous[k] }
          z[j] += sum
        }
      }
      pass.zs.append(z)
      pass.activations.append(
        ReferenceNetwork.activate(z, l == weights.count - 1 ? output : hidden))
    }
    return pass
  }

  static func activate(_ z: [Double], _ activation: Activation) -> [Double] {
    switch activation {
    case .sigmoid: return z.map { 1 / (1 + exp(-$0)) }
    case .relu: return z.map { max($0, 0) }
    case .tanh: return z.map { Foundation.tanh($0) }
    case .softmax:
      let largest = z.max() ?? 0
      let e = z.map { exp($0 - largest) }
      let total = e.reduce(0, +)
      return e.map { $0 / total }
    }
  }

  /// f'(z) written with a = f(z).
  static func derivative(_ a: Double, _ activation: Activation) -> Double {
    switch activation {
    case .sigmoid: return a * (1 - a)
    case .relu: return a > 0 ? 1 : 0
    case .tanh: return 1 - a * a
    case .softmax: preconditionFailure("softmax has no elementwise derivative")
    }
  }

  /// One example's cost from its output pass.
  func cost(of pass: Pass, label: Int) -> Double {
    let a = pass.activations[pass.activations.count - 1]
    let z = pass.zs[pass.zs.count - 1]
    switch (cost, output) {
    case (.crossEntropy, .softmax):
      let largest = z.max() ?? 0
      return log(z.reduce(0) { $0 + exp($1 - largest) }) + largest - z[label]
    case (.crossEntropy, _):
      return z.indices.reduce(0) { sum, j in
        let softplus = max(z[j], 0) + log1p(exp(-abs(z[j])))
        return sum + (j == label ? softplus - z[j] : softplus)
      }
    case (.quadratic, _), (.brokenQuadratic, _):
      return a.indices.reduce(0) { sum, j in
        let error = a[j] - (j == label ? 1 : 0)
        return sum + 0.5 * error * error
      }
    }
  }

  /// ∂C/∂a of the output layer for one example.
  func outputGradient(of pass: Pass, label: Int) -> [Double] {
    let a = pass.activations[pass.activations.count - 1]
    return a.indices.map { j in
      let y: Double = j == label ? 1 : 0
      switch (cost, output) {
      case (.quadratic, _), (.brokenQuadratic, _): return a[j] - y
      case (.crossEntropy, .softmax): return j == label ? -1 / a[j] : 0
      case (.crossEntropy, _): return (a[j] - y) / (a[j] * (1 - a[j]))
      }
    }
  }

  /// δ of every layer for one example (BP1 for the output, BP2 backwards).
  func deltas(of pass: Pass, label: Int) -> [[Double]] {
    let a = pass.activations[pass.activations.count - 1]
    var delta: [Double]
    switch (cost, output) {
    case (.crossEntropy, _):
      delta = a.indices.map { a[$0] - ($0 == label ? 1 : 0) }
    case (.quadratic, .softmax):
      let error = a.indices.map { a[$0] - ($0 == label ? 1 : 0) }
      let dot = zip(error, a).reduce(0) { $0 + $1.0 * $1.1 }
      delta = a.indices.map { a[$0] * (error[$0] - dot) }
    case (.brokenQuadratic, _):
      delta = a.indices.map { a[$0] - ($0 == label ? 1 : 0) }
    case (.quadratic, _):
      delta = a.indices.map {
        (a[$0] - ($0 == label ? 1 : 0)) * ReferenceNetwork.derivative(a[$0], output)
      }
    }
    var deltas = [delta]
    for l in stride(from: weights.count - 1, to: 0, by: -1) {
      let inputCount = sizes[l]
      let previous = pass.activations[l]
      var next = [Double](repeating: 0, count: inputCount)
      for k in 0..<inputCount {
        var sum = 0.0
        for j in delta.indices { sum += weights[l][j * inputCount + k] * delta[j] }
        next[k] = sum * ReferenceNetwork.derivative(previous[k], hidden)
      }
      delta = next
      deltas.insert(delta, at: 0)
    }
    return deltas
  }

  /// The mean cost over `examples` and its gradient (∂C/∂W row-major, ∂C/∂b) per layer.
  func gradient(_ examples: [(input: [Double], label: Int)]) -> (
    cost: Double, weights: [[Double]], biases: [[Double]]
  ) {
    var weightGradients = weights.map { [Double](repeating: 0, count: $0.count) }
    var biasGradients = biases.map { [Double](repeating: 0, count: $0.count) }
    var total = 0.0
    for example in examples {
      let pass = forward(example.input)
      total += cost(of: pass, label: example.label)
      let deltas = deltas(of: pass, label: example.label)
      for l in weights.indices {
        let inputCount = sizes[l]
        let previous = pass.activations[l]
        for (j, d) in deltas[l].enumerated() {
          biasGradients[l][j] += d
          for k in 0..<inputCount { weightGradients[l][j * inputCount + k] += d * previous[k] }
        }
      }
    }
    let scale = 1 / Double(examples.count)
    return (
      total * scale, weightGradients.map { $0.map { $0 * scale } },
      biasGradients.map { $0.map { $0 * scale } }
    )
  }
}
