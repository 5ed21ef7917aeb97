import Foundation
import Synchronization

/// Ctrl-C during a render: the first SIGINT asks the run to stop after the current mini-batch
/// (the report and an `interrupted` record are still written); a second one exits at once.
/// SIGTERM is handled alike: it is how a batch scheduler (Slurm's time limit, `scancel`,
/// preemption) stops a task before it kills it.
package enum Interruption {
  private static let requested = Atomic<Bool>(false)

  /// Installs the SIGINT and SIGTERM handlers. Call once, before running cells.
  package static func install() {
    // A parent may have started us with the signals blocked (the mask is inherited); unblock them.
    var mask = sigset_t()
    sigemptyset(&mask)
    sigaddset(&mask, SIGINT)
    sigaddset(&mask, SIGTERM)
    sigprocmask(SIG_UNBLOCK, &mask, nil)
    for stopSignal in [SIGINT, SIGTERM] {
      signal(stopSignal) { _ in
        if Interruption.requested.exchange(true, ordering: .relaxed) {
          _exit(130)
        }
      }
    }
  }

  /// True once Ctrl-C was pressed.
  package static var isRequested: Bool { requested.load(ordering: .relaxed) }

  /// Clears the flag (for tests and for each run of a sweep).
  package static func reset() { requested.store(false, ordering: .relaxed) }
}
