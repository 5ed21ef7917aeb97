/// A named set of numbers drawn in one style: a histogram's data set, or a bar chart's bars
/// (one per category).
package struct NamedValues: Sendable {
  package var name: String
  package var values: [Double]
  /// Colour, marker and dash; nil takes the automatic style of the set's position.
  package var style: SeriesStyle?

  package init(name: String, values: [Double], style: SeriesStyle? = nil) {
    self.name = name
    self.values = values
    self.style = style
  }
}

extension [NamedValues] {
  /// Each set's own style, or the automatic style of its position.
  var styles: [SeriesStyle] {
    indices.map { self[$0].style ?? .automatic($0) }
  }

  /// A swatch per set; none for a single set, whose name the title already gives.
  var swatchLegend: [LegendEntry] {
    guard count > 1 else { return [] }
    return zip(self, styles).map { LegendEntry(name: $0.name, style: $1, sample: .swatch) }
  }
}
