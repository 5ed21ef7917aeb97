/// Cells written from a small grammar, each choice taken from the fuzzer's bytes (0 once they
/// run out), so that a mutated byte changes one construct and the program mostly stays valid.
struct GeneratedCells {
  private var choices: ArraySlice<UInt8>
  private var names: [String] = []
  private var depth = 0

  init(choices: ArraySlice<UInt8>) { self.choices = choices }

  mutating func cells() -> [String] {
    var cells: [String] = []
    let count = 1 + Int(next(4))
    for _ in 0..<count {
      let lines = (0..<(1 + Int(next(6)))).map { _ in statement() }
      cells.append(lines.joined(separator: "\n"))
    }
    return cells
  }

  private mutating func next(_ bound: UInt8) -> UInt8 {
    guard let byte = choices.popFirst() else { return 0 }
    return byte % bound
  }

  private mutating func newName() -> String {
    let name = "v\(names.count)"
    names.append(name)
    return name
  }

  private mutating func name() -> String {
    names.isEmpty ? "0" : names[Int(next(UInt8(min(names.count, 255))))]
  }

  private mutating func statement() -> String {
    depth += 1
    defer { depth -= 1 }
    switch next(depth > 3 ? 5 : 10) {
    case 0: return "let \(newName()) = \(expression())"
    case 1: return "var \(newName()) = \(expression())"
    case 2: return "print(\(expression()))"
    case 3: return "metric(\"m\(next(4))\", Double(\(integer())))"
    case 4: return "\(name()) = \(expression())"
    case 5:
      return "for i in 0..<\(integer()) {\n  \(statement())\n}"
    case 6:
      return
        "if \(expression()) < \(expression()) {\n  \(statement())\n} else {\n  \(statement())\n}"
    case 7:
      return "func f\(names.count)(x: Int) -> Int {\n  return x * \(integer()) + \(integer())\n}"
    case 8:
      return
        "let \(newName()) = network([\(1 + next(8)), \(1 + next(8)), \(1 + next(4))], seed: \(next(9)))"
    default:
      return
        "var \(newName()) = [\(expression()), \(expression())]\n\(name()).append(\(expression()))"
    }
  }

  private mutating func integer() -> String {
    switch next(6) {
    case 0: "0"
    case 1: "-1"
    case 2: "\(next(255))"
    case 3: "Int.max"
    case 4: "1_000_000_000"
    default: "\(next(16))"
    }
  }

  private mutating func expression() -> String {
    depth += 1
    defer { depth -= 1 }
    switch next(depth > 4 ? 4 : 14) {
    case 0: return integer()
    case 1: return "\(next(100)).\(next(100))"
    case 2: return "\"s\(next(10))\""
    case 3: return name()
    case 4:
      return
        "(\(expression()) \(["+", "-", "*", "/", "%", "==", "<"][Int(next(7))]) \(expression()))"
    case 5: return "[\(expression()), \(expression()), \(expression())]"
    case 6: return "\(name()).count"
    case 7: return "\(name()).reversed()"
    case 8: return "\(name())[\(integer())]"
    case 9: return "\(name()).map { $0 + \(expression()) }"
    case 10: return "Array(repeating: \(expression()), count: \(integer()))"
    case 11: return "\(name()) + \(name())"
    case 12: return "f\(next(8))(x: \(integer()))"
    default: return "\(name()).parameterCount"
    }
  }
}
