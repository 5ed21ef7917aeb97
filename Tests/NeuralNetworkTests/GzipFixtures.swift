import CZlib

/// gzip streams made with zlib for reader tests: honest ones, and ones whose trailer lies.
enum GzipFixtures {
  /// `bytes` followed by `zeroCount` zero bytes, gzip-compressed, the zeros fed in chunks so a
  /// bomb of hundreds of megabytes never exists uncompressed in memory.
  static func compress(_ bytes: [UInt8], zeroCount: Int = 0) -> [UInt8] {
    var stream = z_stream()
    let status = deflateInit2_(
      &stream, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY,
      zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    precondition(status == Z_OK, "deflateInit2 failed: \(status)")
    defer { deflateEnd(&stream) }
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    func feed(_ input: [UInt8], flush: Int32) {
      var input = input
      input.withUnsafeMutableBufferPointer { source in
        stream.next_in = source.baseAddress
        stream.avail_in = UInt32(source.count)
        repeat {
          chunk.withUnsafeMutableBufferPointer { out in
            stream.next_out = out.baseAddress
            stream.avail_out = UInt32(out.count)
            _ = deflate(&stream, flush)
            output += out.prefix(out.count - Int(stream.avail_out))
          }
        } while stream.avail_out == 0 || (flush == Z_FINISH && stream.avail_in > 0)
      }
    }
    feed(bytes, flush: Z_NO_FLUSH)
    let zeros = [UInt8](repeating: 0, count: 1 << 20)
    var remaining = zeroCount
    while remaining > 0 {
      let count = min(remaining, zeros.count)
      feed(Array(zeros.prefix(count)), flush: Z_NO_FLUSH)
      remaining -= count
    }
    feed([], flush: Z_FINISH)
    return output
  }

  /// `gzip` with its trailer's size field (the last four bytes) set to `size`.
  static func claimingSize(_ gzip: [UInt8], _ size: UInt32) -> [UInt8] {
    Array(gzip.dropLast(4)) + [
      UInt8(size & 0xff), UInt8(size >> 8 & 0xff), UInt8(size >> 16 & 0xff), UInt8(size >> 24),
    ]
  }
}
