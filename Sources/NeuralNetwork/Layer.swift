import KernelInterface

/// One fully connected layer's parameters in the layout the kernels want.
///
/// Weights are stored transposed (input-major): row `k` holds the weights from input `k` to every
/// output, padded with zeros to `stride`, a multiple of 16 floats, so each row is whole SIMD
/// vectors and one input's contribution to all outputs is a vector multiply-add. Memory is
/// 64-byte aligned and owned by this object.
final class Layer: @unchecked Sendable {
  let inputCount: Int
  let outputCount: Int
  /// `outputCount` rounded up to a multiple of `KernelMemory.width`.
  let stride: Int
  /// `inputCount × stride` floats: `weights[k * stride + j]` is the weight from input k to output j.
  let weights: UnsafeMutablePointer<Float>
  /// `stride` floats; the padding stays 0.
  let biases: UnsafeMutablePointer<Float>

  init(inputCount: Int, outputCount: Int) {
    self.inputCount = inputCount
    self.outputCount = outputCount
    self.stride = Kernels.paddedWidth(outputCount)
    self.weights = Kernels.allocate(inputCount * stride)
    self.biases = Kernels.allocate(stride)
  }

  deinit {
    Kernels.deallocate(weights)
    Kernels.deallocate(biases)
  }

  /// The parameters as the kernels see them.
  var view: KernelLayer {
    KernelLayer(
      inputCount: inputCount, outputCount: outputCount, stride: stride, weights: weights,
      biases: biases)
  }

  /// A deep copy.
  func copy() -> Layer {
    let other = Layer(inputCount: inputCount, outputCount: outputCount)
    other.weights.update(from: weights, count: inputCount * stride)
    other.biases.update(from: biases, count: stride)
    return other
  }

  /// The weight from input `k` to output `j`.
  func weight(output j: Int, input k: Int) -> Float { weights[k * stride + j] }

  func setWeight(_ value: Float, output j: Int, input k: Int) { weights[k * stride + j] = value }

  /// Weights as the lesson writes them: row-major, `outputCount × inputCount`.
  var weightMatrix: [Float] {
    [Float](unsafeUninitializedCapacity: outputCount * inputCount) { buffer, initialized in
      for j in 0..<outputCount {
        for k in 0..<inputCount { buffer[j * inputCount + k] = weights[k * stride + j] }
      }
      initialized = outputCount * inputCount
    }
  }

  var biasVector: [Float] { Array(UnsafeBufferPointer(start: biases, count: outputCount)) }

  /// Replaces the weights from a row-major `outputCount × inputCount` matrix.
  func setWeightMatrix(_ matrix: [Float]) {
    precondition(matrix.count == outputCount * inputCount, "weight matrix has the wrong size")
    for j in 0..<outputCount {
      for k in 0..<inputCount { weights[k * stride + j] = matrix[j * inputCount + k] }
    }
  }

  func setBiasVector(_ vector: [Float]) {
    precondition(vector.count == outputCount, "bias vector has the wrong size")
    for j in 0..<outputCount { biases[j] = vector[j] }
  }
}
