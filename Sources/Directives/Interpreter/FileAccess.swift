import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The only files a cell may touch: it reads inside the notebook's folder or the output folder,
/// and writes inside the output folder only.
///
/// Notebooks may come from elsewhere, so a path with a `..` component is refused before anything
/// is opened; a read must resolve (symbolic links followed as far as the path exists) inside one
/// of the two folders; a write may not pass through a symbolic link at all, nor replace one, and
/// its missing folders are created one at a time, each checked, so nothing is made outside.
package struct FileAccess: Sendable, Hashable {
  package let notebookDirectory: String
  package let outputDirectory: String

  package init(notebookDirectory: String, outputDirectory: String) {
    self.notebookDirectory = Self.canonical(notebookDirectory)
    self.outputDirectory = Self.canonical(outputDirectory)
  }

  /// A path a cell names for reading, resolved against the notebook's folder.
  package func readable(_ path: String, at position: Position) throws(EvaluationError) -> String {
    try resolveForReading(path, relativeTo: notebookDirectory, at: position)
  }

  /// A path a cell names for reading back what it wrote, resolved against the output folder.
  package func inOutput(_ path: String, at position: Position) throws(EvaluationError) -> String {
    try resolveForReading(path, relativeTo: outputDirectory, at: position)
  }

  /// A path a cell names for writing, resolved against the output folder, whose missing parent
  /// folders this creates.
  ///
  /// - Throws: when the path leaves the output folder, passes through a symbolic link, names a
  ///   symbolic link or a folder, or a parent folder cannot be created.
  package func writable(_ path: String, at position: Position) throws(EvaluationError) -> String {
    try checkLexically(path, at: position)
    func refuse(_ why: String) -> EvaluationError {
      EvaluationError("refusing to write '\(path)': \(why)", at: position)
    }
    let absolute = Self.standardized(path.hasPrefix("/") ? path : outputDirectory + "/" + path)
    guard Self.isInside(absolute, outputDirectory), absolute != outputDirectory else {
      throw refuse(
        "a cell writes only inside the output folder (\(outputDirectory)); give a name relative to it"
      )
    }
    do {
      try FileManager.default.createDirectory(
        atPath: outputDirectory, withIntermediateDirectories: true)
    } catch {
      throw refuse(
        "cannot create the output folder \(outputDirectory): \(error.localizedDescription)")
    }
    // Every component below the output folder: existing folders must be real folders.
    let components = absolute.dropFirst(outputDirectory.count).split(separator: "/")
    var current = outputDirectory
    for (index, component) in components.enumerated() {
      current += "/" + component
      let isLast = index == components.count - 1
      var info = stat()
      if lstat(current, &info) != 0 {
        guard errno == ENOENT else {
          throw refuse("cannot inspect \(current): \(Self.errnoText())")
        }
        if isLast { break }
        if mkdir(current, 0o755) != 0 && errno != EEXIST {
          throw refuse("cannot create the folder \(current): \(Self.errnoText())")
        }
        // Created here, or by someone else just now: either way it must be a real folder.
        guard lstat(current, &info) == 0 else {
          throw refuse("cannot inspect \(current): \(Self.errnoText())")
        }
      }
      switch info.st_mode & S_IFMT {
      case S_IFLNK:
        throw refuse(
          "\(current) is a symbolic link; a cell does not write through or over symbolic links")
      case S_IFDIR where isLast:
        throw refuse("\(current) is a folder")
      case S_IFDIR:
        continue
      case S_IFREG where isLast:
        continue
      default:
        throw refuse("\(current) is not a folder")
      }
    }
    // Belt and braces: the deepest existing folder resolves inside the output folder.
    guard Self.isInside(Self.canonical(absolute), outputDirectory) else {
      throw refuse("it resolves outside the output folder (\(outputDirectory))")
    }
    return absolute
  }

  private func resolveForReading(_ path: String, relativeTo base: String, at position: Position)
    throws(EvaluationError) -> String
  {
    try checkLexically(path, at: position)
    let resolved = Self.canonical(path.hasPrefix("/") ? path : base + "/" + path)
    guard Self.isInside(resolved, notebookDirectory) || Self.isInside(resolved, outputDirectory)
    else {
      throw EvaluationError(
        "refusing to access '\(path)': a cell may only use files inside the notebook's folder (\(notebookDirectory)) or the output folder (\(outputDirectory))",
        at: position)
    }
    return resolved
  }

  private func checkLexically(_ path: String, at position: Position) throws(EvaluationError) {
    guard !path.isEmpty else { throw EvaluationError("the file path is empty", at: position) }
    if path.split(separator: "/").contains("..") {
      throw EvaluationError(
        "refusing to access '\(path)': paths with '..' may not leave the notebook's folder or the output folder",
        at: position)
    }
    if path.utf8.contains(0) {
      throw EvaluationError("refusing to access a path with a NUL character", at: position)
    }
  }

  private static func isInside(_ path: String, _ directory: String) -> Bool {
    path == directory || path.hasPrefix(directory.hasSuffix("/") ? directory : directory + "/")
  }

  /// Absolute, without `.` or empty components (`..` is refused before this is used).
  static func standardized(_ path: String) -> String {
    let absolute =
      path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    let components = absolute.split(separator: "/").filter { $0 != "." }
    return "/" + components.joined(separator: "/")
  }

  /// Absolute and standardised, with symbolic links resolved (`realpath`) in the deepest part of
  /// the path that exists; the rest, which does not exist yet, is appended as written.
  static func canonical(_ path: String) -> String {
    var existing = standardized(path)
    var missing: [Substring] = []
    while true {
      if let resolved = realpath(existing, nil) {
        defer { free(resolved) }
        let base = String(cString: resolved)
        let tail = missing.reversed().joined(separator: "/")
        if tail.isEmpty { return base }
        return (base == "/" ? "" : base) + "/" + tail
      }
      guard let slash = existing.lastIndex(of: "/"), existing != "/" else {
        return standardized(path)
      }
      missing.append(existing[existing.index(after: slash)...])
      existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
    }
  }

  private static func errnoText() -> String { String(cString: strerror(errno)) }
}
