import Foundation
import Notebook
import Report

/// The result of running a notebook's cells: per-cell results (by cell index), the overall
/// status, and warnings about cache entries that could not be trusted.
package struct RunOutcome: Sendable {
  package var cells: [Int: CellResult]
  package var status: RunStatus
  package var warnings: [String]
  /// The prose's inline values, by the expression's index.
  package var inlineValues: [Int: InlineValue] = [:]

  package init(cells: [Int: CellResult], status: RunStatus, warnings: [String]) {
    self.cells = cells
    self.status = status
    self.warnings = warnings
  }

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
///
/// The prose's inline values are evaluated at their place in that sequence, after the cells
/// above them. They are cached like cells, keyed on the state they read, but they change no
/// state: they neither save a snapshot nor enter the key of the cells after them.
package struct Runner {
  package var document: Document
  /// The params after `-p` overrides.
  package var params: [String: ParamValue]
  package var cache: CellCache?
  package var engineVersion: String
  /// What identifies the program computing the cells, in every cell's key.
  package var build: String = BuildIdentity.current
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
    var unrestoredState: (cache: CellCache, entry: CacheEntry)?
    var stopped = false

    func finish(_ cell: Cell, _ result: CellResult) {
      outcome.cells[cell.index] = result
      events.cellFinished(cell, result)
    }

    /// The cache's entry for `key`, if it has a usable one; an entry it cannot trust is a warning.
    func cachedEntry(_ key: String) -> CacheEntry? {
      switch cache?.lookup(key: key) {
      case .hit(let entry):
        return entry
      case .rejected(let message), .unverifiable(let message):
        outcome.warnings.append(message)
        return nil
      case .miss, nil:
        return nil
      }
    }

    /// Restores the state of the last cache hit before something is computed; on failure, the
    /// outcome of a full recompute without the cache, to return instead.
    func restorePendingState() -> RunOutcome? {
      guard let saved = unrestoredState else { return nil }
      unrestoredState = nil
      do {
        try evaluator.restore(from: try saved.cache.state(for: saved.entry))
        return nil
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

    /// Puts back the files a cached cell wrote, each checked against the sandbox, unless they
    /// already hold what it wrote; false (with a warning) when they cannot be, and the cell is
    /// then computed instead.
    func restoreWrittenFiles(of entry: CacheEntry, from cache: CellCache, cell: Cell) -> Bool {
      do {
        for (file, contents) in try cache.writtenFiles(of: entry) {
          try evaluator.checkWritable(file.path)
          if (try? FileDigests(indexPath: nil).sha256(of: file.path)) == file.sha256 { continue }
          try AtomicFile.write(Array(contents), to: file.path)
        }
        return true
      } catch {
        outcome.warnings.append(
          "cell '\(cell.id)': the files it wrote cannot be restored from the cache (\(error)); the cell is recomputed"
        )
        return false
      }
    }

    let inlineByPosition = Dictionary(grouping: document.inlineExpressions, by: \.cellsBefore)

    /// Evaluates the inline values that follow the first `position` cells.
    func evaluateInlineValues(at position: Int) -> RunOutcome? {
      for expression in inlineByPosition[position] ?? [] {
        if stopped {
          outcome.inlineValues[expression.index] = .error(
            "not computed: the run stopped before the cells above it finished")
          continue
        }
        let asCell = Cell(
          index: -1, options: CellOptions(name: "inline"), source: expression.expression,
          sourceLine: expression.line, sourceColumn: expression.column,
          fenceLine: expression.line)
        let visibleParams = params.filter {
          evaluator.paramsReferenced(by: asCell).contains($0.key)
        }
        let key = CellKey.make(
          previous: previousKey, engineVersion: engineVersion, build: build,
          source: "inline \(expression.expression)", options: asCell.options,
          params: visibleParams)
        if case .value(let text) = cachedEntry(key)?.outputs.first {
          outcome.inlineValues[expression.index] = .value(text)
          continue
        }
        if let restarted = restorePendingState() { return restarted }
        switch evaluator.evaluateInline(expression, file: document.path) {
        case .failure(let diagnostic):
          outcome.inlineValues[expression.index] = .error(diagnostic.description)
        case .success(let text):
          outcome.inlineValues[expression.index] = .value(text)
          do {
            try cache?.store(
              CacheEntry(
                key: key, cellName: "inline \(expression.index + 1)", files: [:],
                outputs: [.value(text)], state: Data()))
          } catch {
            outcome.warnings.append(
              "inline value '\(expression.expression)' was not cached: \(error)")
          }
        }
      }
      return nil
    }

    for (position, cell) in document.cells.enumerated() {
      if let restarted = evaluateInlineValues(at: position) { return restarted }
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
        previous: previousKey, engineVersion: engineVersion, build: build, source: cell.source,
        options: cell.options, params: visibleParams)
      let started = Date()

      if let cache, cell.options.cache, let entry = cachedEntry(key),
        restoreWrittenFiles(of: entry, from: cache, cell: cell)
      {
        finish(
          cell,
          CellResult(
            status: .ok, cached: true, outputs: entry.outputs,
            seconds: Date().timeIntervalSince(started), filesRead: entry.files.keys.sorted(),
            filesWritten: entry.written.map(\.path)))
        unrestoredState = (cache, entry)
        previousKey = CellKey.chained(key, files: entry.files)
        continue
      }

      if let restarted = restorePendingState() { return restarted }

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
            state: try evaluator.snapshot(), written: try Self.contents(of: result.filesWritten))
          try cache.store(entry)
        } catch {
          outcome.warnings.append("cell '\(cell.id)' was not cached: \(error)")
        }
      }
    }
    if let restarted = evaluateInlineValues(at: document.cells.count) { return restarted }
    return outcome
  }

  /// Each file a cell wrote with what it holds now, once, in the order last written.
  static func contents(of written: [String]) throws -> [(path: String, contents: Data)] {
    var seen: Set<String> = []
    var files: [(path: String, contents: Data)] = []
    for path in written.reversed() where seen.insert(path).inserted {
      guard let contents = FileManager.default.contents(atPath: path) else {
        throw RunsError("\(path): cannot read the file the cell wrote, to keep a copy")
      }
      files.append((path, contents))
    }
    return files.reversed()
  }
}
