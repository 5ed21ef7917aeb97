/// `-p rate=0.05,0.1,0.5 -p seed=1,2`: every combination of the listed values, one run each, in
/// the order the params and values are written (the last param varies fastest).
package enum Sweep {
  /// Parses `name=value[,value...]` assignments (a `\,` keeps a comma inside a value) and returns
  /// one list of `(name, value)` overrides per run.
  package static func expand(_ assignments: [String]) throws -> [[(name: String, value: String)]] {
    var axes: [(name: String, values: [String])] = []
    for assignment in assignments {
      guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
        throw RunsError(
          "-p '\(assignment)': expected NAME=VALUE, e.g. -p epochs=5 or -p rate=0.05,0.1")
      }
      let name = String(assignment[..<equals])
      let values = splitValues(String(assignment[assignment.index(after: equals)...]))
      if axes.contains(where: { $0.name == name }) {
        throw RunsError(
          "-p \(name) is given twice; list its values once, separated by commas: -p \(name)=A,B")
      }
      axes.append((name, values))
    }
    var runs: [[(name: String, value: String)]] = [[]]
    for axis in axes {
      runs = runs.flatMap { prefix in axis.values.map { prefix + [(axis.name, $0)] } }
    }
    return runs
  }

  private static func splitValues(_ text: String) -> [String] {
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
    values.append(current)
    return values
  }
}
