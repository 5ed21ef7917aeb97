import Directives
import Foundation
import Notebook
import Synchronization

/// One cached cell: what it showed, the files it wrote, and the session state after it, valid
/// while the files it read still have the recorded contents.
///
/// On disk the entry is `<key>.cell`: a first line `sha256 <hex>` over the rest, then the entry's
/// JSON; an entry whose digest does not match (an edited metric, a torn file) is dropped. The
/// state lives in its own file beside it (`<key>.state`, its digest in the entry), read only when
/// a later cell must be computed: an all-hit rerun never reads the saved weights. The contents of
/// the files the cell wrote follow one another in `<key>.written`.
package struct CacheEntry: Codable, Hashable, Sendable {
  /// Bumped whenever the entry's layout or meaning changes (it is part of every cell's key).
  package static let currentSchema = 2

  package var schema: Int = currentSchema
  /// The key the entry was stored under (checked on load, so a renamed file is not trusted).
  package var key: String
  package var cellName: String
  /// SHA-256 of every data file the cell read, by path: a changed file makes the entry stale.
  package var files: [String: String]
  package var outputs: [CellOutput]
  /// The files the cell wrote, in order, restored with the outputs when taken from the cache.
  package var written: [WrittenFile] = []
  /// SHA-256 of the state file.
  package var stateSHA256: String = ""
  /// The interpreter's serialised session state after the cell (not part of the entry's JSON).
  package var state: Data
  /// The contents of `written`, one after the other (not part of the entry's JSON).
  package var writtenContents: Data = Data()

  package init(
    key: String, cellName: String, files: [String: String], outputs: [CellOutput], state: Data,
    written: [(path: String, contents: Data)] = []
  ) {
    self.key = key
    self.cellName = cellName
    self.files = files
    self.outputs = outputs
    self.state = state
    for file in written {
      self.written.append(
        WrittenFile(
          path: file.path, sha256: SHA256.hexDigest(of: file.contents), count: file.contents.count))
      writtenContents += file.contents
    }
  }

  private enum CodingKeys: String, CodingKey {
    case schema, key, cellName, files, outputs, written, stateSHA256
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    schema = try container.decode(Int.self, forKey: .schema)
    key = try container.decode(String.self, forKey: .key)
    cellName = try container.decode(String.self, forKey: .cellName)
    files = try container.decode([String: String].self, forKey: .files)
    outputs = try container.decode([CellOutput].self, forKey: .outputs)
    written = try container.decode([WrittenFile].self, forKey: .written)
    stateSHA256 = try container.decode(String.self, forKey: .stateSHA256)
    state = Data()
  }
}

/// A file a cell wrote: where, what it held (SHA-256), and its length in `<key>.written`.
package struct WrittenFile: Codable, Hashable, Sendable {
  package var path: String
  package var sha256: String
  package var count: Int
}

/// The per-notebook cell cache: one file per entry under `output/<stem>/cache/`, least recently
/// used entries evicted once the folder exceeds its size cap.
/// Cache entries by key, without their saved state. An entry never changes once written (its
/// key digests everything it depends on), so one read stays right for the life of the process.
package final class EntryMemory: Sendable {
  private let entries = Mutex<[String: CacheEntry]>([:])

  package init() {}

  func entry(for key: String) -> CacheEntry? { entries.withLock { $0[key] } }

  func remember(_ entry: CacheEntry) {
    var light = entry
    light.state = Data()
    light.writtenContents = Data()
    entries.withLock { $0[entry.key] = light }
  }

  func forget(_ key: String) { _ = entries.withLock { $0.removeValue(forKey: key) } }
}

