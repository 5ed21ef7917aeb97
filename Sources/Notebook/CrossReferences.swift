/// A figure or table a cell's `label` numbers, so prose can refer to it as `@fig-cost`.
package struct NumberedItem: Hashable, Sendable {
  package enum Kind: String, Hashable, Sendable {
    case figure = "Figure"
    case table = "Table"
  }

  package var label: String
  package var kind: Kind
  /// 1-based, counted separately for figures and tables in file order.
  package var number: Int
  package var caption: String?

  /// "Figure 2".
  package var name: String { "\(kind.rawValue) \(number)" }
}

/// An `@fig-...` or `@tbl-...` written in prose.
package struct CrossReference: Hashable, Sendable {
  package var label: String
  package var line: Int
  package var column: Int
}

extension Document {
  /// The labelled figures and tables by label.
  package var numberedItems: [String: NumberedItem] {
    var items: [String: NumberedItem] = [:]
    var counts: [NumberedItem.Kind: Int] = [:]
    for cell in cells {
      guard let label = cell.options.label else { continue }
      let kind: NumberedItem.Kind = label.hasPrefix("tbl-") ? .table : .figure
      let number = (counts[kind] ?? 0) + 1
      counts[kind] = number
      items[label] = NumberedItem(
        label: label, kind: kind, number: number,
        caption: kind == .figure ? cell.options.figureCaption : cell.options.tableCaption)
    }
    return items
  }
}

/// Finds `@fig-name` and `@tbl-name` in prose, outside code blocks and code spans.
package enum CrossReferenceScanner {
  package static func references(in prose: Prose) -> [CrossReference] {
    var literalLines = Set<Int>()
    for block in ProseBlockMap(markdown: prose.markdown).literalBlocks {
      literalLines.formUnion(block.lines)
    }
    var references: [CrossReference] = []
    let lines = prose.markdown.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() where !literalLines.contains(index + 1) {
      for (label, offset) in labels(inLine: Array(line.utf8)) {
        references.append(
          CrossReference(label: label, line: prose.line + index, column: offset + 1))
      }
    }
    return references
  }

  /// The labels referred to in one line, with their UTF-8 offsets (at the `@`).
  package static func labels(inLine bytes: [UInt8]) -> [(String, Int)] {
    var found: [(String, Int)] = []
    var index = 0
    var openTicks = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "`") {
        var run = 0
        while index < bytes.count, bytes[index] == UInt8(ascii: "`") {
          run += 1
          index += 1
        }
        openTicks = openTicks == 0 ? run : (openTicks == run ? 0 : openTicks)
        continue
      }
      if openTicks == 0, byte == UInt8(ascii: "@"), index == 0 || !isLabelByte(bytes[index - 1]),
        let label = label(at: index + 1, in: bytes)
      {
        found.append((label, index))
        index += 1 + label.utf8.count
        continue
      }
      index += 1
    }
    return found
  }

  private static func label(at start: Int, in bytes: [UInt8]) -> String? {
    let rest = bytes[start...]
    guard rest.starts(with: Array("fig-".utf8)) || rest.starts(with: Array("tbl-".utf8)) else {
      return nil
    }
    var end = start + 4
    while end < bytes.count, isLabelByte(bytes[end]) { end += 1 }
    // A sentence's final hyphen or underscore is not part of the label.
    while end > start + 4,
      bytes[end - 1] == UInt8(ascii: "-") || bytes[end - 1] == UInt8(ascii: "_")
    {
      end -= 1
    }
    guard end > start + 4 else { return nil }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  static func isLabelByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
      || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
  }
}
