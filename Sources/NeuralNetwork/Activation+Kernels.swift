import Foundation

extension Activation {
  /// Replaces `z` by the activation in the first `count` entries of each of `rowCount` rows.
  func apply(_ values: UnsafeMutablePointer<Float>, rowCount: Int, count: Int, stride: Int) {
    for r in 0..<rowCount {
      let row = values + r * stride
      switch self {
      case .sigmoid:
        for j in 0..<count { row[j] = 1 / (1 + exp(-row[j])) }
      case .relu:
        for j in 0..<count { row[j] = max(row[j], 0) }
      case .tanh:
        for j in 0..<count { row[j] = Foundation.tanh(row[j]) }
      case .softmax:
        var largest = -Float.infinity
        for j in 0..<count { largest = max(largest, row[j]) }
        var total: Float = 0
        for j in 0..<count {
          row[j] = exp(row[j] - largest)
          total += row[j]
        }
        let scale = 1 / total
        for j in 0..<count { row[j] *= scale }
      }
    }
  }

  /// Multiplies `delta` by the activation's derivative, written in terms of the activation `a`
  /// (σ' = a(1 − a), tanh' = 1 − a², ReLU' = 1 for a > 0 else 0).
  ///
  /// Sixteen entries at a time as `SIMD16<Float>` lanes (the same arithmetic per entry as one at
  /// a time, so results do not change): written as scalar loops over two pointers that may
  /// alias, the compiler vectorises none of them and ReLU's branch alone took a seventh of a W3
  /// epoch.
  func multiplyByDerivative(
    _ delta: UnsafeMutablePointer<Float>, activations: UnsafePointer<Float>, rowCount: Int,
    count: Int, stride: Int
  ) {
    for r in 0..<rowCount {
      let d = delta + r * stride
      let a = activations + r * stride
      var j = 0
      while j + 16 <= count {
        let product = derivativeProduct(
          delta: UnsafeRawPointer(d + j).loadUnaligned(as: SIMD16<Float>.self),
          activation: UnsafeRawPointer(a + j).loadUnaligned(as: SIMD16<Float>.self))
        UnsafeMutableRawPointer(d + j).storeBytes(of: product, as: SIMD16<Float>.self)
        j += 16
      }
      if j < count {
        // The last partial vector, copied in and out of zeroed vectors.
        let bytes = (count - j) * MemoryLayout<Float>.stride
        var partialDelta = SIMD16<Float>()
        var partialActivation = SIMD16<Float>()
        withUnsafeMutableBytes(of: &partialDelta) {
          $0.copyMemory(from: UnsafeRawBufferPointer(start: d + j, count: bytes))
        }
        withUnsafeMutableBytes(of: &partialActivation) {
          $0.copyMemory(from: UnsafeRawBufferPointer(start: a + j, count: bytes))
        }
        let product = derivativeProduct(delta: partialDelta, activation: partialActivation)
        withUnsafeBytes(of: product) {
          UnsafeMutableRawBufferPointer(start: d + j, count: bytes).copyMemory(
            from: UnsafeRawBufferPointer(rebasing: $0[0..<bytes]))
        }
      }
    }
  }

  /// δ times the derivative, lane by lane.
  @inline(__always)
  private func derivativeProduct(delta: SIMD16<Float>, activation a: SIMD16<Float>)
    -> SIMD16<Float>
  {
    switch self {
    case .sigmoid:
      return delta * (a * (1 - a))
    case .relu:
      // Not `a > 0` gives 0, NaN included.
      return delta.replacing(with: 0, where: .!(a .> 0))
    case .tanh:
      return delta * (1 - a * a)
    case .softmax:
      preconditionFailure("softmax is an output activation; hidden layers never use it")
    }
  }
}

extension Cost {
  /// One example's cost and its output delta δ = ∂C/∂z, from the output layer's z and a.
  ///
  /// Cross-entropy is computed from z (softplus and log-sum-exp), so a saturated output costs a
  /// large finite number rather than infinity.
  func outputDelta(
    z: UnsafePointer<Float>, a: UnsafePointer<Float>, count: Int, label: Int, output: Activation,
    into delta: UnsafeMutablePointer<Float>
  ) -> Double {
    var cost = 0.0
    switch (self, output) {
    case (.crossEntropy, .softmax):
      var largest = -Float.infinity
      for j in 0..<count { largest = max(largest, z[j]) }
      var total = 0.0
      for j in 0..<count {
        total += Double(exp(z[j] - largest))
        delta[j] = a[j] - (j == label ? 1 : 0)
      }
      cost = log(total) + Double(largest) - Double(z[label])
    case (.crossEntropy, _):
      for j in 0..<count {
        let zj = Double(z[j])
        let softplus = max(zj, 0) + log1p(exp(-abs(zj)))
        cost += j == label ? softplus - zj : softplus
        delta[j] = a[j] - (j == label ? 1 : 0)
      }
    case (.quadratic, .softmax):
      var dot: Float = 0
      for j in 0..<count {
        let error = a[j] - (j == label ? 1 : 0)
        cost += 0.5 * Double(error) * Double(error)
        dot += error * a[j]
      }
      for j in 0..<count { delta[j] = a[j] * ((a[j] - (j == label ? 1 : 0)) - dot) }
    case (.quadratic, _), (.brokenQuadratic, _):
      for j in 0..<count {
        let error = a[j] - (j == label ? 1 : 0)
        cost += 0.5 * Double(error) * Double(error)
        delta[j] = error
      }
      if self == .quadratic {
        output.multiplyByDerivative(
          delta, activations: a, rowCount: 1, count: count, stride: count)
      }
    }
    return cost
  }
}
