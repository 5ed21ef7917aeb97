import KernelInterface

/// Runs mini-batches forward and backward through a network's layers, in buffers it owns.
///
/// One propagator serves one training run or evaluation; it is not shared between threads.
final class Propagator {
  let layers: [Layer]
  let hidden: Activation
  let output: Activation
  let cost: Cost
  let capacity: Int
  /// The compilation of the kernels to run (all give identical results).
  let kernels: KernelTable
  /// Activations of layers 1...L, `capacity × stride` each.
  private let activations: [UnsafeMutablePointer<Float>]
  /// δ of layers 1...L.
  private let deltas: [UnsafeMutablePointer<Float>]
  /// The output layer's weighted inputs z (cross-entropy is computed from them).
  private let outputZ: UnsafeMutablePointer<Float>
  /// Row pointers of each layer's input: [0] is filled per batch, the others point into `activations`.
  private let rows: [UnsafeMutablePointer<UnsafePointer<Float>>]
  /// One row of summed gradients (the widest layer's stride).
  private let gradient: UnsafeMutablePointer<Float>
  /// Output-major copies of the weights of layers 2...L (`outputCount × previous stride`), for
  /// backpropagating δ; made on the first backward pass and refreshed after every update.
  private var outputMajor: [UnsafeMutablePointer<Float>] = []
  /// The first layer's sparse entries sorted by input, when the input is sparse.
  private var buckets: InputBuckets?
  /// The sum of the words `SparseRows.prefetch` read; kept only so the reads are not optimised
  /// away.
  private var prefetched: UInt = 0

  init(
    layers: [Layer], hidden: Activation, output: Activation, cost: Cost, capacity: Int,
    kernels: KernelTable = Kernels.selected
  ) {
    self.layers = layers
    self.kernels = kernels
    self.hidden = hidden
    self.output = output
    self.cost = cost
    self.capacity = capacity
    activations = layers.map { Kernels.allocate(capacity * $0.stride) }
    deltas = layers.map { Kernels.allocate(capacity * $0.stride) }
    outputZ = Kernels.allocate(capacity * (layers.last?.stride ?? 0))
    var rows: [UnsafeMutablePointer<UnsafePointer<Float>>] = []
    for l in layers.indices {
      let pointers = UnsafeMutablePointer<UnsafePointer<Float>>.allocate(capacity: capacity)
      for r in 0..<capacity {
        let source = l == 0 ? activations[0] : activations[l - 1] + r * layers[l - 1].stride
        pointers[r] = UnsafePointer(source)
      }
      rows.append(pointers)
    }
    self.rows = rows
    gradient = Kernels.allocate(layers.map(\.stride).max() ?? 0)
  }

  deinit {
    for pointer in activations + deltas { Kernels.deallocate(pointer) }
    Kernels.deallocate(outputZ)
    for pointer in rows { pointer.deallocate() }
    Kernels.deallocate(gradient)
    for pointer in outputMajor { Kernels.deallocate(pointer) }
  }

  /// Where a batch's inputs come from.
  enum Input {
    /// Dense rows: example e starts at `base + e * featureCount`.
    case dense(base: UnsafePointer<Float>, featureCount: Int)
    /// Nonzero entries only.
    case sparse(SparseRows)
  }

  /// The output activations of row r after `forward`.
  func outputRow(_ r: Int) -> UnsafeMutablePointer<Float> {
    activations[layers.count - 1] + r * layers[layers.count - 1].stride
  }

