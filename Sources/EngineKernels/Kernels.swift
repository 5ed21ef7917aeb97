import KernelInterface

// This file is compiled three times, once per instruction set: it is the source of the
// EngineKernels target, and EngineKernelsAVX2 and EngineKernelsAVX512 hold symbolic links to it
// (their targets add `-march`); each target's `InstructionSet.swift` names its set.

/// The engine's inner loops over raw Float pointers.
///
/// Rows of weights, activations and deltas are padded to multiples of 16 floats and handled as
/// `SIMD16<Float>` values, which the compiler turns into whole vector registers; the sums of each
/// output run in input order and no multiply-add is fused, so results do not depend on the vector
/// width or the instruction set. The kernels never allocate and never check bounds: callers own
/// the shapes.
package enum SIMDKernels {
  typealias Vector = SIMD16<Float>
  static var width: Int { KernelMemory.width }

  /// This compilation's kernels.
  package static let table = KernelTable(
    name: instructionSet,
    forwardDense: { forward(rows: $0, rowCount: $1, layer: $2, into: $3) },
    forwardSparse: { forward(sparse: $0, examples: $1, rowCount: $2, layer: $3, into: $4) },
    previousDelta: {
      previousDelta(
        delta: $0, rowCount: $1, layer: $2, outputMajor: $3, into: $4, previousStride: $5)
    },
    updateWeightsDense: {
      updateWeights(
        rows: $0, rowCount: $1, layer: $2, delta: $3, rule: $4, velocity: $5, gradient: $6)
    },
    updateWeightsSparse: {
      updateWeights(
        sparse: $0, examples: $1, rowCount: $2, layer: $3, delta: $4, rule: $5, velocity: $6,
        buckets: $7, gradient: $8)
    },
    updateBiases: {
      updateBiases(layer: $0, delta: $1, rowCount: $2, rule: $3, velocity: $4, gradient: $5)
    })

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

  /// `out = start + Σ_i coefficient(i) · rows(i)` over `count` terms, for one padded row of
  /// `stride` floats: the heart of every kernel.
  ///
  /// Rows are handled 128, 64 or 16 floats at a time (8, 4 or 1 vectors) with the accumulators in registers; the
  /// 16-wide case alternates two accumulators so consecutive multiply-adds do not wait on each
  /// other. The order of the terms is fixed, so results are reproducible.
  @inline(__always)
  static func accumulate(
    stride: Int, count: Int, start: UnsafePointer<Float>?, into out: UnsafeMutablePointer<Float>,
    term: (Int) -> (coefficient: Float, row: UnsafePointer<Float>)
  ) {
    var c = 0
    // Eight vectors (128 floats) per pass, then four, in `Block` values the optimiser keeps in
    // registers (a `SIMD64<Float>` accumulator spills to the stack instead).
    while c + 128 <= stride {
      var low = Block(start.map { $0 + c })
      var high = Block(start.map { $0 + c + 64 })
      for i in 0..<count {
        let (coefficient, base) = term(i)
        let x = Vector(repeating: coefficient)
        low.add(x, times: base + c)
        high.add(x, times: base + c + 64)
      }
      low.store(to: out + c)
      high.store(to: out + c + 64)
      c += 128
    }
    while c + 64 <= stride {
      var block = Block(start.map { $0 + c })
      for i in 0..<count {
        let (coefficient, base) = term(i)
        block.add(Vector(repeating: coefficient), times: base + c)
      }
      block.store(to: out + c)
      c += 64
    }
    while c < stride {
      var even = start.map { load($0 + c) } ?? Vector()
      var odd = Vector()
      var i = 0
      while i + 1 < count {
        let (a, rowA) = term(i)
        let (b, rowB) = term(i + 1)
        even += Vector(repeating: a) * load(rowA + c)
        odd += Vector(repeating: b) * load(rowB + c)
        i += 2
      }
      if i < count {
        let (a, rowA) = term(i)
        even += Vector(repeating: a) * load(rowA + c)
      }
      store(even + odd, out + c)
      c += width
    }
  }

  /// Four vectors (64 floats) of running sums.
  struct Block {
    var v0, v1, v2, v3: Vector

    /// Starts from the 64 floats at `start`, or zeros.
    @inline(__always) init(_ start: UnsafePointer<Float>?) {
      if let start {
        (v0, v1, v2, v3) = (load(start), load(start + 16), load(start + 32), load(start + 48))
      } else {
        (v0, v1, v2, v3) = (Vector(), Vector(), Vector(), Vector())
      }
    }

    /// Adds `x` times the 64 floats at `row`.
    @inline(__always) mutating func add(_ x: Vector, times row: UnsafePointer<Float>) {
      v0 += x * load(row)
      v1 += x * load(row + 16)
      v2 += x * load(row + 32)
      v3 += x * load(row + 48)
    }

    @inline(__always) func store(to out: UnsafeMutablePointer<Float>) {
      SIMDKernels.store(v0, out)
      SIMDKernels.store(v1, out + 16)
      SIMDKernels.store(v2, out + 32)
      SIMDKernels.store(v3, out + 48)
    }
  }

  /// `z[r, :] = b + Σ_k x_r[k] · W[k, :]` for dense input rows.
  static func forward(
    rows: UnsafePointer<UnsafePointer<Float>>, rowCount: Int, layer: KernelLayer,
    into output: UnsafeMutablePointer<Float>
  ) {
    let stride = layer.stride
    let weights = UnsafePointer(layer.weights)
    for r in 0..<rowCount {
      let x = rows[r]
      accumulate(
        stride: stride, count: layer.inputCount, start: layer.biases, into: output + r * stride
      ) {
        (x[$0], weights + $0 * stride)
      }
    }
  }

  /// The same for sparse input rows: only the nonzero inputs are visited.
  static func forward(
    sparse input: SparseEntries, examples: UnsafePointer<Int32>, rowCount: Int, layer: KernelLayer,
    into output: UnsafeMutablePointer<Float>
  ) {
    let stride = layer.stride
    let weights = UnsafePointer(layer.weights)
    for r in 0..<rowCount {
      let example = Int(examples[r])
      let start = input.offsets[example]
      let indices = input.indices + start
      let codes = input.codes + start
      let table = input.table
      accumulate(
        stride: stride, count: input.offsets[example + 1] - start, start: layer.biases,
        into: output + r * stride
      ) { (table[Int(codes[$0])], weights + Int(indices[$0]) &* stride) }
    }
  }

  // MARK: Backward

  /// The previous layer's δ before the activation derivative: `Σ_j δ_r[j] W[j, :]`, read from the
  /// output-major copy of the weights so each term is a whole-row multiply-add.
  static func previousDelta(
    delta: UnsafePointer<Float>, rowCount: Int, layer: KernelLayer,
    outputMajor: UnsafePointer<Float>,
    into previous: UnsafeMutablePointer<Float>, previousStride: Int
  ) {
    for r in 0..<rowCount {
      let d = delta + r * layer.stride
      accumulate(
        stride: previousStride, count: layer.outputCount, start: nil,
        into: previous + r * previousStride
      ) {
        (d[$0], outputMajor + $0 * previousStride)
      }
    }
  }

  /// For every input k: the gradient `Σ_r x_r[k] δ_r`, applied to row k of the weights by `rule`.
  static func updateWeights(
    rows: UnsafePointer<UnsafePointer<Float>>, rowCount: Int, layer: KernelLayer,
    delta: UnsafePointer<Float>,
    rule: UpdateRule, velocity: UnsafeMutablePointer<Float>?, gradient: UnsafeMutablePointer<Float>
  ) {
    let stride = layer.stride
    for k in 0..<layer.inputCount {
      accumulate(stride: stride, count: rowCount, start: nil, into: gradient) {
        (rows[$0][k], delta + $0 * stride)
      }
      rule.apply(
        row: layer.weights + k * stride, velocity: velocity.map { $0 + k * stride },
        gradient: gradient,
        count: stride)
    }
  }

  /// The first layer's update for sparse inputs: the batch's nonzero entries are sorted by input
  /// (a counting sort), so each touched row k gets its whole gradient `Σ_r x_r[k] δ_r` at once
  /// and is read and written once per mini-batch. Rows no example touches move only under
  /// momentum or weight decay.
  static func updateWeights(
    sparse input: SparseEntries, examples: UnsafePointer<Int32>, rowCount: Int, layer: KernelLayer,
    delta: UnsafePointer<Float>, rule: UpdateRule, velocity: UnsafeMutablePointer<Float>?,
    buckets: InputBuckets, gradient: UnsafeMutablePointer<Float>
  ) {
    let stride = layer.stride
    let inputCount = layer.inputCount
    if velocity == nil && rule.decay == 0 && stride <= 32 {
      // Narrow rows: moving a row per entry (one or two vectors) is cheaper than sorting.
      for r in 0..<rowCount {
        let example = Int(examples[r])
        let d = delta + r * stride
        for i in input.offsets[example]..<input.offsets[example + 1] {
          let row = layer.weights + Int(input.indices[i]) &* stride
          let x = Vector(repeating: -rule.step * input.value(i))
          var c = 0
          while c < stride {
            store(load(row + c) + x * load(d + c), row + c)
            c += width
          }
        }
      }
      return
    }
    buckets.fill(from: input, examples: examples, rowCount: rowCount, inputCount: inputCount)
    let starts = buckets.starts
    let everyRow = velocity != nil || rule.decay != 0
    for k in 0..<inputCount {
      let start = Int(starts[k])
      let count = Int(starts[k + 1]) - start
      if count == 0 && !everyRow { continue }
      let rows = buckets.rows + start
      let values = buckets.values + start
      accumulate(stride: stride, count: count, start: nil, into: gradient) {
        (values[$0], delta + Int(rows[$0]) &* stride)
      }
      rule.apply(
        row: layer.weights + k * stride, velocity: velocity.map { $0 + k * stride },
        gradient: gradient,
        count: stride)
    }
  }

  /// Biases move by the batch's summed deltas.
  static func updateBiases(
    layer: KernelLayer, delta: UnsafePointer<Float>, rowCount: Int, rule: UpdateRule,
    velocity: UnsafeMutablePointer<Float>?, gradient: UnsafeMutablePointer<Float>
  ) {
    let stride = layer.stride
    accumulate(stride: stride, count: rowCount, start: nil, into: gradient) {
      (1, delta + $0 * stride)
    }
    rule.apply(row: layer.biases, velocity: velocity, gradient: gradient, count: stride)
  }
}

extension UpdateRule {
  /// Moves `count` parameters (a multiple of 16) by their summed gradients.
  @inline(__always)
  func apply(
    row w: UnsafeMutablePointer<Float>, velocity v: UnsafeMutablePointer<Float>?,
    gradient g: UnsafePointer<Float>, count: Int
  ) {
    var c = 0
    while c < count {
      let current = SIMDKernels.load(w + c)
      let gradient = SIMDKernels.load(g + c)
      if let v {
        let next = momentum * SIMDKernels.load(v + c) - step * gradient - decay * current
        SIMDKernels.store(next, v + c)
        SIMDKernels.store(current + next, w + c)
      } else if decay != 0 {
        SIMDKernels.store(current - step * gradient - decay * current, w + c)
      } else {
        SIMDKernels.store(current - step * gradient, w + c)
      }
      c += SIMDKernels.width
    }
  }
}
