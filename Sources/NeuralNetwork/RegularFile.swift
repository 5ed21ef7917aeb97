#if canImport(Glibc)
  import Glibc
  private let systemRead = Glibc.read
#elseif canImport(Darwin)
  import Darwin
  private let systemRead = Darwin.read
#endif

/// Reads a whole regular file, refusing anything else before it can block or grow without bound.
///
/// A FIFO would block `open` until a writer comes, a device can stream forever, and a directory
/// has no bytes: the file type is checked before opening, the file is opened non-blocking, and
/// the type and size are checked again on the open descriptor (the path may have changed between).
enum RegularFile {
  /// The bytes of the regular file at `path`.
  ///
  /// - Parameter limit: the largest size accepted, in bytes; `what` names the kind of file in the
  ///   message when it is larger.
  /// - Throws: `NeuralNetworkError.fileUnreadable` for a missing, unreadable, non-regular or too
  ///   large file.
  static func read(path: String, limit: Int, what: String) throws -> [UInt8] {
    func fail(_ reason: String) -> NeuralNetworkError {
      .fileUnreadable(path: path, reason: reason)
    }
    var info = stat()
    guard stat(path, &info) == 0 else { throw fail(errnoReason()) }
    try checkType(info.st_mode, fail)
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { throw fail(errnoReason()) }
    defer { close(descriptor) }
    guard fstat(descriptor, &info) == 0 else { throw fail(errnoReason()) }
    try checkType(info.st_mode, fail)
    let size = Int(info.st_size)
    guard size <= limit else {
      throw fail(
        "it is \(size) bytes, more than the \(limit)-byte limit for \(what); check that this is the right file"
      )
    }
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    while filled < size {
      let count = bytes.withUnsafeMutableBytes { buffer in
        systemRead(descriptor, buffer.baseAddress! + filled, size - filled)
      }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { throw fail(errnoReason()) }
      // The file shrank while being read: keep what is there; the format checks see it truncated.
      guard count > 0 else { break }
      filled += count
    }
    bytes.removeSubrange(filled...)
    return bytes
  }

  private static func checkType(
    _ mode: mode_t, _ fail: (String) -> NeuralNetworkError
  ) throws {
    let kind: String
    switch mode & S_IFMT {
    case S_IFREG: return
    case S_IFDIR: kind = "a directory"
    case S_IFIFO: kind = "a FIFO (named pipe)"
    case S_IFCHR, S_IFBLK: kind = "a device"
    case S_IFSOCK: kind = "a socket"
    default: kind = "not a regular file"
    }
    throw fail("it is \(kind), not a regular file; give the path of a data file")
  }

  private static func errnoReason() -> String {
    switch errno {
    case ENOENT, ENOTDIR: "no such file"
    case EACCES, EPERM: "permission denied"
    default: String(cString: strerror(errno))
    }
  }
}
