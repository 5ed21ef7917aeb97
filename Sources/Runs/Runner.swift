import Foundation
import Notebook

/// The result of running a notebook's cells: per-cell results (by cell index), the overall
/// status, and warnings about cache entries that could not be trusted.
package struct RunOutcome: Sendable {
  package var cells: [Int: CellResult]
  package var status: RunStatus
  package var warnings: [String]

  /// Every metric the cells recorded, by name.
  package var metrics: [String: Double] {
    var metrics: [String: Double] = [:]
    for index in cells.keys.sorted() {
      for case .metric(let name, let value) in cells[index]?.outputs ?? [] { metrics[name] = value }
    }
    return metrics
  }

  /// Every series the cells recorded, by name.
  package var series: [String: [Double]] {
    var series: [String: [Double]] = [:]
    for index in cells.keys.sorted() {
      for case .series(let name, let values) in cells[index]?.outputs ?? [] {
        series[name] = values
      }
    }
    return series
  }
}

/// Runs a notebook's cells in order, reusing the cell cache: a hit restores the cell's outputs
/// without computing, and the interpreter's state is restored from the last hit only when a
/// later cell has to be computed, so an all-hit rerun does no work at all.
package struct Runner {
  package var document: Document
  /// The params after `-p` overrides.
  package var params: [String: ParamValue]
  package var cache: CellCache?
  package var engineVersion: String
  /// Told when each cell starts and ends; polled between cells for a stop request.
  package var events: RenderEvents

  package init(
    document: Document, params: [String: ParamValue], cache: CellCache?, engineVersion: String,
    events: RenderEvents = RenderEvents()
  ) {
    self.document = document
    self.params = params
    self.cache = cache
    self.engineVersion = engineVersion
    self.events = events
  }

  private var shouldStop: Bool { events.shouldStop() }

  package func run<Evaluator: CellEvaluating>(with evaluator: inout Evaluator) -> RunOutcome {
    var outcome = RunOutcome(
      cells: [:], status: .ok, warnings: cache?.digests.indexProblem.map { [$0] } ?? [])
    var previousKey = "start"
    var unrestoredState: (cache: CellCache, key: String)?
    var stopped = false

    func finish(_ cell: Cell, _ result: CellResult) {
      outcome.cells[cell.index] = result
      events.cellFinished(cell, result)
    }

    for cell in document.cells {
      if !stopped && shouldStop {
        outcome.status = .interrupted
        stopped = true
      }
      if stopped {
        finish(cell, CellResult(status: .notRun))
        continue
      }
      guard cell.options.eval else {
        finish(cell, CellResult(status: .skipped))
        continue
      }
      events.cellStarted(cell)
      let visibleParams = params.filter { evaluator.paramsReferenced(by: cell).contains($0.key) }
      let key = CellKey.make(
        previous: previousKey, engineVersion: engineVersion, source: cell.source,
        options: cell.options,
        params: visibleParams)
      let started = Date()

      if let cache = cache, cell.options.cache {
        switch cache.lookup(key: key) {
        case .hit(let entry):
          finish(
            cell,
            CellResult(
              status: .ok, cached: true, outputs: entry.outputs,
              seconds: Date().timeIntervalSince(started)))
          unrestoredState = (cache, entry.key)
          previousKey = CellKey.chained(key, files: entry.files)
          continue
        case .rejected(let message), .unverifiable(let message):
          outcome.warnings.append(message)
        case .miss:
          break
        }
      }

      if let saved = unrestoredState {
        unrestoredState = nil
        do {
          try evaluator.restore(from: try saved.cache.state(for: saved.key))
        } catch {
          // The saved state is unusable: recompute everything from the start without the cache.
          outcome.warnings.append(
            "cached state could not be restored (\(error)); recomputing without the cache")
          var fresh = self
          fresh.cache = nil
          var restarted = fresh.run(with: &evaluator)
          restarted.warnings = outcome.warnings + restarted.warnings
          return restarted
        }
      }

      var result = evaluator.evaluate(cell)
      result.seconds = Date().timeIntervalSince(started)
      var files: [String: String] = [:]
      let digests = cache?.digests ?? FileDigests(indexPath: nil)
      var unreadable: [String] = []
      for path in result.filesRead {
        do {
          files[path] = try digests.sha256(of: path)
        } catch {
          // Keyed by the failure, so no later cell is taken from the cache on its account.
          files[path] = "unreadable: \(error)"
          unreadable.append("\(error)")
        }
      }
      previousKey = CellKey.chained(key, files: files)

      if shouldStop {
        // The stop came while the cell ran: its training may have ended early, or its loop was
        // stopped, so its outputs are partial and must neither be cached nor pass for a finished
        // (or failed) cell.
        if result.status == .ok || result.status == .failed { result.status = .interrupted }
        finish(cell, result)
        outcome.status = .interrupted
        stopped = true
        continue
      }
      finish(cell, result)
      if result.status == .failed {
        // `error: true` shows the failure and goes on; otherwise the run stops here.
        if !cell.options.error {
          outcome.status = .failed
          stopped = true
        }
        continue
      }
      if !unreadable.isEmpty {
        outcome.warnings.append(
          "cell '\(cell.id)' was not cached: " + unreadable.joined(separator: "; "))
      } else if let cache = cache, cell.options.cache {
        do {
          let entry = CacheEntry(
            key: key, cellName: cell.id, files: files, outputs: result.outputs,
            state: try evaluator.snapshot())
          try cache.store(entry)
        } catch {
          outcome.warnings.append("cell '\(cell.id)' was not cached: \(error)")
        }
      }
    }
    return outcome
  }
}
