import Notebook
import Plot
import Report

/// `nudge diff --html FILE`: the comparison as a report page, with the runs, the changed params,
/// every metric with its change, and each recorded series of all runs overlaid on one chart.
///
/// The page is an `HTMLReport` of a notebook made up on the spot, so it shares the lesson
/// report's look, its self-containment and its safety. Its Markdown is fixed text: whatever
/// comes from the records (ids, paths, params, names) goes into tables and charts, which escape
/// it, so a crafted record cannot add a link or markup to the page.
package struct DiffPage {
  package var comparison: RunComparison

  package init(_ comparison: RunComparison) { self.comparison = comparison }

  package func html() -> String {
    var blocks: [Block] = []
    var results: [Int: CellResult] = [:]
    func section(_ markdown: String, _ outputs: [CellOutput]) {
      blocks.append(.prose(Prose(markdown: markdown, line: 1)))
      guard !outputs.isEmpty else { return }
      let index = results.count
      let cell = Cell(
        index: index, options: CellOptions(name: "section\(index + 1)", echo: false), source: "",
        sourceLine: 1,
        sourceColumn: 1, fenceLine: 1)
      blocks.append(.cell(cell))
      results[index] = CellResult(status: .ok, outputs: outputs)
    }

    section(
      "The first run is the baseline; Δ is each later run's change from it.\n\n## Runs",
      [.table(runsTable)])
    if comparison.params.isEmpty {
      section("## Params\n\nThe params are the same in every run.", [])
    } else {
      section("## Params\n\nThe params that differ between the runs.", [.table(paramsTable)])
    }
    let changed = comparison.metrics.filter(\.changed).count
    let metricsSummary =
      comparison.metrics.isEmpty
      ? "No run recorded a metric."
      : changed == 0
        ? "No metric changed." : "\(changed) of \(comparison.metrics.count) metrics changed."
    section(
      "## Metrics\n\n\(metricsSummary)", comparison.metrics.isEmpty ? [] : [.table(metricsTable)])
    let charts = seriesFigures.map(CellOutput.figure)
    section(
      charts.isEmpty
        ? "## Series\n\nNo run recorded a series."
        : "## Series\n\nEvery recorded series, all runs overlaid.", charts)
    if let cell = comparison.firstDifferingCell {
      // The cell's name comes from a record, which anyone can edit: it goes into a table,
      // whose cells are escaped text, never into the Markdown, where it could become a link.
      section(
        "## Outputs\n\nThe first cell whose outputs differ:",
        [
          .table(
            Table(
              columns: ["cell", "number", "line"],
              rows: [[cell.name, "\(cell.index + 1)", "\(cell.line)"]]))
        ])
    } else if comparison.runs.count > 1 {
      section("## Outputs\n\nEvery cell produced the same outputs in every run.", [])
    }

    let ids = comparison.runs.map(\.id).joined(separator: " · ")
    let document = Document(
      path: "nudge diff \(ids)", title: "Comparison of \(comparison.runs.count) runs", params: [],
      blocks: blocks)
    return HTMLReport(document: document, results: results).html()
  }

  private func runLabel(_ index: Int) -> String { "#\(index + 1)" }

  /// A run as the legends name it: its number and the params that set it apart, else its id.
  private func legend(_ run: Int) -> String {
    let params = comparison.params.compactMap { change in
      change.values[run].map { "\(change.name)=\($0)" }
    }
    return "\(runLabel(run)) "
      + (params.isEmpty ? comparison.runs[run].id : params.joined(separator: " "))
  }

  private var runsTable: Table {
    Table(
      columns: ["run", "id", "status", "notebook"],
      rows: comparison.runs.enumerated().map {
        [runLabel($0.offset), $0.element.id, $0.element.status.rawValue, $0.element.notebook]
      })
  }

  private var paramsTable: Table {
    Table(
      columns: ["param"] + comparison.runs.indices.map(runLabel),
      rows: comparison.params.map { [$0.name] + $0.values.map { $0?.description ?? "–" } })
  }

  private var metricsTable: Table {
    let later = comparison.runs.indices.dropFirst()
    return Table(
      columns: ["metric"] + comparison.runs.indices.map(runLabel)
        + later.map { "Δ\(runLabel($0))" },
      rows: comparison.metrics.map { metric in
        [metric.name] + metric.values.map { $0.map(NumberFormat.metric) ?? "–" }
          + later.map {
            RunComparison.changeText(delta: metric.deltas[$0], relative: metric.relativeChanges[$0])
          }
      })
  }

  private var seriesFigures: [Figure] {
    comparison.series.keys.sorted().compactMap { name in
      guard let perRun = comparison.series[name], perRun.contains(where: { !$0.isEmpty }) else {
        return nil
      }
      let lines = perRun.enumerated().map { run, values in
        LineSeries(
          name: legend(run), y: values, style: SeriesStyle.automatic(run))
      }
      let chart = LineChart(
        title: name, xTitle: "step",
        yTitle: name.split(separator: ".").last.map(String.init) ?? name, series: lines)
      return Figure(svg: chart.svg(), caption: "\(name) in each run")
    }
  }
}
