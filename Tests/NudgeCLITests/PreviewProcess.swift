import Foundation

/// `nudge preview` running in a scratch folder for one test: started on a free port, stopped
/// with Ctrl-C (SIGINT) by `stop()`, or killed when the test forgets.
final class PreviewProcess {
  let process = Process()
  let port: UInt16
  private let output = Locked("")
  private let errors = Locked("")

  init(_ arguments: [String], in directory: String) throws {
    guard let executable = NudgeRunner.executable else { throw NudgeRunner.MissingExecutable() }
    process.executableURL = executable
    process.arguments = ["preview"] + arguments + ["--port", "0"]
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    let outputPipe = Pipe()
    let errorPipe = Pipe()
    process.standardOutput = outputPipe
    process.standardError = errorPipe
    let output = output
    let errors = errors
    outputPipe.fileHandleForReading.readabilityHandler = { handle in
      let text = String(decoding: handle.availableData, as: UTF8.self)
      output.update { $0 += text }
    }
    errorPipe.fileHandleForReading.readabilityHandler = { handle in
      let text = String(decoding: handle.availableData, as: UTF8.self)
      errors.update { $0 += text }
    }
    try process.run()
    let deadline = Date().addingTimeInterval(30)
    var found: UInt16?
    while found == nil, Date() < deadline, process.isRunning {
      if let range = output.get().range(
        of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression)
      {
        let url = output.get()[range]
        found = UInt16(url.split(separator: ":").last?.dropLast() ?? "")
      } else {
        usleep(10_000)
      }
    }
    guard let found else {
      process.terminate()
      throw LoopbackConnection.Failure(
        description: "nudge preview printed no URL: \(output.get()) \(errors.get())")
    }
    port = found
  }

  var standardOutput: String { output.get() }
  var standardError: String { errors.get() }

  /// Ctrl-C, then the exit status.
  @discardableResult
  func stop() -> Int32 {
    if process.isRunning { kill(process.processIdentifier, SIGINT) }
    process.waitUntilExit()
    return process.terminationStatus
  }

  deinit {
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
  }
}
