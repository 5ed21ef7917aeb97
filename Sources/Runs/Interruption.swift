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

  /// Clears the request (for tests).
  package static func reset() { signalReceived.store(0, ordering: .relaxed) }
}
