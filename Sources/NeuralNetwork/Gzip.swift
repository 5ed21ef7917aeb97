import CZlib

/// gzip decompression through zlib, with errors that say whether the data is truncated or corrupt.
///
/// Output is bounded: the caller gives the most bytes it can use, and inflating stops there, so a
/// small file that claims (or really holds) gigabytes is refused after at most `limit` bytes.
package enum Gzip {
  /// deflate never compresses better than about 1032:1, so a trailer's size beyond that is a lie.
  static let maximumRatio = 1032

  /// True when `bytes` start with the gzip magic number 1f 8b.
  package static func isCompressed(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
  }

  /// What to do when the inflated data reaches `limit` bytes.
  package enum Overflow {
    /// Return the first `limit` bytes (to read a header).
    case keepPrefix
    /// Refuse the file: it holds more than its reader can use, for the reason `why`.
    case fail(why: String)
  }

  /// Inflates a gzip stream (the first member), producing at most `limit` bytes.
  ///
  /// - Parameter path: names the file in error messages.
  /// - Throws: `NeuralNetworkError.corruptGzip` when the stream is truncated or damaged, or holds
  ///   more than `limit` bytes and `overflow` is `.fail`.
  package static func decompress(
    _ compressed: [UInt8], path: String, limit: Int, overflow: Overflow
  ) throws -> [UInt8] {
    var stream = z_stream()
    // 16 + MAX_WBITS: expect a gzip header and trailer, not a raw zlib stream.
    let status = inflateInit2_(
      &stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      throw NeuralNetworkError.corruptGzip(
        path: path, reason: "zlib could not start (code \(status))")
    }
    defer { inflateEnd(&stream) }

    var output = [UInt8](repeating: 0, count: initialCapacity(compressed, limit: limit))
    var produced = 0
    try compressed.withUnsafeBufferPointer { input in
      stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
      stream.avail_in = UInt32(clamping: input.count)
      while true {
        if produced == limit {
          switch overflow {
          case .keepPrefix: return
          case .fail(let why):
            // One more byte tells a stream of exactly `limit` bytes from a longer one.
            var probe: UInt8 = 0
            let code = withUnsafeMutablePointer(to: &probe) { byte in
              stream.next_out = byte
              stream.avail_out = 1
              return inflate(&stream, Z_NO_FLUSH)
            }
            if code == Z_STREAM_END && stream.avail_out == 1 { return }
            if code == Z_OK || code == Z_STREAM_END || stream.avail_out == 0 {
              throw NeuralNetworkError.corruptGzip(
                path: path,
                reason: "it inflates to more than \(limit) bytes: \(why)")
            }
            throw error(for: code, stream: stream, produced: produced, path: path)
          }
        }
        if produced == output.count {
          let grown = min(limit, max(output.count * 2, 1 << 16))
          output.append(contentsOf: repeatElement(0, count: grown - output.count))
        }
        let result = output.withUnsafeMutableBufferPointer { out in
          stream.next_out = out.baseAddress! + produced
          stream.avail_out = UInt32(clamping: out.count - produced)
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
        case Z_BUF_ERROR where stream.avail_in > 0:
          continue
        default:
          throw error(for: result, stream: stream, produced: produced, path: path)
        }
      }
    }
    output.removeSubrange(produced...)
    return output
  }

  /// The trailer's ISIZE (length mod 2^32) is a good first guess of the output size, when it is
  /// one deflate could reach from this many bytes and within the limit.
  private static func initialCapacity(_ compressed: [UInt8], limit: Int) -> Int {
    let guess = min(limit, max(compressed.count * 2, 1 << 16))
    guard compressed.count >= 18 else { return guess }
    let n = compressed.count
    let isize =
      Int(compressed[n - 4]) | Int(compressed[n - 3]) << 8 | Int(compressed[n - 2]) << 16
      | Int(compressed[n - 1]) << 24
    let plausible = compressed.count.multipliedReportingOverflow(by: maximumRatio)
    guard isize > 0, plausible.overflow || isize <= plausible.partialValue else { return guess }
    return min(limit, isize)
  }

  private static func error(for code: Int32, stream: z_stream, produced: Int, path: String)
    -> NeuralNetworkError
  {
    if code == Z_BUF_ERROR {
      return .corruptGzip(
        path: path, reason: "the stream ends early (truncated after \(produced) bytes)")
    }
    let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(code)"
    return .corruptGzip(path: path, reason: message)
  }
}