package struct CellCache: Sendable {
  package var directory: String
  package var capacityBytes: Int
  /// Digests of the data files cells read, remembered by size and modification time.
  package let digests: FileDigests

  /// Entries already read, for a process that renders again and again (the preview).
  package let memory: EntryMemory?

  /// - Parameter remembersEntries: keep every entry read or stored in memory, so a later lookup
  ///   of the same key skips reading and decoding it (its files are still checked).
  package init(directory: String, capacityBytes: Int = 256 << 20, remembersEntries: Bool = false) {
    self.directory = directory
    self.capacityBytes = capacityBytes
    self.digests = FileDigests(indexPath: "\(directory)/files.json")
    self.memory = remembersEntries ? EntryMemory() : nil
  }

  package enum Lookup: Sendable {
    case hit(CacheEntry)
    case miss
    /// An entry was there but could not be trusted; the message says why. It is removed.
    case rejected(String)
    /// An entry is there but the files it depends on cannot be read to check it; it is kept.
    case unverifiable(String)
  }

  private func path(for key: String) -> String { "\(directory)/\(key).cell" }
  private func statePath(for key: String) -> String { "\(directory)/\(key).state" }
  private func writtenPath(for key: String) -> String { "\(directory)/\(key).written" }
  /// Every file of one entry.
  private func paths(for key: String) -> [String] {
    [path(for: key), statePath(for: key), writtenPath(for: key)]
  }

  /// The session state saved with `entry`, checked against its digest.
  package func state(for entry: CacheEntry) throws -> Data {
    let path = statePath(for: entry.key)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RunsError("\(path): the saved state is missing")
    }
    guard SHA256.hexDigest(of: data) == entry.stateSHA256 else {
      throw RunsError("\(path): the saved state does not match its digest (edited or damaged)")
    }
    return data
  }

  /// The contents of each file `entry`'s cell wrote, by path, checked against their digests.
  package func writtenFiles(of entry: CacheEntry) throws -> [(file: WrittenFile, contents: Data)] {
    guard !entry.written.isEmpty else { return [] }
    let path = writtenPath(for: entry.key)
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RunsError("\(path): the saved copies of the files the cell wrote are missing")
    }
    var files: [(WrittenFile, Data)] = []
    var offset = 0
    for file in entry.written {
      guard file.count >= 0, file.count <= data.count - offset else {
        throw RunsError("\(path): shorter than the files it should hold")
      }
      let contents = data.subdata(in: offset..<offset + file.count)
      offset += file.count
      guard SHA256.hexDigest(of: contents) == file.sha256 else {
        throw RunsError("\(path): the saved copy of \(file.path) does not match its digest")
      }
      files.append((file, contents))
    }
    return files
  }

  /// The entry for `key`, if present, readable, and still matching the files it read.
  package func lookup(key: String) -> Lookup {
    let path = path(for: key)
    if let entry = memory?.entry(for: key) {
      // Still on disk (touched for eviction), or forgotten here too.
      guard utime(path, nil) == 0 else {
        memory?.forget(key)
        return .miss
      }
      return verified(entry, at: path)
    }
    guard FileManager.default.fileExists(atPath: path) else { return .miss }
    let entry: CacheEntry
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      guard let payload = Self.checkedPayload(Array(data)) else {
        return .rejected(
          "\(path): cache entry does not match its checksum (edited or damaged); ignored and removed, the cell is recomputed"
            + removalProblem(key: key))
      }
      entry = try StableJSON.decode(CacheEntry.self, from: payload)
    } catch {
      return .rejected(
        "\(path): corrupt cache entry ignored and removed; the cell is recomputed"
          + removalProblem(key: key))
    }
    guard entry.schema == CacheEntry.currentSchema, entry.key == key else {
      return .rejected(
        "\(path): foreign cache entry ignored and removed; the cell is recomputed"
          + removalProblem(key: key))
    }
    // Touch it so eviction sees it as recently used.
    utime(path, nil)
    memory?.remember(entry)
    return verified(entry, at: path)
  }

  /// A hit when the files the entry's cell read are unchanged, else a miss.
  private func verified(_ entry: CacheEntry, at path: String) -> Lookup {
    do {
      for (file, digest) in entry.files where try digests.sha256(of: file) != digest {
        return .miss
      }
    } catch {
      return .unverifiable(
        "\(path): cannot check the files the cell read (\(error)); the cell is recomputed")
    }
    return .hit(entry)
  }

  /// Stores an entry atomically, then evicts the least recently used entries over the cap.
  package func store(_ entry: CacheEntry) throws {
    var entry = entry
    entry.stateSHA256 = SHA256.hexDigest(of: entry.state)
    // The state and written files first: an entry is never visible without them.
    try AtomicFile.write(Array(entry.state), to: statePath(for: entry.key))
    if !entry.written.isEmpty {
      try AtomicFile.write(Array(entry.writtenContents), to: writtenPath(for: entry.key))
    }
    try AtomicFile.write(Self.checksummed(try StableJSON.encode(entry)), to: path(for: entry.key))
    try digests.save()
    try evictOverCapacity(keeping: entry.key)
    memory?.remember(entry)
  }

  /// `payload` behind a first line with its SHA-256.
  static func checksummed(_ payload: [UInt8]) -> [UInt8] {
    Array("sha256 \(SHA256.hexDigest(of: payload))\n".utf8) + payload
  }

  /// The payload of `checksummed(_:)` bytes, or nil when it does not match its checksum.
  static func checkedPayload(_ bytes: [UInt8]) -> [UInt8]? {
    let prefix = Array("sha256 ".utf8)
    let lineLength = prefix.count + 64 + 1
    guard bytes.count >= lineLength, bytes.starts(with: prefix),
      bytes[lineLength - 1] == UInt8(ascii: "\n")
    else { return nil }
    let payload = Array(bytes[lineLength...])
    guard Array(SHA256.hexDigest(of: payload).utf8) == Array(bytes[prefix.count..<lineLength - 1])
    else {
      return nil
    }
    return payload
  }

  /// Removes an entry and its files; a file already gone (another render evicted it) is fine.
  private func remove(key: String) throws {
    for file in paths(for: key) where unlink(file) != 0 && errno != ENOENT {
      throw RunsError("\(file): cannot remove it: \(String(cString: strerror(errno)))")
    }
  }

  /// `remove(key:)`, its failure said as the end of a message.
  private func removalProblem(key: String) -> String {
    do {
      try remove(key: key)
      return ""
    } catch {
      return " (\(error))"
    }
  }

  private func evictOverCapacity(keeping key: String) throws {
    var entries: [(key: String, size: Int, used: Int64)] = []
    for name in try FileManager.default.contentsOfDirectory(atPath: directory)
    where name.hasSuffix(".cell") {
      let entryKey = String(name.dropLast(".cell".count))
      // An entry another render evicts meanwhile has no status: it is not counted.
      var entry = stat()
      guard stat(path(for: entryKey), &entry) == 0 else { continue }
      var size = Int(entry.st_size)
      for file in paths(for: entryKey).dropFirst() {
        var status = stat()
        if stat(file, &status) == 0 { size += Int(status.st_size) }
      }
      entries.append((entryKey, size, FileDigests.modificationNanoseconds(entry)))
    }
    var total = entries.reduce(0) { $0 + $1.size }
    for entry in entries.sorted(by: { $0.used < $1.used })
    where total > capacityBytes && entry.key != key {
      try remove(key: entry.key)
      total -= entry.size
    }
  }

}

