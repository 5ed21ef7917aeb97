import Foundation

/// The only files a cell may touch: those inside the notebook's folder and the output folder.
///
/// Notebooks may come from elsewhere, so a path with a `..` component, or an absolute path
/// outside both folders (after resolving symbolic links), is refused before anything is opened.
package struct FileAccess: Sendable, Hashable {
  package let notebookDirectory: String
  package let outputDirectory: String

  package init(notebookDirectory: String, outputDirectory: String) {
    self.notebookDirectory = Self.canonical(notebookDirectory)
    self.outputDirectory = Self.canonical(outputDirectory)
  }

  /// A path a cell names for reading, resolved against the notebook's folder.
  package func readable(_ path: String, at position: Position) throws(EvaluationError) -> String {
    try resolve(path, relativeTo: notebookDirectory, at: position)
  }

  /// A path a cell names for writing (or reading back what it wrote), resolved against the output
  /// folder.
  package func inOutput(_ path: String, at position: Position) throws(EvaluationError) -> String {
    try resolve(path, relativeTo: outputDirectory, at: position)
  }

  private func resolve(_ path: String, relativeTo base: String, at position: Position)
    throws(EvaluationError) -> String
  {
    guard !path.isEmpty else { throw EvaluationError("the file path is empty", at: position) }
    if path.split(separator: "/").contains("..") {
      throw EvaluationError(
        "refusing to access '\(path)': paths with '..' may not leave the notebook's folder or the output folder",
        at: position)
    }
    let absolute = path.hasPrefix("/") ? path : base + "/" + path
    let resolved = Self.canonical(absolute)
    guard Self.isInside(resolved, notebookDirectory) || Self.isInside(resolved, outputDirectory)
    else {
      throw EvaluationError(
        "refusing to access '\(path)': a cell may only use files inside the notebook's folder (\(notebookDirectory)) or the output folder (\(outputDirectory))",
        at: position)
    }
    return resolved
  }

  private static func isInside(_ path: String, _ directory: String) -> Bool {
    path == directory || path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
  }

  /// Absolute, standardised, with symbolic links resolved as far as the path exists.
  static func canonical(_ path: String) -> String {
    let absolute =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
