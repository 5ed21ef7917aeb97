import Foundation
import Notebook

/// Where a notebook's outputs live: the latest report beside the notebook's folder of runs.
///
/// `output/backprop.html` is the latest report of `notebooks/backprop.md`; every run also lives in
/// `output/backprop/runs/<run-id>/` with `run.json` and `report.html`; the cell cache is in
/// `output/backprop/cache/`.
///
/// The folder is named after the notebook's file name, and `output/backprop/notebook.txt` says
/// which notebook owns it (its path from the output folder). Another notebook of the same name
/// (`other/backprop.md`) gets a folder and report of its own, `output/backprop-<8 hex digits>/`
/// and `output/backprop-<8 hex digits>.html`, the digits taken from a digest of its path: the
/// two never mix their runs, caches or files.
package struct OutputLayout: Hashable, Sendable {
  package var outputDirectory: String
  /// The folder (and report) name: the notebook's file name without `.md`, or that name and
  /// `-<digest>` when the plain name belongs to another notebook.
  package var folderName: String

  /// The layout of the notebook at `notebookPath`, as earlier renders laid it out.
  package init(notebookPath: String, outputDirectory: String = "output") {
    let stem = URL(fileURLWithPath: notebookPath).deletingPathExtension().lastPathComponent
    self.outputDirectory = outputDirectory
    folderName = stem
    if let owner = Self.owner(of: "\(outputDirectory)/\(stem)") {
      let key = Self.notebookKey(notebookPath, outputDirectory: outputDirectory)
      if owner != key { folderName = "\(stem)-\(Self.shortDigest(key))" }
    }
  }

  /// The layout of an existing folder `output/<folderName>`, whatever notebook owns it.
  package init(outputDirectory: String, folderName: String) {
    self.outputDirectory = outputDirectory
    self.folderName = folderName
  }

  package var latestReportPath: String { "\(outputDirectory)/\(folderName).html" }
  package var notebookDirectory: String { "\(outputDirectory)/\(folderName)" }
  package var runsDirectory: String { "\(notebookDirectory)/runs" }
  package var cacheDirectory: String { "\(notebookDirectory)/cache" }
  /// The file naming the notebook that owns `notebookDirectory`.
  package var ownerPath: String { "\(notebookDirectory)/notebook.txt" }

  package func runDirectory(id: String) -> String { "\(runsDirectory)/\(id)" }

  /// Makes the folder belong to the notebook at `notebookPath`, the one this layout was made
  /// for (writing `notebook.txt` unless it is there already). A render calls it before it records
  /// anything.
  /// - Throws: `RunsError` when the folder cannot be written, or when another notebook of the same
  ///   name claimed it in the meantime (rendering again then picks a folder of its own).
  package func claim(for notebookPath: String) throws {
    do {
      try FileManager.default.createDirectory(
        atPath: notebookDirectory, withIntermediateDirectories: true)
    } catch {
      throw RunsError(
        "cannot create the folder \(notebookDirectory): \(error.localizedDescription)")
    }
    // The key again, now that the output folder exists and its real path is known.
    let key = Self.notebookKey(notebookPath, outputDirectory: outputDirectory)
    if Self.owner(of: notebookDirectory) == nil {
      try Self.createExclusively(ownerPath, contents: key + "\n")
    }
    let owner = Self.owner(of: notebookDirectory)
    guard owner == key else {
      throw RunsError(
        "\(notebookDirectory) belongs to \(owner ?? "another notebook") (see \(ownerPath)), which was rendered at the same time as \(notebookPath); render \(notebookPath) again to write into a folder of its own"
      )
    }
  }

  /// The notebook that owns `folder`, as its `notebook.txt` says; nil when it says nothing.
  private static func owner(of folder: String) -> String? {
    guard let data = FileManager.default.contents(atPath: "\(folder)/notebook.txt") else {
      return nil
    }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    return text.isEmpty ? nil : text
  }

  /// How a notebook is named in `notebook.txt`: its real path relative to the output folder's
  /// real path (`../notebooks/backprop.md`), so that moving a project with its outputs, or naming
  /// the notebook another way (`./x.md`, through a link), keeps the same key.
  static func notebookKey(_ notebookPath: String, outputDirectory: String) -> String {
    let notebook = realPath(notebookPath).split(separator: "/")
    let output = realPath(outputDirectory).split(separator: "/")
    var common = 0
    while common < notebook.count, common < output.count, notebook[common] == output[common] {
      common += 1
    }
    let ups = Array(repeating: "..", count: output.count - common)
    return (ups + notebook[common...].map(String.init)).joined(separator: "/")
  }

  /// The path with links resolved when it exists; else made absolute and tidied.
  private static func realPath(_ path: String) -> String {
    if let resolved = realpath(path, nil) {
      defer { free(resolved) }
      return String(cString: resolved)
    }
    return URL(fileURLWithPath: path).standardizedFileURL.path
  }

  private static func shortDigest(_ key: String) -> String {
    var hash = SHA256()
    hash.update(key)
    return String(hash.hexDigest().prefix(8))
  }

  /// Writes `contents` to `path` unless `path` exists, all at once: the bytes go to a temporary
  /// file that is then linked to `path` (a link never replaces a file).
  private static func createExclusively(_ path: String, contents: String) throws {
    let temporary = "\(path).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
    do {
      try AtomicFile.write(contents, to: temporary)
    } catch {
      throw RunsError("\(error)")
    }
    defer { unlink(temporary) }
    if link(temporary, path) != 0, errno != EEXIST {
      throw RunsError("cannot write \(path): \(String(cString: strerror(errno)))")
    }
  }
}

/// A problem with recorded runs, said with the path it concerns.
package struct RunsError: Error, CustomStringConvertible, Hashable, Sendable {
  package var message: String
  package init(_ message: String) { self.message = message }
  package var description: String { message }
}
