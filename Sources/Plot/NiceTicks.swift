import Foundation

/// "Nice" tick values and limits: steps of 1, 2 or 5 times a power of ten, as in d3-array's
/// `ticks`, `tickIncrement` and `nice` (Heckbert's idea, with d3's integer arithmetic so that
/// ticks such as 0.3 come out as the nearest double to 0.3, not `0.30000000000000004`).
package enum NiceTicks {
  /// Tick values inside `lower...upper`, about `count` of them.
  package static func ticks(_ lower: Double, _ upper: Double, count: Int) -> [Double] {
    guard lower.isFinite, upper.isFinite, count > 0 else { return [] }
    if lower == upper { return [lower] }
    let (start, stop) = (min(lower, upper), max(lower, upper))
    guard let spec = spec(start, stop, count: Double(count)), spec.last >= spec.first else {
      return []
    }
    return (spec.first...spec.last).map { spec.value(at: $0) }
  }

  /// The distance between neighbouring ticks of `ticks(lower, upper, count:)`.
  package static func step(_ lower: Double, _ upper: Double, count: Int) -> Double {
    guard let spec = spec(min(lower, upper), max(lower, upper), count: Double(count)) else {
      return 0
    }
    return spec.isDivisor ? 1 / spec.increment : spec.increment
  }

  /// The limits widened to whole steps, so the axis starts and ends on a tick.
  package static func nice(_ lower: Double, _ upper: Double, count: Int) -> (Double, Double) {
    guard lower.isFinite, upper.isFinite, lower < upper, count > 0 else { return (lower, upper) }
    var (start, stop) = (lower, upper)
    var previous: (Double, Bool)?
    for _ in 0..<10 {
      guard let spec = spec(start, stop, count: Double(count)) else { break }
      if let previous, previous == (spec.increment, spec.isDivisor) { break }
      if spec.isDivisor {
        start = (start * spec.increment).rounded(.down) / spec.increment
        stop = (stop * spec.increment).rounded(.up) / spec.increment
      } else {
        start = (start / spec.increment).rounded(.down) * spec.increment
        stop = (stop / spec.increment).rounded(.up) * spec.increment
      }
      previous = (spec.increment, spec.isDivisor)
    }
    return (start, stop)
  }

  /// Integer tick indices and how to turn them into values: multiply by `increment`, or, for
  /// steps below 1, divide by it (dividing by 10 gives exact tenths; multiplying by 0.1 does not).
  struct Spec {
    var first: Int
    var last: Int
    var increment: Double
    var isDivisor: Bool

    func value(at index: Int) -> Double {
      isDivisor ? Double(index) / increment : Double(index) * increment
    }
  }

  static func spec(_ start: Double, _ stop: Double, count: Double) -> Spec? {
    let rawStep = (stop - start) / max(0, count)
    guard rawStep > 0, rawStep.isFinite else { return nil }
    let power = floor(log10(rawStep))
    let error = rawStep / pow(10, power)
    let factor: Double =
      error >= 50.0.squareRoot()
      ? 10 : error >= 10.0.squareRoot() ? 5 : error >= 2.0.squareRoot() ? 2 : 1
    var first: Double
    var last: Double
    let increment: Double
    let isDivisor = power < 0
    if isDivisor {
      increment = pow(10, -power) / factor
      first = (start * increment).rounded()
      last = (stop * increment).rounded()
      if first / increment < start { first += 1 }
      if last / increment > stop { last -= 1 }
    } else {
      increment = pow(10, power) * factor
      first = (start / increment).rounded()
      last = (stop / increment).rounded()
      if first * increment < start { first += 1 }
      if last * increment > stop { last -= 1 }
    }
    if last < first && 0.5 <= count && count < 2 {
      return spec(start, stop, count: count * 2)
    }
    guard abs(first) < 1e15, abs(last) < 1e15 else { return nil }
    return Spec(first: Int(first), last: Int(last), increment: increment, isDivisor: isDivisor)
  }

  /// Tick values for a log10 axis over `lower...upper` (both positive, ideally whole decades):
  /// every power of ten, every k-th when there are many decades, and 2 and 5 times each power
  /// when the axis spans two decades or fewer.
  package static func logTicks(_ lower: Double, _ upper: Double, maximumCount: Int = 12) -> [Double]
  {
    guard lower > 0, upper > lower, lower.isFinite, upper.isFinite else { return [] }
    let firstPower = Int(ceil(log10(lower) - 1e-9))
    let lastPower = Int(floor(log10(upper) + 1e-9))
    let decades = lastPower - firstPower
    if decades <= 2 {
      var values: [Double] = []
      for power in (firstPower - 1)...lastPower {
        for multiple in [1.0, 2, 5] {
          let value = multiple * exactPowerOfTen(power)
          if value >= lower * (1 - 1e-12) && value <= upper * (1 + 1e-12) { values.append(value) }
        }
      }
      return values
    }
    let stride = max(1, Int(ceil(Double(decades + 1) / Double(maximumCount))))
    return Swift.stride(from: firstPower, through: lastPower, by: stride).map(exactPowerOfTen)
  }

  /// 10ⁿ as the double nearest to it, the same as the literal `1e-30` (computing it with
  /// `pow` or a division can be one unit in the last place off).
  package static func exactPowerOfTen(_ power: Int) -> Double {
    Double("1e\(power)") ?? pow(10, Double(power))
  }
}
