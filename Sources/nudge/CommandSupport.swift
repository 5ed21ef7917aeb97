import ArgumentParser
import Directives
import Foundation
import Notebook

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

func printError(_ message: String) {
  FileHandle.standardError.write(Data((message + "\n").utf8))
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
