import Foundation
import Notebook

/// What happened to one cell in a run.
package struct CellRun: Hashable, Sendable {
  package var status: RunRecord.CellRecord.Status
  package var outputs: [CellOutput]
  package var cached: Bool
  package var seconds: Double
  /// The data files the cell read (as opened), also when its result came from the cache.
  package var filesRead: [String] = []
}

/// The result of running a notebook's cells: per-cell results (by cell index), the overall
/// status, and warnings about cache entries that could not be trusted.
package struct RunOutcome: Sendable {
  package var cells: [Int: CellRun]
  package var status: RunRecord.Status
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
  /// Polled between cells (the engine polls it between mini-batches): true after Ctrl-C.
  package var shouldStop: @Sendable () -> Bool

  package init(
    document: Document, params: [String: ParamValue], cache: CellCache?, engineVersion: String,
    shouldStop: @escaping @Sendable () -> Bool = { false }
  ) {
    self.document = document
    self.params = params
    self.cache = cache
    self.engineVersion = engineVersion
    self.shouldStop = shouldStop
  }

  package func run<Evaluator: CellEvaluating>(with evaluator: inout Evaluator) -> RunOutcome {
    var outcome = RunOutcome(cells: [:], status: .ok, warnings: [])
    var previousKey = "start"
    var unrestoredState: (cache: CellCache, key: String)?
    var stopped = false

    for cell in document.cells {
      if stopped {
        outcome.cells[cell.index] = CellRun(status: .notRun, outputs: [], cached: false, seconds: 0)
        continue
      }
      if shouldStop() {
        outcome.status = .interrupted
        stopped = true
        outcome.cells[cell.index] = CellRun(status: .notRun, outputs: [], cached: false, seconds: 0)
        continue
      }
      guard cell.options.eval else {
        outcome.cells[cell.index] = CellRun(
          status: .skipped, outputs: [], cached: false, seconds: 0)
        continue
      }
      let visibleParams = params.filter { evaluator.paramsReferenced(by: cell).contains($0.key) }
      let key = CellKey.make(
        previous: previousKey, engineVersion: engineVersion, source: cell.source,
        options: cell.options,
        params: visibleParams)
      let started = Date()

      if let cache = cache, cell.options.cache {
        switch cache.lookup(key: key) {
        case .hit(let entry):
          outcome.cells[cell.index] = CellRun(
            status: .ok, outputs: entry.outputs, cached: true,
            seconds: Date().timeIntervalSince(started), filesRead: entry.files.keys.sorted())
          unrestoredState = (cache, entry.key)
          previousKey = CellKey.chained(key, files: entry.files)
          continue
        case .rejected(let message):
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

      let evaluation = evaluator.evaluate(cell)
      let seconds = Date().timeIntervalSince(started)
      var files: [String: String] = [:]
      let digests = cache?.digests ?? FileDigests(indexPath: nil)
      for path in evaluation.filesRead { files[path] = digests.sha256(of: path) }
      outcome.cells[cell.index] = CellRun(
        status: evaluation.failed ? .failed : .ok, outputs: evaluation.outputs, cached: false,
        seconds: seconds, filesRead: evaluation.filesRead)
      previousKey = CellKey.chained(key, files: files)

      if shouldStop() {
        outcome.status = .interrupted
        stopped = true
        continue
      }
      if evaluation.failed {
        // `error: true` shows the failure and goes on; otherwise the run stops here.
        if !cell.options.error {
          outcome.status = .failed
          stopped = true
        }
        continue
      }
      if let cache = cache, cell.options.cache {
        do {
          let entry = CacheEntry(
            key: key, cellName: cell.id, files: files, outputs: evaluation.outputs,
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
