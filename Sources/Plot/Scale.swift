import Foundation

/// Maps data values to positions along one axis and knows its ticks and their labels.
///
/// Build one with `Scale.linear(covering:)` or `Scale.log10(covering:)`; both widen the data's
/// extent to nice limits that start and end on a tick. Non-finite values are ignored (charts
/// report them separately), and so are values at or below zero on a log scale.
package struct Scale: Sendable, Equatable {
  package enum Kind: Sendable, Equatable {
    case linear
    case log10

    /// How a chart's description names its log axes: " on a log scale", " with a log x axis".
    static func phrase(x: Kind, y: Kind) -> String {
      switch (x, y) {
      case (.linear, .linear): ""
      case (.linear, .log10): " on a log scale"
      case (.log10, .linear): " with a log x axis"
      case (.log10, .log10): " with log x and y axes"
      }
    }
  }

  package let kind: Kind
  /// The domain's lower and upper limits.
  package let lower: Double
  package let upper: Double
  /// Tick values, ascending, and their labels.
  package let ticks: [Double]
  package let labels: [String]
  /// The pixel positions of `lower` and `upper` (for a vertical axis `start` is the bottom).
  package var start: Double = 0
  package var end: Double = 1

  /// A linear scale covering `values` (and `including`, e.g. 0 for bar charts), with about
  /// `tickCount` ticks at nice values. With `integerTicks` (epochs, counts) no tick falls
  /// between two whole numbers.
  package static func linear(
    covering values: [Double], including extra: [Double] = [], tickCount: Int = 6,
    integerTicks: Bool = false
  ) -> Scale {
    let finite = (values + extra).filter(\.isFinite)
    var lower = finite.min() ?? 0
    var upper = finite.max() ?? 1
    if lower == upper {
      // A single value: centre it in a band one tenth of its size (or -1...1 around zero).
      let pad = lower == 0 || integerTicks ? 1 : abs(lower) * 0.1
      (lower, upper) = (lower - pad, upper + pad)
    }
    var tickCount = tickCount
    if integerTicks && upper - lower < Double(tickCount) {
      tickCount = max(1, Int((upper - lower).rounded(.up)))
    }
    (lower, upper) = NiceTicks.nice(lower, upper, count: tickCount)
    let ticks = NiceTicks.ticks(lower, upper, count: tickCount)
    let step = NiceTicks.step(lower, upper, count: tickCount)
    return Scale(
      kind: .linear, lower: lower, upper: upper, ticks: ticks,
      labels: NumberText.tickLabels(ticks, step: step))
  }

  /// A log10 scale covering the positive values among `values` and `including`, widened to
  /// whole decades.
  package static func log10(covering values: [Double], including extra: [Double] = []) -> Scale {
    let positive = (values + extra).filter { $0.isFinite && $0 > 0 }
    let smallest = positive.min() ?? 1
    let largest = positive.max() ?? 10
    // Powers of ten a double can hold as normal numbers.
    var firstPower = max(-307, Int(floor(Foundation.log10(smallest) + 1e-9)))
    var lastPower = min(308, Int(ceil(Foundation.log10(largest) - 1e-9)))
    if lastPower <= firstPower {
      // One decade at least: below a single value, and above it while a double can hold it.
      if smallest == largest || lastPower >= 308 { firstPower -= 1 }
      if lastPower < 308 { lastPower += 1 }
    }
    let lower = NiceTicks.exactPowerOfTen(firstPower)
    let upper = NiceTicks.exactPowerOfTen(lastPower)
    let ticks = NiceTicks.logTicks(lower, upper)
    return Scale(kind: .log10, lower: lower, upper: upper, ticks: ticks, labels: logLabels(ticks))
  }

  /// The same scale drawn between two pixel positions.
  package func placed(from start: Double, to end: Double) -> Scale {
    var copy = self
    copy.start = start
    copy.end = end
    return copy
  }

  /// Where `value` lands in pixels. Values outside the domain land outside the range; values a
  /// log scale cannot show land at its lower end.
  package func position(_ value: Double) -> Double {
    start + (end - start) * fraction(value)
  }

  /// How far along the domain `value` lies, 0 at `lower` and 1 at `upper`.
  package func fraction(_ value: Double) -> Double {
    switch kind {
    case .linear:
      return (value - lower) / (upper - lower)
    case .log10:
      guard value > 0 else { return 0 }
      return (Foundation.log10(value) - Foundation.log10(lower))
        / (Foundation.log10(upper) - Foundation.log10(lower))
    }
  }

  /// Whether the scale can place `value` at all.
  package func canShow(_ value: Double) -> Bool {
    value.isFinite && (kind == .linear || value > 0)
  }

  /// Plain decimals when every tick lies between 0.001 and 10 000, powers of ten otherwise.
  private static func logLabels(_ ticks: [Double]) -> [String] {
    let plain = ticks.allSatisfy { $0 >= 1e-3 && $0 <= 1e4 }
    return ticks.map { tick in
      if plain { return NumberText.summary(tick) }
      let power = Int(Foundation.log10(tick).rounded())
      let mantissa = tick / NiceTicks.exactPowerOfTen(power)
      if abs(mantissa - 1) < 1e-9 { return NumberText.powerOfTen(power) }
      return NumberText.summary(tick)
    }
  }
}
