import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What an XML parser sees in a chart: whether it parsed, the root's attributes, the
/// document's title and description, every element's id, and how many hover titles it has.
final class SVGStructure: NSObject, XMLParserDelegate {
  private(set) var parsed = false
  private(set) var error: String?
  private(set) var rootName: String?
  private(set) var rootAttributes: [String: String] = [:]
  private(set) var ids: Set<String> = []
  private(set) var references: [String] = []
  /// Text of `<title>` and `<desc>` that are direct children of the root.
  private(set) var title: String?
  private(set) var desc: String?
  private(set) var firstChildren: [String] = []
  private(set) var hoverTitleCount = 0

  private var path: [String] = []
  private var text = ""

  init(_ svg: String) {
    super.init()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = self
    parsed = parser.parse()
    if !parsed { error = parser.parserError.map { "\($0)" } ?? "unknown error" }
  }

  func parser(
    _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
    qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    if path.isEmpty {
      rootName = name
      rootAttributes = attributes
    } else if path.count == 1 {
      firstChildren.append(name)
    } else if name == "title" {
      hoverTitleCount += 1
    }
    if let id = attributes["id"] { ids.insert(id) }
    for key in ["href", "clip-path", "fill"] {
      guard let value = attributes[key] else { continue }
      if key == "href" && value.hasPrefix("#") { references.append(String(value.dropFirst())) }
      if value.hasPrefix("url(#") { references.append(String(value.dropFirst(5).dropLast())) }
    }
    path.append(name)
    text = ""
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    text += string
  }

  func parser(
    _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
  ) {
    if path.count == 2 && name == "title" { title = text }
    if path.count == 2 && name == "desc" { desc = text }
    path.removeLast()
  }
}