  /// Feeds `rowCount` examples (ids in `examples`) forward; the outputs land in `outputRow`.
  func forward(_ input: Input, examples: UnsafePointer<Int32>, rowCount: Int) {
    precondition(rowCount <= capacity)
    for (l, layer) in layers.enumerated() {
      let isOutput = l == layers.count - 1
      let z = isOutput ? outputZ : activations[l]
      if l == 0 {
        switch input {
        case .dense(let base, let featureCount):
          for r in 0..<rowCount { rows[0][r] = base + Int(examples[r]) * featureCount }
          kernels.forwardDense(rows[0], rowCount, layer.view, z)
        case .sparse(let sparse):
          prefetched &+= sparse.prefetch(examples: examples, rowCount: rowCount)
          kernels.forwardSparse(sparse.entries, examples, rowCount, layer.view, z)
        }
      } else {
        kernels.forwardDense(rows[l], rowCount, layer.view, z)
      }
      if isOutput {
        activations[l].update(from: outputZ, count: rowCount * layer.stride)
      }
      (isOutput ? output : hidden).apply(
        activations[l], rowCount: rowCount, count: layer.outputCount, stride: layer.stride)
    }
  }

  /// The summed cost of the batch after `forward`, filling the output deltas.
  func outputDeltas(labels: UnsafePointer<UInt8>, examples: UnsafePointer<Int32>, rowCount: Int)
    -> Double
  {
    let last = layers[layers.count - 1]
    var total = 0.0
    for r in 0..<rowCount {
      let offset = r * last.stride
      total += cost.outputDelta(
        z: outputZ + offset, a: activations[layers.count - 1] + offset, count: last.outputCount,
        label: Int(labels[Int(examples[r])]), output: output,
        into: deltas[layers.count - 1] + offset)
    }
    return total
  }

  private func buckets(for sparse: SparseRows, inputCount: Int) -> InputBuckets {
    if let buckets { return buckets }
    let made = InputBuckets(inputCount: inputCount, capacity: capacity * sparse.widestRow)
    buckets = made
    return made
  }

  /// Backpropagates the output deltas and moves every weight (by `weightRule`) and bias (by
  /// `biasRule`), with momentum's velocities when given.
  func backward(
    _ input: Input, examples: UnsafePointer<Int32>, rowCount: Int, weightRule: UpdateRule,
    biasRule: UpdateRule, velocities: Velocities?
  ) {
    if outputMajor.isEmpty && layers.count > 1 {
      outputMajor = (1..<layers.count).map { l in
        let copy = Kernels.allocate(layers[l].outputCount * layers[l - 1].stride)
        Kernels.transpose(layers[l], into: copy, previousStride: layers[l - 1].stride)
        return copy
      }
    }
    for l in stride(from: layers.count - 1, through: 0, by: -1) {
      let layer = layers[l]
      let delta = UnsafePointer(deltas[l])
      let weightVelocity = velocities?.weights[l]
      if l > 0 {
        let previousStride = layers[l - 1].stride
        kernels.previousDelta(
          delta, rowCount, layer.view, outputMajor[l - 1], deltas[l - 1], previousStride)
        hidden.multiplyByDerivative(
          deltas[l - 1], activations: activations[l - 1], rowCount: rowCount,
          count: layers[l - 1].outputCount, stride: previousStride)
        kernels.updateWeightsDense(
          rows[l], rowCount, layer.view, delta, weightRule, weightVelocity, gradient)
        Kernels.transpose(layer, into: outputMajor[l - 1], previousStride: previousStride)
      } else {
        switch input {
        case .dense:
          kernels.updateWeightsDense(
            rows[0], rowCount, layer.view, delta, weightRule, weightVelocity, gradient)
        case .sparse(let sparse):
          let buckets = buckets(for: sparse, inputCount: layer.inputCount)
          kernels.updateWeightsSparse(
            sparse.entries, examples, rowCount, layer.view, delta, weightRule, weightVelocity,
            buckets, gradient)
        }
      }
      kernels.updateBiases(
        layer.view, delta, rowCount, biasRule, velocities?.biases[l], gradient)
    }
  }
}

/// Momentum's velocities, one buffer per weight and bias tensor, in the layers' layout.
final class Velocities {
  let weights: [UnsafeMutablePointer<Float>]
  let biases: [UnsafeMutablePointer<Float>]

  init(layers: [Layer]) {
    weights = layers.map { Kernels.allocate($0.inputCount * $0.stride) }
    biases = layers.map { Kernels.allocate($0.stride) }
  }

  deinit {
    for pointer in weights + biases { Kernels.deallocate(pointer) }
  }
}
