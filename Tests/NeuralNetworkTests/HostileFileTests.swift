import Foundation
import Testing

@testable import NeuralNetwork

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Files built to crash, hang or exhaust the readers: each is refused with a clear error, at once,
/// without allocating more than the file could honestly need.
@Suite("Hostile files for the IDX, gzip and safetensors readers")
final class HostileFileTests: ScratchFiles {
  /// The process's peak resident memory in bytes (Linux reports kilobytes).
  static func peakMemory() -> Int {
    var usage = rusage()
    #if os(Linux)
      getrusage(RUSAGE_SELF.rawValue, &usage)
    #else
      getrusage(RUSAGE_SELF, &usage)
    #endif
    #if os(Linux)
      return usage.ru_maxrss * 1024
    #else
      return usage.ru_maxrss
    #endif
  }

  /// Runs `body` and expects its peak memory to grow by less than `limit` bytes (tests run in
  /// parallel, so the limit is far above what they allocate and far below what the bug did).
  func expectBoundedMemory(_ limit: Int = 400 << 20, _ body: () -> Void) {
    let before = Self.peakMemory()
    body()
    let grown = Self.peakMemory() - before
    #expect(grown < limit, "peak memory grew by \(grown >> 20) MiB")
  }

  static let readers: [(String, @Sendable (String) throws -> Void)] = [
    ("idx", { _ = try IDX.read(path: $0) }),
    ("load", { _ = try Network.load(from: $0) }),
  ]

  @Test("a FIFO, a directory and a device are refused before they are read", arguments: [0, 1])
  func notRegularFiles(reader: Int) throws {
    let (name, read) = Self.readers[reader]
    let fifo = folder.appendingPathComponent("pipe-\(name)").path
    try #require(mkfifo(fifo, 0o600) == 0, "mkfifo failed")
    // Without a writer, opening a FIFO for reading blocks forever; the reader must not open it.
    for (path, kind) in [(fifo, "FIFO"), (folder.path, "directory"), ("/dev/zero", "device")] {
      #expect(throws: NeuralNetworkError.self, "\(name) \(kind)") { try read(path) }
      do { try read(path) } catch {
        #expect("\(error)".contains(path) && "\(error)".contains(kind), "\(error)")
      }
    }
  }

