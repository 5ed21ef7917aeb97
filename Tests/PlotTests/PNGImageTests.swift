import CZlib
import Testing

@testable import Plot

@Suite struct PNGImageTests {
  /// A PNG's chunks: type and data, after checking each one's CRC.
  private func chunks(of file: [UInt8]) throws -> [(type: String, data: [UInt8])] {
    try #require(Array(file.prefix(8)) == PNGImage.signature)
    var chunks: [(String, [UInt8])] = []
    var offset = 8
    while offset + 12 <= file.count {
      let length = file[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
      let typeAndData = Array(file[(offset + 4)..<(offset + 8 + length)])
      let stored = file[(offset + 8 + length)..<(offset + 12 + length)].reduce(UInt32(0)) {
        $0 << 8 | UInt32($1)
      }
      let computed = typeAndData.withUnsafeBufferPointer {
        crc32(0, $0.baseAddress, uInt($0.count))
      }
      #expect(UInt32(computed) == stored, "CRC of chunk at \(offset)")
      chunks.append(
        (String(decoding: typeAndData.prefix(4), as: UTF8.self), Array(typeAndData.dropFirst(4))))
      offset += 12 + length
    }
    #expect(offset == file.count)
    return chunks
  }

  private func inflate(_ data: [UInt8], expected: Int) throws -> [UInt8] {
    var output = [UInt8](repeating: 0, count: expected)
    var length = uLongf(expected)
    let status = output.withUnsafeMutableBufferPointer { out in
      data.withUnsafeBufferPointer {
        uncompress(out.baseAddress, &length, $0.baseAddress, uLong($0.count))
      }
    }
    try #require(status == Z_OK)
    return Array(output.prefix(Int(length)))
  }

  /// Undoes the None, Sub and Up filters.
  private func unfiltered(_ rows: [UInt8], width: Int, height: Int, channels: Int) -> [UInt8] {
    let rowBytes = width * channels
    var pixels: [UInt8] = []
    for row in 0..<height {
      let start = row * (rowBytes + 1)
      let filter = rows[start]
      for index in 0..<rowBytes {
        let raw = rows[start + 1 + index]
        let left = index >= channels ? pixels[row * rowBytes + index - channels] : 0
        let up = row > 0 ? pixels[(row - 1) * rowBytes + index] : 0
        pixels.append(filter == 0 ? raw : filter == 1 ? raw &+ left : raw &+ up)
      }
    }
    return pixels
  }

  @Test(arguments: [PNGImage.ColorType.gray, .rgb, .rgba])
  func encodedPixelsComeBackUnchanged(colorType: PNGImage.ColorType) throws {
    let (width, height) = (13, 7)
    let pixels = (0..<(width * height * colorType.channels)).map { (index: Int) -> UInt8 in
      UInt8(truncatingIfNeeded: (index * 37) ^ (index >> 3))
    }
    let image = PNGImage(width: width, height: height, colorType: colorType, pixels: pixels)
    let parts = try chunks(of: image.encoded())
    #expect(parts.map(\.type) == ["IHDR", "IDAT", "IEND"])
    let header: [UInt8] =
      PNGImage.bigEndian(13) + PNGImage.bigEndian(7) + [8, colorType.rawValue, 0, 0, 0]
    #expect(parts[0].data == header)
    let rows = try inflate(parts[1].data, expected: (width * colorType.channels + 1) * height)
    #expect(unfiltered(rows, width: width, height: height, channels: colorType.channels) == pixels)
  }

  @Test func smoothImagesCompressWell() throws {
    let pixels = (0..<(280 * 280)).map { (index: Int) -> UInt8 in UInt8((index % 280) * 255 / 279) }
    let file = try PNGImage(width: 280, height: 280, colorType: .gray, pixels: pixels).encoded()
    #expect(file.count < 2_000)
  }

  @Test func wrongDimensionsAreAnErrorThatSaysWhatWasExpected() {
    #expect(throws: PNGError.badDimensions(width: 2, height: 2, channels: 3, bytes: 5)) {
      try PNGImage(width: 2, height: 2, colorType: .rgb, pixels: [1, 2, 3, 4, 5]).encoded()
    }
    #expect(
      PNGError.badDimensions(width: 2, height: 2, channels: 3, bytes: 5).description.contains(
        "expected 12 bytes"))
  }

  @Test func base64MatchesTheRFCExamples() {
    let cases = [
      "": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=",
      "foobar": "Zm9vYmFy",
    ]
    for (input, output) in cases {
      #expect(Base64.encode(Array(input.utf8)) == output)
    }
  }

  @Test func aGridEmbedsOnePNGForAllItsTiles() throws {
    let grid = SampleCharts.weightImages
    let svg = grid.svg()
    #expect(svg.components(separatedBy: "data:image/png;base64,").count == 2)
    let sheet = grid.spriteSheet()
    #expect(sheet.width == 8 * 29 && sheet.height == 2 * 29)
    #expect(sheet.colorType == .rgb)
  }
}
