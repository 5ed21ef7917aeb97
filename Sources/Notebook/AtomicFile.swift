import Foundation

/// Writes user-visible files so that readers see the old file or the new one, never half of one:
/// the bytes go to a temporary file in the same folder, which is then renamed over the target.
package enum AtomicFile {
  /// Why a write failed: the path and the system's reason.
  package struct WriteError: Error, CustomStringConvertible {
    package var path: String
    package var reason: String
    package var description: String { "cannot write \(path): \(reason)" }
  }

  /// Writes `contents` to `path`, creating missing parent folders.
  /// - Throws: `WriteError`; the target is then untouched and no temporary file is left behind.
  package static func write(_ contents: String, to path: String) throws(WriteError) {
    try write(Array(contents.utf8), to: path)
  }

  package static func write(_ bytes: [UInt8], to path: String) throws(WriteError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw WriteError(
        path: path, reason: "cannot create folder \(folder.path): \(error.localizedDescription)")
    }
    let temporary = folder.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
    ).path
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw WriteError(path: path, reason: systemError()) }
    var failure: String?
    bytes.withUnsafeBytes { buffer in
      guard let base = buffer.baseAddress else { return }
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = systemError()
          return
        }
        offset += written
      }
    }
    if failure == nil, fsync(descriptor) != 0 { failure = systemError() }
    if close(descriptor) != 0, failure == nil { failure = systemError() }
    if failure == nil, rename(temporary, path) != 0 { failure = systemError() }
    if let failure {
      unlink(temporary)
      throw WriteError(path: path, reason: failure)
    }
  }

  private static func systemError() -> String { String(cString: strerror(errno)) }
}
