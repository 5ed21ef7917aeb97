/// The CommonMark spec's HTML normalisation (its `normalize.py`), enough to compare renderings:
/// whitespace runs outside `<pre>` collapse to one space, whitespace next to block-level tags
/// goes, and attributes are sorted.
enum HTMLNormalizer {
  static let blockTags: Set<String> = [
    "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map",
    "button", "object", "canvas", "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd",
    "progress", "div", "section", "dl", "table", "td", "dt", "tbody", "embed", "textarea",
    "fieldset", "tfoot", "figcaption", "th", "figure", "thead", "footer", "tr", "form", "ul", "h1",
    "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
  ]

  enum Last { case startTag, endTag, data, other }

  static func normalize(_ html: String) -> String {
    var output = ""
    var last = Last.startTag
    var lastTag = ""
    var inPre = false
    for token in tokens(of: html) {
      if token.hasPrefix("<!--") || token.hasPrefix("<![CDATA[") || token.hasPrefix("<?")
        || token.hasPrefix("<!")
      {
        output += token
        last = .other
      } else if token.hasPrefix("</"), let name = tagName(token, from: 2) {
        if name == "pre" {
          inPre = false
        } else if blockTags.contains(name) {
          output = trimmedEnd(output)
        }
        output += "</\(name)>"
        lastTag = name
        last = .endTag
      } else if token.hasPrefix("<"), let name = tagName(token, from: 1) {
        if name == "pre" { inPre = true }
        if blockTags.contains(name) { output = trimmedEnd(output) }
        output += "<" + name + sortedAttributes(token, nameLength: name.count)
        lastTag = name
        last = .startTag
      } else {
        var data = token
        let afterTag = last == .endTag || last == .startTag
        let afterBlockTag = afterTag && blockTags.contains(lastTag)
        if afterTag && lastTag == "br" { data = String(data.drop(while: { $0 == "\n" })) }
        if !inPre { data = collapseWhitespace(data) }
        if afterBlockTag && !inPre {
          if last == .startTag {
            data = String(data.drop(while: \.isWhitespace))
          } else if last == .endTag {
            data = trimmedEnd(String(data.drop(while: \.isWhitespace)))
          }
        }
        output += data
        last = .data
      }
    }
    return output
  }

  /// Splits HTML into tags (`<...>`, comments, CDATA) and text.
  static func tokens(of html: String) -> [String] {
    var tokens: [String] = []
    var rest = Substring(html)
    while !rest.isEmpty {
      if rest.hasPrefix("<![CDATA["), let end = rest.range(of: "]]>") {
        tokens.append(String(rest[..<end.upperBound]))
        rest = rest[end.upperBound...]
      } else if rest.hasPrefix("<!--"), let end = rest.range(of: "-->") {
        tokens.append(String(rest[..<end.upperBound]))
        rest = rest[end.upperBound...]
      } else if rest.hasPrefix("<"), let end = rest.firstIndex(of: ">"),
        rest.dropFirst().first.map({ $0.isLetter || $0 == "/" || $0 == "!" || $0 == "?" }) == true
      {
        tokens.append(String(rest[...end]))
        rest = rest[rest.index(after: end)...]
      } else {
        let end = rest.dropFirst().firstIndex(of: "<") ?? rest.endIndex
        tokens.append(String(rest[..<end]))
        rest = rest[end...]
      }
    }
    return tokens
  }

  static func tagName(_ token: String, from offset: Int) -> String? {
    let name = token.dropFirst(offset).prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" })
    return name.isEmpty ? nil : name.lowercased()
  }

  /// The attributes part of a start tag with attributes in sorted order (kept verbatim otherwise).
  static func sortedAttributes(_ token: String, nameLength: Int) -> String {
    var inner = token.dropFirst(1 + nameLength).dropLast()
    let selfClosing = inner.hasSuffix("/")
    if selfClosing { inner = inner.dropLast() }
    let attributes = splitAttributes(String(inner)).sorted()
    return attributes.map { " " + $0 }.joined() + (selfClosing ? " />" : ">")
  }

  static func splitAttributes(_ text: String) -> [String] {
    var result: [String] = []
    var current = ""
    var quote: Character?
    for character in text {
      if let open = quote {
        current.append(character)
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        current.append(character)
        quote = character
      } else if character.isWhitespace {
        if !current.isEmpty { result.append(current) }
        current = ""
      } else {
        current.append(character)
      }
    }
    if !current.isEmpty { result.append(current) }
    return result
  }

  static func collapseWhitespace(_ text: String) -> String {
    var result = ""
    var pendingSpace = false
    for character in text {
      if character.isWhitespace && character != "\u{A0}" {
        pendingSpace = true
      } else {
        if pendingSpace { result.append(" ") }
        pendingSpace = false
        result.append(character)
      }
    }
    if pendingSpace { result.append(" ") }
    return result
  }

  static func trimmedEnd(_ text: String) -> String {
    var text = text
    while let last = text.last, last.isWhitespace, last != "\u{A0}" { text.removeLast() }
    return text
  }
}
