import Foundation

/// The text of a notebook file, checked to be a readable UTF-8 text file and split into lines.
///
/// Reading is where most bad input shows up (a missing file, a directory, a binary file, bytes
/// that are not UTF-8), so every failure here is a `Diagnostic` naming the file and, when the
/// problem is inside the file, the line and column of the first offending byte.
package struct NotebookSource: Sendable {
  /// The path as the user named it.
  package let path: String
  /// The whole text, without a leading byte-order mark.
  package let text: String
  /// The lines of `text`, without their line terminators; line `n` is `lines[n - 1]`.
  package private(set) var lines: [Substring]

  /// Wraps text already in memory (tests, tools); `path` is only used in diagnostics.
  package init(text: String, path: String) {
    self.path = path
    let withoutBOM = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    self.text = withoutBOM
    // The same line endings as cmark: "\n", "\r\n" (one Character in Swift) and a lone "\r".
    self.lines = withoutBOM.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    )
    // A final terminator ends the last line rather than starting an empty one.
    if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
  }

  /// Reads and validates the notebook at `path`.
  /// - Throws: `Diagnostic` for a missing or unreadable file, a directory, a binary file, or
  ///   invalid UTF-8.
  package init(contentsOf path: String) throws(Diagnostic) {
    let start = SourceLocation(file: path, line: 1, column: 1)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw Diagnostic("no such file; check the notebook's path", at: start)
    }
    if isDirectory.boolValue {
      throw Diagnostic("is a directory, not a notebook; name a .md file inside it", at: start)
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw Diagnostic("cannot read the file; check its permissions", at: start)
    }
    let bytes = [UInt8](data)
    if let offset = bytes.firstIndex(of: 0) {
      let place = Self.location(ofByte: offset, in: bytes, file: path)
      throw Diagnostic(
        "binary file (NUL byte at byte \(offset)); a notebook is a Markdown text file", at: place)
    }
    if let offset = Self.firstInvalidUTF8Byte(in: bytes) {
      let place = Self.location(ofByte: offset, in: bytes, file: path)
      throw Diagnostic(
        "invalid UTF-8 (byte 0x\(String(bytes[offset], radix: 16, uppercase: true))); save the notebook as UTF-8",
        at: place)
    }
    self.init(text: String(decoding: bytes, as: UTF8.self), path: path)
  }

  /// The text of line `number` (1-based), or an empty string past the end.
  package func line(_ number: Int) -> Substring {
    number >= 1 && number <= lines.count ? lines[number - 1] : ""
  }

  /// A location in this notebook.
  package func location(line: Int, column: Int) -> SourceLocation {
    SourceLocation(file: path, line: line, column: column)
  }

  /// A diagnostic at `line:column` that carries the offending line for the caret display.
  package func diagnostic(_ message: String, line: Int, column: Int) -> Diagnostic {
    Diagnostic(
      message, at: location(line: line, column: column), sourceLine: String(self.line(line)))
  }

  /// The byte offset of the first byte that does not start a valid UTF-8 sequence, if any.
  static func firstInvalidUTF8Byte(in bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .error: return offset
      case .emptyInput: return nil
      }
    }
  }

  /// Line and 1-based byte column of a byte offset.
  static func location(ofByte offset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
    let before = bytes[..<offset]
    let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    return SourceLocation(file: file, line: line, column: offset - lineStart + 1)
  }
}
