/// The five kinds of GitHub callout (`> [!NOTE]` ...), each with its title and style.
enum Callout: String, CaseIterable {
  case note, tip, important, warning, caution

  /// Reads a callout's marker line, e.g. `[!NOTE]` (any case, spaces around allowed).
  init?(marker line: Substring) {
    let trimmed = line.trimmingPrefix(while: { $0 == " " || $0 == "\t" })
    let marker = trimmed.prefix(while: { $0 != " " && $0 != "\t" })
    guard trimmed.dropFirst(marker.count).allSatisfy({ $0 == " " || $0 == "\t" }),
      marker.hasPrefix("[!"), marker.hasSuffix("]"),
      let kind = Callout(rawValue: marker.dropFirst(2).dropLast().lowercased())
    else { return nil }
    self = kind
  }

  var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

  var openingHTML: String {
    "<div class=\"callout callout-\(rawValue)\" role=\"note\" aria-label=\"\(title)\">\n<p class=\"callout-title\">\(title)</p>"
  }
}
