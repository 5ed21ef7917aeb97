import Foundation
import Synchronization

/// The page being served and the browsers watching it: every new page or status goes to each
/// subscriber's event stream. Thread-safe; renders publish from their own thread.
package final class LiveHub: Sendable {
  private struct State {
    var page: String
    var version = PageVersion(version: 0, outcome: "ok", computed: [], cached: 0, seconds: 0)
    var status = RenderStatus.idle
    var subscribers: [UUID: AsyncStream<LiveEvent>.Continuation] = [:]
  }

  private let state: Mutex<State>

  /// - Parameter report: what to serve until the first render publishes (a "rendering" page).
  package init(report: String) {
    state = Mutex(State(page: LivePage.serving(report, version: 0)))
  }

  /// The page served at `/` and its version.
  package var current: (page: String, version: PageVersion) {
    state.withLock { ($0.page, $0.version) }
  }

  /// Serves `report` (with the live script) from now on and tells every subscriber. The version
  /// number is assigned here.
  @discardableResult
  package func publish(report: String, as version: PageVersion) -> PageVersion {
    state.withLock { state in
      var numbered = version
      numbered.version = state.version.version + 1
      state.page = LivePage.serving(report, version: numbered.version)
      state.version = numbered
      state.status = .idle
      for subscriber in state.subscribers.values {
        subscriber.yield(.status(.idle))
        subscriber.yield(.page(numbered))
      }
      return numbered
    }
  }

  package func publish(status: RenderStatus) {
    state.withLock { state in
      state.status = status
      for subscriber in state.subscribers.values { subscriber.yield(.status(status)) }
    }
  }

  /// A stream of events for one browser, starting with the current version and status so a
  /// page that loaded an older version catches up at once. It ends when the hub closes.
  package func subscribe() -> AsyncStream<LiveEvent> {
    let id = UUID()
    let (stream, continuation) = AsyncStream.makeStream(
      of: LiveEvent.self, bufferingPolicy: .bufferingNewest(64))
    continuation.onTermination = { [weak self] _ in
      self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
    }
    state.withLock { state in
      continuation.yield(.page(state.version))
      continuation.yield(.status(state.status))
      state.subscribers[id] = continuation
    }
    return stream
  }

  /// Ends every subscriber's stream (the server is stopping).
  package func close() {
    let subscribers = state.withLock { state in
      defer { state.subscribers = [:] }
      return Array(state.subscribers.values)
    }
    for subscriber in subscribers { subscriber.finish() }
  }
}
