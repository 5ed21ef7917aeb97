import ArgumentParser
import Directives
import Foundation
import Notebook
import Report

/// The options every command that evaluates cells shares.
struct EvaluationArguments: ParsableArguments {
  @Option(
    name: .customShort("p"),
    help: ArgumentHelp(
      "Override a front-matter param (checked against its type).", valueName: "name=value"))
  var params: [String] = []

  @Flag(
    name: .shortAndLong,
    help: "Do not show progress (training bars, running cells) on standard error.")
  var quiet = false

  @Option(help: "Seconds one cell may run before it is stopped (a cell's '//| timeout:' wins).")
  var cellTimeout = EvaluationOptions.defaultCellTimeout

  /// The `-p` overrides, or the problem printed and exit status 2.
  func overrides() throws -> [ParamOverride] {
    do {
      return try params.map { try ParamOverride(parsing: $0) }
    } catch {
      printError("\(error)")
      throw ExitCode.badInput
    }
  }
}

/// Runs every static check on a parsed notebook; prints the findings like a compiler and exits
/// with status 2 when there is an error.
func checkOrExit(_ document: Document) throws {
  let findings = NotebookChecker().check(document)
  for finding in findings { printError(finding.detailedDescription) }
  if findings.contains(where: { $0.severity == .error }) {
    let count = findings.count
    printError(
      "\(count) problem\(count == 1 ? "" : "s") found in \(document.path); nothing was run")
    throw ExitCode.badInput
  }
}

/// A session for the notebook's cells, with the `-p` overrides checked (exit status 2 if not).
func makeSession(
  _ document: Document, arguments: EvaluationArguments, outputDirectory: String,
  shouldStop: @escaping @Sendable () -> Bool
) throws -> Session {
  let options = EvaluationOptions(
    cellTimeout: arguments.cellTimeout, showsProgress: !arguments.quiet && isatty(2) != 0,
    shouldStop: shouldStop)
  do {
    return try Session(
      document: document, overrides: try arguments.overrides(), outputDirectory: outputDirectory,
      options: options)
  } catch let error as ParamOverrideError {
    printError("\(error)")
    throw ExitCode.badInput
  }
}
