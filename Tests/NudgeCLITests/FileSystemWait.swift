import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Waits until a condition on the files under a folder holds, woken by the kernel (inotify)
/// whenever something under the folder changes rather than by sleeping and polling, up to a
/// deadline. Tests use it to wait for a render's readiness (a `running` record, a file a cell
/// saves) before they signal it.
enum FileSystemWait {
  /// Checks `condition` now and after every change under `root` (folders created meanwhile
  /// included) until it holds or `seconds` pass; says whether it held.
  @discardableResult
  static func until(seconds: Double, under root: String, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    #if canImport(Glibc)
      let events = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard events >= 0 else { return condition() }
      defer { close(events) }
      let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_MODIFY | IN_DELETE)
      var buffer = [UInt8](repeating: 0, count: 64 * 1024)
      while true {
        // Watch first, then look: a change between the two still wakes the next poll.
        for folder in folders(under: root) { _ = inotify_add_watch(events, folder, mask) }
        if condition() { return true }
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { return false }
        var poller = pollfd(fd: events, events: Int16(POLLIN), revents: 0)
        _ = poll(&poller, 1, Int32(min(remaining * 1000 + 1, Double(Int32.max))))
        while buffer.withUnsafeMutableBytes({ read(events, $0.baseAddress, $0.count) }) > 0 {}
      }
    #else
      while !condition() {
        guard Date() < deadline else { return false }
        usleep(50_000)
      }
      return true
    #endif
  }

  /// `root` and every folder below it.
  private static func folders(under root: String) -> [String] {
    var found = [root]
    guard let walker = FileManager.default.enumerator(atPath: root) else { return found }
    while let name = walker.nextObject() as? String {
      if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
        found.append("\(root)/\(name)")
      }
    }
    return found
  }
}
