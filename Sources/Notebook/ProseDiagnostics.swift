import Math

extension Document {
  /// What `nudge check` finds in the prose: formulas that do not convert (warnings: the report
  /// shows them as code).
  package func proseDiagnostics() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for case .prose(let prose) in blocks {
      for span in MathScanner.spans(in: prose) {
        guard case .failure(let error) = TeXMath.mathML(for: span.tex, display: span.display)
        else { continue }
        let place = span.location(ofTeXOffset: error.offset)
        let hint =
          error.unknownCommand.map {
            Suggestion.closest(to: $0, among: TeXMath.knownCommands).map {
              "; did you mean '\\\($0)'?"
            }
              ?? ""
          } ?? ""
        diagnostics.append(
          Diagnostic(
            "\(error.message)\(hint); the formula is shown as code until this is fixed",
            at: SourceLocation(file: path, line: place.line, column: place.column),
            severity: .warning, sourceLine: prose.sourceLine(place.line)))
      }
    }
    return diagnostics
  }
}

extension Prose {
  /// The text of notebook line `number` if it falls in this prose.
  func sourceLine(_ number: Int) -> String? {
    let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    let index = number - line
    return lines.indices.contains(index) ? String(lines[index]) : nil
  }
}
