/// A problem found in a notebook, reported like a compiler's: `FILE:LINE:COL: error: MESSAGE`.
///
/// Every error the user can cause is one of these, so the command line prints it on one line
/// (plus the offending source line and a caret when known) and exits with status 2.
package struct Diagnostic: Error, Hashable, Sendable, Codable, CustomStringConvertible {
  package enum Severity: String, Sendable, Codable {
    case error, warning, note
  }

  package var location: SourceLocation
  package var severity: Severity
  package var message: String
  /// The text of the offending line, shown under the message with a caret at the column.
  package var sourceLine: String?

  package init(
    _ message: String, at location: SourceLocation, severity: Severity = .error,
    sourceLine: String? = nil
  ) {
    self.message = message
    self.location = location
    self.severity = severity
    self.sourceLine = sourceLine
  }

  /// The one-line form: `notebooks/backprop.md:42:7: error: unknown argument label 'epoch:'`.
  package var description: String { "\(location): \(severity.rawValue): \(message)" }

  /// The one-line form followed by the source line and a caret under the column, when known.
  package var detailedDescription: String {
    guard let sourceLine else { return description }
    let caretIndent = String(repeating: " ", count: max(0, caretOffset(in: sourceLine)))
    return "\(description)\n\(sourceLine)\n\(caretIndent)^"
  }

  /// Converts the UTF-8 byte column into a count of characters so the caret lines up on screen.
  private func caretOffset(in line: String) -> Int {
    let bytes = Array(line.utf8.prefix(max(0, location.column - 1)))
    return String(decoding: bytes, as: UTF8.self).count
  }
}
