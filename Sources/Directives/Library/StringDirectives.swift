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
