import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// Calls back once per save of any watched file. On Linux it listens with inotify to the files'
/// folders (editors often write a new file and rename it over the old one, which a watch on the
/// file itself would lose); elsewhere, or when inotify is unavailable, it polls each file's size,
/// modification time and inode. Events closer together than `debounce` count as one save, so an
/// editor's write, rename and chmod trigger one render.
package final class FileWatcher: Sendable {
  private struct State {
    /// Standardised absolute paths of the files watched.
    var files: Set<String> = []
    /// inotify watch descriptors by folder.
    var folders: [String: Int32] = [:]
    var stopped = false
  }

  private let state = Mutex(State())
  private let inotify: Int32
  private let debounce: Duration
  private let pollInterval: Duration
  private let onChange: @Sendable () -> Void
  private let finished = Mutex<Bool>(false)

  /// How this watcher learns of changes.
  package enum Mechanism: Sendable { case inotify, polling }

  package var mechanism: Mechanism { inotify >= 0 ? .inotify : .polling }

  /// - Parameters:
  ///   - debounce: quiet time after the last event before `onChange` runs.
  ///   - forcePolling: poll even where inotify works (for tests of the fallback).
  ///   - onChange: runs on the watcher's own thread.
  package init(
    debounce: Duration = .milliseconds(30), pollInterval: Duration = .milliseconds(200),
    forcePolling: Bool = false, onChange: @escaping @Sendable () -> Void
  ) {
    #if canImport(Glibc)
      inotify = forcePolling ? -1 : inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
    #else
      inotify = -1
    #endif
    self.debounce = debounce
    self.pollInterval = pollInterval
    self.onChange = onChange
    let thread = Thread { [self] in run() }
    thread.name = "nudge-preview-watcher"
    thread.start()
  }

  /// Watches exactly `paths` from now on (relative paths are taken from the current folder).
  package func watch(_ paths: some Sequence<String>) {
    let files = Set(paths.map(Self.standardised))
    let folders = Set(files.map { ($0 as NSString).deletingLastPathComponent })
    state.withLock { state in
      state.files = files
      guard inotify >= 0 else { return }
      #if canImport(Glibc)
        for folder in folders where state.folders[folder] == nil {
          let mask = UInt32(
            IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_ATTRIB
              | IN_MODIFY)
          let descriptor = inotify_add_watch(inotify, folder, mask)
          if descriptor >= 0 { state.folders[folder] = descriptor }
        }
        for (folder, descriptor) in state.folders where !folders.contains(folder) {
          inotify_rm_watch(inotify, descriptor)
          state.folders[folder] = nil
        }
      #endif
    }
  }

  /// Stops watching; `onChange` is not called after this returns.
  package func stop() {
    state.withLock { $0.stopped = true }
    while !finished.withLock({ $0 }) { usleep(5_000) }
  }

  deinit {
    if inotify >= 0 { close(inotify) }
  }

  static func standardised(_ path: String) -> String {
    let absolute =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return (absolute as NSString).standardizingPath
  }

  // MARK: - The watching thread

  private func run() {
    defer { finished.withLock { $0 = true } }
    var pendingSince: ContinuousClock.Instant?
    var lastSeen = fingerprints()
    var lastPoll = ContinuousClock.now
    while !state.withLock({ $0.stopped }) {
      var changed = false
      if inotify >= 0 {
        changed = waitForEvents(upTo: .milliseconds(10))
      } else {
        usleep(10_000)
        if ContinuousClock.now - lastPoll >= pollInterval {
          lastPoll = .now
          let seen = fingerprints()
          // A new set of files is not a change of the files themselves.
          changed = Set(seen.keys) == Set(lastSeen.keys) && seen != lastSeen
          lastSeen = seen
        }
      }
      if changed { pendingSince = .now }
      if let since = pendingSince, ContinuousClock.now - since >= debounce {
        pendingSince = nil
        if !state.withLock({ $0.stopped }) { onChange() }
      }
    }
  }

  /// Reads pending inotify events; true if one concerns a watched file.
  private func waitForEvents(upTo timeout: Duration) -> Bool {
    #if canImport(Glibc)
      var poller = pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)
      let milliseconds = Int32(timeout.components.attoseconds / 1_000_000_000_000_000)
      guard poll(&poller, 1, milliseconds) > 0 else { return false }
      var buffer = [UInt8](repeating: 0, count: 64 * 1024)
      var relevant = false
      while true {
        let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
        guard count > 0 else { break }
        let (files, folders) = state.withLock { ($0.files, $0.folders) }
        let folderOf = Dictionary(folders.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        buffer.withUnsafeBytes { bytes in
          var offset = 0
          let headerSize = MemoryLayout<inotify_event>.size
          while offset + headerSize <= count {
            let descriptor = bytes.load(fromByteOffset: offset, as: Int32.self)
            let nameLength = Int(bytes.load(fromByteOffset: offset + 12, as: UInt32.self))
            let nameBytes = bytes[(offset + headerSize)..<(offset + headerSize + nameLength)]
            let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
            if let folder = folderOf[descriptor], files.contains(folder + "/" + name) {
              relevant = true
            }
            offset += headerSize + nameLength
          }
        }
      }
      return relevant
    #else
      return false
    #endif
  }

  /// Size, modification time and inode of each watched file (nil when it is missing).
  private func fingerprints() -> [String: [Int]?] {
    let files = state.withLock { $0.files }
    var result: [String: [Int]?] = [:]
    for file in files {
      var info = stat()
      if stat(file, &info) == 0 {
        #if canImport(Darwin)
          let modified = info.st_mtimespec
        #else
          let modified = info.st_mtim
        #endif
        result[file] = [
          Int(info.st_size), Int(modified.tv_sec), Int(modified.tv_nsec), Int(info.st_ino),
        ]
      } else {
        result[file] = .some(nil)
      }
    }
    return result
  }
}
