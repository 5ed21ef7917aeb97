import Foundation

/// String methods beyond `count` and case changes: searching, splitting, replacing, trimming.
enum StringDirectives {
  static let all: [Directive] = [
    test("hasPrefix", "Whether the string starts with `prefix`.", "prefix") { $0.hasPrefix($1) },
    test("hasSuffix", "Whether the string ends with `suffix`.", "suffix") { $0.hasSuffix($1) },
    test("contains", "Whether `other` occurs in the string.", "other") { $0.contains($1) },
    Directive(
      "split", .method(on: .string), parameters: [Parameter("separator", .string)],
      result: .array(.string),
      summary: "The pieces between occurrences of `separator`, empty pieces left out."
    ) { call throws(EvaluationError) in
      let separator = try call.string("separator")
      guard !separator.isEmpty else {
        throw EvaluationError("the separator is empty", at: call.position(of: "separator"))
      }
      let pieces: [Substring]
      if separator.count == 1, let character = separator.first {
        pieces = try text(call).split(separator: character)
      } else {
        pieces = try text(call).split(separator: separator)
      }
      return .array(pieces.map { .string(String($0)) })
    },
    Directive(
      "components", .method(on: .string),
      parameters: [Parameter("separatedBy", name: "separator", .string)],
      result: .array(.string),
      summary: "The pieces between occurrences of `separator`, empty pieces kept (as Foundation's)."
    ) { call throws(EvaluationError) in
      let separator = try call.string("separator")
      guard !separator.isEmpty else { return .array([.string(try text(call))]) }
      return .array(
        try text(call).components(separatedBy: separator).map { .string($0) })
    },
    piece("prefix", "The first `count` characters (all of them if there are fewer).") {
      $0.prefix($1)
    },
    piece("suffix", "The last `count` characters (all of them if there are fewer).") {
      $0.suffix($1)
    },
    piece("dropFirst", "The string without its first `count` characters (default 1).", default: 1) {
      $0.dropFirst($1)
    },
    piece("dropLast", "The string without its last `count` characters (default 1).", default: 1) {
      $0.dropLast($1)
    },
    Directive(
      "replacingOccurrences", .method(on: .string),
      parameters: [
        Parameter("of", name: "target", .string), Parameter("with", name: "replacement", .string),
      ],
      result: .string, summary: "The string with every occurrence of `target` replaced."
    ) { call throws(EvaluationError) in
      let target = try call.string("target")
      guard !target.isEmpty else { return .string(try text(call)) }
      return .string(
        try text(call).replacingOccurrences(of: target, with: try call.string("replacement")))
    },
    Directive(
      "trimmingCharacters", .method(on: .string),
      parameters: [Parameter("in", name: "set", .enumeration(characterSet))],
      result: .string,
      summary:
        "The string without leading and trailing `.whitespaces`, `.newlines` or `.whitespacesAndNewlines`."
    ) { call throws(EvaluationError) in
      let set: CharacterSet
      switch try call.enumCase("set", of: characterSet) {
      case "whitespaces": set = .whitespaces
      case "newlines": set = .newlines
      default: set = .whitespacesAndNewlines
      }
      return .string(try text(call).trimmingCharacters(in: set))
    },
  ]

  static let characterSet = EnumerationType(
    name: "CharacterSet", cases: ["whitespaces", "newlines", "whitespacesAndNewlines"])

  private static func text(_ call: Invocation) throws(EvaluationError) -> String {
    guard case .string(let text) = call.self_ else { throw call.error("not a string") }
    return text
  }

  /// A part of the string, as a String (Swift gives a Substring, which prints the same).
  private static func piece(
    _ name: String, _ summary: String, default defaultCount: Int? = nil,
    _ take: @escaping @Sendable (String, Int) -> Substring
  ) -> Directive {
    Directive(
      name, .method(on: .string),
      parameters: [Parameter(nil, name: "count", .int, default: defaultCount.map { .int($0) })],
      result: .string, summary: summary
    ) { call throws(EvaluationError) in
      .string(String(take(try text(call), try call.int("count", atLeast: 0))))
    }
  }

  private static func test(
    _ name: String, _ summary: String, _ parameter: String,
    _ predicate: @escaping @Sendable (String, String) -> Bool
  ) -> Directive {
    Directive(
      name, .method(on: .string), parameters: [Parameter(nil, name: parameter, .string)],
      result: .bool, summary: summary
    ) { call throws(EvaluationError) in
      .bool(predicate(try text(call), try call.string(parameter)))
    }
  }
}
