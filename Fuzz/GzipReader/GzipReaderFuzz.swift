import NeuralNetwork

/// libFuzzer entry: any bytes as a gzip stream, inflated under a 1 MiB limit both ways
/// (keeping a prefix, and refusing what is longer).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzipReader(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  _ = try? Gzip.decompress(bytes, path: "fuzz.gz", limit: 1 << 20, overflow: .keepPrefix)
  _ = try? Gzip.decompress(bytes, path: "fuzz.gz", limit: 1 << 20, overflow: .fail(why: "fuzz"))
  return 0
}
