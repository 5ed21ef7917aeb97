import Foundation

/// What the server tells the open pages over the live endpoint (Server-Sent Events).
package enum LiveEvent: Sendable, Hashable {
  /// A new page is available: the browser fetches `/` and swaps it in.
  case page(PageVersion)
  /// A render is running (which cell, how far training got) or finished.
  case status(RenderStatus)

  /// The event as the `text/event-stream` format frames it.
  package var serverSentEvent: String {
    switch self {
    case .page(let version): "event: page\ndata: \(Self.json(version))\n\n"
    case .status(let status): "event: status\ndata: \(Self.json(status))\n\n"
    }
  }

  private static func json(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    // These plain structs always encode; the fallback keeps the stream well formed regardless.
    guard let data = try? encoder.encode(value) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }
}

/// One rendered page: its number (counting up from 1) and what the render did.
package struct PageVersion: Codable, Sendable, Hashable {
  package var version: Int
  /// `ok`, `failed` (a cell failed; the page shows where), `invalid` (the notebook does not
  /// parse or check; the page shows the diagnostics) or `interrupted`.
  package var outcome: String
  /// The names of the cells that were computed (the others came from the cache).
  package var computed: [String]
  package var cached: Int
  /// Wall-clock time of the render, from the notebook's change to the page being available.
  package var seconds: Double

  package init(version: Int, outcome: String, computed: [String], cached: Int, seconds: Double) {
    self.version = version
    self.outcome = outcome
    self.computed = computed
    self.cached = cached
    self.seconds = seconds
  }
}

/// Progress of the render under way, or `running == false` once it is done.
package struct RenderStatus: Codable, Sendable, Hashable {
  package var running: Bool
  /// The cell being computed (its name) and its 1-based position among the cells.
  package var cell: String?
  package var cellNumber: Int?
  package var cellCount: Int?
  /// Training progress within the cell, when it trains.
  package var epoch: Int?
  package var epochs: Int?
  package var batch: Int?
  package var batches: Int?

  package init(
    running: Bool, cell: String? = nil, cellNumber: Int? = nil, cellCount: Int? = nil,
    epoch: Int? = nil, epochs: Int? = nil, batch: Int? = nil, batches: Int? = nil
  ) {
    self.running = running
    self.cell = cell
    self.cellNumber = cellNumber
    self.cellCount = cellCount
    self.epoch = epoch
    self.epochs = epochs
    self.batch = batch
    self.batches = batches
  }

  package static let idle = RenderStatus(running: false)
}
