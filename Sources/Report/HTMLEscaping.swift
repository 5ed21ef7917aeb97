extension StringProtocol {
  /// The text with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in element content and
  /// in quoted attribute values.
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
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }
}
