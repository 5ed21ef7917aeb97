internal import Yams

/// The YAML block between `---` lines at the top of a notebook: its `title` and `params`.
///
/// A notebook whose first line is `---` might also just start with a thematic break, so the
/// block counts as front matter only when its first non-blank line looks like a YAML key
/// (`name:`) and a closing `---` or `...` line follows. Once recognised, every problem in it is
/// an error at its notebook line and column.
struct FrontMatter {
  var title: String?
  var params: [Param] = []
  /// The notebook line where the Markdown body starts (1 when there is no front matter).
  var bodyFirstLine = 1

  static let knownKeys = ["title", "params"]

  /// Finds and parses the front matter of `source`, or returns an empty one.
  /// - Throws: `Diagnostic` for malformed YAML, unknown keys and params that are not scalars.
  init(parsing source: NotebookSource) throws(Diagnostic) {
    guard let closingLine = Self.closingLine(in: source) else { return }
    bodyFirstLine = closingLine + 1
    let yaml = source.lines[1..<(closingLine - 1)].joined(separator: "\n")
    let root: Node?
    do {
      root = try Yams.compose(yaml: yaml)
    } catch {
      throw Self.diagnostic(for: error, in: source)
    }
    guard let mapping = root?.mapping else {
      throw source.diagnostic(
        "front matter must be a YAML mapping of keys such as 'title:' and 'params:'", line: 2,
        column: 1)
    }
    for (key, value) in mapping {
      let keyName = key.string ?? ""
      switch keyName {
      case "title":
        guard let scalar = value.scalar else {
          throw Self.diagnostic("'title' must be text", at: value, in: source)
        }
        title = scalar.string
      case "params":
        params = try Self.params(from: value, in: source)
      default:
        let hint = Suggestion.didYouMean(keyName, among: Self.knownKeys)
        throw Self.diagnostic(
          "unknown front-matter key '\(keyName)'\(hint); known keys are 'title' and 'params'",
          at: key, in: source)
      }
    }
  }

  /// The notebook line of the closing `---`/`...`, when the file starts with front matter.
  private static func closingLine(in source: NotebookSource) -> Int? {
    guard let first = source.lines.first, first.trimmingTrailingSpaces == "---" else { return nil }
    guard
      let firstContent = source.lines.dropFirst().first(where: {
        !$0.trimmingTrailingSpaces.isEmpty
      }),
      looksLikeYAMLKey(firstContent)
    else { return nil }
    for index in source.lines.indices.dropFirst() {
      let line = source.lines[index].trimmingTrailingSpaces
      if line == "---" || line == "..." { return index + 1 }
    }
    return nil
  }

  /// `name:` or `name: value` (or a YAML comment) at the start of a line.
  private static func looksLikeYAMLKey(_ line: Substring) -> Bool {
    if line.hasPrefix("#") { return true }
    guard let colon = line.firstIndex(of: ":") else { return false }
    let key = line[..<colon]
    let afterColon = line[line.index(after: colon)...]
    return !key.isEmpty
      && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
      && (afterColon.isEmpty || afterColon.first == " " || afterColon.first == "\t")
  }

  private static func params(from node: Node, in source: NotebookSource) throws(Diagnostic)
    -> [Param]
  {
    if case .scalar = node, node.tag.rawValue == Tag.Name.null.rawValue { return [] }
    guard let mapping = node.mapping else {
      throw diagnostic("'params' must be a mapping of names to values", at: node, in: source)
    }
    var params: [Param] = []
    for (key, value) in mapping {
      let name = key.string ?? ""
      guard SwiftIdentifier.isValid(name) else {
        throw diagnostic(
          "param name '\(name)' is not a Swift identifier; use letters, digits and '_'",
          at: key, in: source)
      }
      guard let typed = paramValue(value) else {
        throw diagnostic(
          "param '\(name)' must be a number, true/false or text, not a list or mapping",
          at: value, in: source)
      }
      let line = (key.mark?.line ?? 1) + 1
      params.append(Param(name: name, value: typed, line: line))
    }
    return params
  }

  /// A YAML scalar as a typed param value, following YAML's core schema.
  private static func paramValue(_ node: Node) -> ParamValue? {
    guard case .scalar(let scalar) = node else { return nil }
    switch Tag.Name(rawValue: node.tag.rawValue) {
    case .int: return node.int.map(ParamValue.int)
    case .float: return node.float.map(ParamValue.double)
    case .bool: return node.bool.map(ParamValue.bool)
    case .null: return nil
    default: return .string(scalar.string)
    }
  }

  /// A diagnostic at a YAML node, converted to notebook coordinates.
  private static func diagnostic(_ message: String, at node: Node, in source: NotebookSource)
    -> Diagnostic
  {
    diagnostic(
      message, yamlLine: node.mark?.line ?? 1, yamlColumn: node.mark?.column ?? 1, in: source)
  }

  private static func diagnostic(
    _ message: String, yamlLine: Int, yamlColumn: Int, in source: NotebookSource
  ) -> Diagnostic {
    // The YAML starts on notebook line 2; libyaml counts columns in Unicode scalars.
    let line = yamlLine + 1
    let text = source.line(line)
    let scalars = text.unicodeScalars.prefix(max(0, yamlColumn - 1))
    let column = String(String.UnicodeScalarView(scalars)).utf8.count + 1
    return source.diagnostic(message, line: line, column: column)
  }

  private static func diagnostic(for error: any Error, in source: NotebookSource) -> Diagnostic {
    switch error {
    case YamlError.scanner(let context, let problem, let mark, _),
      YamlError.parser(let context, let problem, let mark, _),
      YamlError.composer(let context, let problem, let mark, _):
      // The context says where the construct that went wrong began, e.g. an unclosed quote.
      let what =
        context.map {
          "\(problem) (\($0.text) that starts at line \($0.mark.line + 1), column \($0.mark.column))"
        } ?? problem
      return diagnostic(
        "malformed front matter: \(what)", yamlLine: mark.line, yamlColumn: mark.column,
        in: source)
    case YamlError.duplicatedKeysInMapping(let duplicates, let context):
      return diagnostic(
        "malformed front matter: duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))",
        yamlLine: context.mark.line, yamlColumn: context.mark.column, in: source)
    default:
      return source.diagnostic("malformed front matter: \(error)", line: 2, column: 1)
    }
  }
}

extension Substring {
  /// The line without trailing spaces and tabs.
  var trimmingTrailingSpaces: Substring {
    var end = endIndex
    while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
      end = index(before: end)
    }
    return self[..<end]
  }
}
