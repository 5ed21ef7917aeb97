import Foundation
import Notebook
import Testing

@testable import Runs

/// A tiny evaluator for runner tests. State is one number; a cell's lines are commands:
/// `add N`, `add PARAM` (a param's value), `read PATH` (adds the file's length), `fail`.
struct CountingEvaluator: CellEvaluating {
  var total = 0
  var evaluated: [String] = []
  var params: [String: ParamValue]

  func paramsReferenced(by cell: Cell) -> Set<String> {
    Set(
      cell.source.split(whereSeparator: \.isWhitespace).map(String.init).filter {
        params[$0] != nil
      })
  }

  mutating func evaluate(_ cell: Cell) -> CellResult {
    evaluated.append(cell.id)
    var files: [String] = []
    for line in cell.source.split(separator: "\n") {
      let words = line.split(separator: " ").map(String.init)
      switch words.first {
      case "add":
        if let value = Int(words[1]) {
          total += value
        } else if case .int(let value) = params[words[1]] {
          total += value
        }
      case "read":
        files.append(words[1])
        total += FileManager.default.contents(atPath: words[1])?.count ?? 0
      case "fail":
        return CellResult(
          status: .failed,
          outputs: [
            .error(Diagnostic("boom", at: SourceLocation(file: "n.md", line: 1, column: 1)))
          ])
      default: break
      }
    }
    return CellResult(
      status: .ok,
      outputs: [.value(String(total)), .metric(name: "\(cell.id).total", value: Double(total))],
      filesRead: files)
  }

  func snapshot() throws -> Data { Data(String(total).utf8) }

  mutating func restore(from snapshot: Data) throws {
    guard let value = Int(String(decoding: snapshot, as: UTF8.self)) else {
      throw RunsError("bad state")
    }
    total = value
  }
}

@Suite struct RunnerTests {
  func document(_ sources: [String], options: [CellOptions] = []) -> Document {
    let blocks = sources.enumerated().map { index, source in
      Block.cell(
        Cell(
          index: index,
          options: index < options.count ? options[index] : CellOptions(name: "c\(index + 1)"),
          source: source, sourceLine: index * 10 + 2, sourceColumn: 1, fenceLine: index * 10 + 1))
    }
    return Document(path: "n.md", title: nil, params: [], blocks: blocks)
  }

  func run(
    _ document: Document, params: [String: ParamValue] = ["epochs": .int(3)], cache: CellCache?,
    engine: String = "1", stop: @escaping @Sendable () -> Bool = { false }
  ) -> (RunOutcome, CountingEvaluator) {
    var evaluator = CountingEvaluator(params: params)
    let outcome = Runner(
      document: document, params: params, cache: cache, engineVersion: engine,
      events: RenderEvents(shouldStop: stop)
    )
    .run(with: &evaluator)
    return (outcome, evaluator)
  }

  @Test func rerunHitsEveryCellAndRestoresNothing() throws {
    let scratch = try temporaryDirectory()
    defer { removeTemporaryDirectory(scratch) }
    let cache = CellCache(directory: scratch)
    let notebook = document(["add 1", "add epochs", "add 10"])
    let (first, firstEvaluator) = run(notebook, cache: cache)
    #expect(firstEvaluator.evaluated == ["c1", "c2", "c3"])
    let (second, secondEvaluator) = run(notebook, cache: cache)
    #expect(secondEvaluator.evaluated.isEmpty)
    #expect(second.cells.values.allSatisfy { $0.cached })
    #expect(second.metrics == first.metrics)
    #expect(second.metrics["c3.total"] == 14)
  }

  @Test func editingACellRecomputesItAndTheCellsAfterIt() throws {
    let scratch = try temporaryDirectory()
    defer { removeTemporaryDirectory(scratch) }
    let cache = CellCache(directory: scratch)
    _ = run(document(["add 1", "add 2", "add 3", "add 4"]), cache: cache)
    let (outcome, evaluator) = run(document(["add 1", "add 2", "add 30", "add 4"]), cache: cache)
    #expect(evaluator.evaluated == ["c3", "c4"])
    #expect(outcome.metrics["c4.total"] == 37)  // state restored from c2's entry: 1 + 2 + 30 + 4
  }

  @Test func changingAParamRecomputesOnlyFromTheFirstCellThatReadsIt() throws {
    let scratch = try temporaryDirectory()
    defer { removeTemporaryDirectory(scratch) }
    let cache = CellCache(directory: scratch)
    let notebook = document(["add 1", "add epochs", "add 1"])
    _ = run(notebook, cache: cache)
    let (outcome, evaluator) = run(notebook, params: ["epochs": .int(5)], cache: cache)
    #expect(evaluator.evaluated == ["c2", "c3"])
    #expect(outcome.metrics["c3.total"] == 7)
  }

