import CZlib

/// gzip decompression through zlib, with errors that say whether the data is truncated or corrupt.
enum Gzip {
  /// True when `bytes` start with the gzip magic number 1f 8b.
  static func isCompressed(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
  }

  /// Inflates a whole gzip stream (the first member).
  ///
  /// - Parameter path: names the file in error messages.
  /// - Throws: `NeuralNetworkError.corruptGzip` when the stream is truncated or damaged.
  static func decompress(_ compressed: [UInt8], path: String) throws -> [UInt8] {
    var stream = z_stream()
    // 16 + MAX_WBITS: expect a gzip header and trailer, not a raw zlib stream.
    let status = inflateInit2_(
      &stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      throw NeuralNetworkError.corruptGzip(
        path: path, reason: "zlib could not start (code \(status))")
    }
    defer { inflateEnd(&stream) }

    // The trailer's ISIZE (length mod 2^32) is a good first guess of the output size.
    var capacity = max(compressed.count * 2, 1 << 16)
    if compressed.count >= 18 {
      let n = compressed.count
      let isize =
        Int(compressed[n - 4]) | Int(compressed[n - 3]) << 8 | Int(compressed[n - 2]) << 16
        | Int(compressed[n - 1]) << 24
      if isize > 0 && isize < 1 << 31 { capacity = isize + 1 }
    }
    var output = [UInt8](repeating: 0, count: capacity)
    var produced = 0
    var result: Int32 = Z_OK
    try compressed.withUnsafeBufferPointer { input in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = UInt32(input.count)
      while true {
        if produced == output.count {
          output.append(contentsOf: repeatElement(0, count: output.count))
        }
        result = output.withUnsafeMutableBufferPointer { out in
          stream.next_out = out.baseAddress! + produced
          stream.avail_out = UInt32(min(out.count - produced, Int(UInt32.max)))
          let before = stream.avail_out
          let code = inflate(&stream, Z_NO_FLUSH)
          produced += Int(before - stream.avail_out)
          return code
        }
        switch result {
        case Z_STREAM_END:
          return
        case Z_OK:
          continue
        case Z_BUF_ERROR where stream.avail_in == 0:
          throw NeuralNetworkError.corruptGzip(
            path: path, reason: "the stream ends early (truncated after \(produced) bytes)")
        case Z_BUF_ERROR:
          continue
        default:
          let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(result)"
          throw NeuralNetworkError.corruptGzip(path: path, reason: message)
        }
      }
    }
    output.removeSubrange(produced...)
    return output
  }
}
