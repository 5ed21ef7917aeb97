/// Converts TeX math (what lessons write between `$...$`) into MathML Core, which browsers
/// render natively: no script, no fonts, no network.
package enum TeXMath {
  /// The `<math>` element for `tex`, or the first problem found in it.
  /// - Parameter display: block (`$$...$$`) rather than inline (`$...$`) math.
  package static func mathML(for tex: String, display: Bool) -> Result<String, TeXError> {
    var parser = TeXParser(tex)
    let formula: MathNode
    do {
      formula = try parser.parseFormula()
    } catch {
      return .failure(error)
    }
    var writer = MathMLWriter()
    writer.write(.row([formula]))
    let body = "<mrow>\(writer.output)</mrow>"
    let displayAttribute = display ? " display=\"block\"" : ""
    let annotation = MathMLWriter.escaped(tex.trimmingSpaces)
    return .success(
      "<math\(displayAttribute)><semantics>\(body)<annotation encoding=\"application/x-tex\">\(annotation)</annotation></semantics></math>"
    )
  }

  /// Every command name the converter knows, for "did you mean" hints.
  package static var knownCommands: [String] {
    Array(TeXSymbols.greek.keys) + Array(TeXSymbols.identifiers.keys)
      + Array(TeXSymbols.operators.keys) + Array(TeXSymbols.largeOperators.keys)
      + Array(TeXSymbols.functions.keys) + Array(MathAlphabet.commands.keys)
      + TeXParser.structuralCommands
  }
}

extension String {
  fileprivate var trimmingSpaces: Substring {
    let start = firstIndex(where: { !$0.isWhitespace }) ?? endIndex
    let end = lastIndex(where: { !$0.isWhitespace }).map { index(after: $0) } ?? start
    return self[start..<Swift.max(start, end)]
  }
}
