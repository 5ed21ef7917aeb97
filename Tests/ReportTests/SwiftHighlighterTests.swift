import Testing

@testable import Report

@Suite("Swift highlighting")
struct SwiftHighlighterTests {
  func html(_ source: String) -> String { SwiftHighlighter.html(for: source) }

  @Test func keywordsTypesAndNumbers() {
    #expect(
      html("let net = Network(sizes: [784, 16])")
        == #"<span class="k">let</span> net = <span class="t">Network</span>(sizes: [<span class="n">784</span>, <span class="n">16</span>])"#
    )
  }

  @Test func numberShapes() {
    #expect(html("60_000") == #"<span class="n">60_000</span>"#)
    #expect(html("3e-4") == #"<span class="n">3e-4</span>"#)
    #expect(html("1.5E+3") == #"<span class="n">1.5E+3</span>"#)
    #expect(html("0x1Fp-2") == #"<span class="n">0x1Fp-2</span>"#)
    #expect(html("0b1010") == #"<span class="n">0b1010</span>"#)
    #expect(html("0..<10") == #"<span class="n">0</span>..&lt;<span class="n">10</span>"#)
    #expect(html("1...9") == #"<span class="n">1</span>...<span class="n">9</span>"#)
    #expect(html("x1 + a.b2") == "x1 + a.b2")
  }

  @Test func stringsWithEscapesAndInterpolation() {
    #expect(
      html(#""a \"b\" <c>""#) == #"<span class="s">&quot;a \&quot;b\&quot; &lt;c&gt;&quot;</span>"#)
    #expect(
      html(#""n = \(count + 1)!""#)
        == #"<span class="s">&quot;n = </span>\(count + <span class="n">1</span>)<span class="s">!&quot;</span>"#
    )
    #expect(
      html(##"#"raw \(x) "q""#"##)
        == ##"#<span class="s">&quot;raw \(x) &quot;q&quot;&quot;</span>#"##)
    #expect(
      html("\"\"\"\nline \"one\"\n\"\"\" + x")
        == "<span class=\"s\">&quot;&quot;&quot;</span>\n<span class=\"s\">line &quot;one&quot;</span>\n<span class=\"s\">&quot;&quot;&quot;</span> + x"
    )
  }

  @Test func commentsIncludingNestedBlocks() {
    #expect(
      html("x // let y = 1\nlet")
        == "x <span class=\"c\">// let y = 1</span>\n<span class=\"k\">let</span>")
    #expect(
      html("/* a /* b */ c */ 1")
        == #"<span class="c">/* a /* b */ c */</span> <span class="n">1</span>"#)
  }

  @Test func attributesAndDirectives() {
    #expect(html("@MainActor") == #"<span class="a">@MainActor</span>"#)
    #expect(html("#if DEBUG") == #"<span class="a">#if</span> <span class="a">DEBUG</span>"#)
    #expect(
      html("@discardableResult func f() {}")
        == #"<span class="a">@discardableResult</span> <span class="k">func</span> f() {}"#)
  }

  @Test func unterminatedConstructsAreEscapedNotLost() {
    #expect(html("\"abc <") == #"<span class="s">&quot;abc &lt;</span>"#)
    #expect(html("/* open & <") == #"<span class="c">/* open &amp; &lt;</span>"#)
    #expect(html("\"\\(a") == #"<span class="s">&quot;</span>\(a"#)
    #expect(html("let = = [") == #"<span class="k">let</span> = = ["#)
  }

  @Test func contextualKeywordsFollowTheGrammar() {
    // `in` after a closure's parameters is a keyword; `set` as a variable name is not.
    #expect(html("{ x in x }") == #"{ x <span class="k">in</span> x }"#)
    #expect(html("let set = 1") == #"<span class="k">let</span> set = <span class="n">1</span>"#)
  }

  @Test func everyCharacterSurvives() {
    let source = "let s = \"é \\(a[0]) ü\" // ∂C/∂w <b>\nfor i in 0..<n { x += 1e-3 }"
    let visible = html(source).replacing(/<[^>]+>/, with: "")
      .replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&quot;", with: "\"")
      .replacing("&#39;", with: "'").replacing("&amp;", with: "&")
    #expect(visible == source)
  }
}
