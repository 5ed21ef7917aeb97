/// A recursive-descent parser for the TeX math that lessons use, producing `MathNode`s.
///
/// It reads Unicode scalars and remembers each one's UTF-8 offset so errors point at the exact
/// column in the notebook.
struct TeXParser {
  private let scalars: [Unicode.Scalar]
  private let offsets: [Int]
  private var position = 0
  /// The alphabet letters are set in inside `\mathbf{...}` and friends.
  private var alphabet: MathAlphabet?
  /// How many rows are being parsed inside one another; bounded so that a pathological formula
  /// is an error rather than a stack overflow.
  private var depth = 0
  static let maximumDepth = 100

  init(_ tex: String) {
    scalars = Array(tex.unicodeScalars)
    var offsets: [Int] = []
    offsets.reserveCapacity(scalars.count + 1)
    var offset = 0
    for scalar in scalars {
      offsets.append(offset)
      offset += String(scalar).utf8.count
    }
    offsets.append(offset)
    self.offsets = offsets
  }

  /// Parses the whole formula. A top-level `\\` breaks it into centred lines.
  mutating func parseFormula() throws(TeXError) -> MathNode {
    var lines: [[MathNode]] = []
    while true {
      let items = try parseRow()
      lines.append(items)
      switch try nextStop() {
      case .end: break
      case .lineBreak:
        skipOptionalBracket()
        continue
      case .closingBrace(let offset):
        throw TeXError("unmatched '}': it closes no '{'", offset: offset)
      case .ampersand(let offset):
        throw TeXError(
          "'&' separates columns only inside an environment such as \\begin{aligned}",
          offset: offset)
      case .command(let name, let offset):
        throw TeXError(strayCommandMessage(name), offset: offset)
      case .closingBracket:
        throw TeXError("internal: unexpected ']'", offset: offsets[position])
      }
      break
    }
    if lines.count == 1 { return .row(lines[0]) }
    return .table(
      rows: lines.map { [.row($0)] }, columnAlignments: ["center"], displayStyle: true)
  }

  // MARK: Rows and stops

  /// What ended a row.
  private enum Stop {
    case end
    case closingBrace(offset: Int)
    case closingBracket
    case ampersand(offset: Int)
    case lineBreak
    /// `\right`, `\middle` or `\end`, not yet consumed.
    case command(String, offset: Int)
  }

  private func strayCommandMessage(_ name: String) -> String {
    switch name {
    case "right": "\\right without a matching \\left before it"
    case "middle": "\\middle is allowed only between \\left and \\right"
    default: "\\end without a matching \\begin before it"
    }
  }

  /// Consumes and reports the stop a row ended at (commands are peeked, not consumed).
  private mutating func nextStop() throws(TeXError) -> Stop {
    guard position < scalars.count else { return .end }
    let offset = offsets[position]
    switch scalars[position] {
    case "}":
      position += 1
      return .closingBrace(offset: offset)
    case "]":
      position += 1
      return .closingBracket
    case "&":
      position += 1
      return .ampersand(offset: offset)
    default:
      let name = peekCommandName() ?? ""
      if name == "\\" {
        position += 2
        return .lineBreak
      }
      return .command(name, offset: offset)
    }
  }

  /// The name of the command at the current position (`\\` for a line break), without moving.
  private func peekCommandName() -> String? {
    guard position < scalars.count, scalars[position] == "\\" else { return nil }
    var index = position + 1
    guard index < scalars.count else { return "" }
    if !scalars[index].isASCIILetter { return String(scalars[index]) }
    var name = ""
    while index < scalars.count, scalars[index].isASCIILetter {
      name.unicodeScalars.append(scalars[index])
      index += 1
    }
    return name
  }

  private func isStop(bracketEnds: Bool) -> Bool {
    guard position < scalars.count else { return true }
    switch scalars[position] {
    case "}", "&": return true
    case "]": return bracketEnds
    case "\\":
      return ["\\", "right", "middle", "end"].contains(peekCommandName() ?? "")
    default: return false
    }
  }

