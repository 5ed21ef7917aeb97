import Foundation
import NeuralNetwork
import Notebook

/// A session's state as the run cache stores it: a JSON manifest of the variables, then the
/// weights of every network they hold, as safetensors bytes.
///
/// Networks are shared references (`let alias = net` names one network twice), so the manifest
/// refers to each network by a number: two names of one network come back as one network, and
/// its weights are stored once. Weights are raw little-endian floats rather than JSON numbers,
/// about a fifth of the size and no float parsing on restore. Functions and closures are kept as
/// where they were written (their cell and position) and the variables they read, also by
/// number, and compiled again on restore (`Session.compileAgain`). A `struct` is kept as its
/// memberwise initializer is, a function written at the declaration, so its methods and
/// computed properties come back with it; its values are data (type name and fields).
///
/// Layout: the magic line, the manifest's length (8 bytes, little-endian), the manifest, the
/// networks' bytes.
enum SnapshotArchive {
  /// Bumped whenever the layout or the manifest's meaning changes.
  static let schema = 3
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

/// Collects what a snapshot refers to by number while it is encoded, each once, by identity:
/// networks, session variables (a function reads the variables it was compiled against), and
/// functions.
final class SnapshotWriter: @unchecked Sendable {
  static let key = CodingUserInfoKey(rawValue: "nudge.snapshotWriter")!
  private var networkNumbers: [ObjectIdentifier: Int] = [:]
  private(set) var networks: [NetworkRecord] = []
  private(set) var blob: [UInt8] = []
  private var boxNumbers: [ObjectIdentifier: Int] = [:]
  private(set) var boxes: [GlobalBox] = []
  private var functionNumbers: [ObjectIdentifier: Int] = [:]
  private(set) var functions: [FunctionRecord] = []
  /// Keeps what was numbered alive while encoding, so no identifier is reused by another object.
  private var kept: [AnyObject] = []

  func number(of network: Network) -> Int {
    if let number = networkNumbers[ObjectIdentifier(network)] { return number }
    let bytes = network.safetensorsBytes()
    networks.append(
      NetworkRecord(
        offset: blob.count, count: bytes.count, shuffleGenerator: network.shuffleGenerator))
    blob += bytes
    kept.append(network)
    networkNumbers[ObjectIdentifier(network)] = networks.count - 1
    return networks.count - 1
  }

  func number(of box: GlobalBox) -> Int {
    if let number = boxNumbers[ObjectIdentifier(box)] { return number }
    boxes.append(box)
    boxNumbers[ObjectIdentifier(box)] = boxes.count - 1
    return boxes.count - 1
  }

  /// - Throws: when the function reads locals of an enclosing function or block, or was not
  ///   written in a cell (an inline value's closure): it cannot be compiled again.
  func number(of code: FunctionCode) throws -> Int {
    if let number = functionNumbers[ObjectIdentifier(code)] { return number }
    guard let definition = code.definition, !definition.capturesLocals else {
      throw SnapshotError(
        "the function '\(code.name)' reads local variables of the code around it, so it cannot be saved"
      )
    }
    let number = functions.count
    functionNumbers[ObjectIdentifier(code)] = number
    kept.append(code)
    functions.append(
      FunctionRecord(
        name: code.name, cell: definition.cell, position: definition.position,
        globals: definition.globals.mapValues { self.number(of: $0) },
        isStructure: code.structure != nil))
    return number
  }
}

/// Gives back what an archive's manifest numbers while it is decoded, each built once, so every
/// reference to one number is the same object; checks the files a restored value reads.
final class SnapshotReader: @unchecked Sendable {
  static let key = CodingUserInfoKey(rawValue: "nudge.snapshotReader")!
  private let blob: [UInt8]
  var records: [NetworkRecord] = []
  private var built: [Int: Network] = [:]
  /// The session's sandbox: a restored data set must read inside it, as the cell that made it did.
  let fileAccess: FileAccess
  /// The session's own params, which restored code reads instead of the saved ones.
  let params: [String: GlobalBox]
  let control: RunControl
  var functions: [FunctionRecord] = []
  /// One code object per saved function, filled in when the functions are compiled again.
  var codes: [FunctionCode] = []
  /// The variable that declares each saved `func` or `struct`, by the function's number.
  var declaringBoxes: [Int: GlobalBox] = [:]

