/// Writes `MathNode`s as MathML Core markup.
struct MathMLWriter {
  private(set) var output = ""

  mutating func write(_ node: MathNode) {
    switch node {
    case .identifier(let text, let upright):
      let variant = upright && text.unicodeScalars.count == 1 ? " mathvariant=\"normal\"" : ""
      output += "<mi\(variant)>\(Self.escaped(text))</mi>"
    case .number(let text):
      output += "<mn>\(Self.escaped(text))</mn>"
    case .symbol(let text, let attributes):
      output += "<mo"
      for (name, value) in attributes { output += " \(name)=\"\(value)\"" }
      output += ">\(Self.escaped(text))</mo>"
    case .text(let text):
      output += "<mtext>\(Self.escaped(text))</mtext>"
    case .space(let width):
      output += "<mspace width=\"\(Self.format(width))em\"></mspace>"
    case .row(let items):
      if items.count == 1 {
        write(items[0])
      } else {
        element("mrow", items)
      }
    case .fraction(let numerator, let denominator, let lineThickness):
      let thickness = lineThickness.map { " linethickness=\"\($0)\"" } ?? ""
      output += "<mfrac\(thickness)>"
      writeSingle(numerator)
      writeSingle(denominator)
      output += "</mfrac>"
    case .squareRoot(let radicand):
      output += "<msqrt>"
      writeSingle(radicand)
      output += "</msqrt>"
    case .root(let radicand, let index):
      element("mroot", [radicand, index])
    case .scripts(let base, let sub, let sup):
      switch (sub, sup) {
      case (let sub?, let sup?): element("msubsup", [base, sub, sup])
      case (let sub?, nil): element("msub", [base, sub])
      case (nil, let sup?): element("msup", [base, sup])
      case (nil, nil): write(base)
      }
    case .limits(let base, let under, let over):
      switch (under, over) {
      case (let under?, let over?): element("munderover", [base, under, over])
      case (let under?, nil): element("munder", [base, under])
      case (nil, let over?): element("mover", [base, over])
      case (nil, nil): write(base)
      }
    case .accent(let base, let mark, let over):
      if over {
        element("mover", [base, mark], attributes: " accent=\"true\"")
      } else {
        element("munder", [base, mark], attributes: " accentunder=\"true\"")
      }
    case .table(let rows, let alignments, let displayStyle):
      output += displayStyle ? "<mtable displaystyle=\"true\">" : "<mtable>"
      for row in rows {
        output += "<mtr>"
        for (column, cell) in row.enumerated() {
          let alignment = alignments[column % max(1, alignments.count)]
          // MathML Core has no columnalign; CSS aligns the cell's content instead.
          output +=
            alignment == "center" ? "<mtd>" : "<mtd style=\"text-align:\(alignment)\">"
          writeSingle(cell)
          output += "</mtd>"
        }
        output += "</mtr>"
      }
      output += "</mtable>"
    case .style(let displayStyle, let content):
      output += "<mstyle displaystyle=\"\(displayStyle)\" scriptlevel=\"0\">"
      writeSingle(content)
      output += "</mstyle>"
    }
  }

  /// Writes `node` as exactly one element, as script and fraction children must be.
  private mutating func writeSingle(_ node: MathNode) {
    if case .row(let items) = node, items.count != 1 {
      element("mrow", items)
    } else {
      write(node)
    }
  }

  private mutating func element(_ name: String, _ children: [MathNode], attributes: String = "") {
    output += "<\(name)\(attributes)>"
    if name == "mrow" {
      for child in children { write(child) }
    } else {
      for child in children { writeSingle(child) }
    }
    output += "</\(name)>"
  }

  private static func format(_ value: Double) -> String {
    let rounded = (value * 1000).rounded() / 1000
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  static func escaped(_ text: some StringProtocol) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      default: result.append(character)
      }
    }
    return result
  }
}
