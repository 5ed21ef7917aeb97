/// A formula as a tree of MathML Core presentation elements, built by `TeXParser` and written
/// out by `MathMLWriter`.
indirect enum MathNode: Sendable {
  /// `<mi>`; `upright` asks for `mathvariant="normal"` on a single letter (`\mathrm{d}`).
  case identifier(String, upright: Bool = false)
  /// `<mn>`.
  case number(String)
  /// `<mo>` with its attributes (in the order written).
  case symbol(String, attributes: [(String, String)] = [])
  /// `<mtext>`.
  case text(String)
  /// `<mspace>` of the given width in em (negative for `\!`).
  case space(Double)
  case row([MathNode])
  case fraction(numerator: MathNode, denominator: MathNode, lineThickness: String?)
  case squareRoot(MathNode)
  case root(MathNode, index: MathNode)
  /// `<msub>`, `<msup>` or `<msubsup>`.
  case scripts(base: MathNode, sub: MathNode?, sup: MathNode?)
  /// `<munder>`, `<mover>` or `<munderover>`: limits of `\sum`, `\lim`, braces' labels.
  case limits(base: MathNode, under: MathNode?, over: MathNode?)
  /// An accent over (`\hat`) or under (`\underline`) its base.
  case accent(base: MathNode, mark: MathNode, over: Bool)
  /// `<mtable>`: rows of cells, with each column's alignment ("left", "center", "right").
  case table(rows: [[MathNode]], columnAlignments: [String], displayStyle: Bool)
  /// `<mstyle displaystyle=...>` for `\displaystyle`, `\dfrac`, `\tfrac`.
  case style(displayStyle: Bool, MathNode)

  static let empty = MathNode.row([])

  /// The node itself, or its only element when it is a one-element row.
  var unwrapped: MathNode {
    if case .row(let items) = self, items.count == 1 { return items[0].unwrapped }
    return self
  }
}
