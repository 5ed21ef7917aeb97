/// Refuses cells whose brackets nest deeper than the parser handles in reasonable time.
///
/// swift-syntax 603 looks ahead at every `[` to tell an array literal from an `InlineArray` type,
/// and the work doubles per level: 26 unclosed `[` take minutes. Scanning the brackets first (a
/// linear pass that skips strings and comments) keeps every cell's check under a second.
enum NestingGuard {
  /// `[` inside `[`: more than any literal a notebook writes by hand.
  static let maximumBracketDepth = 12
  /// `(`, `[` and `{` together.
  static let maximumDepth = 200

  struct Problem {
    var message: String
    var line: Int
    var column: Int
  }

  static func check(_ source: String) -> Problem? {
    var line = 1
    var column = 0
    var open: [Character] = []
    var brackets = 0
    var inString = false
    var inLineComment = false
    var blockComments = 0
    var previous: Character = " "
    var skipNext = false
    for character in source {
      column += 1
      if character == "\n" {
        line += 1
        column = 0
        inLineComment = false
        previous = character
        continue
      }
      if skipNext {
        skipNext = false
        previous = " "
        continue
      }
      if inLineComment { continue }
      if blockComments > 0 {
        if previous == "*", character == "/" {
          blockComments -= 1
          previous = " "
          continue
        }
        if previous == "/", character == "*" { blockComments += 1 }
        previous = character
        continue
      }
      if inString {
        if character == "\\" {
          skipNext = true
        } else if character == "\"" {
          inString = false
        }
        previous = character
        continue
      }
      switch character {
      case "\"": inString = true
      case "/" where previous == "/": inLineComment = true
      case "*" where previous == "/": blockComments += 1
      case "(", "[", "{":
        open.append(character)
        if character == "[" { brackets += 1 }
        if brackets > maximumBracketDepth {
          return Problem(
            message:
              "'[' nested more than \(maximumBracketDepth) deep; give the inner arrays names and build the outer one from them",
            line: line, column: column)
        }
        if open.count > maximumDepth {
          return Problem(
            message:
              "brackets nested more than \(maximumDepth) deep; split the expression into named parts",
            line: line, column: column)
        }
      case ")", "]", "}":
        if let last = open.popLast(), last == "[" { brackets -= 1 }
      default: break
      }
      previous = character
    }
    return nil
  }
}
