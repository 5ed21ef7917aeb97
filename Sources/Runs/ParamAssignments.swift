import Directives

/// The `-p` arguments of a render, parsed once for a single run and for a sweep alike.
///
/// Each is `name=value[,value...]`: several values make a sweep, one run per combination, in the
/// order the params and values are written (the last param varies fastest). A `\,` is a comma
/// inside a value and `\\` a backslash, so `-p title=a\,b` is one run whose title is `a,b`.
package struct ParamAssignments: Sendable {
  /// Each param's values, in the order given.
  package var axes: [(name: String, values: [String])]

  package init(parsing arguments: [String]) throws(RenderError) {
    axes = []
    for argument in arguments {
      guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
        throw RenderError(
          .badParam, location: "-p",
          reason: "-p '\(argument)': expected NAME=VALUE, e.g. -p epochs=5 or -p rate=0.05,0.1")
      }
      let name = String(argument[..<equals])
      if axes.contains(where: { $0.name == name }) {
        throw RenderError(
          .badParam, location: "-p",
          reason:
            "-p \(name) is given twice; list its values once, separated by commas: -p \(name)=A,B")
      }
      axes.append((name, Self.splitValues(argument[argument.index(after: equals)...])))
    }
  }

  /// One list of overrides per run: a single list when no param has several values.
  package var runs: [[ParamOverride]] {
    var runs: [[ParamOverride]] = [[]]
    for axis in axes {
      runs = runs.flatMap { prefix in
        axis.values.map { prefix + [ParamOverride(name: axis.name, text: $0)] }
      }
    }
    return runs
  }

  /// `-p` text that parses back to exactly `override` (commas and backslashes escaped), for
  /// handing one run of a sweep to a child process.
  package static func argument(for override: ParamOverride) -> String {
    var text = ""
    for character in override.text {
      if character == "\\" || character == "," { text.append("\\") }
      text.append(character)
    }
    return "\(override.name)=\(text)"
  }

  private static func splitValues(_ text: Substring) -> [String] {
    var values: [String] = []
    var current = ""
    var escaped = false
    for character in text {
      if escaped {
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "," {
        values.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    if escaped { current.append("\\") }
    values.append(current)
    return values
  }
}
