import Foundation
import Notebook

/// SHA-256 digests of the data files cells read, for cache validity.
///
/// Hashing MNIST's 11 MB on every rerun would cost more than the rerun itself, so a digest is
/// remembered with the file's size and modification time (as `make` and git do) in an index beside
/// the cache, and recomputed only when either changes.
package final class FileDigests: @unchecked Sendable {
  private struct Stamp: Codable, Hashable {
    var size: Int64
    var modified: Int64  // nanoseconds since 1970
    var sha256: String
  }

  private let indexPath: String?
  private let lock = NSLock()
  private var stamps: [String: Stamp]
  private var changed = false

  /// - Parameter indexPath: where the remembered digests live; nil remembers nothing.
  package init(indexPath: String?) {
    self.indexPath = indexPath
    if let indexPath, let data = FileManager.default.contents(atPath: indexPath),
      let stamps = try? StableJSON.decode([String: Stamp].self, from: Array(data))
    {
      self.stamps = stamps
    } else {
      self.stamps = [:]
    }
  }

  /// The file's digest, or `missing` when it cannot be read.
  package func sha256(of path: String) -> String {
    var status = stat()
    guard stat(path, &status) == 0 else { return "missing" }
    let size = Int64(status.st_size)
    let modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
    if let stamp = lock.withLock({ stamps[path] }), stamp.size == size, stamp.modified == modified {
      return stamp.sha256
    }
    let digest = Self.hash(path)
    lock.withLock {
      stamps[path] = Stamp(size: size, modified: modified, sha256: digest)
      changed = true
    }
    return digest
  }

  /// Writes the remembered digests, if any changed.
  package func save() {
    guard let indexPath else { return }
    let snapshot: [String: Stamp]? = lock.withLock {
      guard changed else { return nil }
      changed = false
      return stamps
    }
    guard let snapshot, let bytes = try? StableJSON.encode(snapshot) else { return }
    try? AtomicFile.write(bytes, to: indexPath)
  }

  private static func hash(_ path: String) -> String {
    guard let handle = FileHandle(forReadingAtPath: path) else { return "missing" }
    defer { try? handle.close() }
    var hasher = SHA256()
    while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
      hasher.update(chunk)
    }
    return hasher.hexDigest()
  }
}
