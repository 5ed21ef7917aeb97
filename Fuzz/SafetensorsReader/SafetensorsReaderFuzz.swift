import NeuralNetwork

/// libFuzzer entry: any bytes as a `.safetensors` network checkpoint.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSafetensorsReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  _ = try? Network.fromSafetensors(Array(UnsafeBufferPointer(start: data, count: size)))
  return 0
}