  @Test("every truncation of a valid IDX file, plain and gzip, is an error")
  func truncatedIDX() throws {
    let full = try IDXFixtures.bytes(
      magic: 2051, dimensions: [3, 2, 2], values: (0..<12).map { UInt8($0) })
    let gzip = GzipFixtures.compress(full)
    #expect(try IDX.read(path: write(gzip, "whole.gz")).values.elementsEqual(0..<12))
    for (original, suffix) in [(full, ""), (gzip, ".gz")] {
      for length in 0..<original.count {
        let path = try write(Array(original.prefix(length)), "cut\(length)\(suffix)")
        #expect(throws: NeuralNetworkError.self, "\(length) of \(original.count) bytes") {
          try IDX.read(path: path)
        }
      }
    }
  }

  @Test(
    "dimensions whose product overflows or passes the limit are refused from the header alone",
    arguments: [
      [0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF], [0x8000_0000, 2], [65536, 65536], [1, 0x2000_0001],
    ] as [[UInt32]])
  func hugeDimensions(dimensions: [UInt32]) throws {
    let header = try IDXFixtures.bytes(
      magic: 0x0800 + UInt32(dimensions.count), dimensions: dimensions, values: [1, 2, 3])
    for (bytes, suffix) in [(header, ""), (GzipFixtures.compress(header), ".gz")] {
      let path = try write(bytes, "huge\(suffix)")
      expectBoundedMemory {
        #expect {
          try IDX.read(path: path)
        } throws: { "\($0)".contains("the limit for an IDX file") }
      }
    }
  }

  @Test("a tiny gzip whose size field claims up to 4 GB inflates only what it holds")
  func lyingSizeField() throws {
    let labels = try IDXFixtures.bytes(magic: 0x0801, dimensions: [4], values: [1, 2, 3, 4])
    for claim in [UInt32(0x7FFF_FFFF), 0xFFFF_FFFF, 0x8000_0000] {
      let path = try write(
        GzipFixtures.claimingSize(GzipFixtures.compress(labels), claim), "lie.gz")
      expectBoundedMemory {
        #expect {
          try IDX.read(path: path)
        } throws: { error in
          guard case .corruptGzip(let where_, _) = error as? NeuralNetworkError else {
            return false
          }
          return where_ == path
        }
      }
    }
  }

  @Test("a gzip bomb stops at the size its IDX header gives", arguments: [0, 300 << 20])
  func gzipBomb(zeros: Int) throws {
    // A header for 16 bytes of values, then 16 bytes plus `zeros` more (a 300 MB bomb is 300 KB).
    let header = try IDXFixtures.bytes(magic: 0x0801, dimensions: [16], values: [])
    let bomb = GzipFixtures.compress(
      header + [UInt8](repeating: 7, count: 16 + 1), zeroCount: zeros)
    let path = try write(bomb, "bomb.gz")
    expectBoundedMemory {
      #expect {
        try IDX.read(path: path)
      } throws: { "\($0)".contains("inflates to more than 24 bytes") && "\($0)".contains("[16]") }
    }
  }

  @Test("a gzip of exactly the declared size is read, whatever its compression ratio")
  func compressedWell() throws {
    let header = try IDXFixtures.bytes(magic: 0x0803, dimensions: [1000, 100, 100], values: [])
    let path = try write(GzipFixtures.compress(header, zeroCount: 10_000_000), "zeros.gz")
    let array = try IDX.read(path: path)
    #expect(array.dimensions == [1000, 100, 100] && array.values.count == 10_000_000)
  }

  /// A safetensors file: the length, the JSON header, then `data`.
  static func safetensors(header: String, data: [UInt8] = []) -> [UInt8] {
    let json = Array(header.utf8)
    return withUnsafeBytes(of: UInt64(json.count).littleEndian) { Array($0) } + json + data
  }

  static let metadata =
    "\"__metadata__\":{\"format\":\"nudge\",\"hidden\":\"relu\",\"output\":\"softmax\",\"cost\":\"crossEntropy\","

  @Test(
    "a small checkpoint whose header claims huge shapes or offsets is refused before allocating",
    arguments: [
      // The original finding: 4 TB of layers in 553 bytes.
      metadata + "\"sizes\":\"1048576,1048576,10\"},"
        + "\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[1048576,1048576],\"data_offsets\":[0,4398046511104]}",
      // Many layers, each under the per-layer limit, together far over the network limit.
      metadata + "\"sizes\":\"" + Array(repeating: "1048576,1", count: 64).joined(separator: ",")
        + "\"}",
      // Sizes within limits but shapes whose product overflows.
      metadata + "\"sizes\":\"2,2\"},"
        + "\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[4611686018427387904,4],\"data_offsets\":[0,16]}",
      // Offsets past the end, reversed, or at the extremes of Int.
      metadata + "\"sizes\":\"2,2\"},"
        + "\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,9223372036854775807]}",
      metadata + "\"sizes\":\"2,2\"},"
        + "\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[16,-9223372036854775808]}",
      // A valid small network header with no data behind it: nothing is allocated for it.
      metadata + "\"sizes\":\"8000,8000\"},"
        + "\"layers.0.weight\":{\"dtype\":\"F32\",\"shape\":[8000,8000],\"data_offsets\":[0,256000000]},"
        + "\"layers.0.bias\":{\"dtype\":\"F32\",\"shape\":[8000],\"data_offsets\":[256000000,256032000]}",
    ])
  func hugeCheckpointClaims(header: String) throws {
    let path = try write(Self.safetensors(header: "{" + header + "}", data: [0, 0, 0, 0]), "c.st")
    expectBoundedMemory(200 << 20) {
      #expect {
        try Network.load(from: path)
      } throws: { error in
        guard case .invalidCheckpoint(let where_, _) = error as? NeuralNetworkError else {
          return false
        }
        return where_ == path
      }
    }
  }

  @Test("a header length of 2^64 - 1 and every truncation of a valid checkpoint are errors")
  func truncatedCheckpoints() throws {
    let network = try Network(
      sizes: [3, 2], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)
    let bytes = network.safetensorsBytes()
    #expect(
      try Network.load(from: write(bytes, "whole.st")).weights(layer: 1)
        == network.weights(layer: 1))
    let huge = [UInt8](repeating: 0xff, count: 8) + Array(bytes.dropFirst(8))
    #expect(throws: NeuralNetworkError.self) { try Network.load(from: self.write(huge, "len.st")) }
    for length in 0..<bytes.count {
      let path = try write(Array(bytes.prefix(length)), "cut.st")
      #expect(throws: NeuralNetworkError.self, "\(length) of \(bytes.count) bytes") {
        try Network.load(from: path)
      }
    }
  }

  @Test(
    "networks whose weights would not fit in memory are refused with their size",
    arguments: [
      [1_048_576, 1_048_576, 10], [1_048_576, 200, 10],
      Array(repeating: [1_048_576, 1], count: 64).flatMap { $0 },
    ])
  func hugeNetworks(sizes: [Int]) throws {
    expectBoundedMemory(100 << 20) {
      #expect {
        try Network(sizes: sizes, hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)
      } throws: { error in
        guard case .networkTooLarge(_, let floats, let limit) = error as? NeuralNetworkError else {
          return false
        }
        return floats > limit && "\(error)".contains("use smaller layers")
      }
    }
  }

  @Test("the largest network within the limit is accepted (the limit is not off by a layer)")
  func largestNetwork() throws {
    // 8191 inputs + 1 bias row times 16384 padded outputs: exactly 2^27 floats.
    #expect(Network.storedFloatCount(sizes: [8191, 16384]) == Network.maximumStoredFloats)
    #expect(Network.storedFloatCount(sizes: [8192, 16384]) > Network.maximumStoredFloats)
    #expect(Network.storedFloatCount(sizes: [1 << 20, 1 << 20, 1 << 20]) > 0)
  }
}
