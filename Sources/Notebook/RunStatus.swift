/// How a run of a notebook stands: the one status the run record, the report, listings, diffs
/// and sweeps share.
package enum RunStatus: String, Codable, Hashable, Sendable, CaseIterable {
  /// Started and not finished yet (a run another process is still computing).
  case running
  /// Every evaluated cell ran to its end (or failed with `error: true`).
  case ok
  /// A cell failed; the cells after it were not run.
  case failed
  /// Stopped by Ctrl-C or SIGTERM; the cells after the current one were not run.
  case interrupted
}
