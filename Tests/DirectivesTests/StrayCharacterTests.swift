import Notebook
import Testing

@testable import Directives

/// Characters no Swift token can hold are an error at their column, never a crash: some of them
/// (U+FFFD, control characters, U+FEFF, U+2028) stop swift-syntax 603's own diagnostics.
@Suite struct StrayCharacterTests {
  static let strays: [Character] = [
    "\u{FFFD}", "\u{01}", "\u{07}", "\u{FEFF}", "\u{2028}", "\u{7F}",
  ]

  /// A cell of printable ASCII skips the search for strays (see `StrayCharacters.find`): every
  /// such character where no token expects it still gets swift-syntax's own diagnostics, on the
  /// cell's line, without stopping the process.
  @Test func printableASCIIAnywhereIsCheckedWithoutStrays() {
    for scalar in 0x21...0x7E {
      let character = Character(Unicode.Scalar(UInt8(scalar)))
      for template in ["let n \(character)= 1", "let x = [1,\(character) 2]"] {
        let cell = makeCell(template, index: 0, line: 10)
        let findings = NotebookChecker().check(cells: [cell], params: [], file: "nb.md")
        #expect(findings.allSatisfy { $0.location.line == 10 }, "\(template): \(findings)")
        #expect(!findings.contains { $0.message.contains("unexpected character U+") })
      }
    }
  }

  @Test(arguments: strays)
  func aStrayCharacterIsAnErrorAtItsColumn(stray: Character) {
    for (template, column) in [("let n \(stray)= 1", 7), ("let x = [1,\(stray) 2]", 12)] {
      let cell = makeCell(template, index: 0, line: 10)
      let findings = NotebookChecker().check(cells: [cell], params: [], file: "nb.md")
      let code = String(stray.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true)
      #expect(findings.count == 1, "\(template.debugDescription): \(findings)")
      #expect(
        findings.first?.description.hasPrefix("nb.md:10:\(column): error: unexpected character U+")
          == true, "\(findings)")
      #expect(findings.first?.description.contains(code) == true, "\(findings)")
    }
  }
}
