import Foundation

/// The engine's inner loops over raw Float pointers.
///
/// Rows of weights, activations and deltas are padded to multiples of 16 floats and handled as
/// `SIMD16<Float>` values, which the compiler turns into whole vector registers; the sums of each
/// output run in input order, so results do not depend on the vector width. The kernels never
/// allocate and never check bounds: callers own the shapes.
enum Kernels {
  typealias Vector = SIMD16<Float>
  static let width = 16

  static func paddedWidth(_ count: Int) -> Int { (count + width - 1) / width * width }

  /// `count` zeroed floats, 64-byte aligned.
  static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
    let capacity = max(count, 1)
    let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity * 4, alignment: 64)
    let pointer = raw.bindMemory(to: Float.self, capacity: capacity)
    pointer.initialize(repeating: 0, count: capacity)
    return pointer
  }

  static func deallocate(_ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).deallocate()
  }

  @inline(__always) static func load(_ pointer: UnsafePointer<Float>) -> Vector {
    UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
  }

  @inline(__always) static func load(_ pointer: UnsafeMutablePointer<Float>) -> Vector {
    UnsafeRawPointer(pointer).loadUnaligned(as: Vector.self)
  }

  @inline(__always) static func store(_ vector: Vector, _ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: Vector.self)
  }

  /// The sum of a vector's lanes, as a fixed pairwise tree.
  @inline(__always) static func sum(_ vector: Vector) -> Float {
    let eight = vector.lowHalf + vector.highHalf
    let four = eight.lowHalf + eight.highHalf
    let two = four.lowHalf + four.highHalf
    return two[0] + two[1]
  }

  // MARK: Forward

  /// `z[r, :] = b + Σ_k x_r[k] · W[k, :]` for dense input rows.
  static func forward(
    rows: UnsafePointer<UnsafePointer<Float>>, rowCount: Int, layer: Layer,
    into output: UnsafeMutablePointer<Float>
  ) {
    let stride = layer.stride
    let inputCount = layer.inputCount
    let weights = UnsafePointer(layer.weights)
    let biases = UnsafePointer(layer.biases)
    for r in 0..<rowCount {
      let x = rows[r]
      let z = output + r * stride
      var c = 0
      while c + 2 * width <= stride {
        var sum0 = load(biases + c)
        var sum1 = load(biases + c + width)
        var w = weights + c
        for k in 0..<inputCount {
          let xk = Vector(repeating: x[k])
          sum0 += xk * load(w)
          sum1 += xk * load(w + width)
          w += stride
        }
        store(sum0, z + c)
        store(sum1, z + c + width)
        c += 2 * width
      }
      while c < stride {
        var sum0 = load(biases + c)
        var w = weights + c
        for k in 0..<inputCount {
          sum0 += Vector(repeating: x[k]) * load(w)
          w += stride
        }
        store(sum0, z + c)
        c += width
      }
    }
  }

  /// The same as `forward(rows:...)` for sparse input rows: only the nonzero inputs are visited.
  static func forward(
    sparse input: SparseRows, examples: UnsafePointer<Int32>, rowCount: Int, layer: Layer,
    into output: UnsafeMutablePointer<Float>
  ) {
    let stride = layer.stride
    let weights = UnsafePointer(layer.weights)
    let biases = UnsafePointer(layer.biases)
    for r in 0..<rowCount {
      let example = Int(examples[r])
      let start = input.offsets[example]
      let end = input.offsets[example + 1]
      let z = output + r * stride
      var c = 0
      while c + 2 * width <= stride {
        var sum0 = load(biases + c)
        var sum1 = load(biases + c + width)
        for i in start..<end {
          let w = weights + Int(input.indices[i]) * stride + c
          let xk = Vector(repeating: input.values[i])
          sum0 += xk * load(w)
          sum1 += xk * load(w + width)
        }
        store(sum0, z + c)
        store(sum1, z + c + width)
        c += 2 * width
      }
      while c < stride {
        var sum0 = load(biases + c)
        for i in start..<end {
          sum0 +=
            Vector(repeating: input.values[i]) * load(weights + Int(input.indices[i]) * stride + c)
        }
        store(sum0, z + c)
        c += width
      }
    }
  }

  // MARK: Backward

  /// For every input k of the layer: the previous layer's delta `Σ_j W[k, j] δ_r[j]` (when asked),
  /// then the gradient `Σ_r x_r[k] δ_r` applied to row k of the weights by `rule`.
  ///
  /// Row k's previous-layer delta is read before row k is updated, so it uses the old weights.
  static func backward(
    rows: UnsafePointer<UnsafePointer<Float>>, rowCount: Int, layer: Layer,
    delta: UnsafePointer<Float>, previousDelta: UnsafeMutablePointer<Float>?, previousStride: Int,
    rule: UpdateRule, velocity: UnsafeMutablePointer<Float>?
  ) {
    let stride = layer.stride
    for k in 0..<layer.inputCount {
      let w = layer.weights + k * stride
      if let previousDelta {
        for r in 0..<rowCount {
          let d = delta + r * stride
          var acc = Vector()
          var c = 0
          while c < stride {
            acc += load(w + c) * load(d + c)
            c += width
          }
          previousDelta[r * previousStride + k] = sum(acc)
        }
      }
      var c = 0
      while c < stride {
        var gradient = Vector()
        for r in 0..<rowCount {
          gradient += Vector(repeating: rows[r][k]) * load(delta + r * stride + c)
        }
        rule.apply(
          weights: w + c, velocity: velocity.map { $0 + k * stride + c }, gradient: gradient)
        c += width
      }
    }
  }

  /// The first layer's update for sparse inputs: each nonzero input x of example r moves row k
  /// by `−step · x · δ_r`. With momentum or weight decay every row moves, so the gradient is
  /// gathered in `scratch` (`inputCount × stride`) and applied to all rows.
  static func backward(
    sparse input: SparseRows, examples: UnsafePointer<Int32>, rowCount: Int, layer: Layer,
    delta: UnsafePointer<Float>, rule: UpdateRule, velocity: UnsafeMutablePointer<Float>?,
    scratch: UnsafeMutablePointer<Float>
  ) {
    let stride = layer.stride
    let plain = velocity == nil && rule.decay == 0
    if !plain { scratch.update(repeating: 0, count: layer.inputCount * stride) }
    let target = plain ? layer.weights : scratch
    let scale: Float = plain ? -rule.step : 1
    for r in 0..<rowCount {
      let example = Int(examples[r])
      let d = delta + r * stride
      for i in input.offsets[example]..<input.offsets[example + 1] {
        let row = target + Int(input.indices[i]) * stride
        let xk = Vector(repeating: scale * input.values[i])
        var c = 0
        while c < stride {
          store(load(row + c) + xk * load(d + c), row + c)
          c += width
        }
      }
    }
    if plain { return }
    for k in 0..<layer.inputCount {
      var c = 0
      while c < stride {
        let offset = k * stride + c
        rule.apply(
          weights: layer.weights + offset, velocity: velocity.map { $0 + offset },
          gradient: load(scratch + offset))
        c += width
      }
    }
  }

  /// Biases move by the batch's summed deltas.
  static func updateBiases(
    layer: Layer, delta: UnsafePointer<Float>, rowCount: Int, rule: UpdateRule,
    velocity: UnsafeMutablePointer<Float>?
  ) {
    let stride = layer.stride
    var c = 0
    while c < stride {
      var gradient = Vector()
      for r in 0..<rowCount { gradient += load(delta + r * stride + c) }
      rule.apply(weights: layer.biases + c, velocity: velocity.map { $0 + c }, gradient: gradient)
      c += width
    }
  }
}

