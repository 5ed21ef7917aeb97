import Foundation
import Testing

@testable import Math

/// Our MathML must read the same as KaTeX 0.16's for the 50 reference formulas.
@Suite("TeX to MathML against KaTeX")
struct KaTeXReferenceTests {
  struct Formula: Decodable, CustomTestStringConvertible {
    var tex: String
    var katex_mathml: String
    var testDescription: String { tex }
  }

  static let formulas: [Formula] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../TestData/math/katex-mathml.json").standardized
    guard let data = try? Data(contentsOf: url),
      let formulas = try? JSONDecoder().decode([Formula].self, from: data)
    else { return [] }
    return formulas
  }()

  @Test func allFormulasAreLoaded() {
    #expect(Self.formulas.count == 50)
  }

  @Test(arguments: formulas)
  func readsLikeKaTeX(_ formula: Formula) throws {
    let ours = try TeXMath.mathML(for: formula.tex, display: true).get()
    #expect(MathMLReading(ours) == MathMLReading(formula.katex_mathml), "\(ours)")
  }
}
