import FlyingSocks
import Foundation

/// A never-ending HTTP body in the `text/event-stream` format: each `LiveEvent` becomes one
/// chunk as soon as it happens, and a comment line every `heartbeat` seconds lets the server
/// notice a browser that went away (its write fails) and keeps proxies from closing the stream.
struct EventStreamBody: AsyncBufferedSequence, Sendable {
  typealias Element = UInt8

  let events: AsyncStream<LiveEvent>
  let heartbeat: Duration

  func makeAsyncIterator() -> Iterator {
    Iterator(events: events, heartbeat: heartbeat)
  }

  struct Iterator: AsyncBufferedIteratorProtocol {
    private let pump: Pump
    private var iterator: AsyncStream<[UInt8]>.Iterator
    private var pending: ArraySlice<UInt8> = []

    init(events: AsyncStream<LiveEvent>, heartbeat: Duration) {
      // Events and heartbeats merge into one stream of byte chunks.
      let (chunks, continuation) = AsyncStream.makeStream(of: [UInt8].self)
      let forwarding = Task {
        for await event in events { continuation.yield(Array(event.serverSentEvent.utf8)) }
        continuation.finish()
      }
      let beating = Task {
        while !Task.isCancelled {
          try? await Task.sleep(for: heartbeat)
          continuation.yield(Array(": keep-alive\n\n".utf8))
        }
      }
      self.pump = Pump(tasks: [forwarding, beating])
      self.iterator = chunks.makeAsyncIterator()
    }

    mutating func next() async throws -> UInt8? {
      try await nextBuffer(suggested: 1)?.first
    }

    mutating func nextBuffer(suggested count: Int) async throws -> ArraySlice<UInt8>? {
      if pending.isEmpty {
        guard let chunk = await iterator.next() else { return nil }
        pending = chunk[...]
      }
      let taken = pending.prefix(Swift.max(count, 1))
      pending = pending.dropFirst(taken.count)
      return taken
    }
  }

  /// Owns the tasks feeding one connection: when the server drops the body (the browser went
  /// away or the server stops), they are cancelled and the hub forgets the subscriber.
  final class Pump: Sendable {
    let tasks: [Task<Void, Never>]
    init(tasks: [Task<Void, Never>]) { self.tasks = tasks }
    deinit { for task in tasks { task.cancel() } }
  }
}
