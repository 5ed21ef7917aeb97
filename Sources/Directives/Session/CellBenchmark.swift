import Foundation
import Notebook

/// `nudge bench --workload cells`: the same small programs run as a notebook cell and in CPython,
/// in one process run, with the ratio of their times.
package enum CellBenchmark {
  package struct Program: Sendable {
    package var name: String
    package var swift: String
    package var python: String
  }

  package struct Measurement: Sendable {
    package var name: String
    package var cellSeconds: Double
    /// The part of `cellSeconds` spent parsing and compiling the cell (the best of the runs).
    package var compileSeconds: Double
    /// nil when python3 is not installed.
    package var pythonSeconds: Double?
    package var cellResult: String
    package var pythonResult: String?

    /// How many times faster the cell is than CPython.
    package var speedup: Double? { pythonSeconds.map { $0 / cellSeconds } }
  }

  package static let programs: [Program] = [
    Program(
      name: "scalar loop (3,000,000 iterations)",
      swift: """
        var total = 0
        for i in 0..<3_000_000 {
          total += i % 7
        }
        total
        """,
      python: """
        total = 0
        for i in range(3000000):
            total += i % 7
        result = total
        """),
    Program(
      name: "map/filter/reduce over 1,000,000 Doubles",
      swift: """
        var xs: [Double] = []
        for i in 0..<1_000_000 { xs.append(Double(i)) }
        xs.map { $0 * 0.5 }.filter { $0 > 1000 }.reduce(0, +)
        """,
      python: """
        from functools import reduce
        xs = []
        for i in range(1000000):
            xs.append(float(i))
        result = reduce(lambda a, b: a + b, filter(lambda x: x > 1000, map(lambda x: x * 0.5, xs)), 0.0)
        """),
    Program(
      name: "recursive fib(25)",
      swift: """
        func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
        fib(25)
        """,
      python: """
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        result = fib(25)
        """),
    Program(
      name: "dot products of two 784-element arrays (5,000 times)",
      swift: """
        let a = (0..<784).map { Double($0) / 784 }
        let b = a.map { 1 - $0 }
        func dot(_ a: [Double], _ b: [Double]) -> Double {
          var total = 0.0
          for i in a.indices { total += a[i] * b[i] }
          return total
        }
        var sum = 0.0
        for _ in 0..<5_000 { sum += dot(a, b) }
        sum
        """,
      python: """
        a = [i / 784 for i in range(784)]
        b = [1 - x for x in a]
        def dot(a, b):
            total = 0.0
            for i in range(len(a)):
                total += a[i] * b[i]
            return total
        s = 0.0
        for _ in range(5000):
            s += dot(a, b)
        result = s
        """),
  ]

  /// Runs each program `repeats` times in both languages and keeps the best time of each.
  package static func run(repeats: Int = 3) throws -> [Measurement] {
    let directory = NSTemporaryDirectory() + "nudge-bench-cells-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    var measurements: [Measurement] = []
    for program in programs {
      var best = Double.infinity
      var bestCompile = Double.infinity
      var shown = ""
      for run in 0..<max(1, repeats) {
        let session = try Session(
          file: "bench.md", params: [], notebookDirectory: directory,
          outputDirectory: directory + "/output")
        // Each run's cells stand on lines of their own, so none reuses another's parse (parsed
        // cells are kept by text and place): the cell's time includes parsing, as CPython's
        // includes compiling.
        func placed(line: Int) -> Cell {
          Cell(
            index: 0, options: CellOptions(), source: program.swift, sourceLine: line,
            sourceColumn: 1, fenceLine: line - 1)
        }
        bestCompile = min(bestCompile, compileSeconds(placed(line: 2 * run + 1), in: session))
        let cell = placed(line: 2 * run + 2)
        let start = monotonicSeconds()
        let evaluation = session.evaluate(cell)
        best = min(best, monotonicSeconds() - start)
        if let error = evaluation.error { throw BenchmarkError(message: error.description) }
        shown =
          evaluation.outputs.compactMap { if case .value(let text) = $0 { text } else { nil } }
          .last ?? ""
      }
      let python = python(program.python, repeats: repeats)
      measurements.append(
        Measurement(
          name: program.name, cellSeconds: best, compileSeconds: bestCompile,
          pythonSeconds: python?.seconds,
          cellResult: shown, pythonResult: python?.result))
    }
    return measurements
  }

  /// The time to parse and compile the cell against the session's variables, as `evaluate` does
  /// before running it (the session is left unchanged: nothing runs).
  static func compileSeconds(_ cell: Cell, in session: Session) -> Double {
    var seconds = 0.0
    LargeStack.run {
      let start = monotonicSeconds()
      if case .success(let program) = CellParser.parse(cell, file: session.file) {
        _ = ProgramCompiler(
          table: session.table, control: session.control, cellID: cell.id,
          globals: session.globals
        ).compileCell(program)
      }
      seconds = monotonicSeconds() - start
    }
    return seconds
  }

  struct BenchmarkError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
  }

  /// The best time of `repeats` runs of the program in one python3 process, and its `result`.
  static func python(_ source: String, repeats: Int) -> (seconds: Double, result: String)? {
    let driver = """
      import sys, time
      source = sys.stdin.read()
      best = float("inf")
      for _ in range(\(max(1, repeats))):
          scope = {}
          start = time.perf_counter()
          exec(source, scope)
          best = min(best, time.perf_counter() - start)
      print(best)
      print(scope["result"])
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", driver]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return nil }
    input.fileHandleForWriting.write(Data(source.utf8))
    try? input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return nil }
    let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
    guard lines.count >= 2, let seconds = Double(lines[0]) else { return nil }
    return (seconds, String(lines[1]))
  }
}
