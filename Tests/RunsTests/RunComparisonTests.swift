import Foundation
import Notebook
import Testing

@testable import Runs

@Suite struct RunComparisonTests {
  func stored(_ record: RunRecord) -> StoredRun {
    StoredRun(directory: "output/lesson/runs/\(record.id)", record: record)
  }

  @Test func identicalRunsChangeNothing() {
    let comparison = RunComparison([stored(makeRecord(id: "a")), stored(makeRecord(id: "b"))])
    #expect(comparison.params.isEmpty)
    #expect(comparison.metrics.allSatisfy { !$0.changed })
    #expect(comparison.firstDifferingCell == nil)
    let text = comparison.textTable()
    #expect(text.contains("no metric changed"))
    #expect(text.contains("params: the same in every run"))
  }

  @Test func changedRunsShowParamsDeltasAndTheFirstDifferingCell() throws {
    let first = makeRecord(id: "a")
    let second = makeRecord(
      id: "b", params: ["epochs": .int(3), "rate": .double(0.5)],
      metrics: ["train.test.accuracy": 0.90, "train.train.cost": 0.2],
      outputs: [[.text("hello\n")], [.value("0.90")]])
    let comparison = RunComparison([stored(first), stored(second)])
    #expect(comparison.params == [.init(name: "rate", values: [.double(0.1), .double(0.5)])])
    let accuracy = try #require(comparison.metrics.first { $0.name == "train.test.accuracy" })
    #expect(abs((accuracy.deltas[1] ?? 0) - -0.05) < 1e-12)
    #expect(abs((accuracy.relativeChanges[1] ?? 0) - -0.05 / 0.95) < 1e-12)
    #expect(comparison.firstDifferingCell?.name == "train")
    let text = comparison.textTable()
    #expect(text.contains("rate"))
    #expect(text.contains("-0.05 (-5.263%)"))
    #expect(text.contains("1 of 2 metrics changed"))
  }

  @Test func integerAndDoubleParamsWithTheSameValueAreNotAChange() {
    let comparison = RunComparison([
      stored(makeRecord(id: "a", params: ["rate": .int(3)])),
      stored(makeRecord(id: "b", params: ["rate": .double(3)])),
    ])
    #expect(comparison.params.isEmpty)
  }

  @Test func failIfTurnsARegressionIntoViolations() throws {
    let comparison = RunComparison([
      stored(makeRecord(id: "a")),
      stored(makeRecord(id: "b", metrics: ["train.test.accuracy": 0.90, "train.train.cost": 0.2])),
    ])
    #expect(
      try FailCondition(parsing: "test.accuracy < -0.01").violations(in: comparison).count == 1)
    #expect(try FailCondition(parsing: "test.accuracy < -0.1").violations(in: comparison).isEmpty)
    #expect(
      try FailCondition(parsing: "train.test.accuracy <= -5%").violations(in: comparison).count == 1
    )
    #expect(try FailCondition(parsing: "train.cost != 0").violations(in: comparison).isEmpty)
    #expect(throws: RunsError.self) {
      try FailCondition(parsing: "accuracy.typo < 0").violations(in: comparison)
    }
    #expect(throws: RunsError.self) { try FailCondition(parsing: "test.accuracy -0.01") }
    #expect(throws: RunsError.self) { try FailCondition(parsing: "test.accuracy < lots") }
  }

  @Test func failIfFailsClosedOnANaNOrMissingMetric() throws {
    let condition = try FailCondition(parsing: "train.cost > 0.01")
    let nan = RunComparison([
      stored(makeRecord(id: "a")),
      stored(
        makeRecord(id: "b", metrics: ["train.test.accuracy": 0.95, "train.train.cost": .nan])),
    ])
    let nanViolations = try condition.violations(in: nan)
    #expect(nanViolations.count == 1)
    #expect(nanViolations.first?.contains("is NaN in run #2 (b)") == true)
    let missing = RunComparison([
      stored(makeRecord(id: "a")),
      stored(makeRecord(id: "b", metrics: ["train.test.accuracy": 0.95])),
    ])
    #expect(
      try condition.violations(in: missing).first?.contains("is not recorded in run #2") == true)
    let fromZero = RunComparison([
      stored(makeRecord(id: "a", metrics: ["train.train.cost": 0])),
      stored(makeRecord(id: "b", metrics: ["train.train.cost": 0.5])),
    ])
    #expect(
      try FailCondition(parsing: "train.cost > 5%").violations(in: fromZero).first?.contains(
        "relative change is undefined") == true)
    #expect(try condition.violations(in: fromZero).count == 1)  // +0.5 > 0.01 holds
  }
}

@Suite struct DiffPageTests {
  @Test func pageShowsTablesAndOverlaidSeriesAndLoadsNothingFromElsewhere() {
    let first = makeRecord(id: "a")
    let second = makeRecord(
      id: "b", params: ["epochs": .int(3), "rate": .double(0.5)],
      metrics: ["train.test.accuracy": 0.90, "train.train.cost": 0.2],
      series: ["train.test.accuracy": [0.91, 0.92, 0.90]])
    let html = DiffPage(
      RunComparison([
        StoredRun(directory: "x/a", record: first), StoredRun(directory: "x/b", record: second),
      ])
    ).html()
    #expect(html.contains("Comparison of 2 runs"))
    #expect(html.contains("1 of 2 metrics changed"))
    #expect(html.contains("#2 rate=0.5"))
    #expect(html.contains("<svg"))
    #expect(html.components(separatedBy: "<table").count - 1 == 3)
    // The only URLs allowed are XML namespace names, which browsers never fetch.
    let withoutNamespaces = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
      .replacingOccurrences(of: "http://www.w3.org/1999/xlink", with: "")
    #expect(!withoutNamespaces.contains("http://") && !withoutNamespaces.contains("https://"))
  }
}