  /// Parses atoms with their scripts until a stop (end, `}`, `&`, `\\`, `\right`, `\end`).
  private mutating func parseRow(bracketEnds: Bool = false) throws(TeXError) -> [MathNode] {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else {
      throw TeXError(
        "the formula nests more than \(Self.maximumDepth) levels deep; split it up",
        offset: offsets[min(position, offsets.count - 1)])
    }
    var items: [MathNode] = []
    while true {
      skipSpaces()
      if isStop(bracketEnds: bracketEnds) { return items }
      if let style = styleSwitch() {
        // `\displaystyle` applies to the rest of the group.
        let rest = try parseRow(bracketEnds: bracketEnds)
        items.append(.style(displayStyle: style, .row(rest)))
        return items
      }
      let atomStart = position
      var atom = try parseAtom()
      if atom.isScriptOnly { atom = Atom(node: .empty) } else if position == atomStart { break }
      try attachScripts(to: &atom)
      items.append(atom.node)
      items += atom.trailing
    }
    return items
  }

  /// `\displaystyle` and `\textstyle` (consumed), as whether to set display style.
  private mutating func styleSwitch() -> Bool? {
    switch peekCommandName() {
    case "displaystyle":
      consumeCommand("displaystyle")
      return true
    case "textstyle", "scriptstyle", "scriptscriptstyle":
      let name = peekCommandName() ?? ""
      consumeCommand(name)
      return false
    default:
      return nil
    }
  }

  // MARK: Atoms

  /// One thing scripts can attach to, plus anything written after it (the invisible function
  /// application after `\sin`).
  private struct Atom {
    var node: MathNode
    var limits = false
    var trailing: [MathNode] = []
    /// The atom was nothing: a `^` or `_` with no base before it.
    var isScriptOnly = false
  }

  private mutating func parseAtom() throws(TeXError) -> Atom {
    let scalar = scalars[position]
    let offset = offsets[position]
    switch scalar {
    case "^", "_", "'":
      return Atom(node: .empty, isScriptOnly: true)
    case "{":
      position += 1
      return Atom(node: .row(try parseGroupBody(openedAt: offset)))
    case "\\":
      return try parseCommand()
    case "%":
      while position < scalars.count, scalars[position] != "\n" { position += 1 }
      return Atom(node: .empty)
    case "$":
      throw TeXError(
        "'$' inside a formula: a formula cannot contain another; write \\$ for a dollar sign",
        offset: offset)
    case "#":
      throw TeXError("'#' is not allowed in a formula; write \\# for the sign", offset: offset)
    case "~":
      position += 1
      return Atom(node: .space(0.333))
    default:
      if scalar.isASCIIDigit || (scalar == "." && nextIsDigit(after: position)) {
        return Atom(node: number())
      }
      position += 1
      if scalar.properties.isAlphabetic {
        return Atom(node: letter(scalar))
      }
      return Atom(
        node: .symbol(Self.operatorText(scalar), attributes: Self.plainAttributes(scalar)))
    }
  }

  private func nextIsDigit(after index: Int) -> Bool {
    index + 1 < scalars.count && scalars[index + 1].isASCIIDigit
  }

  /// A run of digits with at most one decimal point, e.g. `784` or `0.5`.
  private mutating func number() -> MathNode {
    var text = ""
    var seenPoint = false
    while position < scalars.count {
      let scalar = scalars[position]
      if scalar.isASCIIDigit {
        text += styledOrPlain(scalar)
      } else if scalar == ".", !seenPoint, nextIsDigit(after: position) {
        seenPoint = true
        text += "."
      } else {
        break
      }
      position += 1
    }
    return .number(text)
  }

  private func styledOrPlain(_ scalar: Unicode.Scalar) -> String {
    alphabet?.styled(scalar) ?? String(scalar)
  }

  /// A letter in the current alphabet.
  private func letter(_ scalar: Unicode.Scalar) -> MathNode {
    guard let alphabet, alphabet != .italic else { return .identifier(String(scalar)) }
    if alphabet == .roman { return .identifier(String(scalar), upright: true) }
    if let styled = alphabet.styled(scalar) { return .identifier(styled) }
    return .identifier(String(scalar), upright: alphabet == .roman)
  }

