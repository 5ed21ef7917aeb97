import ArgumentParser
import Foundation

/// `nudge`: render Markdown notebooks, rerun them with other parameters, compare runs.
@main
struct Nudge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nudge",
    abstract: "A literate notebook runner for neural-network lessons.",
    subcommands: [
      Render.self, Check.self, ListRuns.self, Diff.self, Bench.self, SweepCommands.self,
      Preview.self,
    ]
  )

  /// Runs the command, exiting with status 2 (not ArgumentParser's 64) for bad usage, as the
  /// product's exit-status contract says.
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      if exitCode(for: error) == .validationFailure {
        printError(fullMessage(for: error))
        Foundation.exit(ExitCode.badInput.rawValue)
      }
      exit(withError: error)
    }
  }
}

extension ExitCode {
  /// Bad usage or bad input: an unreadable notebook, malformed front matter, an unknown option.
  static let badInput = ExitCode(2)
}
