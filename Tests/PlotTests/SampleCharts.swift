import Foundation

@testable import Plot

/// Deterministic data shaped like the lesson's (784-16-16-10 network on MNIST), and one chart
/// of every kind drawn from it: shared by the XML, snapshot, size and gallery tests.
enum SampleCharts {
  /// A small linear congruential generator, so samples are the same on every machine.
  struct Generator {
    var state: UInt64

    mutating func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }

    /// A standard normal value (Box-Muller).
    mutating func normal() -> Double {
      let u = max(uniform(), 1e-300)
      return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * uniform())
    }
  }

  static let digitLabels = (0..<10).map(String.init)

  static var costPerEpoch: LineChart {
    LineChart(
      title: "Cost per epoch", xTitle: "epoch", yTitle: "cost",
      series: [
        LineSeries(name: "train", y: [0.52, 0.31, 0.254]),
        LineSeries(name: "test", y: [0.41, 0.298, 0.262]),
      ])
  }

  static var accuracyRuns: LineChart {
    LineChart(
      title: "Test accuracy, three learning rates", xTitle: "epoch", yTitle: "accuracy",
      series: [
        LineSeries(name: "rate 0.05", y: [0.872, 0.905, 0.918, 0.926, 0.931]),
        LineSeries(name: "rate 0.1", y: [0.906, 0.925, 0.936, 0.941, 0.944]),
        LineSeries(name: "rate 0.5", y: [0.884, 0.901, 0.899, 0.912, 0.908]),
      ])
  }

  /// Two runs overlaid, train and test cost each: colour tells the run, dash the series.
  static var runsOverlaid: LineChart {
    let runs: [(String, [Double], [Double])] = [
      ("rate 0.1", [0.52, 0.31, 0.254], [0.41, 0.298, 0.262]),
      ("rate 0.5", [0.61, 0.42, 0.39], [0.48, 0.44, 0.43]),
    ]
    var series: [LineSeries] = []
    for (run, (name, train, test)) in runs.enumerated() {
      series.append(LineSeries(name: "\(name) train", y: train, style: .run(run, series: 0)))
      series.append(LineSeries(name: "\(name) test", y: test, style: .run(run, series: 1)))
    }
    return LineChart(
      title: "Cost per epoch, two runs", xTitle: "epoch", yTitle: "cost", series: series)
  }

  /// 6000 mini-batches of noisy cost and its moving average.
  static var miniBatchCost: LineChart {
    var generator = Generator(state: 7)
    let cost = (0..<6000).map { index in
      2.3 * exp(-Double(index) / 400) + 0.25 + 0.12 * abs(generator.normal())
    }
    let raw = LineSeries(name: "mini-batch cost", y: cost, isFaint: true)
    return LineChart(
      title: "Cost per mini-batch", xTitle: "mini-batch", yTitle: "cost",
      series: [raw, raw.movingAverage(window: 100)],
      marks: [AxisMark(value: 2001, label: "epoch 2"), AxisMark(value: 4001, label: "epoch 3")])
  }

  static func weights(count: Int, spread: Double, seed: UInt64) -> [Double] {
    var generator = Generator(state: seed)
    return (0..<count).map { _ in generator.normal() * spread }
  }

  static var weightHistogram: Histogram {
    Histogram(
      title: "Layer 1 weights before and after training", xTitle: "weight",
      series: [
        HistogramSeries(name: "before", values: weights(count: 12_544, spread: 0.0357, seed: 1)),
        HistogramSeries(name: "after", values: weights(count: 12_544, spread: 0.052, seed: 2)),
      ])
  }

  /// Like the engine's gradient check: one category per weight and bias tensor.
  static var gradientCheck: LogBarChart {
    LogBarChart(
      title: "Gradient check: backprop against finite differences", yTitle: "relative error",
      categories: [
        "layer 1 weights", "layer 1 biases", "layer 2 weights", "layer 2 biases", "layer 3 weights",
        "layer 3 biases",
      ],
      series: [
        BarSeries(name: "max", values: [3.1e-8, 2.2e-9, 4.6e-10, 0, 7.7e-11, 2.9e-11]),
        BarSeries(name: "median", values: [1.2e-10, 8e-11, 5.5e-11, 0, 1.1e-11, 6.3e-12]),
      ])
  }

  static var gradientScatter: ScatterChart {
    var generator = Generator(state: 3)
    let numeric = (0..<120).map { _ in generator.normal() * 0.02 }
    let backprop = numeric.map { $0 * (1 + generator.normal() * 1e-3) }
    return ScatterChart(
      title: "Backprop gradient against the numerical one", xTitle: "numerical", yTitle: "backprop",
      series: [ScatterSeries(name: "sampled weights", x: numeric, y: backprop)], identityLine: true)
  }

  static var confusionMatrix: Heatmap {
    var counts = [[Double]](repeating: [Double](repeating: 0, count: 10), count: 10)
    var generator = Generator(state: 5)
    let perDigit = [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]
    for digit in 0..<10 {
      var remaining = perDigit[digit]
      for other in 0..<10 where other != digit {
        let mistakes = Int(generator.uniform() * 12) + (digit == 4 && other == 9 ? 30 : 0)
        counts[digit][other] = Double(mistakes)
        remaining -= mistakes
      }
      counts[digit][digit] = Double(remaining)
    }
    return Heatmap(
      title: "Confusion matrix (test set)", values: counts, rowLabels: digitLabels,
      columnLabels: digitLabels,
      rowTitle: "true digit", columnTitle: "predicted digit", colorScaleTitle: "count",
      colorScaling: .logarithmic)
  }

  /// Sixteen synthetic 28×28 weight images with smooth blobs of either sign.
  static var weightImages: ImageGrid {
    var generator = Generator(state: 11)
    let images = (0..<16).map { _ -> [Double] in
      let (cx, cy) = (8 + generator.uniform() * 12, 8 + generator.uniform() * 12)
      let (dx, dy) = (8 + generator.uniform() * 12, 8 + generator.uniform() * 12)
      return (0..<784).map { pixel in
        let (x, y) = (Double(pixel % 28), Double(pixel / 28))
        let positive = exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 18)
        let negative = exp(-((x - dx) * (x - dx) + (y - dy) * (y - dy)) / 30)
        return 0.3 * (positive - negative) + 0.02 * generator.normal()
      }
    }
    return ImageGrid.weights(title: "First-layer weights as images", images: images)
  }

  static var digits: ImageGrid {
    let (images, labels) = MNISTSample.first(16)
    var guesses = labels
    guesses[8] = 6
    guesses[11] = 2
    return ImageGrid.digits(
      title: "Test digits with the network's guesses", images: images, labels: labels,
      guesses: guesses)
  }

  static var nudges: NudgesChart {
    let activations = [0.08, 0.02, 0.11, 0.31, 0.05, 0.42, 0.03, 0.19, 0.04, 0.09]
    let target = 5
    let changes = activations.indices.map { ($0 == target ? 1 : 0) - activations[$0] }
    var generator = Generator(state: 13)
    let previous = (0..<16).map { _ in generator.normal() * 0.2 }
    return NudgesChart(outputChanges: changes, target: target, previousChanges: previous)
  }

  static var divergingBars: DivergingBarChart {
    DivergingBarChart(
      title: "Change in each bias", xTitle: "change",
      bars: [
        DivergingBar(label: "bias 1", value: 0.12),
        DivergingBar(label: "bias 2", value: -0.3, isEmphasized: true),
        DivergingBar(label: "bias 3", value: 0.05),
      ])
  }

  /// Every chart kind, by name: the names of the snapshot files.
  static var all: [(name: String, svg: String)] {
    [
      ("line-cost-per-epoch", costPerEpoch.svg()),
      ("line-accuracy-runs", accuracyRuns.svg()),
      ("line-runs-overlaid", runsOverlaid.svg()),
      ("line-mini-batch-cost", miniBatchCost.svg()),
      ("histogram-overlay", weightHistogram.svg()),
      ("log-bars-gradient-check", gradientCheck.svg()),
      ("scatter-gradients", gradientScatter.svg()),
      ("heatmap-confusion", confusionMatrix.svg()),
      ("image-grid-weights", weightImages.svg()),
      ("image-grid-digits", digits.svg()),
      ("nudges", nudges.svg()),
      ("diverging-bars", divergingBars.svg()),
    ]
  }

  /// Charts of awkward data: each must still be well-formed and say what it could not draw.
  static var awkward: [(name: String, svg: String)] {
    [
      ("line-empty", LineChart(title: "Empty", xTitle: "x", yTitle: "y", series: []).svg()),
      (
        "line-single",
        LineChart(
          title: "One value", xTitle: "epoch", yTitle: "cost",
          series: [LineSeries(name: "a", y: [0.5])]
        ).svg()
      ),
      (
        "line-nan",
        LineChart(
          title: "NaN & inf <here>", xTitle: "epoch", yTitle: "cost",
          series: [LineSeries(name: "a", y: [1, .nan, 0.5, .infinity, 0.4])]
        ).svg()
      ),
      (
        "line-tiny",
        LineChart(
          title: "Tiny range", xTitle: "x", yTitle: "y",
          series: [LineSeries(name: "a", y: [0, 3e-10, 1e-9])]
        ).svg()
      ),
      (
        "line-negative",
        LineChart(
          title: "From −3 to 7", xTitle: "x", yTitle: "y",
          series: [LineSeries(name: "a", y: [-3, 7, 1.5])]
        ).svg()
      ),
      (
        "line-decimals",
        LineChart(
          title: "From 0.1 to 0.3", xTitle: "x", yTitle: "y",
          series: [LineSeries(name: "a", y: [0.1, 0.1 + 0.2, 0.2])]
        ).svg()
      ),
      (
        "line-log-nonpositive",
        LineChart(
          title: "Log", xTitle: "x", yTitle: "y",
          series: [LineSeries(name: "a", y: [0, 1e-3, 1, -2])], yScale: .log10
        ).svg()
      ),
      (
        "line-log-x",
        LineChart(
          title: "Log x", xTitle: "rate", yTitle: "cost",
          series: [LineSeries(name: "a", x: [0, 0.001, 0.01, 0.1, 1], y: [3, 2, 1, 0.5, 0.4])],
          xScale: .log10
        ).svg()
      ),
      (
        "scatter-log-log",
        ScatterChart(
          title: "Log log", xTitle: "x", yTitle: "y",
          series: [ScatterSeries(name: "p", x: [1, 10, 100, -1], y: [2, 20, 200, 5])],
          xScale: .log10, yScale: .log10
        ).svg()
      ),
      (
        "bars-linear-signed",
        LogBarChart(
          title: "Signed", yTitle: "change", categories: ["a", "b", "c"],
          series: [BarSeries(name: "change", values: [3, -2, .nan])], bands: [], yScale: .linear
        ).svg()
      ),
      (
        "histogram-empty",
        Histogram(title: "Empty", xTitle: "w", series: [HistogramSeries(name: "w", values: [])])
          .svg()
      ),
      (
        "histogram-single",
        Histogram(
          title: "Single", xTitle: "w", series: [HistogramSeries(name: "w", values: [2, 2, 2])]
        ).svg()
      ),
      (
        "histogram-nan",
        Histogram(
          title: "NaN", xTitle: "w",
          series: [HistogramSeries(name: "w", values: [.nan, 1, 2, .infinity])]
        ).svg()
      ),
      (
        "bars-zero-nan",
        LogBarChart(
          title: "Zero", yTitle: "error", categories: ["a", "b", "c"],
          series: [BarSeries(name: "max", values: [0, .nan, 1e-3])]
        ).svg()
      ),
      (
        "bars-empty", LogBarChart(title: "Empty", yTitle: "error", categories: [], series: []).svg()
      ),
      (
        "scatter-nan",
        ScatterChart(
          title: "NaN", xTitle: "x", yTitle: "y",
          series: [ScatterSeries(name: "p", x: [1, .nan], y: [1, 2])], identityLine: true
        ).svg()
      ),
      ("heatmap-empty", Heatmap(title: "Empty", values: []).svg()),
      ("heatmap-nan", Heatmap(title: "NaN", values: [[1, .nan], [.infinity, 4]]).svg()),
      (
        "grid-wide",
        ImageGrid.weights(
          title: "Wide tiles",
          images: [(0..<40).map { Double($0) - 20 }, (0..<40).map { 20 - Double($0) }],
          width: 8, height: 5
        ).svg()
      ),
      ("grid-empty", ImageGrid.digits(title: "None", images: [], labels: []).svg()),
      (
        "grid-nan",
        ImageGrid.weights(title: "NaN", images: [[.nan, 1, -1, 0]], width: 2, height: 2).svg()
      ),
      ("nudges-empty", NudgesChart(outputChanges: [], target: nil, previousChanges: []).svg()),
      (
        "nudges-nan",
        NudgesChart(outputChanges: [.nan, 0.5], target: 1, previousChanges: [.nan, 0.1, -0.2]).svg()
      ),
    ]
  }
}
