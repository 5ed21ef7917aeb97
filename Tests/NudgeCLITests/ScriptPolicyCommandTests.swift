import Foundation
import Testing

/// The report's Content-Security-Policy runs no script, with `--unsafe-html` too, unless the
/// author names each inline script by its hash (`--allow-script`).
@Suite struct ScriptPolicyCommandTests {
  static let notebook = """
    # Scripted

    <script>alert(1)</script>

    <script>document.title = "x"
    </script>
    """

  /// The `script-src` of the latest report's policy.
  static func scriptSources(_ scratch: Scratch) throws -> String {
    let page = try String(contentsOfFile: "\(scratch.path)/output/n.html", encoding: .utf8)
    let policy = try #require(
      page.components(separatedBy: "Content-Security-Policy\" content=\"").dropFirst().first)
    let directive = try #require(
      policy.prefix { $0 != "\"" }.components(separatedBy: "; ").first {
        $0.hasPrefix("script-src ")
      })
    return String(directive.dropFirst("script-src ".count))
  }

  @Test func unsafeHTMLStillRunsNoScriptUnlessOneIsNamed() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    try scratch.write("document.title = \"x\"\n", to: "title.js")

    let plain = try NudgeRunner.run(["render", "n.md", "--unsafe-html"], in: scratch.path)
    #expect(plain.status == 0, "\(plain.standardError)")
    #expect(try Self.scriptSources(scratch) == "'none'")

    let named = try NudgeRunner.run(
      [
        "render", "n.md", "--unsafe-html", "--allow-script",
        "sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=", "--allow-script", "title.js",
      ], in: scratch.path)
    #expect(named.status == 0, "\(named.standardError)")
    #expect(
      try Self.scriptSources(scratch)
        == "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI=' 'sha256-AIQ2K38LvrhD+5/EI2YkP/GcHVL2034lUNm5yYXTRTw='"
    )
  }

  @Test func aBadScriptNameIsRefusedBeforeAnythingRuns() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook, to: "n.md")
    let cases: [([String], String)] = [
      (["--allow-script", "title.js"], "unless --unsafe-html is given"),
      (
        ["--unsafe-html", "--allow-script", "missing.js"], "--allow-script missing.js: no such file"
      ),
      (["--unsafe-html", "--allow-script", "sha256-short"], "the 44-character base64 of 32 bytes"),
    ]
    for (arguments, message) in cases {
      let outcome = try NudgeRunner.run(["render", "n.md"] + arguments, in: scratch.path)
      #expect(outcome.status == 2, "\(arguments)")
      #expect(outcome.standardError.contains(message), "\(arguments): \(outcome.standardError)")
    }
    #expect(scratch.files() == ["n.md"])
  }
}
