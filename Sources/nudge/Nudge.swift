import ArgumentParser

/// `nudge`: render Markdown notebooks, rerun them with other parameters, compare runs.
@main
struct Nudge: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nudge",
    abstract: "A literate notebook runner for neural-network lessons.",
    subcommands: [ListRuns.self, Diff.self, Bench.self]
  )
}
