/// One layer's parameters as the kernels see them: input-major weights, rows padded to `stride`
/// (a multiple of 16 floats), 64-byte aligned; the padding stays 0.
package struct KernelLayer {
  package var inputCount: Int
  package var outputCount: Int
  package var stride: Int
  /// `inputCount × stride` floats: `weights[k * stride + j]` is the weight from input k to output j.
  package var weights: UnsafeMutablePointer<Float>
  /// `stride` floats.
  package var biases: UnsafeMutablePointer<Float>

  package init(
    inputCount: Int, outputCount: Int, stride: Int, weights: UnsafeMutablePointer<Float>,
    biases: UnsafeMutablePointer<Float>
  ) {
    self.inputCount = inputCount
    self.outputCount = outputCount
    self.stride = stride
    self.weights = weights
    self.biases = biases
  }
}

/// A data set's nonzero entries (compressed sparse rows) as the kernels see them: example e's
/// entries are `offsets[e]..<offsets[e + 1]`, each an input index and a code into `table`.
///
/// Public rather than package, like `KernelMemory`, so `value` can be inlined into the kernels.
public struct SparseEntries {
  public var offsets: UnsafeMutablePointer<Int>
  public var indices: UnsafeMutablePointer<UInt16>
  public var codes: UnsafeMutablePointer<UInt8>
  public var table: UnsafeMutablePointer<Float>

  package init(
    offsets: UnsafeMutablePointer<Int>, indices: UnsafeMutablePointer<UInt16>,
    codes: UnsafeMutablePointer<UInt8>, table: UnsafeMutablePointer<Float>
  ) {
    self.offsets = offsets
    self.indices = indices
    self.codes = codes
    self.table = table
  }

  /// The value of entry i.
  @inlinable public func value(_ i: Int) -> Float { table[Int(codes[i])] }
}

/// How a parameter moves given its gradient summed over a mini-batch of m examples:
/// `v ← μv − (η/m)g − (ηλ/n)w; w ← w + v` with momentum μ, else `w ← w − (η/m)g − (ηλ/n)w`.
package struct UpdateRule: Sendable {
  /// η / m.
  package var step: Float
  /// ηλ / n, the L2 weight decay per step (0 for biases and without L2).
  package var decay: Float
  /// μ.
  package var momentum: Float

  package init(step: Float, decay: Float, momentum: Float) {
    self.step = step
    self.decay = decay
    self.momentum = momentum
  }
}

/// Padded, aligned float buffers as the kernels want them.
///
/// Public rather than package: the kernels' innermost loops use `width`, and the compiler inlines
/// an `@inlinable` member into another module only when it is public (an `@inlinable package`
/// one stays a call). A stored `static let` would cost another module a lazy-initialisation check
/// on every use.
public enum KernelMemory {
  /// Floats per SIMD vector; rows are padded to a multiple of it.
  @inlinable public static var width: Int { 16 }

  @inlinable public static func paddedWidth(_ count: Int) -> Int {
    (count + width - 1) / width * width
  }

  /// `count` zeroed floats, 64-byte aligned.
  package static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
    let capacity = max(count, 1)
    let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity * 4, alignment: 64)
    let pointer = raw.bindMemory(to: Float.self, capacity: capacity)
    pointer.initialize(repeating: 0, count: capacity)
    return pointer
  }

  package static func deallocate(_ pointer: UnsafeMutablePointer<Float>) {
    UnsafeMutableRawPointer(pointer).deallocate()
  }
}
