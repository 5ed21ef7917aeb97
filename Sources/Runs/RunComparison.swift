import Notebook

/// What changed between runs: the first run is the baseline every other is compared with.
package struct RunComparison: Codable, Hashable, Sendable {
  package struct RunLabel: Codable, Hashable, Sendable {
    package var id: String
    package var notebook: String
    package var status: RunStatus
    package var directory: String
  }

  /// A param whose value is not the same in every run (`nil` where a run lacks it).
  package struct ParamChange: Codable, Hashable, Sendable {
    package var name: String
    package var values: [ParamValue?]
  }

  /// One metric across the runs, with each run's change from the baseline.
  package struct MetricChange: Codable, Hashable, Sendable {
    package var name: String
    package var values: [Double?]
    /// `values[i] - values[0]`, `nil` where either is missing.
    package var deltas: [Double?]
    /// `deltas[i] / |values[0]|`, `nil` where undefined.
    package var relativeChanges: [Double?]

    package var changed: Bool {
      deltas.contains { delta in delta.map { $0 != 0 || $0.isNaN } ?? true }
    }
  }

  /// The first cell (in notebook order) whose outputs are not the same in every run.
  package struct CellDifference: Codable, Hashable, Sendable {
    package var index: Int
    package var name: String
    package var line: Int
  }

  package var runs: [RunLabel]
  package var params: [ParamChange]
  package var metrics: [MetricChange]
  /// Every series by name, one array per run (empty where a run lacks it), for overlaid plots.
  package var series: [String: [[Double]]]
  package var firstDifferingCell: CellDifference?

  package init(_ stored: [StoredRun]) {
    let records = stored.map(\.record)
    runs = stored.map {
      RunLabel(
        id: $0.record.id, notebook: $0.record.notebook.path, status: $0.record.status,
        directory: $0.directory)
    }

    let paramNames = Set(records.flatMap(\.params.keys)).sorted()
    params = paramNames.compactMap { name in
      let values = records.map { $0.params[name] }
      let first = values.first ?? nil
      let allSame = values.allSatisfy { Self.sameParam($0, first) }
      return allSame ? nil : ParamChange(name: name, values: values)
    }

    let metricNames = Set(records.flatMap(\.metrics.keys)).sorted()
    metrics = metricNames.map { name in
      let values = records.map { $0.metrics[name] }
      let base = values.first ?? nil
      let deltas = values.map { value -> Double? in
        guard let value, let base else { return nil }
        return value - base
      }
      let relative = deltas.map { delta -> Double? in
        guard let delta, let base, base != 0 else { return nil }
        return delta / abs(base)
      }
      return MetricChange(name: name, values: values, deltas: deltas, relativeChanges: relative)
    }

    let seriesNames = Set(records.flatMap(\.series.keys))
    series = Dictionary(
      uniqueKeysWithValues: seriesNames.map { name in (name, records.map { $0.series[name] ?? [] })
      })

    firstDifferingCell = nil
    if let baseline = records.first {
      for cell in baseline.cells {
        let others = records.dropFirst().map { record in record.cells.first { $0.name == cell.name }
        }
        if others.contains(where: { $0?.outputs.sha256 != cell.outputs.sha256 }) {
          firstDifferingCell = CellDifference(index: cell.index, name: cell.name, line: cell.line)
          break
        }
      }
    }
  }

  private static func sameParam(_ a: ParamValue?, _ b: ParamValue?) -> Bool {
    if let x = a?.numericValue, let y = b?.numericValue { return x == y }
    return a == b
  }
}
