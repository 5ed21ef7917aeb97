import Testing

@testable import Plot

@Suite struct NumberTextTests {
  @Test func tickLabelsUseTheFewestDecimalsThatTellTicksApart() {
    #expect(Scale.linear(covering: [0.1, 0.3]).labels == ["0.10", "0.15", "0.20", "0.25", "0.30"])
    #expect(Scale.linear(covering: [0, 1]).labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    #expect(Scale.linear(covering: [-3, 7]).labels == ["−4", "−2", "0", "2", "4", "6", "8"])
  }

  @Test func noLabelShowsFloatingPointNoise() {
    for (low, high) in [(0.1, 0.3), (0.0, 0.7), (-0.3, 0.1), (1.1, 1.7), (0.07, 0.13)] {
      for label in Scale.linear(covering: [low, high], tickCount: 7).labels {
        #expect(label.count <= 6, "label \(label) for \(low)...\(high)")
      }
    }
  }

  @Test func tinyValuesUsePowersOfTen() {
    #expect(
      Scale.linear(covering: [0, 1e-9]).labels == [
        "0", "2×10⁻¹⁰", "4×10⁻¹⁰", "6×10⁻¹⁰", "8×10⁻¹⁰", "10⁻⁹",
      ])
  }

  @Test func largeValuesUseSIPrefixes() {
    #expect(
      Scale.linear(covering: [0, 60_000]).labels == ["0", "10k", "20k", "30k", "40k", "50k", "60k"])
    #expect(NumberText.tickLabels([0, 2.5e6, 5e6], step: 2.5e6) == ["0", "2.5×10⁶", "5×10⁶"])
  }

  @Test func summariesHaveThreeSignificantDigits() {
    #expect(NumberText.summary(0.91349) == "0.913")
    #expect(NumberText.summary(0.1 + 0.2) == "0.3")
    #expect(NumberText.summary(12_544) == "12544")
    #expect(NumberText.summary(3.14159e-9) == "3.14×10⁻⁹")
    #expect(NumberText.summary(9.9996e-5) == "10⁻⁴")
    #expect(NumberText.summary(-0.0) == "0")
    #expect(NumberText.summary(.nan) == "NaN")
    #expect(NumberText.summary(-.infinity) == "minus infinity")
  }

  @Test func spokenNumbersAvoidSuperscripts() {
    #expect(NumberText.spoken(3.2e-9) == "3.2e-9")
    #expect(NumberText.spoken(1e-7) == "1e-7")
    #expect(NumberText.spoken(0.25) == "0.25")
  }

  @Test func textIsEscapedForXML() {
    #expect("a<b & \"c\" 'd'\u{7}>".htmlEscaped == "a&lt;b &amp; &quot;c&quot; &#39;d&#39; &gt;")
  }

  @Test func coordinatesAreShort() {
    #expect(12.345.svg == "12.3")
    #expect((-0.04).svg == "0")
    #expect((-0.25).svg == "-0.3" || (-0.25).svg == "-0.2")
    #expect((-3.0).svg == "-3")
    #expect(Double.nan.svg == "0")
  }
}
