internal import CZlib

/// An 8-bit image encoded as PNG with zlib, for pixel pictures (digits, weight tiles) that
/// would be thousands of `<rect>`s in SVG.
package struct PNGImage: Sendable, Equatable {
  package enum ColorType: UInt8, Sendable {
    case gray = 0
    case rgb = 2
    case rgba = 6

    package var channels: Int {
      switch self {
      case .gray: 1
      case .rgb: 3
      case .rgba: 4
      }
    }
  }

  package var width: Int
  package var height: Int
  package var colorType: ColorType
  /// Row-major samples, `channels` bytes per pixel, top row first.
  package var pixels: [UInt8]

  package init(width: Int, height: Int, colorType: ColorType, pixels: [UInt8]) {
    self.width = width
    self.height = height
    self.colorType = colorType
    self.pixels = pixels
  }

  /// The eight bytes every PNG file starts with.
  package static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

  /// The PNG file: signature, IHDR, one IDAT with the filtered rows deflated by zlib, IEND.
  package func encoded() throws(PNGError) -> [UInt8] {
    let rowBytes = width * colorType.channels
    guard width > 0, height > 0, pixels.count == rowBytes * height else {
      throw PNGError.badDimensions(
        width: width, height: height, channels: colorType.channels, bytes: pixels.count)
    }
    var header: [UInt8] = []
    header += Self.bigEndian(UInt32(width))
    header += Self.bigEndian(UInt32(height))
    header += [8, colorType.rawValue, 0, 0, 0]  // bit depth, colour type, deflate, adaptive filters, no interlace
    var file = Self.signature
    file += Self.chunk("IHDR", header)
    file += Self.chunk("IDAT", try Self.deflate(filteredRows()))
    file += Self.chunk("IEND", [])
    return file
  }

  /// The PNG as a `data:image/png;base64,...` URI for an SVG `<image href>`.
  package func dataURI() throws(PNGError) -> String {
    "data:image/png;base64," + Base64.encode(try encoded())
  }

  /// Each row prefixed with the filter (None, Sub or Up) that leaves the smallest residues,
  /// the usual heuristic; smooth images then deflate to a fraction of their size.
  private func filteredRows() -> [UInt8] {
    let channels = colorType.channels
    let rowBytes = width * channels
    var output: [UInt8] = []
    output.reserveCapacity((rowBytes + 1) * height)
    var candidate = [UInt8](repeating: 0, count: rowBytes)
    for row in 0..<height {
      let start = row * rowBytes
      var best: (filter: UInt8, bytes: [UInt8], cost: Int)?
      for filter: UInt8 in 0...2 {
        for index in 0..<rowBytes {
          let raw = pixels[start + index]
          let left = index >= channels ? pixels[start + index - channels] : 0
          let up = row > 0 ? pixels[start + index - rowBytes] : 0
          candidate[index] = filter == 0 ? raw : filter == 1 ? raw &- left : raw &- up
        }
        let cost = candidate.reduce(0) { $0 + Int(Int8(bitPattern: $1).magnitude) }
        if let current = best, current.cost <= cost { continue }
        best = (filter, candidate, cost)
      }
      if let best {
        output.append(best.filter)
        output += best.bytes
      }
    }
    return output
  }

  private static func deflate(_ bytes: [UInt8]) throws(PNGError) -> [UInt8] {
    var capacity = compressBound(uLong(bytes.count))
    var output = [UInt8](repeating: 0, count: Int(capacity))
    let status = output.withUnsafeMutableBufferPointer { destination in
      bytes.withUnsafeBufferPointer { source in
        compress2(
          destination.baseAddress, &capacity, source.baseAddress, uLong(source.count),
          Z_BEST_COMPRESSION)
      }
    }
    guard status == Z_OK else { throw PNGError.compression(status: Int(status)) }
    return Array(output.prefix(Int(capacity)))
  }

  /// Length, type, data and the CRC-32 of type and data.
  private static func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
    let typeAndData = Array(type.utf8) + data
    let crc = typeAndData.withUnsafeBufferPointer { crc32(0, $0.baseAddress, uInt($0.count)) }
    return bigEndian(UInt32(data.count)) + typeAndData + bigEndian(UInt32(truncatingIfNeeded: crc))
  }

  static func bigEndian(_ value: UInt32) -> [UInt8] {
    [
      UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF),
      UInt8(value & 0xFF),
    ]
  }
}

/// Why a PNG could not be written.
package enum PNGError: Error, Equatable, CustomStringConvertible {
  case badDimensions(width: Int, height: Int, channels: Int, bytes: Int)
  case compression(status: Int)

  package var description: String {
    switch self {
    case .badDimensions(let width, let height, let channels, let bytes):
      "cannot encode a PNG of \(width)×\(height) pixels with \(channels) channel(s) from \(bytes) bytes: expected \(width * height * channels) bytes and a positive size"
    case .compression(let status):
      "zlib's compress2 failed with status \(status) while encoding a PNG; the image is probably too large for memory"
    }
  }
}

/// Base64 (RFC 4648, with padding), for data URIs.
package enum Base64 {
  private static let alphabet = Array(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  package static func encode(_ bytes: [UInt8]) -> String {
    var output: [UInt8] = []
    output.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let remaining = bytes.count - index
      let b0 = UInt32(bytes[index])
      let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
      let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
      let group = b0 << 16 | b1 << 8 | b2
      output.append(alphabet[Int(group >> 18 & 63)])
      output.append(alphabet[Int(group >> 12 & 63)])
      output.append(remaining > 1 ? alphabet[Int(group >> 6 & 63)] : UInt8(ascii: "="))
      output.append(remaining > 2 ? alphabet[Int(group & 63)] : UInt8(ascii: "="))
      index += 3
    }
    return String(decoding: output, as: UTF8.self)
  }
}