  /// How a plain character reads as an operator: `-` is a minus sign, `|` a divides bar.
  private static func operatorText(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "-": "−"
    case "*": "∗"
    case "|": "∣"
    default: String(scalar)
    }
  }

  /// Brackets written plainly do not stretch (only `\left` and `\right` ones do).
  private static func plainAttributes(_ scalar: Unicode.Scalar) -> [(String, String)] {
    "()[]|/".unicodeScalars.contains(scalar) ? [("stretchy", "false")] : []
  }

  /// After a `{` at `offset`: the group's items, consuming its `}`.
  private mutating func parseGroupBody(openedAt offset: Int) throws(TeXError) -> [MathNode] {
    let items = try parseRow()
    switch try nextStop() {
    case .closingBrace: return items
    case .end:
      throw TeXError("this '{' is never closed: add a matching '}'", offset: offset)
    case .ampersand(let at):
      throw TeXError(
        "'&' separates columns only inside an environment such as \\begin{aligned}", offset: at)
    case .lineBreak:
      throw TeXError(
        "'\\\\' breaks lines only at the top level or inside an environment such as \\begin{aligned}",
        offset: offsets[position - 2])
    case .command(let name, let at):
      throw TeXError(strayCommandMessage(name), offset: at)
    case .closingBracket:
      throw TeXError("internal: unexpected ']'", offset: offset)
    }
  }

  // MARK: Scripts

  private mutating func attachScripts(to atom: inout Atom) throws(TeXError) {
    var sub: MathNode?
    var sup: MathNode?
    var primes = ""
    var limits = atom.limits
    while true {
      skipSpaces()
      guard position < scalars.count else { break }
      let offset = offsets[position]
      switch scalars[position] {
      case "'":
        guard sup == nil else {
          throw TeXError(
            "a prime after a superscript: write x'^{2} rather than x^{2}'", offset: offset)
        }
        primes += "′"
        position += 1
      case "^":
        position += 1
        guard sup == nil else {
          throw TeXError(
            "double superscript: group it, as in x^{ab} or {x^a}^b", offset: offset)
        }
        sup = try parseArgument(for: "^", at: offset)
      case "_":
        position += 1
        guard sub == nil else {
          throw TeXError("double subscript: group it, as in x_{ab} or {x_a}_b", offset: offset)
        }
        sub = try parseArgument(for: "_", at: offset)
      case "\\" where peekCommandName() == "limits":
        consumeCommand("limits")
        limits = true
      case "\\" where peekCommandName() == "nolimits":
        consumeCommand("nolimits")
        limits = false
      default:
        return finish()
      }
    }
    finish()

    func finish() {
      // The prime glyph is already raised: it follows the base rather than going in a
      // superscript, where fonts without a math table draw it tiny.
      if !primes.isEmpty {
        atom.node = .row([
          atom.node, .symbol(primes, attributes: [("lspace", "0"), ("rspace", "0")]),
        ])
      }
      guard sub != nil || sup != nil else { return }
      atom.node =
        limits
        ? .limits(base: atom.node, under: sub, over: sup)
        : .scripts(base: atom.node, sub: sub, sup: sup)
    }
  }

  // MARK: Arguments

  /// A command's mandatory argument: a `{group}`, one character, or one command.
  private mutating func parseArgument(for command: String, at offset: Int) throws(TeXError)
    -> MathNode
  {
    skipSpaces()
    guard position < scalars.count, !isStop(bracketEnds: false) else {
      throw TeXError(
        "'\(command)' needs an argument, e.g. \(command == "^" || command == "_" ? "x\(command){2}" : "\(command){x}")",
        offset: offset)
    }
    let start = offsets[position]
    if scalars[position] == "{" {
      position += 1
      return .row(try parseGroupBody(openedAt: start))
    }
    if scalars[position].isASCIIDigit {
      // A bare digit argument is one digit: x^10 is x¹0, as in TeX.
      let digit = scalars[position]
      position += 1
      return .number(styledOrPlain(digit))
    }
    let atom = try parseAtom()
    if atom.isScriptOnly {
      throw TeXError("'\(command)' needs an argument before this script", offset: start)
    }
    return .row([atom.node] + atom.trailing)
  }

  /// The raw text of a `{...}` argument (for `\text`, `\operatorname`, `\begin`).
  private mutating func parseRawArgument(for command: String, at offset: Int) throws(TeXError)
    -> String
  {
    skipSpaces()
    guard position < scalars.count, scalars[position] == "{" else {
      throw TeXError("\\\(command) needs a {...} argument", offset: offset)
    }
    let open = offsets[position]
    position += 1
    var depth = 0
    var text = ""
    while position < scalars.count {
      let scalar = scalars[position]
      if scalar == "\\", position + 1 < scalars.count {
        text.unicodeScalars.append(scalar)
        text.unicodeScalars.append(scalars[position + 1])
        position += 2
        continue
      }
      position += 1
      if scalar == "{" { depth += 1 }
      if scalar == "}" {
        if depth == 0 { return text }
        depth -= 1
      }
      text.unicodeScalars.append(scalar)
    }
    throw TeXError("this '{' is never closed: add a matching '}'", offset: open)
  }

  private mutating func skipOptionalBracket() {
    skipSpaces()
    guard position < scalars.count, scalars[position] == "[" else { return }
    while position < scalars.count, scalars[position] != "]" { position += 1 }
    if position < scalars.count { position += 1 }
  }

  private mutating func skipSpaces() {
    while position < scalars.count, scalars[position].properties.isWhitespace { position += 1 }
  }

  private mutating func consumeCommand(_ name: String) {
    position += 1 + max(1, name.unicodeScalars.count)
    if name.first?.isLetter == true { skipSpaces() }
  }

  // MARK: Commands

  private mutating func parseCommand() throws(TeXError) -> Atom {
    let offset = offsets[position]
    guard let name = peekCommandName(), !name.isEmpty else {
      throw TeXError("a lone '\\' ends the formula; write \\backslash for the sign", offset: offset)
    }
    consumeCommand(name)
    if let symbol = TeXSymbols.lookup(name) { return atom(for: symbol) }
    if let alphabet = MathAlphabet.commands[name] {
      let saved = self.alphabet
      self.alphabet = alphabet
      defer { self.alphabet = saved }
      let argument = try parseArgument(for: "\\\(name)", at: offset)
      return Atom(node: alphabet == .roman ? Self.mergingLetters(argument) : argument)
    }
    if let accent = Self.accents[name] {
      let base = try parseArgument(for: "\\\(name)", at: offset)
      let stretchy = accent.stretchy ? "true" : "false"
      return Atom(
        node: .accent(
          base: base, mark: .symbol(accent.mark, attributes: [("stretchy", stretchy)]),
          over: accent.over))
    }
    if let size = Self.bigSizes[name] {
      let delimiter = try parseDelimiter(after: name, at: offset)
      return Atom(
        node: .symbol(
          delimiter ?? "",
          attributes: [("stretchy", "true"), ("minsize", size), ("maxsize", size)]))
    }
    switch name {
    case "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom":
      return Atom(node: try parseFraction(name, at: offset))
    case "sqrt":
      skipSpaces()
      var index: MathNode?
      if position < scalars.count, scalars[position] == "[" {
        position += 1
        index = .row(try parseRow(bracketEnds: true))
        guard position < scalars.count, scalars[position] == "]" else {
          throw TeXError("\\sqrt[ is never closed: add a matching ']'", offset: offset)
        }
        position += 1
      }
      let radicand = try parseArgument(for: "\\sqrt", at: offset)
      return Atom(node: index.map { .root(radicand, index: $0) } ?? .squareRoot(radicand))
    case "text", "textrm", "textnormal", "mbox", "textit", "textbf", "textsf", "texttt", "hbox":
      let raw = try parseRawArgument(for: name, at: offset)
      return Atom(node: .text(try Self.textModeString(raw, at: offset)))
    case "operatorname", "operatorname*", "mathop":
      var limits = name == "operatorname*"
      if name == "operatorname", position < scalars.count, scalars[position] == "*" {
        position += 1
        limits = true
      }
      let raw = try parseRawArgument(for: name, at: offset)
      return Atom(
        node: .identifier(try Self.textModeString(raw, at: offset)), limits: limits,
        trailing: [.symbol("\u{2061}")])
    case "overline", "underline":
      let base = try parseArgument(for: "\\\(name)", at: offset)
      return Atom(
        node: .accent(
          base: base, mark: .symbol("‾", attributes: [("stretchy", "true")]),
          over: name == "overline"))
    case "underbrace", "overbrace":
      let base = try parseArgument(for: "\\\(name)", at: offset)
      let over = name == "overbrace"
      let brace = MathNode.symbol(over ? "⏞" : "⏟", attributes: [("stretchy", "true")])
      return Atom(node: .accent(base: base, mark: brace, over: over), limits: true)
    case "overset", "underset", "stackrel":
      let annotation = try parseArgument(for: "\\\(name)", at: offset)
      let base = try parseArgument(for: "\\\(name)", at: offset)
      return Atom(
        node: name == "underset"
          ? .limits(base: base, under: annotation, over: nil)
          : .limits(base: base, under: nil, over: annotation))
    case "left":
      return Atom(node: try parseLeftRight(at: offset))
    case "begin":
      return Atom(node: try parseEnvironment(at: offset))
    case "not":
      let negated = try parseArgument(for: "\\not", at: offset)
      return Atom(node: Self.negated(negated))
    case "bmod", "mod":
      return Atom(
        node: .symbol("mod", attributes: [("lspace", "0.2778em"), ("rspace", "0.2778em")]))
    case "pmod":
      let argument = try parseArgument(for: "\\pmod", at: offset)
      return Atom(
        node: .row([
          .space(0.444), .symbol("(", attributes: [("stretchy", "false")]),
          .identifier("mod"), .space(0.333), argument,
          .symbol(")", attributes: [("stretchy", "false")]),
        ]))
    case "hspace", "hspace*":
      let raw = try parseRawArgument(for: name, at: offset)
      guard let width = Self.emWidth(raw) else {
        throw TeXError(
          "\\hspace takes a width in em, ex, pt or mu, e.g. \\hspace{1em}; got '\(raw)'",
          offset: offset)
      }
      return Atom(node: .space(width))
    case "phantom", "hphantom", "vphantom":
      _ = try parseArgument(for: "\\\(name)", at: offset)
      return Atom(node: .empty)
    default:
      throw TeXError(
        "unknown command '\\\(name)'", offset: offset, unknownCommand: name)
    }
  }

  private func atom(for symbol: TeXSymbol) -> Atom {
    switch symbol {
    case .identifier(let text):
      let isLetter = text.unicodeScalars.first.map { $0.properties.isAlphabetic } ?? false
      return Atom(node: .identifier(text, upright: !isLetter || Self.isCapitalGreek(text)))
    case .symbol(let text):
      return Atom(node: .symbol(text))
    case .largeOperator(let text, let limits):
      return Atom(
        node: .symbol(text, attributes: limits ? [("movablelimits", "true")] : []),
        limits: limits)
    case .function(let text, let limits):
      return Atom(
        node: .identifier(text), limits: limits, trailing: [.symbol("\u{2061}")])
    case .space(let width):
      return Atom(node: .space(width))
    case .spacedSymbol(let text, let width):
      return Atom(node: .space(width), trailing: [.symbol(text), .space(width)])
    case .nothing:
      return Atom(node: .empty)
    }
  }

  private static func isCapitalGreek(_ text: String) -> Bool {
    guard let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1 else {
      return false
    }
    return (0x391...0x3A9).contains(scalar.value)
  }

  /// `\mathrm{ReLU}` reads as one upright identifier, not four letters.
  private static func mergingLetters(_ node: MathNode) -> MathNode {
    guard case .row(let items) = node, items.count > 1 else { return node }
    var merged: [MathNode] = []
    for item in items {
      if case .identifier(let text, _) = item, case .identifier(let previous, _)? = merged.last {
        merged[merged.count - 1] = .identifier(previous + text)
      } else {
        merged.append(item)
      }
    }
    return .row(merged)
  }

  private static func negated(_ node: MathNode) -> MathNode {
    switch node.unwrapped {
    case .symbol("=", _): return .symbol("≠")
    case .symbol("∈", _): return .symbol("∉")
    case .symbol(let text, let attributes): return .symbol(text + "\u{338}", attributes: attributes)
    case .identifier(let text, let upright): return .identifier(text + "\u{338}", upright: upright)
    default: return node
    }
  }

  private mutating func parseFraction(_ name: String, at offset: Int) throws(TeXError) -> MathNode {
    let numerator = try parseArgument(for: "\\\(name)", at: offset)
    let denominator = try parseArgument(for: "\\\(name)", at: offset)
    let isBinomial = name.hasSuffix("binom")
    var node = MathNode.fraction(
      numerator: numerator, denominator: denominator, lineThickness: isBinomial ? "0" : nil)
    if name.hasPrefix("d") || name == "cfrac" { node = .style(displayStyle: true, node) }
    if name.hasPrefix("t") { node = .style(displayStyle: false, node) }
    if isBinomial {
      node = .row([
        .symbol("(", attributes: [("stretchy", "true")]), node,
        .symbol(")", attributes: [("stretchy", "true")]),
      ])
    }
    return node
  }

  // MARK: Delimiters

  private static let delimiterCommands: [String: String] = [
    "{": "{", "}": "}", "|": "∥", "lbrace": "{", "rbrace": "}", "langle": "⟨", "rangle": "⟩",
    "vert": "∣", "Vert": "∥", "lvert": "∣", "rvert": "∣", "lVert": "∥", "rVert": "∥",
    "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "lbrack": "[", "rbrack": "]",
    "backslash": "∖", "uparrow": "↑", "downarrow": "↓", "updownarrow": "↕", "Uparrow": "⇑",
    "Downarrow": "⇓", "lgroup": "⟮", "rgroup": "⟯",
  ]

  /// The delimiter after `\left`, `\right`, `\big`...; nil for `.` (no delimiter).
  private mutating func parseDelimiter(after command: String, at offset: Int) throws(TeXError)
    -> String?
  {
    skipSpaces()
    let problem = TeXError(
      "\\\(command) must be followed by a delimiter such as ( [ \\{ | \\| \\langle or . (none)",
      offset: offset)
    guard position < scalars.count else { throw problem }
    let scalar = scalars[position]
    if scalar == "\\" {
      guard let name = peekCommandName(), let text = Self.delimiterCommands[name] else {
        throw problem
      }
      consumeCommand(name)
      return text
    }
    guard "()[]|/.<>".unicodeScalars.contains(scalar) else { throw problem }
    position += 1
    switch scalar {
    case ".": return nil
    case "|": return "∣"
    case "<": return "⟨"
    case ">": return "⟩"
    default: return String(scalar)
    }
  }

  private static func fence(_ text: String?, form: String) -> MathNode {
    .symbol(
      text ?? "",
      attributes: [("fence", "true"), ("form", form), ("stretchy", "true"), ("symmetric", "true")])
  }

  /// After `\left`: the delimiter, the content with any `\middle`s, and `\right`'s delimiter.
  private mutating func parseLeftRight(at offset: Int) throws(TeXError) -> MathNode {
    var items = [Self.fence(try parseDelimiter(after: "left", at: offset), form: "prefix")]
    while true {
      items += try parseRow()
      let stop = try nextStop()
      guard case .command(let name, let at) = stop, name == "right" || name == "middle" else {
        switch stop {
        case .closingBrace(let at):
          throw TeXError(
            "'}' closes a group opened before this \\left; close the \\left first with \\right",
            offset: at)
        case .ampersand(let at):
          throw TeXError(
            "'&' inside \\left...\\right; close the \\right before the column break", offset: at)
        default:
          throw TeXError(
            "this \\left is never closed: add \\right) or \\right. (no delimiter)", offset: offset)
        }
      }
      consumeCommand(name)
      let delimiter = try parseDelimiter(after: name, at: at)
      if name == "right" {
        items.append(Self.fence(delimiter, form: "postfix"))
        return .row(items)
      }
      items.append(Self.fence(delimiter, form: "infix"))
    }
  }

  // MARK: Environments

  private struct Environment {
    var open: String?
    var close: String?
    var alignments: [String]
    var displayStyle = false
  }

  private static let environments: [String: Environment] = [
    "matrix": Environment(alignments: ["center"]),
    "smallmatrix": Environment(alignments: ["center"]),
    "pmatrix": Environment(open: "(", close: ")", alignments: ["center"]),
    "bmatrix": Environment(open: "[", close: "]", alignments: ["center"]),
    "Bmatrix": Environment(open: "{", close: "}", alignments: ["center"]),
    "vmatrix": Environment(open: "∣", close: "∣", alignments: ["center"]),
    "Vmatrix": Environment(open: "∥", close: "∥", alignments: ["center"]),
    "cases": Environment(open: "{", alignments: ["left"]),
    "dcases": Environment(open: "{", alignments: ["left"], displayStyle: true),
    "rcases": Environment(close: "}", alignments: ["left"]),
    "aligned": Environment(alignments: ["right", "left"], displayStyle: true),
    "align": Environment(alignments: ["right", "left"], displayStyle: true),
    "align*": Environment(alignments: ["right", "left"], displayStyle: true),
    "split": Environment(alignments: ["right", "left"], displayStyle: true),
    "alignedat": Environment(alignments: ["right", "left"], displayStyle: true),
    "gathered": Environment(alignments: ["center"], displayStyle: true),
    "gather": Environment(alignments: ["center"], displayStyle: true),
    "gather*": Environment(alignments: ["center"], displayStyle: true),
    "equation": Environment(alignments: ["center"], displayStyle: true),
    "equation*": Environment(alignments: ["center"], displayStyle: true),
    "array": Environment(alignments: ["center"]),
  ]

  private mutating func parseEnvironment(at offset: Int) throws(TeXError) -> MathNode {
    let name = try parseRawArgument(for: "begin", at: offset)
    guard var environment = Self.environments[name] else {
      let known = Self.environments.keys.sorted().joined(separator: ", ")
      throw TeXError("unknown environment '\(name)'; known ones are \(known)", offset: offset)
    }
    if name == "array" || name == "alignedat" {
      let spec = try parseRawArgument(for: "begin{\(name)}", at: offset)
      if name == "array" {
        let columns = spec.compactMap { ["l": "left", "c": "center", "r": "right"][$0] }
        if !columns.isEmpty { environment.alignments = columns }
      }
    }
    var rows: [[MathNode]] = []
    var cells: [MathNode] = []
    while true {
      cells.append(.row(try parseRow()))
      switch try nextStop() {
      case .ampersand:
        continue
      case .lineBreak:
        skipOptionalBracket()
        rows.append(cells)
        cells = []
      case .command("end", let at):
        consumeCommand("end")
        let closing = try parseRawArgument(for: "end", at: at)
        guard closing == name else {
          throw TeXError(
            "\\begin{\(name)} is closed by \\end{\(closing)}; they must match", offset: at)
        }
        // A trailing `\\` before `\end` adds no row.
        let isEmptyRow =
          cells.count == 1
          && { if case .row(let items) = cells[0] { items.isEmpty } else { false } }()
        if !isEmptyRow || rows.isEmpty { rows.append(cells) }
        return wrap(rows, in: environment)
      case .closingBrace(let at):
        throw TeXError("'}' inside \\begin{\(name)} closes no '{'", offset: at)
      case .command(let other, let at):
        throw TeXError(strayCommandMessage(other), offset: at)
      case .end, .closingBracket:
        throw TeXError("\\begin{\(name)} is never closed: add \\end{\(name)}", offset: offset)
      }
    }
  }

  private func wrap(_ rows: [[MathNode]], in environment: Environment) -> MathNode {
    let table = MathNode.table(
      rows: rows, columnAlignments: environment.alignments,
      displayStyle: environment.displayStyle)
    var items: [MathNode] = []
    if let open = environment.open { items.append(Self.fence(open, form: "prefix")) }
    items.append(table)
    if let close = environment.close { items.append(Self.fence(close, form: "postfix")) }
    return items.count == 1 ? table : .row(items)
  }

  // MARK: Tables of commands

  /// Commands handled by the parser itself rather than looked up as symbols.
  static var structuralCommands: [String] {
    [
      "frac", "dfrac", "tfrac", "cfrac", "binom", "dbinom", "tbinom", "sqrt", "text", "textrm",
      "textnormal", "mbox", "textit", "textbf", "textsf", "texttt", "operatorname", "mathop",
      "overline", "underline", "underbrace", "overbrace", "overset", "underset", "stackrel",
      "left", "right", "middle", "begin", "end", "not", "bmod", "mod", "pmod", "hspace",
      "phantom", "hphantom", "vphantom", "displaystyle", "textstyle", "limits", "nolimits", "iff",
    ] + Array(accents.keys) + Array(bigSizes.keys)
  }

  private static let accents: [String: (mark: String, stretchy: Bool, over: Bool)] = [
    "hat": ("^", false, true), "widehat": ("^", true, true), "bar": ("ˉ", false, true),
    "tilde": ("~", false, true), "widetilde": ("~", true, true), "vec": ("⃗", false, true),
    "dot": ("˙", false, true), "ddot": ("¨", false, true), "dddot": ("⃛", false, true),
    "check": ("ˇ", false, true), "breve": ("˘", false, true), "acute": ("ˊ", false, true),
    "grave": ("ˋ", false, true), "mathring": ("˚", false, true),
    "overrightarrow": ("→", true, true), "overleftarrow": ("←", true, true),
    "overleftrightarrow": ("↔", true, true), "underrightarrow": ("→", true, false),
    "underleftarrow": ("←", true, false),
  ]

  private static let bigSizes: [String: String] = [
    "big": "1.2em", "bigl": "1.2em", "bigr": "1.2em", "bigm": "1.2em",
    "Big": "1.623em", "Bigl": "1.623em", "Bigr": "1.623em", "Bigm": "1.623em",
    "bigg": "2.047em", "biggl": "2.047em", "biggr": "2.047em", "biggm": "2.047em",
    "Bigg": "2.470em", "Biggl": "2.470em", "Biggr": "2.470em", "Biggm": "2.470em",
  ]

  /// The text of `\text{...}`: escapes resolved, spacing commands as spaces.
  private static func textModeString(_ raw: String, at offset: Int) throws(TeXError) -> String {
    var text = ""
    var scalars = raw.unicodeScalars.makeIterator()
    while let scalar = scalars.next() {
      switch scalar {
      case "~": text += "\u{A0}"
      case "{", "}": continue
      case "\\":
        guard let next = scalars.next() else { break }
        if !next.isASCIILetter {
          text += next == "," || next == ";" || next == ":" || next == " " ? " " : String(next)
          continue
        }
        var name = String(next)
        var after: Unicode.Scalar?
        while let following = scalars.next() {
          if following.isASCIILetter {
            name.unicodeScalars.append(following)
          } else {
            after = following
            break
          }
        }
        switch name {
        case "quad", "qquad", "space": text += " "
        case "textbackslash": text += "\\"
        default:
          if let symbol = TeXSymbols.greek[name] ?? TeXSymbols.identifiers[name] {
            text += symbol
          } else {
            throw TeXError(
              "unknown command '\\\(name)' in text", offset: offset, unknownCommand: name)
          }
        }
        if let after, after != " " { text.unicodeScalars.append(after) }
      default:
        text.unicodeScalars.append(scalar)
      }
    }
    return text
  }

  /// Converts `\hspace`'s width to em (1em = 18mu ≈ 10pt at the body size, 1ex ≈ 0.43em).
  private static func emWidth(_ raw: String) -> Double? {
    let trimmed = raw.filter { !$0.isWhitespace }
    for (unit, factor) in [("em", 1.0), ("ex", 0.43), ("pt", 0.1), ("mu", 1.0 / 18)] {
      if trimmed.hasSuffix(unit), let value = Double(trimmed.dropLast(unit.count)) {
        return value * factor
      }
    }
    return nil
  }
}

extension Unicode.Scalar {
  fileprivate var isASCIILetter: Bool {
    (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
  }
  fileprivate var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
}
