import Foundation

/// Runs the built `nudge` executable the way a user would and captures what it says.
struct NudgeRunner {
  struct Outcome {
    var status: Int32
    var standardOutput: String
    var standardError: String
  }

  /// The repository's root, for the notebooks it ships.
  static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The `nudge` built alongside this test bundle (SwiftPM puts products in one folder).
  static let executable: URL? = {
    var candidates: [URL] = []
    if let first = CommandLine.arguments.first {
      candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent())
    }
    candidates.append(Bundle.main.bundleURL)
    candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
    candidates.append(repositoryRoot.appendingPathComponent(".build/debug"))
    return candidates.map { $0.appendingPathComponent("nudge") }
      .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// Starts `nudge` in `directory` without waiting for it (its output is discarded), for tests
  /// that signal or kill a render while it runs.
  static func start(_ arguments: [String], in directory: String) throws -> Process {
    guard let executable = Self.executable else { throw MissingExecutable() }
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  /// Waits for `process` to end, up to `seconds`; says whether it did.
  static func waitForExit(_ process: Process, seconds: Double) -> Bool {
    let ended = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
      process.waitUntilExit()
      ended.signal()
    }
    return ended.wait(timeout: .now() + seconds) == .success
  }

  /// Runs `nudge` (or another `executable`, given `prefix` arguments first) in `directory`.
  static func run(
    _ arguments: [String], in directory: String, executable: URL? = nil, prefix: [String] = [],
    environment: [String: String]? = nil
  ) throws -> Outcome {
    guard let executable = executable ?? Self.executable else { throw MissingExecutable() }
    let process = Process()
    process.executableURL = executable
    process.arguments = prefix + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory)
    if let environment { process.environment = environment }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // Read both pipes at once, before waiting: a process that fills one pipe while the other is
    // being read to its end would otherwise stall forever.
    let errorData = Locked(Data())
    let errorRead = DispatchGroup()
    errorRead.enter()
    DispatchQueue.global().async {
      errorData.update { $0 = error.fileHandleForReading.readDataToEndOfFile() }
      errorRead.leave()
    }
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    errorRead.wait()
    process.waitUntilExit()
    return Outcome(
      status: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData.get(), as: UTF8.self))
  }

  struct MissingExecutable: Error, CustomStringConvertible {
    var description: String {
      "the nudge executable was not found next to the tests; build it with 'swift build'"
    }
  }
}

/// A fresh working folder for one test, removed afterwards.
final class Scratch {
  let path: String

  init() throws {
    path =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("nudge-cli-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  @discardableResult
  func write(_ text: String, to name: String) throws -> String {
    try write(Array(text.utf8), to: name)
  }

  @discardableResult
  func write(_ bytes: [UInt8], to name: String) throws -> String {
    let file = "\(path)/\(name)"
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    return file
  }

  /// Every file under the folder, relative to it, sorted.
  func files(under folder: String = "") -> [String] {
    let root = folder.isEmpty ? path : "\(path)/\(folder)"
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
    return enumerator.compactMap { $0 as? String }.sorted()
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