/// How a parameter moves given its gradient summed over a mini-batch of m examples:
/// `v ← μv − (η/m)g − (ηλ/n)w; w ← w + v` with momentum μ, else `w ← w − (η/m)g − (ηλ/n)w`.
struct UpdateRule {
  /// η / m.
  var step: Float
  /// ηλ / n, the L2 weight decay per step (0 for biases and without L2).
  var decay: Float
  /// μ.
  var momentum: Float

  @inline(__always)
  func apply(
    weights w: UnsafeMutablePointer<Float>, velocity v: UnsafeMutablePointer<Float>?,
    gradient: Kernels.Vector
  ) {
    let current = Kernels.load(w)
    if let v {
      let next = momentum * Kernels.load(v) - step * gradient - decay * current
      Kernels.store(next, v)
      Kernels.store(current + next, w)
    } else if decay != 0 {
      Kernels.store(current - step * gradient - decay * current, w)
    } else {
      Kernels.store(current - step * gradient, w)
    }
  }
}

/// Nonzero entries of a data set's rows (compressed sparse rows): MNIST is about 19% ink, so the
/// first layer visits a fifth of the pixels.
final class SparseRows: @unchecked Sendable {
  /// Example e's entries are `offsets[e]..<offsets[e + 1]`.
  let offsets: UnsafeMutablePointer<Int>
  let indices: UnsafeMutablePointer<UInt16>
  let values: UnsafeMutablePointer<Float>

  /// The sparse form of `data`, or nil when it would not pay (dense data, or too many features).
  init?(_ data: Dataset, maximumDensity: Double = 0.5) {
    guard data.featureCount <= Int(UInt16.max) + 1, data.count > 0 else { return nil }
    var nonzero = 0
    data.pixels.withUnsafeBufferPointer { pixels in
      for value in pixels where value != 0 { nonzero += 1 }
    }
    guard Double(nonzero) <= maximumDensity * Double(data.pixels.count) else { return nil }
    offsets = .allocate(capacity: data.count + 1)
    indices = .allocate(capacity: max(nonzero, 1))
    values = .allocate(capacity: max(nonzero, 1))
    var next = 0
    data.pixels.withUnsafeBufferPointer { pixels in
      for e in 0..<data.count {
        offsets[e] = next
        let row = e * data.featureCount
        for k in 0..<data.featureCount where pixels[row + k] != 0 {
          indices[next] = UInt16(k)
          values[next] = pixels[row + k]
          next += 1
        }
      }
    }
    offsets[data.count] = next
  }

  deinit {
    offsets.deallocate()
    indices.deallocate()
    values.deallocate()
  }
}
