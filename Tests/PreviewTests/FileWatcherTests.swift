import Foundation
import Synchronization
import Testing

@testable import Preview

@Suite(.serialized) struct FileWatcherTests {
  final class Counter: Sendable {
    let value = Mutex(0)
    func bump() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
  }

  static func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("nudge-watch-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  static func waitFor(_ condition: () -> Bool, seconds: Double = 5) {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition(), Date() < deadline { usleep(10_000) }
  }

  @Test(arguments: [false, true])
  func anEditorsWriteRenameAndChmodCountAsOneSave(polling: Bool) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = "\(folder)/notes.md"
    let other = "\(folder)/other.md"
    try Data("one".utf8).write(to: URL(fileURLWithPath: file))
    let saves = Counter()
    let watcher = FileWatcher(debounce: .milliseconds(polling ? 300 : 80), forcePolling: polling) {
      saves.bump()
    }
    defer { watcher.stop() }
    #if os(Linux)
      #expect(watcher.mechanism == (polling ? .polling : .inotify))
    #else
      #expect(watcher.mechanism == .polling)  // inotify is Linux's; elsewhere the watcher polls
    #endif
    watcher.watch([file])
    usleep(300_000)

    try Data("two, longer".utf8).write(to: URL(fileURLWithPath: "\(file).tmp"))
    #expect(rename("\(file).tmp", file) == 0)
    #expect(chmod(file, 0o644) == 0)
    Self.waitFor { saves.count >= 1 }
    usleep(700_000)
    #expect(saves.count == 1)

    // A file that is not watched changes nothing.
    try Data("x".utf8).write(to: URL(fileURLWithPath: other))
    usleep(700_000)
    #expect(saves.count == 1)
  }
}
