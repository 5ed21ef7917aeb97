import Foundation

/// The process that is rendering a run, kept in its `running` record.
package struct RunProcess: Codable, Hashable, Sendable {
  package var hostName: String
  package var pid: Int32

  /// This process.
  package static var current: RunProcess {
    RunProcess(hostName: ProcessInfo.processInfo.hostName, pid: getpid())
  }

  /// True when the process ran on this host and is gone: its render will never write a final
  /// record. A process on another host (a cluster node) is never judged from here.
  package var hasEnded: Bool {
    guard hostName == ProcessInfo.processInfo.hostName else { return false }
    return kill(pid, 0) != 0 && errno == ESRCH
  }
}
