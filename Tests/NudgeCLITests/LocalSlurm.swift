import Foundation
import Testing

/// The one-node Slurm cluster the project's `scripts/slurm-up` starts on this machine.
enum LocalSlurm {
  /// Nil when a cluster answers with a node that takes jobs, else why not. The tests do not start
  /// one themselves: daemons started from the test process inherit its blocked signals, and its
  /// wait for the start-up script was seen to hang. `make test` runs `scripts/slurm-up` first.
  static let unavailability: String? = {
    guard let outcome = try? command("sinfo", ["--noheader", "--format", "%T"]) else {
      return "cannot run sinfo"
    }
    let states = outcome.standardOutput.split(separator: "\n").map(String.init)
    let usable = ["idle", "mixed", "allocated", "completing"]
    if outcome.status == 0, !states.isEmpty,
      states.allSatisfy({ state in usable.contains { state.hasPrefix($0) } })
    {
      return nil
    }
    let said = (outcome.standardError + outcome.standardOutput).trimmingCharacters(
      in: .whitespacesAndNewlines)
    return
      "no Slurm node takes jobs (sinfo: \(said.isEmpty ? "exit status \(outcome.status)" : said)); start the one-node cluster with scripts/slurm-up (as root; make test does)"
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
