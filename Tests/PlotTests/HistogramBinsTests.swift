import Foundation
import Testing

@testable import Plot

/// Expected values come from numpy 2.4 (`np.histogram_bin_edges(a, "auto")`, `np.histogram`).
@Suite struct HistogramBinsTests {
  @Test func autoBinsMatchNumpyWhenSturgesIsNarrower() {
    let values = (0..<1000).map { (index: Int) -> Double in
      let wave: Double = sin(Double(index) * 0.7) * 3
      return wave + Double(index % 7) * 0.1
    }
    let edges = HistogramBins.edges(for: values)
    #expect(edges.count == 12)
    #expect(abs(edges[0] - -2.9994840952895974) < 1e-12)
    #expect(abs(edges[1] - -2.399544051378865) < 1e-12)
    #expect(abs(edges[11] - 3.5998563877284604) < 1e-12)
  }

  @Test func autoBinsAndCountsMatchNumpyOnSkewedData() {
    let values = (0..<200).map { (index: Int) -> Double in
      let digit = index % 10
      return Double(digit * digit * digit) / 100
    }
    let edges = HistogramBins.edges(for: values)
    #expect(edges.count == 10)
    #expect(abs(edges[1] - 0.81) < 1e-12)
    #expect(HistogramBins.counts(of: values, edges: edges) == [100, 20, 20, 0, 20, 0, 20, 0, 20])
  }

  /// numpy 2 keeps Freedman-Diaconis from asking for more than twice the square-root rule's
  /// bins: 7 here, where plain Freedman-Diaconis would ask for 74.
  @Test func anOutlierDoesNotAskForTooManyBins() {
    let values: [Double] = [1, 2, 2, 3, 3, 3, 4, 4, 4, 4, 100]
    #expect(
      HistogramBins.counts(of: values, edges: HistogramBins.edges(for: values)) == [
        10, 0, 0, 0, 0, 0, 1,
      ])
  }

  @Test func aSingleValueGetsOneBinAroundIt() {
    #expect(HistogramBins.edges(for: [5]) == [4.5, 5.5])
    #expect(HistogramBins.edges(for: [.nan, .infinity]).isEmpty)
  }

  @Test func theLastBinIsClosedAndOtherValuesAreLeftOut() {
    let edges: [Double] = [0, 1, 2]
    #expect(HistogramBins.counts(of: [0, 0.5, 1, 2, 2.5, -1, .nan], edges: edges) == [2, 2])
  }

  @Test func explicitRulesAreHonouredAndCapped() {
    #expect(HistogramBins.edges(for: [0, 10], rule: .count(5)) == [0, 2, 4, 6, 8, 10])
    #expect(HistogramBins.edges(for: [0, 10], rule: .width(2.5)).count == 5)
    #expect(
      HistogramBins.edges(for: [0, 1], rule: .count(100_000)).count == HistogramBins.maximumCount
        + 1)
  }

  @Test func percentilesInterpolateLinearlyLikeNumpy() {
    #expect(HistogramBins.percentile([1, 2, 3, 4], 25) == 1.75)
    #expect(HistogramBins.percentile([7], 75) == 7)
  }
}
