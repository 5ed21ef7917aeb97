import Foundation

/// Numbers as people read them in the report's metrics, the terminal's tables and the diffs:
/// one spelling everywhere.
package enum NumberFormat {
  /// Up to four significant digits, integers as integers: `0.9731`, `1.2e-05`, `60000`, `NaN`,
  /// `inf`, `-inf`.
  package static func metric(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(format: "%.4g", value)
  }
}
