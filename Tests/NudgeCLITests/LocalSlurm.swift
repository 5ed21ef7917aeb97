import Foundation
import Testing

/// The one-node Slurm cluster the project's `scripts/slurm-up` starts on this machine.
enum LocalSlurm {
  /// Nil once the cluster is up (started now or found running), else why it is not.
  static let unavailability: String? = {
    let script = NudgeRunner.repositoryRoot.appendingPathComponent("scripts/slurm-up").path
    guard let outcome = try? command("/bin/bash", [script]) else { return "cannot run \(script)" }
    return outcome.status == 0 ? nil : "\(script) failed: \(outcome.standardError)"
  }()

  /// CI sets `NUDGE_REQUIRE_SLURM=1`: there a cluster that cannot start fails the tests.
  static var isRequired: Bool { ProcessInfo.processInfo.environment["NUDGE_REQUIRE_SLURM"] == "1" }

  static var shouldRun: Bool { unavailability == nil || isRequired }

  /// This machine's short host name, as Slurm names the node.
  static var nodeName: String {
    var buffer = [CChar](repeating: 0, count: 256)
    gethostname(&buffer, buffer.count)
    let name = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return String(name.split(separator: ".").first ?? "")
  }

  /// Runs a command (found on PATH when not a path) to its end.
  @discardableResult
  static func command(_ name: String, _ arguments: [String]) throws -> NudgeRunner.Outcome {
    try NudgeRunner.run(
      arguments, in: FileManager.default.currentDirectoryPath,
      executable: URL(fileURLWithPath: name.hasPrefix("/") ? name : "/usr/bin/env"),
      prefix: name.hasPrefix("/") ? [] : [name])
  }

  /// The job id in `nudge render --slurm`'s output.
  static func jobID(in output: String) -> String? {
    let prefix = "Submitted batch job "
    return output.split(separator: "\n").first { $0.hasPrefix(prefix) }.map {
      String($0.dropFirst(prefix.count))
    }
  }
}
