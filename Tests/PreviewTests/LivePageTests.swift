import Foundation
import Runs
import Testing

@testable import Preview

@Suite struct LivePageTests {
  static let report = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'">
    <title>Lesson</title>
    </head>
    <body><main><article class="prose"><p>Hello.</p></article></main></body>
    </html>

    """

  @Test func addsTheScriptAllowedByItsHashAndNothingElse() {
    let page = LivePage.serving(Self.report, version: 7)
    #expect(page.components(separatedBy: "<script>").count == 2)
    #expect(page.contains("<meta name=\"nudge-version\" content=\"7\">"))
    #expect(!page.contains("script-src 'none'"))
    #expect(page.contains("content=\"\(LivePage.contentSecurityPolicy)\""))
    #expect(LivePage.contentSecurityPolicy.contains("script-src \(LivePage.scriptHashSource);"))
    // Everything else is the report as written.
    let withoutInsertions =
      page
      .replacingOccurrences(
        of: "<meta name=\"nudge-version\" content=\"7\">\n<script>\(LiveScript.source)</script>\n",
        with: ""
      )
      .replacingOccurrences(
        of: LivePage.contentSecurityPolicy, with: "default-src 'none'; script-src 'none'")
    #expect(withoutInsertions == Self.report)
  }

  @Test func theHashIsTheScriptsSHA256InBase64() {
    let source = LivePage.scriptHashSource
    #expect(source.hasPrefix("'sha256-") && source.hasSuffix("='"))
    let base64 = String(source.dropFirst("'sha256-".count).dropLast())
    let digest = Data(base64Encoded: base64).map { [UInt8]($0) } ?? []
    let hex = digest.map { String(format: "%02x", $0) }.joined()
    #expect(hex == SHA256.hex(LiveScript.source))
  }
}
