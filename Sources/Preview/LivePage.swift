import Foundation
import Runs

/// The report as the preview serves it: byte for byte what `render` writes, plus the live-update
/// script and the page's version, with the page's content security policy allowing exactly that
/// script (by its hash) and requests back to this server.
package enum LivePage {
  /// `'sha256-...'`: the script's hash as a CSP source.
  static let scriptHashSource: String = {
    let hex = SHA256.hex(LiveScript.source)
    var bytes: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
      let next = hex.index(index, offsetBy: 2)
      bytes.append(UInt8(hex[index..<next], radix: 16) ?? 0)
      index = next
    }
    return "'sha256-\(Data(bytes).base64EncodedString())'"
  }()

  /// The policy of a served page, sent as a header and replacing the report's own `<meta>` one
  /// (a page obeys every policy it carries, so the report's `script-src 'none'` must go).
  package static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data: 'self'; media-src data: 'self'; script-src \(scriptHashSource); connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

  /// `report` with the script and the version inserted at the end of its `<head>`.
  package static func serving(_ report: String, version: Int) -> String {
    var page = report
    if let start = page.range(of: "<meta http-equiv=\"Content-Security-Policy\""),
      let end = page[start.upperBound...].range(of: ">")
    {
      page.replaceSubrange(
        start.lowerBound..<end.upperBound,
        with: "<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">")
    }
    let insertion =
      "<meta name=\"nudge-version\" content=\"\(version)\">\n<script>\(LiveScript.source)</script>\n"
    if let head = page.range(of: "</head>") {
      page.insert(contentsOf: insertion, at: head.lowerBound)
    } else {
      page = insertion + page
    }
    return page
  }
}
