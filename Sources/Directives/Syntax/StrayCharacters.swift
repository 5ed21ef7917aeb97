import SwiftSyntax

/// Characters in a cell that Swift's lexer cannot make part of any token, found in the trivia
/// swift-syntax keeps them in (`unexpectedText`).
enum StrayCharacters {
  struct Stray {
    var line: Int
    var column: Int
    var message: String
  }

  static func find(
    in tree: SourceFileSyntax, source: String, lines: CellLineTable
  ) -> [Stray] {
    // Printable ASCII, tabs and line breaks are all tokens or whitespace: a cell of only those
    // (most cells) needs no walk over its tokens, which took a sixth of a cheap cell's time.
    let plain = source.utf8.allSatisfy { byte in
      (0x20...0x7E).contains(byte) || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
    if plain { return [] }
    var strays: [Stray] = []
    for token in tree.tokens(viewMode: .all) {
      var offset = token.position
      for piece in token.leadingTrivia {
        if let stray = stray(piece, at: offset, lines: lines) { strays.append(stray) }
        offset += piece.sourceLength
      }
      offset = token.endPositionBeforeTrailingTrivia
      for piece in token.trailingTrivia {
        if let stray = stray(piece, at: offset, lines: lines) { strays.append(stray) }
        offset += piece.sourceLength
      }
    }
    return strays
  }

  private static func stray(
    _ piece: TriviaPiece, at position: AbsolutePosition, lines: CellLineTable
  ) -> Stray? {
    guard case .unexpectedText(let text) = piece else { return nil }
    let location = lines.location(of: position)
    let codes = text.unicodeScalars.prefix(3).map { scalar in
      "U+"
        + String(String(scalar.value, radix: 16, uppercase: true).reversed())
        .padding(toLength: 4, withPad: "0", startingAt: 0).reversed()
    }
    let shown = codes.joined(separator: " ") + (text.unicodeScalars.count > 3 ? " ..." : "")
    return Stray(
      line: location.line, column: location.column,
      message:
        "unexpected character \(shown) in the cell's code; delete it (invisible characters often come from copying text)"
    )
  }
}
