import NeuralNetwork
import Notebook
import Plot

/// Directives that draw SVG charts with the Plot module, and the charts shown with engine values
/// (the gradient check's chart, the nudges view, the confusion matrix).
enum PlotDirectives {
  static let history: ValueType = .object(.history)
  static let network: ValueType = .object(.network)

  static let all: [Directive] = [
    Directive(
      "plot",
      parameters: [
        Parameter(nil, name: "histories", .oneOf([history, .array(history)])),
        Parameter("labels", .array(.string), default: .array([])),
        Parameter("title", .string, default: .string("")),
        Parameter("batches", .bool, default: .bool(false)),
      ],
      result: .array(.object(.figure)),
      summary:
        "Cost and accuracy per epoch as SVG line charts; several histories (with `labels:`) are overlaid; `batches: true` adds the cost of every mini-batch with its moving average."
    ) { call throws(EvaluationError) in
      let histories: [TrainingHistory]
      switch call.value("histories") {
      case .object(.history(let one)): histories = [one]
      case .array(let many):
        histories = many.compactMap { if case .object(.history(let h)) = $0 { h } else { nil } }
      default: throw call.error("'plot' takes a training history or an array of them")
      }
      guard !histories.isEmpty else {
        throw call.error("'plot' needs at least one training history")
      }
      let labels = try call.strings("labels")
      guard labels.isEmpty || labels.count == histories.count else {
        throw EvaluationError(
          "\(labels.count) labels for \(histories.count) histories; give one label per history",
          at: call.position(of: "labels"))
      }
      var figures = historyCharts(histories, labels: labels, title: try call.string("title"))
      if try call.bool("batches") {
        figures.insert(batchCostChart(histories, labels: labels), at: 0)
      }
      return .array(figures.map(Value.figure))
    },
    Directive(
      "histogram",
      parameters: [
        Parameter(nil, name: "source", .oneOf([network, .array(.double)])),
        Parameter("layer", .int, default: .int(1)), Parameter("bins", .int, default: .int(30)),
        Parameter("title", .string, default: .string("")),
      ],
      result: .object(.figure),
      summary:
        "A histogram of a network layer's weights and biases (`histogram(net, layer: 1)`) or of any numbers (`histogram(values, bins: 20)`)."
    ) { call throws(EvaluationError) in
      let bins = try call.int("bins", atLeast: 1)
      let title = try call.string("title")
      if case .object(.network(let net)) = call.value("source") {
        let layer = try EngineDirectives.checkedLayer(call, net)
        let weights = net.weights(layer: layer).map(Double.init)
        let biases = net.biases(layer: layer).map(Double.init)
        let chart = Histogram(
          title: title.isEmpty ? "Layer \(layer) weights and biases" : title, xTitle: "value",
          series: [
            HistogramSeries(name: "weights", values: weights),
            HistogramSeries(name: "biases", values: biases),
          ],
          bins: .count(bins))
        return .figure(
          Figure(
            svg: chart.svg(),
            caption: title.isEmpty
              ? "Layer \(layer): \(weights.count) weights, \(biases.count) biases" : title))
      }
      let values = try call.numbers("source")
      let chart = Histogram(
        title: title.isEmpty ? "Histogram" : title, xTitle: "value",
        series: [HistogramSeries(name: "values", values: values)], bins: .count(bins))
      return .figure(Figure(svg: chart.svg(), caption: title.isEmpty ? nil : title))
    },
    Directive(
      "weightImages",
      parameters: [
        Parameter(nil, name: "network", network), Parameter("layer", .int, default: .int(1)),
      ],
      result: .object(.figure),
      summary:
        "Each neuron's incoming weights drawn as an image (28×28 for the first layer of an MNIST network)."
    ) { call throws(EvaluationError) in
      guard case .object(.network(let net)) = call.value("network") else {
        throw call.error("not a network")
      }
      let layer = try EngineDirectives.checkedLayer(call, net)
      let inputs = net.sizes[layer - 1]
      let side = Int(Double(inputs).squareRoot().rounded())
      guard side * side == inputs else {
        throw EvaluationError(
          "layer \(layer) has \(inputs) inputs per neuron, which is not a square image; use 'histogram(net, layer: \(layer))'",
          at: call.position(of: "layer"))
      }
      let weights = net.weights(layer: layer).map(Double.init)
      let rows = stride(from: 0, to: weights.count, by: inputs).map {
        Array(weights[$0..<($0 + inputs)])
      }
      let grid = ImageGrid.weights(
        title: "Layer \(layer): each neuron's incoming weights", images: rows, width: side,
        height: side)
      return .figure(
        Figure(
          svg: grid.svg(),
          caption: "Layer \(layer) weights as \(side)×\(side) images, one per neuron"))
    },
    Directive(
      "show",
      parameters: [
        Parameter(nil, name: "data", .object(.dataset)),
        Parameter("count", .int, default: .int(16)),
        Parameter("net", network, default: .void),
      ],
      result: .object(.figure),
      summary:
        "The first `count` images with their labels, and the network's guesses when `net:` is given."
    ) { call throws(EvaluationError) in
      guard case .object(.dataset(let value)) = call.value("data") else {
        throw call.error("not a data set")
      }
      let data = value.data
      let count = min(try call.int("count", atLeast: 1), data.count)
      guard let width = data.imageWidth, let height = data.imageHeight else {
        throw call.error("this data set has no image shape to show")
      }
      let examples = (0..<count).map { data[$0] }
      var guesses: [Int]?
      if case .object(.network(let net)) = call.value("net") {
        guesses = try EngineDirectives.engine(call) {
          try examples.map { example in
            let output = try net.feedforward(example.pixels)
            return output.indices.max { output[$0] < output[$1] } ?? 0
          }
        }
      }
      let grid = ImageGrid.digits(
        title: guesses == nil
          ? "The first \(count) images" : "The first \(count) images and the network's guesses",
        images: examples.map { $0.pixels.map(Double.init) }, labels: examples.map(\.label),
        guesses: guesses,
        width: width, height: height)
      return .figure(Figure(svg: grid.svg(), caption: nil))
    },
  ]

