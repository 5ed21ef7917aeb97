/// One parameter tensor's comparison of backprop with finite differences.
package struct LayerGradientCheck: Sendable {
  /// "layer 1 weights", "layer 1 biases", ...
  package var name: String
  /// How many parameters were compared.
  package var checked: Int
  /// Samples redrawn because the perturbation moved a ReLU across its kink at 0.
  package var skippedAtKinks: Int
  package var maxRelativeError: Double
  package var medianRelativeError: Double
  /// Each checked parameter's backprop and finite-difference gradients.
  package var pairs: [(analytic: Double, numeric: Double)]
}

/// Backprop's gradient against centred finite differences, per tensor.
package struct GradientCheckReport: Sendable, Codable {
  package var layers: [LayerGradientCheck]
  package var epsilon: Double
  /// How many examples the cost was averaged over.
  package var examples: Int
  /// The largest relative error of any checked parameter.
  package var maxRelativeError: Double { layers.map(\.maxRelativeError).max() ?? 0 }
}

extension Network {
  /// Compares backpropagation's gradient with centred finite differences `(C(w+ε) − C(w−ε)) / 2ε`,
  /// in Double precision, for `samples` parameters of every weight and bias tensor.
  ///
  /// The cost is the mean over the first `examples` examples of `data`. Parameters are drawn with
  /// `seed` among those whose gradient is not exactly zero (a weight from an always-blank pixel
  /// checks nothing); a draw whose perturbation flips a ReLU across 0 is redrawn, since the cost
  /// has a kink there. Relative error is `|a − n| / max(|a|, |n|)` (0 when both are 0).
  ///
  /// - Throws: `NeuralNetworkError` when the data does not fit or a count is not positive.
  package func gradientCheck(
    on data: Dataset, samples: Int = 10, epsilon: Double = 1e-5, seed: UInt64 = 0,
    examples: Int = 10
  ) throws -> GradientCheckReport {
    try checkShape(of: data, role: "gradient-check")
    for (name, value) in [("samples", samples), ("examples", examples)] where value < 1 {
      throw NeuralNetworkError.invalidArgument(
        name: name, value: "\(value)", reason: "must be 1 or more")
    }
    guard epsilon.isFinite, epsilon > 0 else {
      throw NeuralNetworkError.invalidArgument(
        name: "epsilon", value: "\(epsilon)", reason: "must be above 0")
    }
    guard data.count > 0 else { throw NeuralNetworkError.invalidDataset("the data set is empty") }
    let batch = (0..<min(examples, data.count)).map { i in
      let example = data[i]
      return (input: example.pixels.map(Double.init), label: example.label)
    }
    let reference = ReferenceNetwork(self)
    let analytic = reference.gradient(batch)
    let passes = batch.map { reference.forward($0.input) }
    var generator = SeededGenerator(seed: seed)
    var reports: [LayerGradientCheck] = []

    for l in reference.weights.indices {
      for isBias in [false, true] {
        let gradient = isBias ? analytic.biases[l] : analytic.weights[l]
        var candidates = gradient.indices.filter { gradient[$0] != 0 }
        if candidates.isEmpty { candidates = Array(gradient.indices) }
        var pairs: [(analytic: Double, numeric: Double)] = []
        var skipped = 0
        while pairs.count < samples && !candidates.isEmpty {
          let index = candidates.remove(at: generator.nextInt(below: candidates.count))
          var difference = 0.0
          var crossesKink = false
          for (pass, example) in zip(passes, batch) {
            let up = reference.costChange(
              of: pass, label: example.label, layer: l, isBias: isBias, index: index, step: epsilon)
            let down = reference.costChange(
              of: pass, label: example.label, layer: l, isBias: isBias, index: index, step: -epsilon
            )
            difference += up.change - down.change
            crossesKink = crossesKink || up.crossesKink || down.crossesKink
          }
          if crossesKink {
            skipped += 1
            continue
          }
          pairs.append((gradient[index], difference / Double(batch.count) / (2 * epsilon)))
        }
        let errors = pairs.map { Network.relativeError($0.analytic, $0.numeric) }.sorted()
        reports.append(
          LayerGradientCheck(
            name: "layer \(l + 1) \(isBias ? "biases" : "weights")", checked: pairs.count,
            skippedAtKinks: skipped, maxRelativeError: errors.last ?? 0,
            medianRelativeError: errors.isEmpty
              ? 0
              : errors.count % 2 == 1
                ? errors[errors.count / 2]
                : (errors[errors.count / 2 - 1] + errors[errors.count / 2]) / 2,
            pairs: pairs))
      }
    }
    return GradientCheckReport(layers: reports, epsilon: epsilon, examples: batch.count)
  }

  /// |a − n| / max(|a|, |n|), 0 when both are 0.
  static func relativeError(_ a: Double, _ n: Double) -> Double {
    let scale = max(abs(a), abs(n))
    return scale == 0 ? 0 : abs(a - n) / scale
  }
}
