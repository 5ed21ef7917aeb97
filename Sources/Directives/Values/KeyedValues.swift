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
///
/// A removal leaves a hole (`.void`, which is never a key) instead of shifting the later entries,
/// and the holes are swept out once they outnumber the entries: removing every key one by one
/// takes linear time, not quadratic.
package struct DictionaryValue: Sendable, Codable {
  private var storedKeys: [Value] = []
  private var storedValues: [Value] = []
  private var positions: [HashKey: Int] = [:]

  package init() {}

  package var count: Int { positions.count }

  /// The keys in insertion order.
  package var keys: [Value] {
    storedKeys.count == positions.count ? storedKeys : storedKeys.filter(Holes.isEntry)
  }

  /// The values, in the order of `keys`.
  package var values: [Value] {
    storedKeys.count == positions.count
      ? storedValues : zip(storedKeys, storedValues).filter { Holes.isEntry($0.0) }.map(\.1)
  }

  package subscript(key: HashKey) -> Value? {
    positions[key].map { storedValues[$0] }
  }

  /// Changes the value for `key` in place, starting from `initial` when the key is new.
  package mutating func update<Failure: Error>(
    _ key: Value, hash: HashKey, initial: Value, _ body: (inout Value) throws(Failure) -> Void
  ) throws(Failure) {
    if let position = positions[hash] {
      try body(&storedValues[position])
      return
    }
    var value = initial
    try body(&value)
    positions[hash] = storedKeys.count
    storedKeys.append(key)
    storedValues.append(value)
  }

  /// Removes `key` and its value; later keys keep their order.
  @discardableResult
  package mutating func remove(_ hash: HashKey) -> Value? {
    guard let position = positions.removeValue(forKey: hash) else { return nil }
    let removed = storedValues[position]
    storedKeys[position] = Holes.hole
    storedValues[position] = Holes.hole
    if Holes.shouldSweep(stored: storedKeys.count, entries: positions.count) {
      let kept = storedKeys.indices.filter { Holes.isEntry(storedKeys[$0]) }
      storedKeys = kept.map { storedKeys[$0] }
      storedValues = kept.map { storedValues[$0] }
      for (index, key) in storedKeys.enumerated() {
        if let hash = HashKey(key) { positions[hash] = index }
      }
    }
    return removed
  }

  /// The same keys with each value transformed.
  package func mapValues(_ transform: (Value) -> Value) -> DictionaryValue {
    var copy = self
    copy.storedValues = zip(storedKeys, storedValues).map {
      Holes.isEntry($0.0) ? transform($0.1) : Holes.hole
    }
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

/// A set that keeps its elements in insertion order, for the same reason as `DictionaryValue`
/// (and removes them the same way, leaving holes swept out later).
package struct SetValue: Sendable, Codable {
  private var stored: [Value] = []
  private var positions: [HashKey: Int] = [:]

  package init() {}

  package var count: Int { positions.count }

  /// The elements in insertion order.
  package var elements: [Value] {
    stored.count == positions.count ? stored : stored.filter(Holes.isEntry)
  }

  package func contains(_ hash: HashKey) -> Bool { positions[hash] != nil }

  /// The element equal to `hash`'s value, as stored.
  package func member(_ hash: HashKey) -> Value? { positions[hash].map { stored[$0] } }

  /// Adds the element unless an equal one is there; whether it was added.
  @discardableResult
  package mutating func insert(_ element: Value, hash: HashKey) -> Bool {
    guard positions[hash] == nil else { return false }
    positions[hash] = stored.count
    stored.append(element)
    return true
  }

  @discardableResult
  package mutating func remove(_ hash: HashKey) -> Value? {
    guard let position = positions.removeValue(forKey: hash) else { return nil }
    let removed = stored[position]
    stored[position] = Holes.hole
    if Holes.shouldSweep(stored: stored.count, entries: positions.count) {
      stored = stored.filter(Holes.isEntry)
      for (index, element) in stored.enumerated() {
        if let hash = HashKey(element) { positions[hash] = index }
      }
    }
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

/// The holes removals leave in a dictionary's or set's storage.
enum Holes {
  /// What a removed entry leaves: `.void` is never a key or a set's element.
  static let hole = Value.void

  static func isEntry(_ value: Value) -> Bool {
    if case .void = value { false } else { true }
  }

  /// Sweep once holes outnumber entries: each sweep costs what the removals before it saved.
  static func shouldSweep(stored: Int, entries: Int) -> Bool {
    stored - entries > max(entries, 16)
  }
}
