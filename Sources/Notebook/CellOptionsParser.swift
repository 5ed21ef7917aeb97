/// Reads the `//|` option lines at the top of a cell (`//| name: setup`, `//| eval: false`).
///
/// Options are strict: an unknown key, a repeated key or a value of the wrong type is an error at
/// its notebook line and column, with a suggestion when the key looks like a typo.
struct CellOptionsParser {
  static let prefix = "//|"
  static let knownKeys = [
    "name", "eval", "echo", "error", "cache", "label", "fig-cap", "tbl-cap", "output", "fold",
    "metrics", "timeout",
  ]

  let source: NotebookSource

  /// Splits `lines` (the cell's content lines, starting at notebook line `firstLine`) into the
  /// options and the number of option lines consumed.
  func parse(_ lines: [Substring], firstLine: Int) throws(Diagnostic) -> (CellOptions, Int) {
    var options = CellOptions()
    var seen: [String: Int] = [:]
    var count = 0
    for line in lines {
      let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
      guard trimmed.hasPrefix(Self.prefix) else { break }
      let lineNumber = firstLine + count
      try apply(optionLine: lineNumber, to: &options, seen: &seen)
      count += 1
    }
    try checkCaptions(options, lines: seen)
    return (options, count)
  }

  /// A caption needs a label of its kind: it is what numbers the figure or table.
  private func checkCaptions(_ options: CellOptions, lines: [String: Int]) throws(Diagnostic) {
    for (key, kind, noun) in [("fig-cap", "fig-", "figure"), ("tbl-cap", "tbl-", "table")] {
      guard let line = lines[key], options.label?.hasPrefix(kind) != true else { continue }
      let column =
        (source.line(line).range(of: key)).map {
          source.line(line).utf8.distance(from: source.line(line).startIndex, to: $0.lowerBound) + 1
        } ?? 1
      throw source.diagnostic(
        "'\(key)' captions a numbered \(noun): add '//| label: \(kind)<name>' to the cell",
        line: line, column: column)
    }
  }

  /// Parses one `//| key: value` line of the notebook into `options`.
  private func apply(
    optionLine lineNumber: Int, to options: inout CellOptions, seen: inout [String: Int]
  )
    throws(Diagnostic)
  {
    let raw = source.line(lineNumber)
    guard let prefixRange = raw.range(of: Self.prefix) else { return }
    let body = raw[prefixRange.upperBound...]
    let keyStart = body.firstIndex(where: { $0 != " " && $0 != "\t" }) ?? body.endIndex
    func column(_ index: Substring.Index) -> Int {
      raw.utf8.distance(from: raw.startIndex, to: index) + 1
    }

    guard let colon = body[keyStart...].firstIndex(of: ":") else {
      throw source.diagnostic(
        "cell option must read '//| key: value', e.g. '//| eval: false'", line: lineNumber,
        column: column(keyStart))
    }
    let key = String(body[keyStart..<colon].trimmingTrailingSpaces)
    let valueText = body[body.index(after: colon)...]
    let valueStart = valueText.firstIndex(where: { $0 != " " && $0 != "\t" }) ?? valueText.endIndex
    let value = String(valueText[valueStart...].trimmingTrailingSpaces)
    let keyColumn = column(keyStart)
    let valueColumn = column(valueStart)

    guard Self.knownKeys.contains(key) else {
      let hint = Suggestion.didYouMean(key, among: Self.knownKeys)
      throw source.diagnostic(
        "unknown cell option '\(key)'\(hint); options are \(Self.knownKeys.map { "'\($0)'" }.joined(separator: ", "))",
        line: lineNumber, column: keyColumn)
    }
    guard seen.updateValue(lineNumber, forKey: key) == nil else {
      throw source.diagnostic(
        "cell option '\(key)' is given twice; keep one", line: lineNumber, column: keyColumn)
    }
    if key == "name" {
      // No '.': metrics are named `<cell>.<metric>`, and a dotted cell name would let cell
      // `a.b`'s metric `c` and cell `a`'s metric `b.c` share one name.
      guard !value.isEmpty, value.allSatisfy({ $0.isLetter || $0.isNumber || "_-".contains($0) })
      else {
        throw source.diagnostic(
          "cell name '\(value)' must be letters, digits, '_' or '-' (it names the cell in caches and diffs, and its metrics as '\(value).<metric>')",
          line: lineNumber, column: valueColumn)
      }
      options.name = value
      return
    }
    switch key {
    case "label":
      let name = value.drop(while: { $0 != "-" }).dropFirst()
      guard value.hasPrefix("fig-") || value.hasPrefix("tbl-"), !name.isEmpty,
        name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
      else {
        throw source.diagnostic(
          "label '\(value)' must be 'fig-' (a figure) or 'tbl-' (a table) then letters, digits, '-' or '_', e.g. 'fig-cost'",
          line: lineNumber, column: valueColumn)
      }
      options.label = value
      return
    case "fig-cap", "tbl-cap":
      let caption = Self.unquoted(value)
      guard !caption.isEmpty else {
        throw source.diagnostic(
          "cell option '\(key)' needs a caption, e.g. '//| \(key): \"Cost per epoch\"'",
          line: lineNumber, column: valueColumn)
      }
      if key == "fig-cap" {
        options.figureCaption = caption
      } else {
        options.tableCaption = caption
      }
      return
    case "timeout":
      guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
        throw source.diagnostic(
          "cell option 'timeout' takes a number of seconds greater than 0, not '\(value)'",
          line: lineNumber, column: valueColumn)
      }
      options.timeout = seconds
      return
    default:
      break
    }
    guard let flag = Bool(value) else {
      throw source.diagnostic(
        "cell option '\(key)' takes true or false, not '\(value)'", line: lineNumber,
        column: valueColumn)
    }
    switch key {
    case "eval": options.eval = flag
    case "echo": options.echo = flag
    case "error": options.error = flag
    case "output": options.output = flag
    case "fold": options.fold = flag
    case "metrics": options.metrics = flag
    default: options.cache = flag
    }
  }

  /// A caption without the quotes around it, if any ("Cost" or 'Cost' or Cost).
  private static func unquoted(_ value: String) -> String {
    for quote in ["\"", "'"]
    where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
      return String(value.dropFirst().dropLast())
    }
    return value
  }
}
