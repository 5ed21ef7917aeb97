import Foundation

/// Centred finite differences without catastrophic cancellation.
///
/// `C(w + ε) − C(w − ε)` subtracts two costs of about 1 to get a number that may be 1e-10, so
/// computing the two costs and subtracting loses up to six digits of Double precision. Instead
/// each cost change `C(w ± ε) − C(w)` is propagated through the network as a difference: the
/// perturbed weighted input changes by `Δz`, each activation by `f(z + Δz) − f(z)` written with
/// identities that stay accurate for small `Δz` (expm1, log1p), and the cost by the matching
/// identity. The result is the same quantity as the textbook formula, to about 1e-13.
extension ReferenceNetwork {
  /// The change of one example's cost when parameter `index` of layer `layer` (0-based; a weight
  /// index is row-major `j * inputCount + k`) moves by `step`, from the example's unperturbed pass.
  ///
  /// - Returns: the cost change and whether a ReLU changed side (the cost has a kink there).
  func costChange(of pass: Pass, label: Int, layer: Int, isBias: Bool, index: Int, step: Double)
    -> (
      change: Double, crossesKink: Bool
    )
  {
    let outputCount = sizes[layer + 1]
    var dz = [Double](repeating: 0, count: outputCount)
    if isBias {
      dz[index] = step
    } else {
      let inputCount = sizes[layer]
      dz[index / inputCount] = step * pass.activations[layer][index % inputCount]
    }
    var crossesKink = false
    var m = layer
    while true {
      let isOutput = m == weights.count - 1
      let activation = isOutput ? output : hidden
      let z = pass.zs[m]
      let a = pass.activations[m + 1]
      let da = ReferenceNetwork.activationChange(z: z, a: a, dz: dz, activation)
      if activation == .relu {
        crossesKink = crossesKink || z.indices.contains { (z[$0] > 0) != (z[$0] + dz[$0] > 0) }
      }
      if isOutput {
        return (costChange(z: z, a: a, dz: dz, da: da, label: label), crossesKink)
      }
      let inputCount = sizes[m + 1]
      dz = (0..<sizes[m + 2]).map { j in
        var sum = 0.0
        for k in 0..<inputCount where da[k] != 0 {
          sum += weights[m + 1][j * inputCount + k] * da[k]
        }
        return sum
      }
      m += 1
    }
  }

  /// `f(z + dz) − f(z)` for a whole layer, accurate when `dz` is small.
  static func activationChange(z: [Double], a: [Double], dz: [Double], _ activation: Activation)
    -> [Double]
  {
    switch activation {
    case .sigmoid:
      // σ(u) − σ(v) = σ(u)(1 − σ(v))(1 − e^(v−u)).
      return z.indices.map { j in
        dz[j] == 0 ? 0 : 1 / (1 + exp(-(z[j] + dz[j]))) * (1 - a[j]) * -expm1(-dz[j])
      }
    case .tanh:
      // tanh(u) − tanh(v) = tanh(u − v)(1 − tanh(u) tanh(v)).
      return z.indices.map { j in
        dz[j] == 0 ? 0 : Foundation.tanh(dz[j]) * (1 - Foundation.tanh(z[j] + dz[j]) * a[j])
      }
    case .relu:
      return z.indices.map { j in
        let u = z[j] + dz[j]
        return u > 0 && z[j] > 0 ? dz[j] : max(u, 0) - max(z[j], 0)
      }
    case .softmax:
      // a'_j / a_j = e^(dz_j) / (1 + m) with m = Σ a_k (e^(dz_k) − 1).
      let m = z.indices.reduce(0) { $0 + a[$1] * expm1(dz[$1]) }
      return z.indices.map { j in a[j] * (expm1(dz[j]) - m) / (1 + m) }
    }
  }

  /// `C(z + dz) − C(z)` for one example, given the output's activation change `da`.
  func costChange(z: [Double], a: [Double], dz: [Double], da: [Double], label: Int) -> Double {
    switch (cost, output) {
    case (.quadratic, _), (.brokenQuadratic, _):
      // ½(a' − y)² − ½(a − y)² = Δa (a − y + Δa / 2).
      return a.indices.reduce(0) { sum, j in
        sum + da[j] * (a[j] - (j == label ? 1 : 0) + da[j] / 2)
      }
    case (.crossEntropy, .softmax):
      // −ln a'_y + ln a_y = −ln(1 + Δa_y / a_y).
      return -log1p(da[label] / a[label])
    case (.crossEntropy, _):
      // softplus(z + d) − softplus(z) = ln(1 + σ(z)(e^d − 1)), minus y·d for the label.
      return z.indices.reduce(0) { sum, j in
        sum + log1p(a[j] * expm1(dz[j])) - (j == label ? dz[j] : 0)
      }
    }
  }
}