  init(blob: [UInt8], fileAccess: FileAccess, params: [String: GlobalBox], control: RunControl) {
    self.blob = blob
    self.fileAccess = fileAccess
    self.params = params
    self.control = control
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

  func code(_ number: Int) throws -> FunctionCode {
    guard codes.indices.contains(number) else {
      throw SnapshotError("function #\(number) is not in the state")
    }
    return codes[number]
  }
}

/// A function or closure in a snapshot: where it was written, and the variables it reads by
/// their numbers.
struct FunctionRecord: Codable {
  var name: String
  var cell: Cell
  var position: Position
  var globals: [String: Int]
  /// Whether it is a `struct`'s initializer (its declaration compiled again brings the type).
  var isStructure: Bool
}

/// A session variable in a snapshot.
struct BoxRecord: Codable {
  var name: String
  var value: Value
  var type: ValueType
  var isConstant: Bool
  var origin: Variable.Origin
  /// The function whose signature later cells call this `func` with.
  var declares: Int?
}

/// What the archive's manifest holds: the session's variables by name (as numbers), every
/// variable a saved value or function refers to, the functions, and the networks' records.
/// Encoded table first and records last, since encoding the variables is what finds the rest.
struct SnapshotManifest: Codable {
  var table: [String: GlobalBox]

  private enum CodingKeys: String, CodingKey { case table, boxes, functions, networks }

  init(table: [String: GlobalBox]) { self.table = table }

  func encode(to encoder: any Encoder) throws {
    guard let writer = encoder.userInfo[SnapshotWriter.key] as? SnapshotWriter else {
      throw EncodingError.invalidValue(
        table, .init(codingPath: [], debugDescription: "a snapshot is encoded with a writer"))
    }
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(table.mapValues { writer.number(of: $0) }, forKey: .table)
    var boxes = container.nestedUnkeyedContainer(forKey: .boxes)
    var index = 0
    // Encoding a variable may number more of them (those its functions read).
    while index < writer.boxes.count {
      let box = writer.boxes[index]
      try boxes.encode(
        BoxRecord(
          name: box.name, value: box.value, type: box.type, isConstant: box.isConstant,
          origin: box.origin, declares: try box.function.map { try writer.number(of: $0) }))
      index += 1
    }
    try container.encode(writer.functions, forKey: .functions)
    try container.encode(writer.networks, forKey: .networks)
  }

  init(from decoder: any Decoder) throws {
    guard let reader = decoder.userInfo[SnapshotReader.key] as? SnapshotReader else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [], debugDescription: "a snapshot is decoded with a reader"))
    }
    let container = try decoder.container(keyedBy: CodingKeys.self)
    reader.records = try container.decode([NetworkRecord].self, forKey: .networks)
    reader.functions = try container.decode([FunctionRecord].self, forKey: .functions)
    reader.codes = reader.functions.map {
      FunctionCode(
        name: $0.name, parameters: [], resultType: .void, defaults: [], position: $0.position)
    }
    let records = try container.decode([BoxRecord].self, forKey: .boxes)
    var boxes: [GlobalBox] = []
    for record in records {
      // Params keep this session's values: a state saved with other `-p` overrides must not
      // bring its params back, and restored functions read this session's.
      if record.origin == .param, let own = reader.params[record.name] {
        boxes.append(own)
        continue
      }
      let box = GlobalBox(
        name: record.name, value: record.value, type: record.type,
        isConstant: record.isConstant, origin: record.origin,
        function: try record.declares.map { try reader.code($0) })
      if let declares = record.declares { reader.declaringBoxes[declares] = box }
      boxes.append(box)
    }
    func box(_ number: Int) throws -> GlobalBox {
      guard boxes.indices.contains(number) else {
        throw SnapshotError("variable #\(number) is not in the state")
      }
      return boxes[number]
    }
    table = try container.decode([String: Int].self, forKey: .table).mapValues(box)
    for (code, record) in zip(reader.codes, reader.functions) {
      code.definition = FunctionDefinition(
        cell: record.cell, position: record.position,
        globals: try record.globals.mapValues(box))
    }
  }
}
