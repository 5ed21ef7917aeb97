import Foundation
import Runs

/// `--allow-script`: an inline `<script>` the report may run, named by the SHA-256 of its text,
/// as a Content-Security-Policy source (`'sha256-<base64>'`). The value is that hash
/// (`sha256-<base64>`, as browsers print it when they block a script) or a file holding exactly
/// the script's text, which is hashed.
enum AllowedScript {
  static func source(for value: String) throws(RunsError) -> String {
    if value.hasPrefix("sha256-") {
      let encoded = value.dropFirst("sha256-".count)
      guard let digest = Data(base64Encoded: String(encoded)), digest.count == 32 else {
        throw RunsError(
          "--allow-script \(value): a hash is sha256- and the 44-character base64 of 32 bytes, as the browser's console prints it for a blocked script"
        )
      }
      return "'\(value)'"
    }
    guard let text = FileManager.default.contents(atPath: value) else {
      throw RunsError(
        "--allow-script \(value): no such file; give a file holding exactly the script's text, or its hash as sha256-<base64>"
      )
    }
    var hash = SHA256()
    hash.update(text)
    let hex = Array(hash.hexDigest().utf8)
    let digest = stride(from: 0, to: hex.count, by: 2).map { index in
      UInt8(String(decoding: hex[index..<index + 2], as: UTF8.self), radix: 16) ?? 0
    }
    return "'sha256-\(Data(digest).base64EncodedString())'"
  }
}
