import Foundation
import Synchronization

/// Ctrl-C (SIGINT) or SIGTERM during a render: the first one asks the run to stop after the
/// current mini-batch (the report and an `interrupted` record are still written); a second one
/// exits at once. SIGTERM is how `timeout`, CI cancellation and batch schedulers (Slurm's time
/// limit, `scancel`, preemption) stop a task before they kill it.
package enum Interruption {
  /// The signal that asked to stop, 0 while none has.
  private static let signalReceived = Atomic<Int32>(0)

  /// Installs the handlers for SIGINT and SIGTERM. Call once, before running cells.
  package static func install() {
    // A parent may have started us with the signals blocked (the mask is inherited); unblock them.
    var mask = sigset_t()
    sigemptyset(&mask)
    sigaddset(&mask, SIGINT)
    sigaddset(&mask, SIGTERM)
    sigprocmask(SIG_UNBLOCK, &mask, nil)
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber) { received in
        if Interruption.signalReceived.exchange(received, ordering: .relaxed) != 0 {
          _exit(128 + received)
        }
        // Wakes the observer, if there is one (`write` is safe in a signal handler).
        var byte = UInt8(truncatingIfNeeded: received)
        let descriptor = Interruption.wakeDescriptor.load(ordering: .relaxed)
        if descriptor >= 0 { _ = write(descriptor, &byte, 1) }
      }
    }
  }

  /// True once Ctrl-C was pressed or SIGTERM arrived.
  package static var isRequested: Bool { signalReceived.load(ordering: .relaxed) != 0 }

  /// The exit status for an interrupted run, as shells report a death by that signal: 130 after
  /// Ctrl-C, 143 after SIGTERM.
  package static var exitStatus: Int32 {
    let received = signalReceived.load(ordering: .relaxed)
    return 128 + (received == 0 ? SIGINT : received)
  }

  /// The writing end of the pipe that wakes `onRequest`'s thread, -1 until one is set.
  private static let wakeDescriptor = Atomic<Int32>(-1)

  /// Calls `action` with the signal once the first stop signal arrives (at once if one already
  /// has), on a thread of its own that sleeps until then: a sweep passes the signal on to its
  /// runs. One observer per process; call after `install()`.
  package static func onRequest(_ action: @escaping @Sendable (Int32) -> Void) {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return }
    _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
    _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
    wakeDescriptor.store(ends[1], ordering: .relaxed)
    let readEnd = ends[0]
    let thread = Thread {
      let received = signalReceived.load(ordering: .relaxed)
      if received == 0 {
        var byte: UInt8 = 0
        while read(readEnd, &byte, 1) < 0 && errno == EINTR {}
      }
      action(signalReceived.load(ordering: .relaxed))
    }
    thread.start()
  }

  /// Clears the request (for tests).
  package static func reset() { signalReceived.store(0, ordering: .relaxed) }
}
