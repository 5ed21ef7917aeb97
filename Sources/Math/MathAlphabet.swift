/// The math alphabets of `\mathbf`, `\mathbb`, `\mathcal` and friends.
///
/// MathML Core renders styled letters from Unicode's Mathematical Alphanumeric Symbols rather
/// than from a `mathvariant` attribute (which only Firefox honours), so `\mathbb{R}` becomes ℝ.
enum MathAlphabet: Hashable {
  case roman, italic, bold, boldItalic, doubleStruck, calligraphic, fraktur, sansSerif,
    monospace

  /// The styled form of an ASCII letter or digit, or nil when Unicode has none (the letter is
  /// then written with a `mathvariant` attribute instead).
  func styled(_ scalar: Unicode.Scalar) -> String? {
    let value = scalar.value
    let upper = (0x41...0x5A).contains(value) ? Int(value - 0x41) : nil
    let lower = (0x61...0x7A).contains(value) ? Int(value - 0x61) : nil
    let digit = (0x30...0x39).contains(value) ? Int(value - 0x30) : nil
    if let hole = Self.holes[self]?[Character(scalar)] { return hole }
    let start: (upper: UInt32?, lower: UInt32?, digit: UInt32?)
    switch self {
    case .roman, .italic: return nil
    case .bold: start = (0x1D400, 0x1D41A, 0x1D7CE)
    case .boldItalic: start = (0x1D468, 0x1D482, 0x1D7CE)
    case .doubleStruck: start = (0x1D538, 0x1D552, 0x1D7D8)
    case .calligraphic: start = (0x1D49C, 0x1D4B6, nil)
    case .fraktur: start = (0x1D504, 0x1D51E, nil)
    case .sansSerif: start = (0x1D5A0, 0x1D5BA, 0x1D7E2)
    case .monospace: start = (0x1D670, 0x1D68A, 0x1D7F6)
    }
    let code: UInt32? =
      if let upper { start.upper.map { $0 + UInt32(upper) } } else if let lower {
        start.lower.map { $0 + UInt32(lower) }
      } else if let digit { start.digit.map { $0 + UInt32(digit) } } else { nil }
    return code.flatMap(Unicode.Scalar.init).map { String($0) }
  }

  /// The `mathvariant` to fall back on for letters without a styled code point (Greek in bold).
  var variantName: String {
    switch self {
    case .roman: "normal"
    case .italic: "italic"
    case .bold: "bold"
    case .boldItalic: "bold-italic"
    case .doubleStruck: "double-struck"
    case .calligraphic: "script"
    case .fraktur: "fraktur"
    case .sansSerif: "sans-serif"
    case .monospace: "monospace"
    }
  }

  /// Letters Unicode encoded earlier, in Letterlike Symbols, leaving holes in the alphabets.
  private static let holes: [MathAlphabet: [Character: String]] = [
    .doubleStruck: [
      "C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ",
    ],
    .calligraphic: [
      "B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ",
      "e": "ℯ", "g": "ℊ", "o": "ℴ",
    ],
    .fraktur: ["C": "ℭ", "H": "ℌ", "I": "ℑ", "R": "ℜ", "Z": "ℨ"],
  ]

  static let commands: [String: MathAlphabet] = [
    "mathrm": .roman, "mathup": .roman, "mathit": .italic, "mathnormal": .italic,
    "mathbf": .bold, "boldsymbol": .boldItalic, "bm": .boldItalic, "mathbb": .doubleStruck,
    "mathcal": .calligraphic, "mathscr": .calligraphic, "mathfrak": .fraktur,
    "mathsf": .sansSerif, "mathtt": .monospace,
  ]
}
