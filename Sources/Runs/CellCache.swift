import Foundation
import Notebook

/// One cached cell: what it showed and the session state after it, valid while the files it read
/// still have the recorded contents.
///
/// On disk the state lives in its own file beside the entry (`<key>.state`), read only when a
/// later cell must be computed: an all-hit rerun never parses the megabytes of saved weights.
package struct CacheEntry: Codable, Hashable, Sendable {
  package static let currentSchema = 1

  package var schema: Int = currentSchema
  /// The key the entry was stored under (checked on load, so a renamed file is not trusted).
  package var key: String
  package var cellName: String
  /// SHA-256 of every data file the cell read, by path: a changed file makes the entry stale.
  package var files: [String: String]
  package var outputs: [CellOutput]
  /// The interpreter's serialised session state after the cell (not part of the entry's JSON).
  package var state: Data

  package init(
    key: String, cellName: String, files: [String: String], outputs: [CellOutput], state: Data
  ) {
    self.key = key
    self.cellName = cellName
    self.files = files
    self.outputs = outputs
    self.state = state
  }

  private enum CodingKeys: String, CodingKey {
    case schema, key, cellName, files, outputs
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    schema = try container.decode(Int.self, forKey: .schema)
    key = try container.decode(String.self, forKey: .key)
    cellName = try container.decode(String.self, forKey: .cellName)
    files = try container.decode([String: String].self, forKey: .files)
    outputs = try container.decode([CellOutput].self, forKey: .outputs)
    state = Data()
  }
}

/// The per-notebook cell cache: one file per entry under `output/<stem>/cache/`, least recently
/// used entries evicted once the folder exceeds its size cap.
package struct CellCache: Sendable {
  package var directory: String
  package var capacityBytes: Int
  /// Digests of the data files cells read, remembered by size and modification time.
  package let digests: FileDigests

  package init(directory: String, capacityBytes: Int = 256 << 20) {
    self.directory = directory
    self.capacityBytes = capacityBytes
    self.digests = FileDigests(indexPath: "\(directory)/files.json")
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

  /// The session state saved with the entry for `key`.
  package func state(for key: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: statePath(for: key)) else {
      throw RunsError("\(statePath(for: key)): the saved state is missing")
    }
    return data
  }

  /// The entry for `key`, if present, readable, and still matching the files it read.
  package func lookup(key: String) -> Lookup {
    let path = path(for: key)
    guard FileManager.default.fileExists(atPath: path) else { return .miss }
    let entry: CacheEntry
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      entry = try StableJSON.decode(CacheEntry.self, from: Array(data))
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
    do {
      for (file, digest) in entry.files where try digests.sha256(of: file) != digest {
        return .miss
      }
    } catch {
      return .unverifiable(
        "\(path): cannot check the files the cell read (\(error)); the cell is recomputed")
    }
    // Touch it so eviction sees it as recently used.
    utime(path, nil)
    return .hit(entry)
  }

  /// Stores an entry atomically, then evicts the least recently used entries over the cap.
  package func store(_ entry: CacheEntry) throws {
    // The state first: an entry is never visible without its state.
    try AtomicFile.write(Array(entry.state), to: statePath(for: entry.key))
    try AtomicFile.write(try StableJSON.encode(entry), to: path(for: entry.key))
    try digests.save()
    try evictOverCapacity(keeping: entry.key)
  }

  /// Removes an entry and its state; a file already gone (another render evicted it) is fine.
  private func remove(key: String) throws {
    for file in [path(for: key), statePath(for: key)] where unlink(file) != 0 && errno != ENOENT {
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
      var state = stat()
      let stateSize = stat(statePath(for: entryKey), &state) == 0 ? Int(state.st_size) : 0
      entries.append(
        (entryKey, Int(entry.st_size) + stateSize, FileDigests.modificationNanoseconds(entry)))
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
  package static func make(
    previous: String, engineVersion: String, source: String, options: CellOptions,
    params: [String: ParamValue]
  ) -> String {
    var hasher = SHA256()
    hasher.update("nudge-cell-key-1\n\(engineVersion)\n\(previous)\n")
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
