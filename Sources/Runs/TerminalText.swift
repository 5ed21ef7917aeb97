/// Text from params, run records and notebooks on its way to a terminal: control characters
/// are shown as escapes (`\u{1B}`), so a crafted value can neither move the cursor, recolour,
/// retitle the window nor hide text, and bidirectional overrides cannot reorder what is shown.
package enum TerminalText {
  /// `text` with every control character (C0 but newline and tab, DEL, C1) and every
  /// bidirectional override or isolate written as `\u{XX}`. Newlines are kept unless
  /// `keepsNewlines` is false (a table cell must stay on its line).
  package static func safe(_ text: String, keepsNewlines: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0, keepsNewlines: keepsNewlines) })
    else { return text }
    var shown = ""
    shown.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      if isUnsafe(scalar, keepsNewlines: keepsNewlines) {
        shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        shown.unicodeScalars.append(scalar)
      }
    }
    return shown
  }

  private static func isUnsafe(_ scalar: Unicode.Scalar, keepsNewlines: Bool) -> Bool {
    switch scalar.value {
    case 0x0A: !keepsNewlines
    case 0x09: false
    case 0x00...0x1F, 0x7F...0x9F: true
    // Bidirectional embeddings, overrides and isolates ("Trojan Source").
    case 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
