import ArgumentParser
import Foundation
import Notebook
import Runs

extension Nudge.Render {
  /// `-p rate=0.05,0.1,0.5 -p seed=1,2`: one run per combination of values, each in its own
  /// `nudge render` process (at most `--jobs` at once), then the comparison table of the runs.
  ///
  /// Separate processes keep the runs apart (memory, Ctrl-C, a crash) and let them use both
  /// cores; they share the cell cache, whose entries are written atomically.
  func runSweep(_ combinations: [[(name: String, value: String)]]) throws {
    let executable = Self.currentExecutable()
    var sharedArguments = ["render", notebook, "-o", outputDirectory, "--cell-timeout", String(evaluation.cellTimeout)]
    if noCache { sharedArguments.append("--no-cache") }
    if unsafeHTML { sharedArguments.append("--unsafe-html") }
    // Several progress bars on one terminal would garble each other.
    if evaluation.quiet || jobs > 1 { sharedArguments.append("-q") }

    print("Sweep: \(combinations.count) runs of \(notebook), \(min(jobs, combinations.count)) at a time")
    let results = Locked([ChildOutcome?](repeating: nil, count: combinations.count))
    let queue = DispatchQueue(label: "nudge.sweep", attributes: .concurrent)
    let slots = DispatchSemaphore(value: max(1, jobs))
    let group = DispatchGroup()
    for (index, combination) in combinations.enumerated() {
      let arguments = sharedArguments + combination.flatMap { ["-p", "\($0.name)=\($0.value)"] }
      let label = combination.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
      slots.wait()
      if Interruption.isRequested {
        slots.signal()
        break
      }
      group.enter()
      queue.async {
        defer {
          slots.signal()
          group.leave()
        }
        let outcome = Self.runChild(executable: executable, arguments: arguments)
        results.update { $0[index] = outcome }
        print("[\(index + 1)/\(combinations.count)] \(label): \(outcome.summary)")
      }
    }
    group.wait()

    let finished = results.get()
    let directories = finished.compactMap { $0?.runDirectory }
    let stored = directories.compactMap { try? RunStore.load(directory: $0).get() }
    if stored.count > 1 {
      print("")
      print(RunComparison(stored).textTable())
    }
    let statuses = finished.map { $0?.status ?? 130 }
    if statuses.contains(130) || Interruption.isRequested { throw ExitCode(130) }
    if statuses.contains(2) { throw ExitCode.badInput }
    if statuses.contains(where: { $0 != 0 }) { throw ExitCode.failure }
  }

  /// One child render: its exit status, the run folder it reported, and its error output.
  private struct ChildOutcome: Sendable {
    var status: Int32
    var runDirectory: String?
    var errors: String

    var summary: String {
      switch status {
      case 0: "ok, \(runDirectory ?? "no run recorded")"
      case 1: "a cell failed, \(runDirectory ?? "no run recorded")"
      case 130: "interrupted"
      default: "error: " + (errors.split(separator: "\n").first.map(String.init) ?? "exit status \(status)")
      }
    }
  }

  private static func runChild(executable: String, arguments: [String]) -> ChildOutcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    do {
      try process.run()
    } catch {
      return ChildOutcome(status: 2, runDirectory: nil, errors: "cannot start \(executable): \(error)")
    }
    // Read both pipes before waiting, so a chatty child never blocks on a full pipe.
    let errorData = Locked(Data())
    let errorsRead = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      errorData.update { $0 = errors.fileHandleForReading.readDataToEndOfFile() }
      errorsRead.signal()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    errorsRead.wait()
    process.waitUntilExit()
    let text = String(decoding: outputData, as: UTF8.self)
    let prefix = "Run "
    let marker = " recorded in "
    let directory = text.split(separator: "\n").first { $0.hasPrefix(prefix) && $0.contains(marker) }
      .flatMap { line in line.range(of: marker).map { String(line[$0.upperBound...]) } }
    return ChildOutcome(
      status: process.terminationStatus, runDirectory: directory,
      errors: String(decoding: errorData.get(), as: UTF8.self))
  }

  /// This program's own path, to start the sweep's runs with.
  private static func currentExecutable() -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
    return Bundle.main.executablePath ?? CommandLine.arguments[0]
  }
}

/// A value shared between threads behind a lock.
private final class Locked<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var value: Value
  init(_ value: Value) { self.value = value }
  func update(_ change: (inout Value) -> Void) { lock.withLock { change(&value) } }
  func get() -> Value { lock.withLock { value } }
}
