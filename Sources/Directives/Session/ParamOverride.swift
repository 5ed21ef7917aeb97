import Notebook

/// A `-p name=value` from the command line, before it is checked against the notebook's params
/// (`ParamAssignments` in Runs parses the arguments).
package struct ParamOverride: Hashable, Sendable {
  package var name: String
  package var text: String

  package init(name: String, text: String) {
    self.name = name
    self.text = text
  }

  /// The params with this override applied, its text parsed as the default's type.
  package static func apply(_ overrides: [ParamOverride], to params: [Param])
    throws(ParamOverrideError)
    -> [Param]
  {
    var result = params
    for override in overrides {
      guard let index = result.firstIndex(where: { $0.name == override.name }) else {
        let names = params.map(\.name)
        let hint = Suggestion.hint(for: override.name, among: names)
        let known =
          names.isEmpty
          ? "the notebook has no params" : "its params are \(names.joined(separator: ", "))"
        throw ParamOverrideError(message: "unknown param '\(override.name)'\(hint) (\(known))")
      }
      result[index].value = try override.parsed(as: result[index].value)
    }
    return result
  }

  func parsed(as defaultValue: ParamValue) throws(ParamOverrideError) -> ParamValue {
    let parsed: ParamValue? =
      switch defaultValue {
      case .int: Int(text.replacingAll("_", with: "")).map(ParamValue.int)
      case .double: Double(text.replacingAll("_", with: "")).map(ParamValue.double)
      case .bool: Bool(text).map(ParamValue.bool)
      case .string: .string(text)
      }
    guard let parsed else {
      let article = defaultValue.typeName == "Int" ? "an" : "a"
      throw ParamOverrideError(
        message:
          "param '\(name)' is \(article) \(defaultValue.typeName) (default \(defaultValue)), but '-p \(name)=\(text)' is not \(article) \(defaultValue.typeName)"
      )
    }
    return parsed
  }
}

/// A `-p` that names no param or does not parse as the param's type.
package struct ParamOverrideError: Error, Sendable, CustomStringConvertible {
  package var message: String
  package var description: String { "error: \(message)" }
}

extension ParamValue {
  var value: Value {
    switch self {
    case .int(let value): .int(value)
    case .double(let value): .double(value)
    case .bool(let value): .bool(value)
    case .string(let value): .string(value)
    }
  }
}
