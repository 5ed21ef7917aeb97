import CPUFeatures
import EngineKernels
import EngineKernelsAVX2
import EngineKernelsAVX512
import Foundation
import KernelInterface

/// The kernels this process trains with: the widest instruction set the processor supports,
/// chosen once at start-up (`NUDGE_KERNELS=portable|avx2|avx512` picks one of the supported
/// sets instead). Every set gives bit-identical results, so the choice changes speed only.
package enum Kernels {
  /// The compilations of the kernels this processor can run, narrowest first.
  package static let supported: [KernelTable] = {
    var tables = [EngineKernels.SIMDKernels.table]
    if nudge_cpu_has_avx2() != 0 { tables.append(EngineKernelsAVX2.SIMDKernels.table) }
    if nudge_cpu_has_avx512() != 0 { tables.append(EngineKernelsAVX512.SIMDKernels.table) }
    return tables
  }()

  /// The table every propagator uses unless told otherwise.
  package static let selected: KernelTable = {
    if let name = ProcessInfo.processInfo.environment["NUDGE_KERNELS"],
      let table = supported.first(where: { $0.name == name })
    {
      return table
    }
    return supported[supported.count - 1]
  }()

  static func paddedWidth(_ count: Int) -> Int { KernelMemory.paddedWidth(count) }
  static func allocate(_ count: Int) -> UnsafeMutablePointer<Float> { KernelMemory.allocate(count) }
  static func deallocate(_ pointer: UnsafeMutablePointer<Float>) {
    KernelMemory.deallocate(pointer)
  }

  /// Copies the input-major weights into the output-major layout (`outputCount × previousStride`).
  static func transpose(
    _ layer: Layer, into outputMajor: UnsafeMutablePointer<Float>, previousStride: Int
  ) {
    let stride = layer.stride
    for k in 0..<layer.inputCount {
      let row = layer.weights + k * stride
      for j in 0..<layer.outputCount { outputMajor[j * previousStride + k] = row[j] }
    }
  }
}