/// The cache key of a cell: everything that can change what the cell computes, except the files
/// it reads (only known after running; the entry records them and `lookup` checks them).
package enum CellKey {
  /// - Parameter build: what identifies the program (`BuildIdentity.current`): a new build, or a
  ///   new layout of entries or states, keys every cell anew.
  package static func make(
    previous: String, engineVersion: String, build: String = BuildIdentity.current,
    source: String, options: CellOptions, params: [String: ParamValue]
  ) -> String {
    var hasher = SHA256()
    hasher.update("nudge-cell-key-1\n\(engineVersion)\n\(previous)\n")
    hasher.update(
      "build \(build) entry \(CacheEntry.currentSchema) state \(Session.snapshotSchema)\n")
    let optionText =
      "name=\(options.name ?? "") eval=\(options.eval) echo=\(options.echo) error=\(options.error) cache=\(options.cache)\n"
    hasher.update(optionText)
    for name in params.keys.sorted() {
      hasher.update(
        "param \(name)=\(params[name]?.typeName ?? ""):\(params[name]?.description ?? "")\n")
    }
    hasher.update("source \(source.utf8.count)\n")
    hasher.update(source)
    return hasher.hexDigest()
  }

  /// The key the next cell chains from: this cell's key and the contents of the files it read.
  package static func chained(_ key: String, files: [String: String]) -> String {
    guard !files.isEmpty else { return key }
    var hasher = SHA256()
    hasher.update(key)
    for path in files.keys.sorted() { hasher.update("\n\(path)=\(files[path] ?? "")") }
    return hasher.hexDigest()
  }
}
