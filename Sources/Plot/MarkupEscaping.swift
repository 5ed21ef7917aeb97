extension StringProtocol {
  /// The text safe in HTML and XML (SVG) element content and quoted attribute values: `&`, `<`,
  /// `>`, `"` and `'` as entities, and control characters other than tab and newline (not
  /// allowed in XML 1.0, and never meant for a page) as spaces. The one escaper of the report,
  /// its charts and the diff page.
  package var htmlEscaped: String {
    var result = ""
    result.reserveCapacity(utf8.count)
    for character in unicodeScalars {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t", "\n": result.unicodeScalars.append(character)
      default:
        if character.value < 0x20 || character.value == 0x7F {
          result += " "
        } else {
          result.unicodeScalars.append(character)
        }
      }
    }
    return result
  }
}
