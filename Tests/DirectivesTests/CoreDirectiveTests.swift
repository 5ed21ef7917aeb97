import Notebook
import Testing

@testable import Directives

/// Each core directive, as a notebook uses it.
@Suite struct CoreDirectiveTests {
  func value(_ source: String) throws -> String? { try shown(evaluate(source)[0]) }

  @Test func printWithSeparatorAndTerminator() throws {
    #expect(try printed(evaluate(#"print("a", 1, separator: "-", terminator: "!")"#)[0]) == "a-1!")
    #expect(
      try printed(evaluate("print()\nprint([\"x\"], 1...3, 0..<2, [1...2])")[0])
        == "\n[\"x\"] 1...3 0..<2 [1...2]\n")
  }

  @Test func numbers() throws {
    #expect(try value("abs(-3)") == "3")
    #expect(try value("abs(-2.5)") == "2.5")
    #expect(try value("sqrt(16)") == "4.0")
    #expect(try value("exp(0)") == "1.0")
    #expect(try value("log(1)") == "0.0")
    #expect(try value("round(2.6)") == "3.0")
    #expect(try value("pow(2, 10)") == "1024.0")
    #expect(try value("min(3, 1, 2)") == "1")
    #expect(try value("max(1, 2.5)") == "2.5")
  }

  @Test func conversions() throws {
    #expect(try value("Double(3)") == "3.0")
    #expect(try value("Int(3.9)") == "3")
    #expect(try value("Int(\"42\")") == "Optional(42)")
    #expect(try value("String(1.5) + \"!\"") == "\"1.5!\"")
    #expect(try value("Int(\"forty\")") == "nil")
    #expect(try value("Double(\"1e3\")") == "Optional(1000.0)")
  }

  @Test func arrayMembers() throws {
    #expect(try value("[1, 2, 3].count") == "3")
    #expect(try value("[1].isEmpty") == "false")
    #expect(try value("[3, 9, 4].max()") == "Optional(9)")
    #expect(try value("[3, 9, 4].min()!") == "3")
    #expect(try value("[1, 2].reversed()") == "[2, 1]")
    #expect(try value("[\"a\", \"b\"].contains(\"b\")") == "true")
    #expect(try value("var xs: [Double] = []\nxs.append(1)\nxs") == "[1.0]")
    #expect(try value("let e: [Int] = []\ne.max()") == "nil")
  }

  @Test func rangeAndStringMembers() throws {
    #expect(try value("(0..<5).count") == "5")
    #expect(try value("(2...4).upperBound") == "4")
    #expect(try value("(2..<4).upperBound") == "4")
    #expect(try value("\"Nudge\".count") == "5")
    #expect(try value("\"Nudge\".uppercased()") == "\"NUDGE\"")
  }

  @Test func callsReportWrongLabelsAtTheLabel() throws {
    #expect(
      try failure(evaluate("pow(2, power: 3)")[0])
        == "nb.md:10:8: error: unknown argument label 'power:' in call to 'pow'; this argument takes no label"
    )
  }

  @Test func membersReportMisspellingsWithSuggestions() throws {
    #expect(
      try failure(evaluate("[1].cuont")[0])
        == "nb.md:10:5: error: value of type '[Int]' has no member 'cuont'; did you mean 'count'?")
  }
}
