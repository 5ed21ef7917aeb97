import Foundation

/// The IDX format of the MNIST files: a magic number (two zero bytes, a type code, the number of
/// dimensions), each dimension as a big-endian UInt32, then the values. Plain or gzip-compressed.
package enum IDX {
  /// A decoded IDX array of unsigned bytes.
  package struct Array: Sendable {
    package var dimensions: [Int]
    /// The whole decoded file; the values start at `valueOffset` (kept in place, not copied,
    /// so loading MNIST's 47 MB of pixels holds one copy of them).
    package var file: [UInt8]
    package var valueOffset: Int

    /// The values, row-major.
    package var values: ArraySlice<UInt8> { file[valueOffset...] }
  }

  /// Loads an images file and its labels file as a data set, pixels scaled to [0, 1].
  ///
  /// - Parameter limit: keep only the first `limit` examples (all when nil).
  /// - Throws: `NeuralNetworkError` when a file is unreadable, truncated, corrupt, has the wrong
  ///   magic number, or the counts of images and labels differ.
  package static func loadDataset(images: String, labels: String, limit: Int? = nil) throws
    -> Dataset
  {
    let imageArray = try read(path: images)
    guard imageArray.dimensions.count >= 2 else {
      throw NeuralNetworkError.invalidIDX(
        path: images,
        reason:
          "an images file needs at least 2 dimensions (count, pixels), found \(imageArray.dimensions.count)"
      )
    }
    let labelArray = try read(path: labels)
    guard labelArray.dimensions.count == 1 else {
      throw NeuralNetworkError.invalidIDX(
        path: labels, reason: "a labels file has 1 dimension, found \(labelArray.dimensions.count)")
    }
    let imageCount = imageArray.dimensions[0]
    guard imageCount == labelArray.dimensions[0] else {
      throw NeuralNetworkError.countMismatch(
        images: images, imageCount: imageCount, labels: labels, labelCount: labelArray.dimensions[0]
      )
    }
    let featureCount = imageArray.dimensions.dropFirst().reduce(1, *)
    guard featureCount > 0 else {
      throw NeuralNetworkError.invalidIDX(path: images, reason: "images have no pixels")
    }
    if let limit, limit < 0 {
      throw NeuralNetworkError.invalidArgument(
        name: "example count", value: "\(limit)", reason: "must be 0 or more")
    }
    let count = min(limit ?? imageCount, imageCount)
    let scaled = scaledPixels(imageArray.values, count: count * featureCount)
    let keptLabels = Swift.Array(labelArray.values.prefix(count))
    let classCount = max(10, Int(keptLabels.max() ?? 0) + 1)
    let isImage = imageArray.dimensions.count == 3
    return try Dataset(
      pixels: scaled, labels: keptLabels, featureCount: featureCount, classCount: classCount,
      imageWidth: isImage ? imageArray.dimensions[2] : nil,
      imageHeight: isImage ? imageArray.dimensions[1] : nil)
  }

  /// The largest IDX file accepted, decompressed: MNIST's training images are 47 MB.
  static let maximumBytes = 512 << 20
  /// The longest header: the magic number and 255 dimensions.
  static let maximumHeaderSize = 4 + 4 * 255

  /// Reads and validates one IDX file of unsigned bytes (type code 0x08).
  ///
  /// A gzip file is inflated twice: first only its header, whose dimensions then bound how much
  /// of the rest is inflated, so a small file claiming or holding gigabytes is refused early.
  package static func read(path: String) throws -> Array {
    try decode(RegularFile.read(path: path, limit: maximumBytes, what: "an IDX file"), path: path)
  }

  /// Decodes the bytes of an IDX file, plain or gzip; `path` is only used in errors.
  package static func decode(_ file: [UInt8], path: String) throws -> Array {
    guard Gzip.isCompressed(file) else { return try parse(file, path: path) }
    let head = try Gzip.decompress(
      file, path: path, limit: maximumHeaderSize, overflow: .keepPrefix)
    let layout = try header(head, path: path)
    let bytes = try Gzip.decompress(
      file, path: path, limit: layout.fileSize,
      overflow: .fail(
        why: "its header's dimensions \(layout.dimensions) give a \(layout.fileSize)-byte file"))
    return try parse(bytes, path: path)
  }

  /// Where the values start and how many bytes the dimensions need.
  struct Layout {
    var dimensions: [Int]
    var headerSize: Int
    var valueCount: Int
    var fileSize: Int { headerSize + valueCount }
  }

  /// Validates the header and size of decompressed IDX bytes.
  package static func parse(_ bytes: [UInt8], path: String) throws -> Array {
    let layout = try header(bytes, path: path)
    let available = bytes.count - layout.headerSize
    let (dimensions, expected) = (layout.dimensions, layout.valueCount)
    guard available >= expected else {
      throw NeuralNetworkError.invalidIDX(
        path: path,
        reason:
          "truncated: dimensions \(dimensions) need \(expected) bytes of data, the file has \(available)"
      )
    }
    guard available == expected else {
      throw NeuralNetworkError.invalidIDX(
        path: path,
        reason:
          "\(available - expected) unexpected bytes after the \(expected) bytes that dimensions \(dimensions) need"
      )
    }
    return Array(dimensions: dimensions, file: bytes, valueOffset: layout.headerSize)
  }

  /// Validates the magic number and dimensions at the start of `bytes` (the file or a prefix).
  static func header(_ bytes: [UInt8], path: String) throws -> Layout {
    guard bytes.count >= 4 else {
      throw NeuralNetworkError.invalidIDX(
        path: path, reason: "only \(bytes.count) bytes, too short for the 4-byte magic number")
    }
    let magic = bytes[0..<4].reduce(0) { $0 << 8 | Int($1) }
    guard bytes[0] == 0, bytes[1] == 0 else {
      throw NeuralNetworkError.invalidIDX(
        path: path,
        reason:
          "wrong magic number \(magic) (0x\(String(magic, radix: 16))); IDX files start with two zero bytes"
      )
    }
    guard bytes[2] == 0x08 else {
      throw NeuralNetworkError.invalidIDX(
        path: path,
        reason:
          "wrong magic number \(magic): type code 0x\(String(bytes[2], radix: 16)) is not 0x08 (unsigned bytes)"
      )
    }
    let dimensionCount = Int(bytes[3])
    guard dimensionCount >= 1 else {
      throw NeuralNetworkError.invalidIDX(
        path: path, reason: "wrong magic number \(magic): zero dimensions")
    }
    let headerSize = 4 + 4 * dimensionCount
    guard bytes.count >= headerSize else {
      throw NeuralNetworkError.invalidIDX(
        path: path,
        reason:
          "truncated header: \(bytes.count) bytes, \(headerSize) needed for \(dimensionCount) dimensions"
      )
    }
    var dimensions: [Int] = []
    var expected = 1
    for d in 0..<dimensionCount {
      let offset = 4 + 4 * d
      let size = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
      dimensions.append(size)
      let (product, overflow) = expected.multipliedReportingOverflow(by: size)
      guard !overflow, product <= maximumBytes - headerSize else {
        throw NeuralNetworkError.invalidIDX(
          path: path,
          reason:
            "dimensions \(dimensions) need more than \(maximumBytes) bytes, the limit for an IDX file"
        )
      }
      expected = product
    }
    return Layout(dimensions: dimensions, headerSize: headerSize, valueCount: expected)
  }

  /// Bytes 0...255 as Float values 0...1, exactly `Float(byte) / 255` as numpy computes it.
  static func scaledPixels(_ bytes: ArraySlice<UInt8>, count: Int) -> [Float] {
    let table = (0..<256).map { Float($0) / 255 }
    return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
      bytes.withUnsafeBufferPointer { source in
        table.withUnsafeBufferPointer { lookup in
          for i in 0..<count { buffer[i] = lookup[Int(source[i])] }
        }
      }
      initialized = count
    }
  }
}
