import Foundation
import Testing

@testable import Directives

/// Writes stay inside the output folder whatever symbolic links or files lie on the way; reads
/// stay inside the notebook's folder or the output folder.
@Suite("File sandbox")
final class FileSandboxTests {
  /// notebook/ (the notebook's folder) holding output/; elsewhere/ beside it, outside both.
  let root = temporaryDirectory()
  var notebook: String { root + "/notebook" }
  var output: String { notebook + "/output" }
  var elsewhere: String { root + "/elsewhere" }
  let here = Position(line: 3, column: 7)
  let files = FileManager.default

  init() throws {
    try files.createDirectory(atPath: output, withIntermediateDirectories: true)
    try files.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(atPath: root) }

  var access: FileAccess { FileAccess(notebookDirectory: notebook, outputDirectory: output) }

  func link(_ path: String, to target: String) throws {
    try files.createSymbolicLink(atPath: path, withDestinationPath: target)
  }

  /// Everything under `elsewhere`, to show a refused write created nothing there.
  func outside() throws -> [String] { try files.subpathsOfDirectory(atPath: elsewhere).sorted() }

  @Test(
    "a symbolic link to a folder outside, at any depth of the path, stops the write",
    arguments: ["sub/evil", "sub/deep/evil", "a/sub/deep/evil", "a/b/sub/evil"])
  func linkedFolderOnThePath(path: String) throws {
    let linkFolder = output + "/" + path.components(separatedBy: "/sub/")[0]
    let linkParent = path.hasPrefix("sub/") ? output : linkFolder
    try files.createDirectory(atPath: linkParent, withIntermediateDirectories: true)
    try link(linkParent + "/sub", to: elsewhere)
    #expect {
      try self.access.writable(path, at: self.here)
    } throws: { error in
      "\(error)".hasPrefix("3:7") && "\(error)".contains("is a symbolic link")
    }
    let created = try outside()
    #expect(created.isEmpty, "nothing created outside: \(created)")
  }

  @Test("the same escape written as an absolute path through the link")
  func absolutePathThroughLink() throws {
    try link(output + "/sub", to: elsewhere)
    #expect(throws: EvaluationError.self) {
      try self.access.writable(self.output + "/sub/deep/evil.safetensors", at: self.here)
    }
    #expect(try outside().isEmpty)
  }

  @Test(
    "a symbolic link is never written over, wherever it points",
    arguments: ["/elsewhere/target", "/notebook/output/real", "/nowhere"])
  func linkAsTheFile(target: String) throws {
    try link(output + "/net.safetensors", to: root + target)
    #expect {
      try self.access.writable("net.safetensors", at: self.here)
    } throws: { "\($0)".contains("symbolic link") }
    #expect(
      try files.destinationOfSymbolicLink(atPath: output + "/net.safetensors") == root + target)
  }

  @Test(
    "writes outside the output folder are refused, the notebook's own folder included",
    arguments: ["/notebook/net.safetensors", "/elsewhere/net.safetensors", "/notebook/output"])
  func writesOutsideOutput(path: String) throws {
    #expect {
      try self.access.writable(self.root + path, at: self.here)
    } throws: { "\($0)".contains("refusing to write") }
  }

  @Test("a file where a folder should be, and a folder where the file should be")
  func wrongKinds() throws {
    #expect(files.createFile(atPath: output + "/plain", contents: Data("x".utf8)))
    try files.createDirectory(atPath: output + "/folder", withIntermediateDirectories: true)
    #expect {
      try self.access.writable("plain/net", at: self.here)
    } throws: { "\($0)".contains("is not a folder") }
    #expect {
      try self.access.writable("folder", at: self.here)
    } throws: { "\($0)".contains("is a folder") }
  }

  @Test("writes inside the output folder create their folders there and only there")
  func allowedWrites() throws {
    let path = try access.writable("runs/./a/b/net.safetensors", at: here)
    #expect(path == FileAccess.canonical(output) + "/runs/a/b/net.safetensors")
    var isFolder: ObjCBool = false
    #expect(files.fileExists(atPath: output + "/runs/a/b", isDirectory: &isFolder))
    #expect(isFolder.boolValue)
    #expect(!files.fileExists(atPath: path), "the file itself is the writer's to create")
    let absolute = try access.writable(output + "/top.safetensors", at: here)
    #expect(absolute == FileAccess.canonical(output) + "/top.safetensors")
  }

  @Test(
    "reads through a link out of the sandbox are refused, whether or not the file exists",
    arguments: ["sub/existing", "sub/missing", "sub/deep/missing"])
  func readsThroughLinks(path: String) throws {
    #expect(files.createFile(atPath: elsewhere + "/existing", contents: Data("secret".utf8)))
    try link(notebook + "/sub", to: elsewhere)
    try link(output + "/sub", to: elsewhere)
    #expect(throws: EvaluationError.self) { try self.access.readable(path, at: self.here) }
    #expect(throws: EvaluationError.self) { try self.access.inOutput(path, at: self.here) }
  }

  @Test("canonical paths resolve the deepest existing folder and keep the rest as written")
  func canonicalPaths() throws {
    try link(notebook + "/sub", to: elsewhere)
    let resolvedElsewhere = FileAccess.canonical(elsewhere)
    #expect(FileAccess.canonical(notebook + "/sub/deep/x") == resolvedElsewhere + "/deep/x")
    #expect(FileAccess.canonical(notebook + "/./sub/x") == resolvedElsewhere + "/x")
    #expect(FileAccess.canonical("/") == "/")
    #expect(FileAccess.canonical("/nonexistent-root-folder/x") == "/nonexistent-root-folder/x")
  }
}
