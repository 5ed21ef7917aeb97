import Foundation

/// How a reader sees a MathML formula, for comparing two converters' output: the text of its
/// token elements in order and how many fractions, roots and tables it has
/// (Tests/TestData/math/README.md gives the rule).
struct MathMLReading: Equatable, CustomStringConvertible {
  var tokens: String
  var fractions: Int
  var squareRoots: Int
  var roots: Int
  var tables: Int

  init(_ mathML: String) {
    let withoutAnnotation = mathML.replacing(/<annotation[^>]*>.*?<\/annotation>/, with: "")
    // Text counts when inside a token element, however nested (KaTeX nests <mi> in <mi>).
    var text = ""
    var tokenDepth = 0
    for piece in withoutAnnotation.matches(of: /<(\/?)([a-z]+)[^>]*?(\/?)>|[^<]+/) {
      if let name = piece.output.2 {
        guard ["mi", "mn", "mo", "mtext"].contains(name), piece.output.3 != "/" else { continue }
        tokenDepth += piece.output.1 == "/" ? -1 : 1
      } else if tokenDepth > 0 {
        text += Self.normalized(Self.unescaped(String(piece.output.0)))
      }
    }
    tokens = text
    fractions = withoutAnnotation.matches(of: /<mfrac\b/).count
    squareRoots = withoutAnnotation.matches(of: /<msqrt\b/).count
    roots = withoutAnnotation.matches(of: /<mroot\b/).count
    tables = withoutAnnotation.matches(of: /<mtable\b/).count
  }

  var description: String {
    "\(tokens) [mfrac \(fractions), msqrt \(squareRoots), mroot \(roots), mtable \(tables)]"
  }

  private static func unescaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
  }

  /// Whitespace and invisible operators removed; minus and prime as their ASCII look-alikes;
  /// styled letters (𝐖, ℝ: KaTeX writes these as W and R with a mathvariant) as plain letters.
  private static func normalized(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x2061...0x2064: continue
      case 0x2212: result += "-"
      case 0x2032: result += "'"
      case 0x1D400...0x1D7FF,
        0x2100...0x214F where scalar.properties.isAlphabetic:
        result += String(scalar).decomposedStringWithCompatibilityMapping
      default:
        if !scalar.properties.isWhitespace { result.unicodeScalars.append(scalar) }
      }
    }
    return result
  }
}
