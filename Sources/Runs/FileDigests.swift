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

  /// The digest recorded for a file that does not exist.
  package static let missing = "missing"

  private let indexPath: String?
  private let lock = NSLock()
  private var stamps: [String: Stamp]
  private var changed = false
  /// Why the remembered digests could not be read, if they could not (they are then recomputed).
  package let indexProblem: String?

  /// - Parameter indexPath: where the remembered digests live; nil remembers nothing.
  package init(indexPath: String?) {
    self.indexPath = indexPath
    guard let indexPath, FileManager.default.fileExists(atPath: indexPath) else {
      (stamps, indexProblem) = ([:], nil)
      return
    }
    do {
      let data = try Data(contentsOf: URL(fileURLWithPath: indexPath))
      stamps = try StableJSON.decode([String: Stamp].self, from: Array(data))
      indexProblem = nil
    } catch {
      stamps = [:]
      indexProblem =
        "\(indexPath): the remembered file digests are unreadable (\(error)); they are recomputed"
    }
  }

  /// The file's digest, or `FileDigests.missing` when there is no such file.
  /// - Throws: `RunsError` naming the file when it exists but cannot be read.
  package func sha256(of path: String) throws -> String {
    var status = stat()
    guard stat(path, &status) == 0 else {
      if errno == ENOENT || errno == ENOTDIR { return Self.missing }
      throw RunsError("\(path): cannot read its status: \(String(cString: strerror(errno)))")
    }
    let size = Int64(status.st_size)
    let modified = Self.modificationNanoseconds(status)
    if let stamp = lock.withLock({ stamps[path] }), stamp.size == size, stamp.modified == modified {
      return stamp.sha256
    }
    let digest = try Self.hash(path)
    lock.withLock {
      stamps[path] = Stamp(size: size, modified: modified, sha256: digest)
      changed = true
    }
    return digest
  }

  /// Writes the remembered digests atomically, if any changed.
  package func save() throws {
    guard let indexPath else { return }
    let snapshot: [String: Stamp]? = lock.withLock {
      guard changed else { return nil }
      changed = false
      return stamps
    }
    guard let snapshot else { return }
    try AtomicFile.write(try StableJSON.encode(snapshot), to: indexPath)
  }

  /// The modification time in nanoseconds; the field's name differs between Linux and Darwin.
  package static func modificationNanoseconds(_ status: stat) -> Int64 {
    #if canImport(Darwin)
      let time = status.st_mtimespec
    #else
      let time = status.st_mtim
    #endif
    return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }

  /// The SHA-256 of a file's contents, read a megabyte at a time.
  static func hash(_ path: String) throws -> String {
    do {
      let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
      defer { try? handle.close() }  // read-only: closing cannot lose data
      var hasher = SHA256()
      while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
        hasher.update(chunk)
      }
      return hasher.hexDigest()
    } catch {
      throw RunsError("\(path): cannot read it to compute its digest: \(error)")
    }
  }
}
