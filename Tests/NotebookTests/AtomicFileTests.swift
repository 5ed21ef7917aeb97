import Foundation
import Testing

@testable import Notebook

@Suite("Atomic writes")
struct AtomicFileTests {
  @Test func writesCreatesFoldersAndReplacesWithoutLeftovers() throws {
    let folder = try TemporaryFolder()
    let target = "\(folder.path)/out/report.html"
    try AtomicFile.write("first", to: target)
    try AtomicFile.write("second", to: target)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "second")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: "\(folder.path)/out") == ["report.html"])
  }

  @Test func failureLeavesNothingBehind() throws {
    let folder = try TemporaryFolder()
    // The target is an existing folder, so the final rename must fail.
    try FileManager.default.createDirectory(
      atPath: "\(folder.path)/taken/inner", withIntermediateDirectories: true)
    #expect(throws: AtomicFile.WriteError.self) {
      try AtomicFile.write("x", to: "\(folder.path)/taken")
    }
    #expect(folder.entries == ["taken"])
  }
}

@Suite("Suggestions")
struct SuggestionTests {
  @Test func closeNamesAreSuggestedAndFarOnesAreNot() {
    #expect(Suggestion.closest(to: "evl", among: CellOptionsParser.knownKeys) == "eval")
    #expect(Suggestion.closest(to: "Cache", among: CellOptionsParser.knownKeys) == "cache")
    #expect(Suggestion.closest(to: "learningRate", among: ["epochs", "seed"]) == nil)
    #expect(Suggestion.closest(to: "cahce", among: CellOptionsParser.knownKeys) == "cache")
    #expect(Suggestion.closest(to: "foo", among: CellOptionsParser.knownKeys) == nil)
    #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    #expect(Suggestion.editDistance("cahce", "cache") == 1)
  }
}
