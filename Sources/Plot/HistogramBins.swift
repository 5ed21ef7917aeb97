import Foundation

/// How a histogram divides its range into bins.
package enum BinRule: Sendable, Equatable {
  /// numpy's `auto`: the smaller of the Freedman-Diaconis and Sturges bin widths, where, as
  /// in numpy 2, the Freedman-Diaconis width is at least half the square-root rule's, so a
  /// few outliers (or a zero interquartile range) cannot ask for thousands of bins.
  case auto
  /// This many bins of equal width.
  case count(Int)
  /// Bins of this width, starting at the smallest value.
  case width(Double)
}

/// Bin edges and counts, computed as numpy's `histogram_bin_edges` and `histogram` do.
package enum HistogramBins {
  /// More bins than this are merged: beyond it bars are thinner than a pixel.
  package static let maximumCount = 400

  /// The edges of equal-width bins covering the finite `values` (ascending, one more than the
  /// number of bins); empty when no value is finite.
  package static func edges(for values: [Double], rule: BinRule = .auto) -> [Double] {
    let finite = values.filter(\.isFinite).sorted()
    guard var first = finite.first, var last = finite.last else { return [] }
    let range = last - first
    if first == last {
      first -= 0.5
      last += 0.5
    }
    let binCount: Int
    switch rule {
    case .count(let count):
      binCount = min(max(1, count), maximumCount)
    case .width(let width):
      binCount = boundedCount((last - first) / width)
    case .auto:
      binCount = boundedCount((last - first) / autoWidth(sorted: finite, range: range))
    }
    // numpy's linspace: first + i * step, with the last edge exact.
    let step = (last - first) / Double(binCount)
    return (0...binCount).map { $0 == binCount ? last : first + Double($0) * step }
  }

  /// A bin count from a ratio of range to width, which may be huge, infinite or NaN.
  private static func boundedCount(_ ratio: Double) -> Int {
    guard ratio.isFinite, ratio > 0 else { return 1 }
    return Int(min(ratio.rounded(.up), Double(maximumCount)))
  }

  /// How many of `values` fall in each bin: `[edge i, edge i+1)`, the last bin closed.
  /// Values outside the edges and values that are not finite are not counted.
  package static func counts(of values: [Double], edges: [Double]) -> [Int] {
    guard edges.count >= 2, let first = edges.first, let last = edges.last else { return [] }
    let binCount = edges.count - 1
    var counts = Array(repeating: 0, count: binCount)
    let scale = Double(binCount) / (last - first)
    for value in values where value.isFinite && value >= first && value <= last {
      let estimate = (value - first) * scale
      var bin = estimate.isFinite ? min(binCount - 1, Int(max(0, estimate))) : 0
      // Correct the estimate against the true edges, as numpy does.
      if value < edges[bin] {
        bin -= 1
      } else if bin + 1 < binCount && value >= edges[bin + 1] {
        bin += 1
      }
      counts[max(0, bin)] += 1
    }
    return counts
  }

  /// numpy's `auto` width for sorted finite values (`_hist_bin_auto` in numpy 2.4).
  static func autoWidth(sorted: [Double], range: Double) -> Double {
    let n = Double(sorted.count)
    let sturges = range / (log2(n) + 1)
    let iqr = percentile(sorted, 75) - percentile(sorted, 25)
    let freedmanDiaconis = 2 * iqr * pow(n, -1.0 / 3.0)
    let squareRoot = range / n.squareRoot()
    return min(max(freedmanDiaconis, squareRoot / 2), sturges)
  }

  /// The `p`-th percentile of sorted values with linear interpolation (numpy's default).
  package static func percentile(_ sorted: [Double], _ p: Double) -> Double {
    guard !sorted.isEmpty else { return .nan }
    let position = p / 100 * Double(sorted.count - 1)
    let below = Int(position.rounded(.down))
    let above = min(sorted.count - 1, below + 1)
    let fraction = position - Double(below)
    return fraction == 0
      ? sorted[below] : sorted[below] + (sorted[above] - sorted[below]) * fraction

  }
}
