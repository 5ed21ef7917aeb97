/// A value that can be a dictionary key or a set element: the hashable scalars.
package enum HashKey: Hashable, Sendable {
  case int(Int)
  case double(Double)
  case string(String)
  case bool(Bool)

  /// The key of a value, or nil for a value that cannot be hashed.
  package init?(_ value: Value) {
    switch value {
    case .int(let number): self = .int(number)
    case .double(let number): self = .double(number)
    case .string(let text): self = .string(text)
    case .bool(let flag): self = .bool(flag)
    default: return nil
    }
  }

  /// Whether values of this type can be keys.
  static func isHashable(_ type: ValueType) -> Bool {
    [.int, .double, .string, .bool, .any].contains(type)
  }
}

/// A dictionary that keeps its keys in insertion order, so a notebook prints and iterates it the
/// same way on every run (Swift's `Dictionary` uses a per-process hash order).
package struct DictionaryValue: Sendable, Codable {
  package private(set) var keys: [Value] = []
  package private(set) var values: [Value] = []
  private var positions: [HashKey: Int] = [:]

  package init() {}

  package var count: Int { keys.count }

  package subscript(key: HashKey) -> Value? {
    positions[key].map { values[$0] }
  }

  /// Changes the value for `key` in place, starting from `initial` when the key is new.
  package mutating func update<Failure: Error>(
    _ key: Value, hash: HashKey, initial: Value, _ body: (inout Value) throws(Failure) -> Void
  ) throws(Failure) {
    if let position = positions[hash] {
      try body(&values[position])
      return
    }
    var value = initial
    try body(&value)
    positions[hash] = keys.count
    keys.append(key)
    values.append(value)
  }

  /// Removes `key` and its value; later keys keep their order.
  @discardableResult
  package mutating func remove(_ hash: HashKey) -> Value? {
    guard let position = positions.removeValue(forKey: hash) else { return nil }
    keys.remove(at: position)
    let removed = values.remove(at: position)
    for (key, index) in positions where index > position { positions[key] = index - 1 }
    return removed
  }

  /// The same keys with each value transformed.
  package func mapValues(_ transform: (Value) -> Value) -> DictionaryValue {
    var copy = self
    copy.values = values.map(transform)
    return copy
  }

  private enum CodingKeys: String, CodingKey { case keys, values }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let keys = try container.decode([Value].self, forKey: .keys)
    let values = try container.decode([Value].self, forKey: .values)
    guard keys.count == values.count else {
      throw DecodingError.dataCorruptedError(
        forKey: .values, in: container, debugDescription: "a dictionary needs a value per key")
    }
    for (key, value) in zip(keys, values) {
      guard let hash = HashKey(key) else {
        throw DecodingError.dataCorruptedError(
          forKey: .keys, in: container, debugDescription: "a dictionary key must be hashable")
      }
      update(key, hash: hash, initial: value) { _ in }
    }
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(keys, forKey: .keys)
    try container.encode(values, forKey: .values)
  }
}

/// A set that keeps its elements in insertion order, for the same reason as `DictionaryValue`.
package struct SetValue: Sendable, Codable {
  package private(set) var elements: [Value] = []
  private var positions: [HashKey: Int] = [:]

  package init() {}

  package var count: Int { elements.count }

  package func contains(_ hash: HashKey) -> Bool { positions[hash] != nil }

  /// The element equal to `hash`'s value, as stored.
  package func member(_ hash: HashKey) -> Value? { positions[hash].map { elements[$0] } }

  /// Adds the element unless an equal one is there; whether it was added.
  @discardableResult
  package mutating func insert(_ element: Value, hash: HashKey) -> Bool {
    guard positions[hash] == nil else { return false }
    positions[hash] = elements.count
    elements.append(element)
    return true
  }

  @discardableResult
  package mutating func remove(_ hash: HashKey) -> Value? {
    guard let position = positions.removeValue(forKey: hash) else { return nil }
    let removed = elements.remove(at: position)
    for (key, index) in positions where index > position { positions[key] = index - 1 }
    return removed
  }

  package init(from decoder: any Decoder) throws {
    var container = try decoder.unkeyedContainer()
    while !container.isAtEnd {
      let element = try container.decode(Value.self)
      guard let hash = HashKey(element) else {
        throw DecodingError.dataCorruptedError(
          in: container, debugDescription: "a set element must be hashable")
      }
      insert(element, hash: hash)
    }
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.unkeyedContainer()
    try container.encode(contentsOf: elements)
  }
}
