/// Members of dictionaries and sets that read them: counts, keys and values, membership and set
/// algebra. (Those that change them in place are compiled: `ProgramCompiler+Dictionaries`.)
enum KeyedDirectives {
  static let all: [Directive] = dictionaries + sets

  static let anyDictionary: ValueType = .dictionary(.any, .any)
  static let anySet: ValueType = .set(.any)

  /// `count` and `isEmpty` of a dictionary or a set.
  static func size(of value: Value) -> Int? {
    switch value {
    case .dictionary(let dictionary): dictionary.count
    case .set(let set): set.count
    default: nil
    }
  }

  static func sizeMembers(of type: ValueType, counting noun: String) -> [Directive] {
    [
      .computed("count", .property(of: type), .int, "The number of \(noun).") {
        size(of: $0).map { .int($0) }
      },
      .computed("isEmpty", .property(of: type), .bool, "Whether there are no \(noun).") {
        size(of: $0).map { .bool($0 == 0) }
      },
    ]
  }

  static let dictionaries: [Directive] =
    sizeMembers(of: anyDictionary, counting: "keys") + [
      Directive(
        "keys", .property(of: anyDictionary), result: .array(.any),
        resultFromArguments: { types in
          if case .dictionary(let key, _)? = types.first { .array(key) } else { .array(.any) }
        },
        summary: "The keys, in the order they were added, as an array."
      ) { call throws(EvaluationError) in
        guard case .dictionary(let dictionary) = call.self_ else {
          throw call.error("not a dictionary")
        }
        return .array(dictionary.keys)
      },
      Directive(
        "values", .property(of: anyDictionary), result: .array(.any),
        resultFromArguments: { types in
          if case .dictionary(_, let value)? = types.first { .array(value) } else { .array(.any) }
        },
        summary: "The values, in the order their keys were added, as an array."
      ) { call throws(EvaluationError) in
        guard case .dictionary(let dictionary) = call.self_ else {
          throw call.error("not a dictionary")
        }
        return .array(dictionary.values)
      },
    ]

  static let sets: [Directive] =
    sizeMembers(of: anySet, counting: "elements") + [
      Directive(
        "contains", .method(on: anySet), parameters: [Parameter(nil, name: "element", .any)],
        result: .bool, summary: "Whether the element is in the set."
      ) { call throws(EvaluationError) in
        guard case .set(let set) = call.self_ else { throw call.error("not a set") }
        return .bool(HashKey(call.value("element")).map(set.contains) ?? false)
      },
      Directive(
        "sorted", .method(on: anySet), result: .array(.any),
        resultFromArguments: { types in
          if case .set(let element)? = types.first { .array(element) } else { .array(.any) }
        },
        summary: "The elements in increasing order, as an array."
      ) { call throws(EvaluationError) in
        guard case .set(let set) = call.self_ else { throw call.error("not a set") }
        return .array(set.elements.sorted { Operators.isLess($0, $1) })
      },
      algebra("union", "The elements of both, the set's first, then the others' new ones.") {
        set, _, other in
        var result = set
        for (element, hash) in other { result.insert(element, hash: hash) }
        return result
      },
      algebra("intersection", "The set's elements that are also in `other`, in the set's order.") {
        set, hashes, _ in
        var result = SetValue()
        for element in set.elements {
          if let hash = HashKey(element), hashes.contains(hash) {
            result.insert(element, hash: hash)
          }
        }
        return result
      },
      algebra("subtracting", "The set's elements that are not in `other`, in the set's order.") {
        set, hashes, _ in
        var result = SetValue()
        for element in set.elements {
          if let hash = HashKey(element), !hashes.contains(hash) {
            result.insert(element, hash: hash)
          }
        }
        return result
      },
      algebra(
        "symmetricDifference",
        "The elements in exactly one of the two: the set's, then the others'."
      ) { set, hashes, other in
        var result = SetValue()
        for element in set.elements {
          if let hash = HashKey(element), !hashes.contains(hash) {
            result.insert(element, hash: hash)
          }
        }
        for (element, hash) in other where !set.contains(hash) {
          result.insert(element, hash: hash)
        }
        return result
      },
      relation("isSubset", "of", "Whether every element is also in `other`.") {
        set, hashes, _ in set.elements.allSatisfy { HashKey($0).map(hashes.contains) ?? false }
      },
      relation("isSuperset", "of", "Whether every element of `other` is also in the set.") {
        set, _, other in other.allSatisfy { set.contains($0.hash) }
      },
      relation("isDisjoint", "with", "Whether the set and `other` have no element in common.") {
        set, _, other in !other.contains { set.contains($0.hash) }
      },
    ]

  /// `isSubset(of:)`, `isSuperset(of:)`, `isDisjoint(with:)`: a test against a set or an array.
  private static func relation(
    _ name: String, _ label: String, _ summary: String,
    _ test: @escaping @Sendable (SetValue, Set<HashKey>, [(Value, hash: HashKey)]) -> Bool
  ) -> Directive {
    Directive(
      name, .method(on: anySet),
      parameters: [Parameter(label, name: "other", .oneOf([anySet, .array(.any)]))],
      result: .bool, summary: summary
    ) { call throws(EvaluationError) in
      guard case .set(let set) = call.self_ else { throw call.error("not a set") }
      let other = try others(call)
      return .bool(test(set, Set(other.map(\.hash)), other))
    }
  }

  /// The elements of the `other` argument (a set or an array) with their hashes.
  private static func others(_ call: Invocation) throws(EvaluationError) -> [(Value, hash: HashKey)]
  {
    let values: [Value]
    switch call.value("other") {
    case .set(let set): values = set.elements
    case .array(let elements): values = elements
    default: throw call.error("'\(call.directive.name)' needs a set or an array")
    }
    var result: [(Value, hash: HashKey)] = []
    for value in values {
      result.append((value, try ProgramCompiler.hashKey(value, at: call.position(of: "other"))))
    }
    return result
  }

  /// `union`, `intersection`, `subtracting`: a new set of the receiver's element type.
  private static func algebra(
    _ name: String, _ summary: String,
    _ combine: @escaping @Sendable (SetValue, Set<HashKey>, [(Value, hash: HashKey)]) -> SetValue
  ) -> Directive {
    Directive(
      name, .method(on: anySet),
      parameters: [Parameter(nil, name: "other", .oneOf([anySet, .array(.any)]))],
      result: anySet, resultFromArguments: CoreDirectives.sameAsReceiver, summary: summary
    ) { call throws(EvaluationError) in
      guard case .set(let set) = call.self_ else { throw call.error("not a set") }
      let other = try others(call)
      return .set(combine(set, Set(other.map(\.hash)), other))
    }
  }
}
