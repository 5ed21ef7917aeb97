import Foundation
import Synchronization

/// Ctrl-C during a render: the first SIGINT asks the run to stop after the current mini-batch
/// (the report and an `interrupted` record are still written); a second one exits at once.
package enum Interruption {
  private static let requested = Atomic<Bool>(false)

  /// Installs the SIGINT handler. Call once, before running cells.
  package static func install() {
    // A parent may have started us with SIGINT blocked (the mask is inherited); unblock it.
    var mask = sigset_t()
    sigemptyset(&mask)
    sigaddset(&mask, SIGINT)
    sigprocmask(SIG_UNBLOCK, &mask, nil)
    signal(SIGINT) { _ in
      if Interruption.requested.exchange(true, ordering: .relaxed) {
        _exit(130)
      }
    }
  }

  /// True once Ctrl-C was pressed.
  package static var isRequested: Bool { requested.load(ordering: .relaxed) }

  /// Clears the flag (for tests and for each run of a sweep).
  package static func reset() { requested.store(false, ordering: .relaxed) }
}
