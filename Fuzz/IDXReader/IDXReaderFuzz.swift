import NeuralNetwork

/// libFuzzer entry: any bytes as an IDX file (plain, or gzip when they start with 1f 8b).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDXReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  _ = try? IDX.decode(Array(UnsafeBufferPointer(start: data, count: size)), path: "fuzz.idx")
  return 0
}
