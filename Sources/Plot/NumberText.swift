import Foundation

/// How numbers read on axes, in hover titles and in descriptions.
///
/// Tick labels use the fewest decimals that tell neighbouring ticks apart (so `0.1 + 0.2` reads
/// `0.3`), SI suffixes for large values (`60k`) and powers of ten for tiny or huge ones
/// (`2×10⁻¹⁰`).
package enum NumberText {
  /// Labels for evenly spaced tick values `step` apart, negative ones with a true minus sign.
  package static func tickLabels(_ values: [Double], step: Double) -> [String] {
    unsignedTickLabels(values, step: step).map { $0.hasPrefix("-") ? "−" + $0.dropFirst() : $0 }
  }

  private static func unsignedTickLabels(_ values: [Double], step: Double) -> [String] {
    let largest = values.map(abs).max() ?? 0
    guard largest > 0, step > 0, step.isFinite else { return values.map { plain($0) } }
    if largest >= 1e6 || largest < 1e-3 {
      return values.map { scientific($0, step: step) }
    }
    if largest >= 1e4 && step >= 1000 {
      let (divisor, suffix) = largest >= 1e6 ? (1e6, "M") : (1e3, "k")
      let decimals = decimalsNeeded(forStep: step / divisor)
      return values.map { $0 == 0 ? "0" : fixed($0 / divisor, decimals: decimals) + suffix }
    }
    let decimals = decimalsNeeded(forStep: step)
    return values.map { fixed($0, decimals: decimals) }
  }

  /// A value for prose and hover titles: three significant digits, powers of ten when tiny or
  /// huge, and words for values that are not numbers.
  package static func summary(_ value: Double) -> String {
    summary(value, spoken: false)
  }

  /// A value for the screen-reader description: like `summary`, but powers of ten written
  /// as `3.2e-9`, which speech engines read more reliably than superscripts.
  package static func spoken(_ value: Double) -> String {
    summary(value, spoken: true)
  }

  private static func summary(_ value: Double, spoken: Bool) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "infinity" : "minus infinity" }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1e-3 && magnitude < 1e6 {
      let decimals = max(0, 2 - Int(floor(log10(magnitude))))
      return trimmed(fixed(value, decimals: decimals))
    }
    let exponent = Int(floor(log10(magnitude)))
    return mantissaAndPower(value, exponent: exponent, decimals: 2, trim: true, spoken: spoken)
  }

  /// `value` with exactly `decimals` decimals, never `-0`.
  static func fixed(_ value: Double, decimals: Int) -> String {
    let text = String(format: "%.\(max(0, min(decimals, 17)))f", value)
    if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
      return String(text.dropFirst())
    }
    return text
  }

  /// `10⁻²` for an exact power of ten, like the labels of a log axis; `summary` otherwise.
  package static func powerOfTenOrSummary(_ value: Double) -> String {
    guard value > 0, value.isFinite else { return summary(value) }
    let power = Int(log10(value).rounded())
    return value == NiceTicks.exactPowerOfTen(power) ? powerOfTen(power) : summary(value)
  }

  /// A power of ten as `10⁻⁷`.
  static func powerOfTen(_ exponent: Int) -> String {
    "10" + superscript(exponent)
  }

  static func superscript(_ number: Int) -> String {
    String(number).map { String(superscriptCharacters[$0] ?? $0) }.joined()
  }

  /// How many decimals show every multiple of `step`.
  static func decimalsNeeded(forStep step: Double) -> Int {
    guard step > 0, step.isFinite else { return 0 }
    let least = max(0, -Int(floor(log10(step) + 1e-9)))
    // Steps such as 2.5 need one more decimal than their magnitude suggests.
    for decimals in least..<(least + 4) {
      let scaled = step * pow(10, Double(decimals))
      if abs(scaled - scaled.rounded()) <= 1e-6 * scaled { return decimals }
    }
    return least + 4
  }

  private static func plain(_ value: Double) -> String {
    value == 0 ? "0" : summary(value)
  }

  /// `value` as mantissa×10ⁿ with as many mantissa decimals as the tick step needs.
  private static func scientific(_ value: Double, step: Double) -> String {
    if value == 0 { return "0" }
    let exponent = Int(floor(log10(abs(value))))
    let decimals = min(3, max(0, decimalsNeeded(forStep: step / pow(10, Double(exponent)))))
    // Ticks are multiples of the step, so trailing zeros never tell two apart.
    return mantissaAndPower(
      value, exponent: exponent, decimals: decimals, trim: true, spoken: false)
  }

  private static func mantissaAndPower(
    _ value: Double, exponent: Int, decimals: Int, trim: Bool, spoken: Bool
  ) -> String {
    var exponent = exponent
    var mantissa = value / pow(10, Double(exponent))
    // Rounding can carry the mantissa to 10 (9.996 -> 10.0): move it to the next power.
    if abs(Double(fixed(mantissa, decimals: decimals)) ?? 0) >= 10 {
      exponent += 1
      mantissa /= 10
    }
    var text = fixed(mantissa, decimals: decimals)
    if trim { text = trimmed(text) }
    if spoken { return "\(text)e\(exponent)" }
    return text == "1"
      ? powerOfTen(exponent)
      : text == "-1" ? "-" + powerOfTen(exponent) : text + "×" + powerOfTen(exponent)
  }

  /// Drops trailing zeros after a decimal point, and the point itself if nothing follows.
  private static func trimmed(_ text: String) -> String {
    guard text.contains(".") else { return text }
    var result = Substring(text)
    while result.hasSuffix("0") { result = result.dropLast() }
    if result.hasSuffix(".") { result = result.dropLast() }
    return String(result)
  }

  private static let superscriptCharacters: [Character: Character] = [
    "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸",
    "9": "⁹", "-": "⁻",
  ]
}
