import ArgumentParser
import Directives
import Foundation
import Notebook
import Runs

/// Parses the notebook at `path`, or prints the problem like a compiler
/// (`FILE:LINE:COL: error: ...`, then the line and a caret) and exits with status 2.
func loadNotebook(_ path: String) throws -> Document {
  do {
    return try Document.load(path: path)
  } catch {
    printError(error.detailedDescription)
    throw ExitCode.badInput
  }
}

/// Writes `contents` atomically, or prints why not and exits with status 2.
func writeOrExit(_ contents: String, to path: String) throws {
  do {
    try AtomicFile.write(contents, to: path)
  } catch {
    printError("error: \(error)")
    throw ExitCode.badInput
  }
}

/// Prints a line of text for a person to standard output. Params, records and paths can carry
/// control characters: they are shown as escapes (`TerminalText`), never sent raw.
func say(_ message: String) {
  writeOutput(TerminalText.safe(message) + "\n")
}

/// Writes `text` to standard output as it is (JSON, a batch script) and at once: a script may be
/// reading the pipe while the command runs.
func writeOutput(_ text: String) {
  FileHandle.standardOutput.write(Data(text.utf8))
}

/// Prints an error, a warning or a note to standard error, made safe like `say`.
func printError(_ message: String) {
  FileHandle.standardError.write(Data((TerminalText.safe(message) + "\n").utf8))
}

/// Runs every static check on a parsed notebook; prints the findings like a compiler and exits
/// with status 2 when there is an error.
func checkOrExit(_ document: Document) throws {
  let findings = (NotebookChecker().check(document) + document.proseDiagnostics()).sorted {
    ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column)
  }
  for finding in findings { printError(finding.detailedDescription) }
  if findings.contains(where: { $0.severity == .error }) {
    let count = findings.count
    printError(
      "\(count) problem\(count == 1 ? "" : "s") found in \(document.path); nothing was run")
    throw ExitCode.badInput
  }
}
