import Testing

@testable import Math

/// Formulas beyond KaTeX's reference set, checked the same way: the tokens a reader sees, in
/// order, and how many fractions, roots and tables.
@Suite("TeX to MathML")
struct TeXMathTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var tex: String
    var tokens: String
    var fractions = 0
    var squareRoots = 0
    var roots = 0
    var tables = 0
    var testDescription: String { tex }
  }

  static let cases: [Case] = [
    Case(tex: #"\sqrt[3]{x^3 + y}"#, tokens: "x3+y3", roots: 1),
    Case(tex: #"\arg\max_{\theta} L(\theta)"#, tokens: "argmaxθL(θ)"),
    Case(tex: #"\mathbb{E}[X] = \mu"#, tokens: "E[X]=μ"),
    Case(tex: #"\mathbf{x} \cdot \mathbf{y}"#, tokens: "x⋅y"),
    Case(
      tex: #"\begin{matrix} 1 & 0 \\ 0 & 1 \end{matrix}"#, tokens: "1001", tables: 1),
    Case(
      tex: #"\begin{aligned} a &= b + c \\ &= d \end{aligned}"#, tokens: "a=b+c=d", tables: 1),
    Case(tex: #"\binom{n}{k} = \dfrac{n!}{k!(n-k)!}"#, tokens: "(nk)=n!k!(n-k)!", fractions: 2),
    Case(tex: #"\left\langle u, v \right\rangle"#, tokens: "⟨u,v⟩"),
    Case(tex: #"\lfloor x \rfloor + \lceil y \rceil"#, tokens: "⌊x⌋+⌈y⌉"),
    Case(tex: #"f: \mathbb{R}^n \to \mathbb{R}"#, tokens: "f:Rn→R"),
    Case(tex: #"\hat{y}_i \approx \tilde{y}_i"#, tokens: "y^i≈y~i"),
    Case(tex: #"x \mapsto x^2, \; x \gets 0"#, tokens: "x↦x2,x←0"),
    Case(tex: #"\overbrace{1 + 1}^{2}"#, tokens: "1+1⏞2"),
    Case(tex: #"\frac{\sqrt{2}}{2}"#, tokens: "22", fractions: 1, squareRoots: 1),
    Case(tex: #"\text{cost is } \$5"#, tokens: "costis$5"),
    Case(tex: #"a \not= b, \; x \notin S"#, tokens: "a≠b,x∉S"),
    Case(tex: #"\operatorname*{arg\,min}_w J(w)"#, tokens: "argminwJ(w)"),
    Case(tex: #"\mathcal{L} = -\sum_{i} y_i \log \hat{y}_i"#, tokens: "L=-∑iyilogy^i"),
  ]

  @Test(arguments: cases)
  func readsAsExpected(_ example: Case) throws {
    let mathML = try TeXMath.mathML(for: example.tex, display: true).get()
    let reading = MathMLReading(mathML)
    #expect(reading.tokens == example.tokens, "\(mathML)")
    #expect(reading.fractions == example.fractions)
    #expect(reading.squareRoots == example.squareRoots)
    #expect(reading.roots == example.roots)
    #expect(reading.tables == example.tables)
  }

  @Test func styledLettersUseMathematicalAlphanumerics() throws {
    let mathML = try TeXMath.mathML(for: #"\mathbb{R} \mathbf{W} \mathcal{N}"#, display: false)
      .get()
    #expect(mathML.contains("<mi>ℝ</mi>"))
    #expect(mathML.contains("<mi>𝐖</mi>"))
    #expect(mathML.contains("<mi>𝒩</mi>"))
  }

  @Test func inlineAndDisplayDiffer() throws {
    let inline = try TeXMath.mathML(for: "x", display: false).get()
    let display = try TeXMath.mathML(for: "x", display: true).get()
    #expect(inline.hasPrefix("<math><semantics>"))
    #expect(display.hasPrefix("<math display=\"block\">"))
  }

  @Test func subscriptComesBeforeSuperscriptWhateverTheOrder() throws {
    let mathML = try TeXMath.mathML(for: "a^{2}_{i}", display: false).get()
    #expect(mathML.contains("<msubsup><mi>a</mi><mi>i</mi><mn>2</mn></msubsup>"))
  }

  @Test func textIsEscaped() throws {
    let mathML = try TeXMath.mathML(for: #"a < b \text{ & } c > d"#, display: false).get()
    #expect(mathML.contains("<mo>&lt;</mo>"))
    #expect(mathML.contains("<mtext> &amp; </mtext>"))
    #expect(!mathML.contains("< b"))
  }

  struct Broken: CustomTestStringConvertible, Sendable {
    var tex: String
    var message: String
    var offset: Int
    var testDescription: String { tex }
  }

  static let broken: [Broken] = [
    Broken(tex: #"x + \foo{y}"#, message: "unknown command '\\foo'", offset: 4),
    Broken(tex: #"\frac{1}{2"#, message: "never closed", offset: 8),
    Broken(tex: "x^2^3", message: "double superscript", offset: 3),
    Broken(tex: #"\left( x"#, message: "\\left is never closed", offset: 0),
    Broken(tex: #"x \right)"#, message: "\\right without a matching \\left", offset: 2),
    Broken(tex: "a } b", message: "unmatched '}'", offset: 2),
    Broken(tex: "a & b", message: "'&' separates columns", offset: 2),
    Broken(tex: #"\begin{foo} x \end{foo}"#, message: "unknown environment 'foo'", offset: 0),
    Broken(
      tex: #"\begin{pmatrix} x \end{bmatrix}"#, message: "closed by \\end{bmatrix}", offset: 18),
    Broken(tex: #"\frac{1}"#, message: "needs an argument", offset: 0),
    Broken(tex: "é + \\bar", message: "needs an argument", offset: 5),
    Broken(tex: #"\sqrt[3{x}"#, message: "\\sqrt[ is never closed", offset: 0),
  ]

  @Test(arguments: broken)
  func reportsWhatAndWhere(_ example: Broken) {
    guard case .failure(let error) = TeXMath.mathML(for: example.tex, display: false) else {
      Issue.record("expected an error for \(example.tex)")
      return
    }
    #expect(error.message.contains(example.message), "\(error.message)")
    #expect(error.offset == example.offset)
  }

  @Test func unknownCommandIsNamedForSuggestions() {
    guard case .failure(let error) = TeXMath.mathML(for: #"\alpah"#, display: false) else {
      Issue.record("expected an error")
      return
    }
    #expect(error.unknownCommand == "alpah")
    #expect(TeXMath.knownCommands.contains("alpha"))
  }
}

extension TeXMathTests {
  @Test func deepNestingIsAnErrorNotACrash() throws {
    let tex = String(repeating: "{", count: 5000) + "x" + String(repeating: "}", count: 5000)
    guard case .failure(let error) = TeXMath.mathML(for: tex, display: false) else {
      Issue.record("expected an error")
      return
    }
    #expect(error.message.contains("nests more than 100 levels"))
    #expect(try TeXMath.mathML(for: "{{{x}}}", display: false).get().contains("<mi>x</mi>"))
  }

  /// Random sequences of TeX pieces: every one converts or gives an error inside the formula.
  @Test func arbitraryInputAlwaysEndsWithMathMLOrAnErrorInside() {
    let pieces = [
      "x", "2", "{", "}", "^", "_", "'", "&", "\\\\", "\\frac", "\\sqrt", "[", "]", "\\left(",
      "\\right)", "\\begin{pmatrix}", "\\end{pmatrix}", "\\text{a}", "\\alpha", "\\sum", "\\limits",
      "\\mathbf", "\\hat", "\\unknown", " ", "%", "\\", "\\left.", "\\middle|", "é", "$", "~",
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<3000 {
      let length = Int.random(in: 1...12, using: &generator)
      let tex = (0..<length).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
      switch TeXMath.mathML(for: tex, display: true) {
      case .success(let mathML): #expect(mathML.hasPrefix("<math display=\"block\">"), "\(tex)")
      case .failure(let error): #expect((0...tex.utf8.count).contains(error.offset), "\(tex)")
      }
    }
  }
}
