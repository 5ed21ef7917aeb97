import ArgumentParser
import Directives
import Foundation
import Notebook
import Runs

extension Nudge.Render {
  /// `-p rate=0.05,0.1,0.5 -p seed=1,2`: one run per combination of values, each in its own
  /// `nudge render` process (at most `--jobs` at once), then the comparison table of the runs.
  ///
  /// Separate processes keep the runs apart (memory, Ctrl-C, a crash) and let them use both
  /// cores; they share the cell cache, whose entries are written atomically. Each child hands
  /// its `RenderedRun` back as JSON in a file of a temporary folder (`--report-json`).
  func runSweep(_ runs: [[ParamOverride]]) throws {
    let executable = Self.currentExecutable()
    let handoff = try orExit {
      let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("nudge-sweep-\(UUID().uuidString)").path
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      return path
    }
    defer { try? FileManager.default.removeItem(atPath: handoff) }
    // Several progress bars on one terminal would garble each other.
    let sharedArguments = runArguments(quiet: quiet || (jobs ?? 1) > 1)

    say("Sweep: \(runs.count) runs of \(notebook), \(min(jobs ?? 1, runs.count)) at a time")
    let results = Locked([ChildOutcome?](repeating: nil, count: runs.count))
    // Each run is its own process (in its own process group, so a terminal's Ctrl-C reaches only
    // this one): pass a stop signal on, and each run records itself interrupted.
    let children = RunningChildren()
    Interruption.onRequest { children.forward($0) }
    let queue = DispatchQueue(label: "nudge.sweep", attributes: .concurrent)
    let slots = DispatchSemaphore(value: max(1, jobs ?? 1))
    let group = DispatchGroup()
    for (index, overrides) in runs.enumerated() {
      let reportPath = "\(handoff)/\(index).json"
      let arguments =
        sharedArguments + ["--report-json", reportPath]
        + overrides.flatMap { ["-p", ParamAssignments.argument(for: $0)] }
      let label = overrides.map { "\($0.name)=\($0.text)" }.joined(separator: " ")
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
        let outcome = Self.runChild(
          executable: executable, arguments: arguments, reportPath: reportPath,
          children: children)
        results.update { $0[index] = outcome }
        say("[\(index + 1)/\(runs.count)] \(label): \(outcome.summary)")
      }
    }
    group.wait()

    let finished = results.get()
    var stored: [StoredRun] = []
    for case let run? in finished.map({ $0?.run }) {
      switch RunStore.load(directory: run.runDirectory) {
      case .success(let record): stored.append(record)
      case .failure(let problem): printError("warning: \(problem)")
      }
    }
    if stored.count > 1 {
      say("")
      say(RunComparison(stored).textTable())
    }
    let statuses = finished.map { $0?.status ?? Interruption.exitStatus }
    if Interruption.isRequested { throw ExitCode(Interruption.exitStatus) }
    if let signalled = statuses.first(where: { $0 == 130 || $0 == 143 }) {
      throw ExitCode(signalled)
    }
    if statuses.contains(2) { throw ExitCode.badInput }
    if statuses.contains(where: { $0 != 0 }) { throw ExitCode.failure }
  }

  /// The arguments of one run of the sweep, before its `-p` overrides: this render's options.
  func runArguments(quiet: Bool) -> [String] {
    var arguments = [
      "render", notebook, "-o", outputDirectory, "--cell-timeout", String(cellTimeout),
    ]
    if noCache { arguments.append("--no-cache") }
    if unsafeHTML { arguments.append("--unsafe-html") }
    arguments += allowScript.flatMap { ["--allow-script", $0] }
    if quiet { arguments.append("-q") }
    return arguments
  }

  /// One child render: its exit status, the run it reported, and its error output.
  private struct ChildOutcome: Sendable {
    var status: Int32
    var run: RenderedRun?
    var errors: String

    var summary: String {
      let recorded = run.map(\.runDirectory) ?? "no run recorded"
      return switch status {
      case 0: "ok, \(recorded)"
      case 1: "a cell failed, \(recorded)"
      case 130, 143: "interrupted"
      default:
        "error: "
          + (errors.split(separator: "\n").first.map(String.init) ?? "exit status \(status)")
      }
    }
  }

  private static func runChild(
    executable: String, arguments: [String], reportPath: String, children: RunningChildren
  ) -> ChildOutcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    // The child's report goes to the terminal only through the parent's summary line.
    process.standardOutput = FileHandle.nullDevice
    let errors = Pipe()
    process.standardError = errors
    do {
      try process.run()
    } catch {
      return ChildOutcome(status: 2, run: nil, errors: "cannot start \(executable): \(error)")
    }
    children.started(process.processIdentifier)
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    children.ended(process.processIdentifier)
    var errorText = String(decoding: errorData, as: UTF8.self)
    var run: RenderedRun?
    if let data = FileManager.default.contents(atPath: reportPath) {
      do {
        run = try StableJSON.decode(RenderedRun.self, from: Array(data))
      } catch {
        errorText += "the run's report \(reportPath) is not readable: \(error)\n"
      }
    }
    return ChildOutcome(status: process.terminationStatus, run: run, errors: errorText)
  }

  /// This program's own path, to start the sweep's runs with.
  static func currentExecutable() -> String {
    if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      return path
    }
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

/// The sweep's runs still going, to pass a stop signal on to.
private final class RunningChildren: @unchecked Sendable {
  private let lock = NSLock()
  private var processes: Set<pid_t> = []
  private var forwarded: Int32 = 0

  /// Notes a run that started; one that starts as the signal arrives is stopped at once.
  func started(_ process: pid_t) {
    let signal = lock.withLock {
      processes.insert(process)
      return forwarded
    }
    if signal != 0 { kill(process, signal) }
  }

  func ended(_ process: pid_t) {
    _ = lock.withLock { processes.remove(process) }
  }

  /// Sends `signal` to every run still going, and to any that starts later.
  func forward(_ signal: Int32) {
    let running = lock.withLock {
      forwarded = signal
      return processes
    }
    for process in running { kill(process, signal) }
  }
}
