import Testing

@testable import Plot

@Suite struct NiceTicksTests {
  @Test func ticksOfAWholeRangeAreOneTwoOrFiveTimesAPowerOfTen() {
    #expect(NiceTicks.ticks(0, 10, count: 5) == [0, 2, 4, 6, 8, 10])
    #expect(NiceTicks.ticks(-3, 7, count: 6) == [-2, 0, 2, 4, 6])
    #expect(NiceTicks.ticks(-3, 7, count: 10) == [-3, -2, -1, 0, 1, 2, 3, 4, 5, 6, 7])
  }

  @Test func decimalTicksAreTheNearestDoublesToTheirDecimals() {
    let ticks = NiceTicks.ticks(0.1, 0.3, count: 5)
    #expect(ticks == [0.1, 0.15, 0.2, 0.25, 0.3])
    // 0.1 + 0.2 is 0.30000000000000004; the tick must be the literal 0.3.
    #expect(ticks.last == 0.3)
  }

  @Test func tinyRangesGetTicksAtTheirOwnScale() {
    let ticks = NiceTicks.ticks(0, 1e-9, count: 5)
    #expect(ticks == [0, 2e-10, 4e-10, 6e-10, 8e-10, 1e-9])
  }

  @Test func degenerateRangesDoNotBreak() {
    #expect(NiceTicks.ticks(5, 5, count: 5) == [5])
    #expect(NiceTicks.ticks(.nan, 1, count: 5).isEmpty)
    #expect(NiceTicks.ticks(0, .infinity, count: 5).isEmpty)
    #expect(NiceTicks.ticks(0, 1, count: 0).isEmpty)
  }

  @Test func niceLimitsStartAndEndOnTicks() {
    #expect(NiceTicks.nice(0.201, 0.934, count: 6) == (0.2, 1.0))
    #expect(NiceTicks.nice(-2.7, 6.1, count: 6) == (-4, 8))
    let (low, high) = NiceTicks.nice(0.00013, 0.00087, count: 5)
    #expect(low == 0 && high == 0.001)
  }

  @Test func logTicksCoverEveryDecadeOrEveryFewWhenThereAreMany() {
    #expect(NiceTicks.logTicks(1e-8, 1e-1) == [1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1])
    #expect(NiceTicks.logTicks(1, 100) == [1, 2, 5, 10, 20, 50, 100])
    let many = NiceTicks.logTicks(1e-30, 1)
    #expect(many.count <= 12 && many.first == 1e-30 && many.last == 1)
  }

  @Test func linearScaleOfOneValueCentresIt() {
    let scale = Scale.linear(covering: [0.5])
    #expect(scale.lower < 0.5 && scale.upper > 0.5)
    let zero = Scale.linear(covering: [0])
    #expect(zero.lower == -1 && zero.upper == 1)
    let epoch = Scale.linear(covering: [1], integerTicks: true)
    #expect(epoch.ticks == [0, 1, 2])
  }

  @Test func linearScaleIgnoresValuesThatAreNotFinite() {
    let scale = Scale.linear(covering: [.nan, 1, .infinity, 3, -.infinity])
    #expect(scale.lower == 1 && scale.upper == 3)
  }

  @Test func epochAxesHaveNoFractionalTicks() {
    let scale = Scale.linear(covering: [1, 2, 3], integerTicks: true)
    #expect(scale.ticks == [1, 2, 3])
    #expect(scale.labels == ["1", "2", "3"])
  }

  @Test func logScaleWidensToWholeDecadesAndPlacesValues() {
    let scale = Scale.log10(covering: [3e-9, 0.02, 0, -1]).placed(from: 0, to: 700)
    #expect(scale.lower == 1e-9 && scale.upper == 0.1)
    #expect(abs(scale.position(1e-5) - 350) < 1e-9)
    #expect(scale.labels.first == "10⁻⁹")
  }
}
