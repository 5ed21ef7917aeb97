import Directives
import Testing

@testable import Runs

@Suite struct ParamAssignmentsTests {
  func runs(_ arguments: [String]) throws -> [[String]] {
    try ParamAssignments(parsing: arguments).runs.map { $0.map { "\($0.name)=\($0.text)" } }
  }

  @Test func sweepsExpandToTheProductInOrder() throws {
    let runs = try runs(["rate=0.05,0.1", "seed=1,2,3", "title=a\\,b"])
    #expect(runs.count == 6)
    #expect(runs[0] == ["rate=0.05", "seed=1", "title=a,b"])
    #expect(runs[1] == ["rate=0.05", "seed=2", "title=a,b"])
    #expect(runs[5] == ["rate=0.1", "seed=3", "title=a,b"])
  }

  @Test func aSingleRunUnescapesLikeASweep() throws {
    #expect(try runs(["title=a\\,b"]) == [["title=a,b"]])
    #expect(try runs(["path=c:\\\\x"]) == [["path=c:\\x"]])
    #expect(try runs(["epochs=5"]) == [["epochs=5"]])
    #expect(try runs([]) == [[]])
  }

  @Test func aChildArgumentParsesBackToTheSameValue() throws {
    for text in ["a,b", "back\\slash", "trailing\\", ",", "plain", ""] {
      let argument = ParamAssignments.argument(for: ParamOverride(name: "t", text: text))
      let parsed = try ParamAssignments(parsing: [argument]).runs
      #expect(parsed.count == 1)
      #expect(parsed.first?.first?.text == text)
    }
  }

  @Test func malformedAssignmentsAreErrorsNamingTheArgument() {
    #expect(throws: RenderError.self) { try ParamAssignments(parsing: ["=5"]) }
    #expect(throws: RenderError.self) { try ParamAssignments(parsing: ["epochs"]) }
    do {
      _ = try ParamAssignments(parsing: ["rate=1", "rate=2"])
      Issue.record("a param given twice was accepted")
    } catch {
      #expect(error.kind == .badParam)
      #expect(error.reason.contains("-p rate is given twice"))
    }
  }
}