  static func historyCharts(_ histories: [TrainingHistory], labels: [String], title: String)
    -> [Figure]
  {
    func name(_ index: Int, _ what: String) -> String {
      labels.isEmpty
        ? (histories.count == 1 ? what : "run \(index + 1) \(what)") : "\(labels[index]) \(what)"
    }
    var costs: [LineSeries] = []
    var accuracies: [LineSeries] = []
    for (index, history) in histories.enumerated() {
      costs.append(LineSeries(name: name(index, "train cost"), y: history.epochs.map(\.trainCost)))
      let testCosts = history.epochs.compactMap(\.testCost)
      if testCosts.count == history.epochs.count, !testCosts.isEmpty {
        costs.append(LineSeries(name: name(index, "test cost"), y: testCosts))
      }
      let accuracy = history.epochs.compactMap(\.testAccuracy)
      if accuracy.count == history.epochs.count, !accuracy.isEmpty {
        accuracies.append(
          LineSeries(name: name(index, "test accuracy"), y: accuracy.map { $0 * 100 }))
      }
    }
    let costTitle = title.isEmpty ? "Cost per epoch" : title
    var figures = [
      Figure(
        svg: LineChart(title: costTitle, xTitle: "epoch", yTitle: "cost", series: costs).svg(),
        caption: costTitle)
    ]
    if !accuracies.isEmpty {
      figures.append(
        Figure(
          svg: LineChart(
            title: "Test accuracy per epoch", xTitle: "epoch", yTitle: "accuracy (%)",
            series: accuracies
          ).svg(),
          caption: "Test accuracy per epoch"))
    }
    return figures
  }

  /// Every mini-batch's cost, faint, under its moving average over a tenth of an epoch; x is in
  /// epochs so runs with different batch sizes line up.
  static func batchCostChart(_ histories: [TrainingHistory], labels: [String]) -> Figure {
    var series: [LineSeries] = []
    for (index, history) in histories.enumerated() {
      let name =
        labels.isEmpty
        ? (histories.count == 1 ? "mini-batch cost" : "run \(index + 1)") : labels[index]
      let perEpoch = max(1, history.batchCosts.count / max(1, history.epochs.count))
      let x = history.batchCosts.indices.map { Double($0 + 1) / Double(perEpoch) }
      let raw = LineSeries(
        name: name, x: x, y: history.batchCosts, markers: .never, isFaint: true)
      series.append(raw)
      series.append(
        raw.movingAverage(
          window: max(1, perEpoch / 10), name: "\(name) (average of \(max(1, perEpoch / 10)))"))
    }
    let chart = LineChart(
      title: "Cost per mini-batch", xTitle: "epoch", yTitle: "cost", series: series,
      yIncluding: [0])
    return Figure(svg: chart.svg(), caption: "Cost of every mini-batch, and its moving average")
  }

  /// The charts shown with a value (the gradient check's chart, the nudges view, the confusion
  /// matrix).
  static func figures(for object: EngineObject) -> [CellOutput] {
    switch object {
    case .gradientCheck(let report):
      let chart = LogBarChart(
        title: "Gradient check: relative error per parameter group", yTitle: "relative error",
        categories: report.layers.map(\.name),
        series: [
          BarSeries(name: "max", values: report.layers.map(\.maxRelativeError)),
          BarSeries(name: "median", values: report.layers.map(\.medianRelativeError)),
        ])
      return [
        .figure(Figure(svg: chart.svg(), caption: "Backpropagation against finite differences"))
      ]
    case .nudges(let nudges):
      let chart = NudgesChart(
        outputChanges: nudges.desiredOutputChanges, target: nudges.label,
        previousChanges: nudges.previousActivationNudges)
      return [
        .figure(Figure(svg: chart.svg(), caption: "What one example (a \(nudges.label)) asks for"))
      ]
    case .evaluation(let evaluation):
      let labels = evaluation.confusion.indices.map(String.init)
      let chart = Heatmap(
        title: "Confusion matrix", values: evaluation.confusion.map { $0.map(Double.init) },
        rowLabels: labels,
        columnLabels: labels, rowTitle: "true label", columnTitle: "guess",
        colorScaleTitle: "examples")
      return [
        .figure(
          Figure(
            svg: chart.svg(),
            caption: "Confusion matrix (accuracy \(format(evaluation.accuracy * 100))%)"))
      ]
    case .example(let example):
      let grid = ImageGrid.digits(
        title: "A \(example.label)", images: [example.pixels.map(Double.init)],
        labels: [example.label])
      return [.figure(Figure(svg: grid.svg(), caption: nil))]
    default:
      return []
    }
  }
}
