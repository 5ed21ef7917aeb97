import ArgumentParser
import Directives
import Foundation

extension Nudge.Bench {
  /// Prints each cell program's time, CPython's, and how many times faster the cell is.
  static func runCells() throws {
    let measurements = try CellBenchmark.run()
    for measurement in measurements {
      let cell =
        String(format: "%.4f s", measurement.cellSeconds)
        + String(format: " (parse+compile %.1f ms)", measurement.compileSeconds * 1000)
      guard let python = measurement.pythonSeconds, let speedup = measurement.speedup else {
        say("\(measurement.name): cell \(cell) (python3 not found)")
        continue
      }
      let agree =
        measurement.pythonResult.map { Double($0) == Double(measurement.cellResult) } ?? false
      say(
        "\(measurement.name): cell \(cell), CPython \(String(format: "%.4f", python)) s, "
          + "\(String(format: "%.2f", speedup))x\(agree ? "" : " (results differ: \(measurement.cellResult) vs \(measurement.pythonResult ?? "?"))")"
      )
    }
  }
}
