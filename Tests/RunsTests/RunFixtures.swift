import Foundation
import Notebook
import Testing

@testable import Runs

/// A fresh temporary folder for one test; remove it with `removeTemporaryDirectory` in a `defer`.
func temporaryDirectory() throws -> String {
  let path = NSTemporaryDirectory() + "nudge-runs-\(UUID().uuidString)"
  try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  return path
}

/// Removes a folder of `temporaryDirectory()` and everything in it.
func removeTemporaryDirectory(_ path: String) {
  do {
    try FileManager.default.removeItem(atPath: path)
  } catch {
    Issue.record("cannot remove the test folder \(path): \(error)")
  }
}

/// A small but complete record, varied by the arguments the tests care about.
func makeRecord(
  id: String, params: [String: ParamValue] = ["epochs": .int(3), "rate": .double(0.1)],
  metrics: [String: Double] = ["train.test.accuracy": 0.95, "train.train.cost": 0.2],
  series: [String: [Double]] = ["train.test.accuracy": [0.9, 0.93, 0.95]],
  outputs: [[CellOutput]] = [[.text("hello\n")], [.value("0.95")]]
) -> RunRecord {
  RunRecord(
    id: id, notebook: .init(path: "notebooks/lesson.md", sha256: SHA256.hex("notebook")),
    params: params,
    startedAt: "2026-11-29T06:00:00.000Z", finishedAt: "2026-11-29T06:00:01.000Z", status: .ok,
    engine: .init(version: "test"), host: .current,
    cells: outputs.enumerated().map { index, cellOutputs in
      .init(
        index: index, name: index == 0 ? "setup" : "train", line: 10 * (index + 1), status: .ok,
        cached: false,
        seconds: 0.5, outputs: .init(cellOutputs))
    },
    metrics: metrics, series: series)
}

/// Saves records as runs of `notebooks/lesson.md` under `output`, oldest first.
func saveRuns(_ records: [RunRecord], output: String) throws -> RunStore {
  let store = RunStore(
    layout: OutputLayout(notebookPath: "notebooks/lesson.md", outputDirectory: output))
  for record in records {
    let directory = store.layout.runDirectory(id: record.id)
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try store.save(record: record, reportHTML: "<p>\(record.id)</p>", in: directory)
  }
  return store
}
