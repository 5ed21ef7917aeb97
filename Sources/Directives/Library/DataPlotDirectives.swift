import Foundation
import Notebook
import Plot

/// `plot` of any numbers: `plot(x:y:)` draws data as lines, points or bars, and
/// `plot(from:to:) { x in ... }` draws a function of one Double. Overloads of the history
/// `plot` in `PlotDirectives`; the table picks one by the call's labels.
enum DataPlotDirectives {
  static let scale = EnumerationType(name: "Scale", cases: ["linear", "log"])
  static let kind = EnumerationType(name: "PlotKind", cases: ["line", "scatter", "bar"])

  /// The options both forms share, after their data parameters.
  static let options: [Parameter] = [
    Parameter("labels", .array(.string), default: .array([])),
    Parameter("title", .string, default: .string("")),
    Parameter("xLabel", .string, default: .string("x")),
    Parameter("yLabel", .string, default: .string("y")),
    Parameter("xScale", .enumeration(scale), default: scale.value("linear")),
    Parameter("yScale", .enumeration(scale), default: scale.value("linear")),
    Parameter("kind", .enumeration(kind), default: kind.value("line")),
  ]

  static let all: [Directive] = [
    Directive(
      "plot",
      parameters: [
        Parameter("x", .array(.double)),
        Parameter("y", .oneOf([.array(.double), .array(.array(.double))])),
      ] + options,
      result: .object(.figure),
      summary:
        "Any numbers as an SVG chart: `y` is one series or several (`[[Double]]`, named by `labels:`), each as long as `x`; `kind: .scatter` or `.bar`, `xScale: .log`, `yScale: .log`. NaN and infinite values, and values at or below zero on a log axis, are left out and counted in a note under the chart."
    ) { call throws(EvaluationError) in
      let x = try call.numbers("x")
      let ys = try series(call)
      for (index, y) in ys.enumerated() where y.count != x.count {
        let which = ys.count == 1 ? "y" : "y[\(index)]"
        throw EvaluationError(
          "x has \(x.count) values but \(which) has \(y.count); give one y value per x value",
          at: call.position(of: "y"))
      }
      guard !x.isEmpty else {
        throw EvaluationError(
          "'plot' needs at least one point; x is empty", at: call.position(of: "x"))
      }
      return .figure(try figure(call, x: x, ys: ys))
    },
    Directive(
      "plot",
      parameters: [Parameter("from", .double), Parameter("to", .double)]
        + [Parameter("points", .int, default: .int(200))] + options
        + [Parameter(nil, name: "function", .function([.double], .double))],
      result: .object(.figure),
      summary:
        "A function of one Double drawn from `from` to `to` at `points` evenly spaced x values (spaced evenly on a log axis with `xScale: .log`): `plot(from: -6, to: 6) { x in 1 / (1 + exp(-x)) }`. Takes the same options as `plot(x:y:)`."
    ) { call throws(EvaluationError) in
      let (low, high) = (try call.double("from"), try call.double("to"))
      let logX = try call.enumCase("xScale", of: scale) == "log"
      guard low.isFinite, high.isFinite, low < high else {
        throw EvaluationError(
          "'from' must be a finite number below 'to', got \(format(low)) and \(format(high))",
          at: call.position(of: "to"))
      }
      guard !logX || low > 0 else {
        throw EvaluationError(
          "a log x axis needs 'from' above zero, got \(format(low))", at: call.position(of: "from"))
      }
      let count = try call.int("points", atLeast: 2)
      guard count <= 100_000 else {
        throw EvaluationError(
          "'points' is at most 100000, got \(count)", at: call.position(of: "points"))
      }
      guard case .function(let function) = call.value("function") else {
        throw EvaluationError(
          "'plot(from:to:)' needs a closure such as '{ x in x * x }'",
          at: call.position(of: "function"))
      }
      let x = (0..<count).map { index -> Double in
        let fraction = Double(index) / Double(count - 1)
        return logX
          ? low * pow10(fraction * log10Ratio(high, low)) : low + (high - low) * fraction
      }
      var y: [Double] = []
      y.reserveCapacity(count)
      for value in x {
        let result = try function.call([.double(value)], at: call.position(of: "function"))
        y.append(result.number ?? .nan)
      }
      return .figure(try figure(call, x: x, ys: [y]))
    },
  ]

  /// The y values as series: one array, or an array of arrays.
  private static func series(_ call: Invocation) throws(EvaluationError) -> [[Double]] {
    let rows = try call.array("y")
    guard case .array = rows.first else { return [try call.numbers("y")] }
    var result: [[Double]] = []
    for row in rows {
      guard case .array(let items) = row else {
        throw EvaluationError(
          "y mixes numbers and arrays; give [Double] or [[Double]]", at: call.position(of: "y"))
      }
      result.append(items.map { $0.number ?? .nan })
    }
    return result
  }

  /// The chart the options ask for.
  private static func figure(_ call: Invocation, x: [Double], ys: [[Double]])
    throws(EvaluationError) -> Figure
  {
    let labels = try call.strings("labels")
    guard labels.isEmpty || labels.count == ys.count else {
      throw EvaluationError(
        "\(labels.count) labels for \(ys.count) series; give one label per series",
        at: call.position(of: "labels"))
    }
    let names = ys.indices.map {
      labels.isEmpty ? (ys.count == 1 ? "y" : "series \($0 + 1)") : labels[$0]
    }
    let title = try call.string("title")
    let (xTitle, yTitle) = (try call.string("xLabel"), try call.string("yLabel"))
    let xScale: Scale.Kind = try call.enumCase("xScale", of: scale) == "log" ? .log10 : .linear
    let yScale: Scale.Kind = try call.enumCase("yScale", of: scale) == "log" ? .log10 : .linear
    let chartTitle = title.isEmpty ? "\(yTitle) against \(xTitle)" : title
    let svg: String
    switch try call.enumCase("kind", of: kind) {
    case "scatter":
      svg = ScatterChart(
        title: chartTitle, xTitle: xTitle, yTitle: yTitle,
        series: zip(names, ys).map { ScatterSeries(name: $0, x: x, y: $1) },
        xScale: xScale, yScale: yScale, size: .standard
      ).svg()
    case "bar":
      guard xScale == .linear else {
        throw EvaluationError(
          "bars stand for categories, which have no log scale; drop 'xScale: .log'",
          at: call.position(of: "xScale"))
      }
      svg = LogBarChart(
        title: chartTitle, xTitle: xTitle, yTitle: yTitle, categories: x.map { format($0) },
        series: zip(names, ys).map { BarSeries(name: $0, values: $1) }, bands: [],
        yScale: yScale
      ).svg()
    default:
      svg = LineChart(
        title: chartTitle, xTitle: xTitle, yTitle: yTitle,
        series: zip(names, ys).map { LineSeries(name: $0, x: x, y: $1) },
        xScale: xScale, yScale: yScale
      ).svg()
    }
    // The title is drawn on the chart; a caption comes from the cell's `fig-cap:`.
    return Figure(svg: svg, caption: nil)
  }

  private static func pow10(_ exponent: Double) -> Double { Foundation.pow(10, exponent) }
  private static func log10Ratio(_ high: Double, _ low: Double) -> Double {
    Foundation.log10(high / low)
  }
}
