/// Builds the text of a value with parts (arrays, dictionaries, sets, structs, optionals, tuples)
/// as Swift prints it, within a budget of bytes: a value that shares its parts (an array doubled
/// by `a = [a, a]` 40 times) is small in memory but its text is not, so the text is cut with "…"
/// where the budget ends instead of growing until the process is killed.
struct ValueTextWriter {
  private(set) var text = ""
  private var remaining: Int
  private(set) var isCut = false

  init(budget: Int) { remaining = budget }

  mutating func write(_ value: Value, quoted: Bool) {
    guard !isCut else { return }
    switch value {
    case .string(let string): append(quoted ? value.debugText : string)
    // Qualified inside a collection, an optional or a tuple: `[Activation.relu]`.
    case .enumCase: append(quoted ? value.debugText : value.leafDescription)
    case .array(let elements): writeList(elements)
    case .set(let set): writeList(set.elements)
    case .dictionary(let dictionary):
      guard dictionary.count > 0 else { return append("[:]") }
      append("[")
      for (index, (key, element)) in zip(dictionary.keys, dictionary.values).enumerated() {
        if isCut { return }
        if index > 0 { append(", ") }
        write(key, quoted: true)
        append(": ")
        write(element, quoted: true)
      }
      append("]")
    case .structure(let structure):
      append(structure.typeName + "(")
      writeFields(structure.fields, labels: structure.fieldNames.map { $0 })
      append(")")
    case .optional(let wrapped?):
      append("Optional(")
      write(wrapped, quoted: true)
      append(")")
    case .tuple(let elements, let labels):
      append("(")
      writeFields(elements, labels: labels)
      append(")")
    default: append(value.leafDescription)
    }
  }

  private mutating func writeList(_ elements: [Value]) {
    append("[")
    for (index, element) in elements.enumerated() {
      if isCut { return }
      if index > 0 { append(", ") }
      write(element, quoted: true)
    }
    append("]")
  }

  /// `label: value, value`: a struct's fields or a tuple's elements.
  private mutating func writeFields(_ values: [Value], labels: [String?]) {
    for (index, (label, value)) in zip(labels, values).enumerated() {
      if isCut { return }
      if index > 0 { append(", ") }
      if let label { append(label + ": ") }
      write(value, quoted: true)
    }
  }

  private mutating func append(_ piece: String) {
    guard !isCut else { return }
    let count = piece.utf8.count
    if count <= remaining {
      text += piece
      remaining -= count
      return
    }
    for character in piece {
      let size = character.utf8.count
      if size > remaining { break }
      text.append(character)
      remaining -= size
    }
    text += "…"
    isCut = true
  }
}
