/// The engine's kernels as a table of functions, so one build can carry several compilations of
/// the same kernel source (portable SSE, AVX2, AVX-512) and pick one at run time.
///
/// Every compilation does the same arithmetic in the same order (lane-wise operations on
/// `SIMD16<Float>`, fixed reduction trees, no fused multiply-add), so they give bit-identical
/// results; only the instructions differ.
package struct KernelTable: Sendable {
  /// The instruction set the table was compiled for: "portable", "avx2" or "avx512".
  package var name: String
  /// `z[r, :] = b + Σ_k x_r[k] · W[k, :]` for dense input rows.
  package var forwardDense:
    @Sendable (
      _ rows: UnsafePointer<UnsafePointer<Float>>, _ rowCount: Int, _ layer: KernelLayer,
      _ output: UnsafeMutablePointer<Float>
    ) -> Void
  /// The same for sparse input rows (only the nonzero inputs are visited).
  package var forwardSparse:
    @Sendable (
      _ input: SparseEntries, _ examples: UnsafePointer<Int32>, _ rowCount: Int,
      _ layer: KernelLayer, _ output: UnsafeMutablePointer<Float>
    ) -> Void
  /// The previous layer's δ before the activation derivative, from output-major weights.
  package var previousDelta:
    @Sendable (
      _ delta: UnsafePointer<Float>, _ rowCount: Int, _ layer: KernelLayer,
      _ outputMajor: UnsafePointer<Float>, _ previous: UnsafeMutablePointer<Float>,
      _ previousStride: Int
    ) -> Void
  /// Every weight row k moved by its gradient `Σ_r x_r[k] δ_r`, for dense inputs.
  package var updateWeightsDense:
    @Sendable (
      _ rows: UnsafePointer<UnsafePointer<Float>>, _ rowCount: Int, _ layer: KernelLayer,
      _ delta: UnsafePointer<Float>, _ rule: UpdateRule, _ velocity: UnsafeMutablePointer<Float>?,
      _ gradient: UnsafeMutablePointer<Float>
    ) -> Void
  /// The first layer's update for sparse inputs.
  package var updateWeightsSparse:
    @Sendable (
      _ input: SparseEntries, _ examples: UnsafePointer<Int32>, _ rowCount: Int,
      _ layer: KernelLayer, _ delta: UnsafePointer<Float>, _ rule: UpdateRule,
      _ velocity: UnsafeMutablePointer<Float>?, _ buckets: InputBuckets,
      _ gradient: UnsafeMutablePointer<Float>
    ) -> Void
  /// Biases moved by the batch's summed deltas.
  package var updateBiases:
    @Sendable (
      _ layer: KernelLayer, _ delta: UnsafePointer<Float>, _ rowCount: Int, _ rule: UpdateRule,
      _ velocity: UnsafeMutablePointer<Float>?, _ gradient: UnsafeMutablePointer<Float>
    ) -> Void

  package init(
    name: String,
    forwardDense:
      @escaping @Sendable (
        UnsafePointer<UnsafePointer<Float>>, Int, KernelLayer, UnsafeMutablePointer<Float>
      ) -> Void,
    forwardSparse:
      @escaping @Sendable (
        SparseEntries, UnsafePointer<Int32>, Int, KernelLayer, UnsafeMutablePointer<Float>
      ) -> Void,
    previousDelta:
      @escaping @Sendable (
        UnsafePointer<Float>, Int, KernelLayer, UnsafePointer<Float>, UnsafeMutablePointer<Float>,
        Int
      ) -> Void,
    updateWeightsDense:
      @escaping @Sendable (
        UnsafePointer<UnsafePointer<Float>>, Int, KernelLayer, UnsafePointer<Float>, UpdateRule,
        UnsafeMutablePointer<Float>?, UnsafeMutablePointer<Float>
      ) -> Void,
    updateWeightsSparse:
      @escaping @Sendable (
        SparseEntries, UnsafePointer<Int32>, Int, KernelLayer, UnsafePointer<Float>, UpdateRule,
        UnsafeMutablePointer<Float>?, InputBuckets, UnsafeMutablePointer<Float>
      ) -> Void,
    updateBiases:
      @escaping @Sendable (
        KernelLayer, UnsafePointer<Float>, Int, UpdateRule, UnsafeMutablePointer<Float>?,
        UnsafeMutablePointer<Float>
      ) -> Void
  ) {
    self.name = name
    self.forwardDense = forwardDense
    self.forwardSparse = forwardSparse
    self.previousDelta = previousDelta
    self.updateWeightsDense = updateWeightsDense
    self.updateWeightsSparse = updateWeightsSparse
    self.updateBiases = updateBiases
  }
}
