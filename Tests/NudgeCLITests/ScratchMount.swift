import Foundation

/// Small tmpfs mounts for fault tests (a full disk, a read-only folder); only root can mount, so
/// tests that need one are enabled only where `isAvailable`.
enum ScratchMount {
  /// Whether this process can mount a tmpfs (tried once, on a throwaway folder).
  static let isAvailable: Bool = {
    guard getuid() == 0, let scratch = try? Scratch() else { return false }
    let folder = scratch.path + "/probe"
    guard
      (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true))
        != nil,
      mount(at: folder, options: "size=64k")
    else { return false }
    unmount(folder)
    return true
  }()

  /// Mounts a tmpfs at `folder` with mount `options` (e.g. "size=64k", "ro").
  @discardableResult
  static func mount(at folder: String, options: String) -> Bool {
    run("/bin/mount", ["-t", "tmpfs", "-o", options, "tmpfs", folder])
  }

  /// Changes a mount's options in place (e.g. "remount,ro").
  @discardableResult
  static func remount(_ folder: String, options: String) -> Bool {
    run("/bin/mount", ["-o", "remount," + options, folder])
  }

  @discardableResult
  static func unmount(_ folder: String) -> Bool { run("/bin/umount", [folder]) }

  private static func run(_ executable: String, _ arguments: [String]) -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
