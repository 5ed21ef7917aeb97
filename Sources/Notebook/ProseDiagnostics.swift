import Math

extension Document {
  /// What `nudge check` finds in the prose: formulas that do not convert (the report shows them
  /// as code) and images that cannot be embedded are warnings; a reference to a figure or table
  /// no cell labels is an error.
  package func proseDiagnostics() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let labels = numberedItems.keys.sorted()
    for case .prose(let prose) in blocks {
      diagnostics += imageDiagnostics(in: prose)
      for reference in CrossReferenceScanner.references(in: prose)
      where !labels.contains(reference.label) {
        let hint = Suggestion.didYouMean(reference.label, among: labels)
        let known =
          labels.isEmpty
          ? "no cell has a label; add '//| label: \(reference.label)' to the cell that shows it"
          : "labels are \(labels.map { "'\($0)'" }.joined(separator: ", "))"
        diagnostics.append(
          Diagnostic(
            "unknown reference '@\(reference.label)'\(hint); \(known)",
            at: SourceLocation(file: path, line: reference.line, column: reference.column),
            sourceLine: prose.sourceLine(reference.line)))
      }
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

extension Document {
  fileprivate func imageDiagnostics(in prose: Prose) -> [Diagnostic] {
    let lines = prose.markdown.split(separator: "\n", omittingEmptySubsequences: false)
    var diagnostics: [Diagnostic] = []
    for image in ProseBlockMap(markdown: prose.markdown).images {
      guard case .failure(let problem) = ProseImage.dataURI(for: image.url, notebookPath: path)
      else { continue }
      // cmark keeps no positions for inline nodes: find the destination in the block's lines.
      var place = (line: prose.line + image.blockLine - 1, column: 1)
      for index in max(0, image.blockLine - 1)..<lines.count {
        if let range = lines[index].range(of: "](" + image.url) {
          let column = lines[index].utf8.distance(
            from: lines[index].startIndex, to: range.lowerBound)
          place = (prose.line + index, column + 3)
          break
        }
      }
      diagnostics.append(
        Diagnostic(
          problem.message, at: SourceLocation(file: path, line: place.line, column: place.column),
          severity: .warning, sourceLine: prose.sourceLine(place.line)))
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
