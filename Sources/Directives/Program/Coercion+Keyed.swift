/// Dictionary and set types as declarations name them, and their values converted to a type.
extension ValueType {
  /// `[String: Int]`, `Dictionary<String, Int>` or `Set<Int>`; nil for any other name.
  static func keyedTypeNamed(_ name: String, at position: Position, structures: Set<String>)
    throws(EvaluationError) -> ValueType?
  {
    if name.hasPrefix("Set<"), name.hasSuffix(">") {
      let element = try named(
        String(name.dropFirst(4).dropLast()), at: position, structures: structures)
      try requireHashable(element, in: name, at: position)
      return .set(element)
    }
    var pair: (key: Substring, value: Substring)?
    if name.hasPrefix("["), name.hasSuffix("]") {
      let inner = name.dropFirst().dropLast()
      if let colon = topLevelIndex(of: ":", in: inner) {
        pair = (inner[..<colon], inner[inner.index(after: colon)...])
      }
    } else if name.hasPrefix("Dictionary<"), name.hasSuffix(">") {
      let inner = name.dropFirst(11).dropLast()
      if let comma = topLevelIndex(of: ",", in: inner) {
        pair = (inner[..<comma], inner[inner.index(after: comma)...])
      }
    }
    guard let pair else { return nil }
    let key = try named(String(pair.key), at: position, structures: structures)
    try requireHashable(key, in: name, at: position)
    return .dictionary(key, try named(String(pair.value), at: position, structures: structures))
  }

  private static func requireHashable(_ type: ValueType, in name: String, at position: Position)
    throws(EvaluationError)
  {
    guard HashKey.isHashable(type) else {
      throw EvaluationError(
        "'\(name)': a key or set element is an Int, Double, String or Bool, not '\(type)'",
        at: position)
    }
  }

  /// The first `character` outside brackets, parentheses and angle brackets.
  private static func topLevelIndex(of character: Character, in text: Substring) -> String.Index? {
    var depth = 0
    for index in text.indices {
      switch text[index] {
      case "(", "[", "<": depth += 1
      case ")", "]", ">": depth -= 1
      case character where depth == 0: return index
      default: break
      }
    }
    return nil
  }
}

extension Coercion {
  /// A dictionary's keys and values, or a set's elements, converted to the expected types
  /// (Ints become Doubles in a `[String: Double]`).
  static func coerceKeyed(_ value: Value, to type: ValueType, at position: Position)
    throws(EvaluationError) -> Value?
  {
    switch (type, value) {
    case (.dictionary(let keyType, let valueType), .dictionary(let dictionary)):
      var converted = DictionaryValue()
      for (key, element) in zip(dictionary.keys, dictionary.values) {
        let newKey = try coerce(key, to: keyType, at: position)
        let newValue = try coerce(element, to: valueType, at: position)
        guard let hash = HashKey(newKey) else { return nil }
        converted.update(newKey, hash: hash, initial: newValue) { _ in }
      }
      return .dictionary(converted)
    case (.set(let elementType), .set(let set)):
      var converted = SetValue()
      for element in set.elements {
        let newElement = try coerce(element, to: elementType, at: position)
        guard let hash = HashKey(newElement) else { return nil }
        converted.insert(newElement, hash: hash)
      }
      return .set(converted)
    default:
      return nil
    }
  }
}
