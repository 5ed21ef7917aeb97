import Foundation
import Synchronization

/// One render's result as the preview needs it.
package struct RenderedPage: Sendable {
  /// The report as `render` would write it, or a problem page.
  package var html: String
  /// `ok`, `failed`, `invalid` or `interrupted`.
  package var outcome: String
  package var computed: [String]
  package var cached: Int
  /// Files whose change calls for a new render (the notebook and what its cells read).
  package var watchedFiles: [String]

  package init(
    html: String, outcome: String, computed: [String] = [], cached: Int = 0,
    watchedFiles: [String]
  ) {
    self.html = html
    self.outcome = outcome
    self.computed = computed
    self.cached = cached
    self.watchedFiles = watchedFiles
  }
}

/// Where a render reports its progress; statuses reach the open pages at most every 100 ms
/// (training reports every mini-batch), and a new cell always does.
package final class RenderProgress: Sendable {
  private let hub: LiveHub
  private let last = Mutex<(status: RenderStatus, sent: ContinuousClock.Instant)?>(nil)

  init(hub: LiveHub) { self.hub = hub }

  package func cellStarted(name: String, number: Int, count: Int) {
    send(RenderStatus(running: true, cell: name, cellNumber: number, cellCount: count), force: true)
  }

  package func trained(epoch: Int, epochs: Int, batch: Int, batches: Int) {
    guard var status = last.withLock({ $0?.status }) else { return }
    status.epoch = epoch
    status.epochs = epochs
    status.batch = batch
    status.batches = batches
    send(status, force: false)
  }

  func started() { send(RenderStatus(running: true), force: true) }

  private func send(_ status: RenderStatus, force: Bool) {
    let now = ContinuousClock.now
    let due = last.withLock { last in
      let due = force || last.map { now - $0.sent >= .milliseconds(100) } ?? true
      last = (status, due ? now : last?.sent ?? now)
      return due
    }
    if due { hub.publish(status: status) }
  }
}

/// Renders on every change of the watched files and publishes each page to the hub. Renders run
/// one at a time on their own thread; saves that arrive during a render make one more render
/// after it (of the newest text), not one each.
package final class LivePreview: Sendable {
  package typealias Renderer = @Sendable (RenderProgress) -> RenderedPage

  private struct State {
    var running = false
    var pending = false
    var requestedAt: ContinuousClock.Instant?
    var lastOutcome = "ok"
  }

  package let hub: LiveHub
  private let render: Renderer
  private let state = Mutex(State())
  private let idle = NSCondition()
  private let notebookPath: String
  private let onRendered: @Sendable (PageVersion) -> Void
  private let watcher = Mutex<FileWatcher?>(nil)

  /// - Parameters:
  ///   - onRendered: told of each page published (the CLI prints a line).
  package init(
    notebookPath: String, hub: LiveHub, render: @escaping Renderer,
    onRendered: @escaping @Sendable (PageVersion) -> Void = { _ in }
  ) {
    self.notebookPath = notebookPath
    self.hub = hub
    self.render = render
    self.onRendered = onRendered
  }

  /// Starts watching the notebook and renders it the first time.
  package func start(debounce: Duration = .milliseconds(30), forcePolling: Bool = false) {
    let watcher = FileWatcher(debounce: debounce, forcePolling: forcePolling) { [weak self] in
      self?.requestRender()
    }
    watcher.watch([notebookPath])
    self.watcher.withLock { $0 = watcher }
    requestRender()
  }

  /// Asks for a render of the current files.
  package func requestRender() {
    let startNow = state.withLock { state in
      if state.requestedAt == nil { state.requestedAt = .now }
      if state.running {
        state.pending = true
        return false
      }
      state.running = true
      return true
    }
    guard startNow else { return }
    let thread = Thread { [self] in renderUntilCurrent() }
    thread.name = "nudge-preview-render"
    thread.stackSize = 8 << 20
    thread.start()
  }

  /// Blocks until no render runs or waits; returns the outcome of the last one.
  @discardableResult
  package func waitUntilIdle() -> String {
    idle.lock()
    defer { idle.unlock() }
    while state.withLock({ $0.running }) { idle.wait() }
    return state.withLock { $0.lastOutcome }
  }

  /// Stops watching; a render under way finishes (the renderer's own stop flag cuts it short).
  package func stop() {
    watcher.withLock { $0 }?.stop()
  }

  private func renderUntilCurrent() {
    while true {
      let requestedAt = state.withLock { state in
        defer {
          state.requestedAt = nil
          state.pending = false
        }
        return state.requestedAt ?? .now
      }
      let progress = RenderProgress(hub: hub)
      progress.started()
      let page = render(progress)
      watcher.withLock { $0 }?.watch([notebookPath] + page.watchedFiles)
      let elapsed = ContinuousClock.now - requestedAt
      let version = hub.publish(
        report: page.html,
        as: PageVersion(
          version: 0, outcome: page.outcome, computed: page.computed, cached: page.cached,
          seconds: Double(elapsed.components.seconds)
            + Double(elapsed.components.attoseconds) / 1e18))
      onRendered(version)
      let again = state.withLock { state in
        state.lastOutcome = page.outcome
        if state.pending { return true }
        state.running = false
        return false
      }
      if !again { break }
    }
    idle.lock()
    idle.broadcast()
    idle.unlock()
  }
}
