import CZlib
import Foundation

/// The first test digits of the bundled MNIST files, read with zlib's gzip reader.
enum MNISTSample {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("notebooks/data/mnist")

  /// `count` images (784 values in 0...1) and their labels; empty if the files are missing.
  static func first(_ count: Int) -> (images: [[Double]], labels: [Int]) {
    let images = read(
      folder.appendingPathComponent("t10k-images-idx3-ubyte.gz").path, header: 16,
      bytes: count * 784)
    let labels = read(
      folder.appendingPathComponent("t10k-labels-idx1-ubyte.gz").path, header: 8, bytes: count)
    guard images.count == count * 784, labels.count == count else { return ([], []) }
    return (
      (0..<count).map { index in
        images[(index * 784)..<((index + 1) * 784)].map { Double($0) / 255 }
      },
      labels.map(Int.init)
    )
  }

  private static func read(_ path: String, header: Int, bytes: Int) -> [UInt8] {
    guard let file = gzopen(path, "rb") else { return [] }
    defer { gzclose(file) }
    var buffer = [UInt8](repeating: 0, count: header + bytes)
    let read = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
    guard read == Int32(header + bytes) else { return [] }
    return Array(buffer[header...])
  }
}