  @Test func changingADataFileRecomputesTheCellsThatReadItAndAfter() throws {
    let folder = try temporaryDirectory()
    defer { removeTemporaryDirectory(folder) }
    let file = folder + "/data.txt"
    try "abc".write(toFile: file, atomically: true, encoding: .utf8)
    let cache = CellCache(directory: folder + "/cache")
    let notebook = document(["add 1", "read \(file)", "add 1"])
    _ = run(notebook, cache: cache)
    let rerun = run(notebook, cache: cache).1
    #expect(rerun.evaluated.isEmpty)
    try "abcdef".write(toFile: file, atomically: true, encoding: .utf8)
    let (outcome, evaluator) = run(notebook, cache: cache)
    #expect(evaluator.evaluated == ["c2", "c3"])
    #expect(outcome.metrics["c3.total"] == 8)
  }

  @Test func newEngineVersionOrNoCacheRecomputesEverything() throws {
    let scratch = try temporaryDirectory()
    defer { removeTemporaryDirectory(scratch) }
    let cache = CellCache(directory: scratch)
    let notebook = document(["add 1", "add 2"])
    _ = run(notebook, cache: cache)
    let newEngine = run(notebook, cache: cache, engine: "2").1
    #expect(newEngine.evaluated == ["c1", "c2"])
    let noCache = run(notebook, cache: nil).1
    #expect(noCache.evaluated == ["c1", "c2"])
  }

  @Test func cacheFalseAlwaysRecomputesWithTheRightState() throws {
    let scratch = try temporaryDirectory()
    defer { removeTemporaryDirectory(scratch) }
    let cache = CellCache(directory: scratch)
    let notebook = document(
      ["add 1", "add 2", "add 3"],
      options: [
        CellOptions(name: "a"), CellOptions(name: "b", cache: false), CellOptions(name: "c"),
      ])
    _ = run(notebook, cache: cache)
    let (outcome, evaluator) = run(notebook, cache: cache)
    #expect(evaluator.evaluated == ["b"])
    #expect(outcome.cells[1]?.outputs.first == .value("3"))
  }

  @Test func aFailedCellStopsTheRunUnlessErrorIsTrue() throws {
    let (stopped, stoppedEvaluator) = run(document(["add 1", "fail", "add 1"]), cache: nil)
    #expect(stopped.status == .failed)
    #expect(stoppedEvaluator.evaluated == ["c1", "c2"])
    #expect(stopped.cells[2]?.status == .notRun)

    let tolerant = document(
      ["add 1", "fail", "add 1"],
      options: [
        CellOptions(name: "a"), CellOptions(name: "b", error: true), CellOptions(name: "c"),
      ])
    let (goesOn, goesOnEvaluator) = run(tolerant, cache: nil)
    #expect(goesOn.status == .ok)
    #expect(goesOn.cells[1]?.status == .failed)
    #expect(goesOnEvaluator.evaluated == ["a", "b", "c"])
  }

  @Test func failedCellsAreNotCached() throws {
    let scratch = try temporaryDirectory()
    defer { removeTemporaryDirectory(scratch) }
    let cache = CellCache(directory: scratch)
    let notebook = document(["add 1", "fail"])
    _ = run(notebook, cache: cache)
    let rerun = run(notebook, cache: cache).1
    #expect(rerun.evaluated == ["c2"])
  }

  @Test func interruptionStopsAfterTheCurrentCell() throws {
    final class Counter: @unchecked Sendable { var polls = 0 }
    let counter = Counter()
    let (outcome, evaluator) = run(document(["add 1", "add 2", "add 3"]), cache: nil) {
      counter.polls += 1
      return counter.polls > 2  // Ctrl-C arrives while the first cell runs
    }
    #expect(outcome.status == .interrupted)
    #expect(evaluator.evaluated == ["c1"])
    #expect(outcome.cells[0]?.status == .ok)
    #expect(outcome.cells[2]?.status == .notRun)
  }

  @Test func aCellCutShortIsRecordedInterruptedAndNotCached() throws {
    final class Counter: @unchecked Sendable { var polls = 0 }
    let counter = Counter()
    let scratch = try temporaryDirectory()
    defer { removeTemporaryDirectory(scratch) }
    let cache = CellCache(directory: scratch)
    let notebook = document(["add 1", "add 2"])
    let (outcome, _) = run(notebook, cache: cache) {
      counter.polls += 1
      return counter.polls > 1  // the stop is seen when the first cell ends
    }
    #expect(outcome.status == .interrupted)
    #expect(outcome.cells[0]?.status == .interrupted)
    #expect(outcome.cells[1]?.status == .notRun)
    let (rerun, evaluator) = run(notebook, cache: cache)
    #expect(evaluator.evaluated == ["c1", "c2"])
    #expect(rerun.cells[0]?.cached == false)
  }

  @Test func unrestorableStateFallsBackToAFullRecompute() throws {
    let folder = try temporaryDirectory()
    defer { removeTemporaryDirectory(folder) }
    let cache = CellCache(directory: folder)
    _ = run(document(["add 1", "add 2"]), cache: cache)
    // Corrupt the saved states while keeping the entries themselves valid.
    for name in try FileManager.default.contentsOfDirectory(atPath: folder)
    where name.hasSuffix(".state") {
      try Data("not a number".utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
    let (outcome, evaluator) = run(document(["add 1", "add 5"]), cache: cache)
    #expect(evaluator.evaluated == ["c1", "c2"])
    #expect(outcome.metrics["c2.total"] == 6)
    #expect(outcome.warnings.contains { $0.contains("could not be restored") })
  }
}
