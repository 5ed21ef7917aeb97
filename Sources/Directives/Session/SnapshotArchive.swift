import Foundation
import NeuralNetwork
import Notebook

/// A session's state as the run cache stores it: a JSON manifest of the variables, then the
/// weights of every network they hold, as safetensors bytes.
///
/// Networks are shared references (`let alias = net` names one network twice), so the manifest
/// refers to each network by a number: two names of one network come back as one network, and
/// its weights are stored once. Weights are raw little-endian floats rather than JSON numbers,
/// about a fifth of the size and no float parsing on restore.
///
/// Layout: the magic line, the manifest's length (8 bytes, little-endian), the manifest, the
/// networks' bytes.
enum SnapshotArchive {
  /// Bumped whenever the layout or the manifest's meaning changes.
  static let schema = 2
  static let magic = Array("nudge-state \(schema)\n".utf8)

  static func pack(manifest: [UInt8], blob: [UInt8]) -> [UInt8] {
    var bytes = magic
    bytes.reserveCapacity(magic.count + 8 + manifest.count + blob.count)
    withUnsafeBytes(of: UInt64(manifest.count).littleEndian) { bytes.append(contentsOf: $0) }
    bytes += manifest
    bytes += blob
    return bytes
  }

  /// The manifest and the networks' bytes of an archive.
  /// - Throws: `SnapshotError` when the bytes are not an archive of this schema.
  static func unpack(_ bytes: [UInt8]) throws -> (manifest: ArraySlice<UInt8>, blob: [UInt8]) {
    guard bytes.count >= magic.count + 8, bytes.starts(with: magic) else {
      throw SnapshotError("not a session state of schema \(schema)")
    }
    let lengthBytes = bytes[magic.count..<magic.count + 8]
    let length = lengthBytes.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    let start = magic.count + 8
    guard length <= UInt64(bytes.count - start) else {
      throw SnapshotError("the manifest's length (\(length) bytes) passes the end of the state")
    }
    let end = start + Int(length)
    return (bytes[start..<end], Array(bytes[end...]))
  }
}

/// Why a saved session state cannot be restored.
package struct SnapshotError: Error, CustomStringConvertible {
  package var description: String
  init(_ description: String) { self.description = description }
}

/// Where a network's weights lie in an archive, and the shuffle state safetensors does not keep.
struct NetworkRecord: Codable {
  var offset: Int
  var count: Int
  var shuffleGenerator: SeededGenerator
}

/// Collects the networks met while a snapshot is encoded, each once, by identity.
final class SnapshotWriter: @unchecked Sendable {
  static let key = CodingUserInfoKey(rawValue: "nudge.snapshotWriter")!
  private var numbers: [ObjectIdentifier: Int] = [:]
  private(set) var networks: [NetworkRecord] = []
  private(set) var blob: [UInt8] = []
  /// Keeps the networks alive while encoding, so no identifier is reused by another object.
  private var kept: [Network] = []

  func number(of network: Network) -> Int {
    if let number = numbers[ObjectIdentifier(network)] { return number }
    let bytes = network.safetensorsBytes()
    networks.append(
      NetworkRecord(
        offset: blob.count, count: bytes.count, shuffleGenerator: network.shuffleGenerator))
    blob += bytes
    kept.append(network)
    numbers[ObjectIdentifier(network)] = networks.count - 1
    return networks.count - 1
  }
}

/// Gives back the networks of an archive while its manifest is decoded, each built once, so
/// every reference to one number is the same network; checks the files a restored value reads.
final class SnapshotReader: @unchecked Sendable {
  static let key = CodingUserInfoKey(rawValue: "nudge.snapshotReader")!
  private let blob: [UInt8]
  var records: [NetworkRecord] = []
  private var built: [Int: Network] = [:]
  /// The session's sandbox: a restored data set must read inside it, as the cell that made it did.
  let fileAccess: FileAccess

  init(blob: [UInt8], fileAccess: FileAccess) {
    self.blob = blob
    self.fileAccess = fileAccess
  }

  func network(_ number: Int) throws -> Network {
    if let network = built[number] { return network }
    guard records.indices.contains(number) else {
      throw SnapshotError("network #\(number) is not in the state")
    }
    let record = records[number]
    guard record.offset >= 0, record.count >= 0, record.offset <= blob.count - record.count else {
      throw SnapshotError("network #\(number)'s bytes lie outside the state")
    }
    let network = try Network.fromSafetensors(
      Array(blob[record.offset..<record.offset + record.count]))
    network.shuffleGenerator = record.shuffleGenerator
    built[number] = network
    return network
  }
}

/// What the archive's manifest holds: the variables (networks as numbers) and the networks'
/// records. Encoded variables first, since encoding them is what finds the networks.
struct SnapshotManifest: Codable {
  var variables: [String: Variable]

  private enum CodingKeys: String, CodingKey { case variables, networks }

  init(variables: [String: Variable]) { self.variables = variables }

  func encode(to encoder: any Encoder) throws {
    guard let writer = encoder.userInfo[SnapshotWriter.key] as? SnapshotWriter else {
      throw EncodingError.invalidValue(
        self, .init(codingPath: [], debugDescription: "a snapshot is encoded with a writer"))
    }
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(variables, forKey: .variables)
    try container.encode(writer.networks, forKey: .networks)
  }

  init(from decoder: any Decoder) throws {
    guard let reader = decoder.userInfo[SnapshotReader.key] as? SnapshotReader else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [], debugDescription: "a snapshot is decoded with a reader"))
    }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    reader.records = try container.decode([NetworkRecord].self, forKey: .networks)
    variables = try container.decode([String: Variable].self, forKey: .variables)
  }
}
