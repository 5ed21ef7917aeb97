import Foundation
import Notebook
import Testing

@testable import Runs

@Suite struct CellCacheTests {
  func entry(_ key: String, files: [String: String] = [:], size: Int = 10) -> CacheEntry {
    CacheEntry(
      key: key, cellName: "train", files: files, outputs: [.text("hi\n")],
      state: Data(repeating: 7, count: size))
  }

  @Test func storedEntryIsAHitWithItsOutputsAndState() throws {
    let scratch = try temporaryDirectory()
    defer { removeTemporaryDirectory(scratch) }
    let cache = CellCache(directory: scratch)
    try cache.store(entry("k1"))
    guard case .hit(let found) = cache.lookup(key: "k1") else {
      Issue.record("expected a hit")
      return
    }
    #expect(found.outputs == [.text("hi\n")])
    #expect(try cache.state(for: "k1").count == 10)
    guard case .miss = cache.lookup(key: "k2") else {
      Issue.record("expected a miss")
      return
    }
  }

  @Test func changedDataFileMakesTheEntryStale() throws {
    let folder = try temporaryDirectory()
    defer { removeTemporaryDirectory(folder) }
    let file = folder + "/data.txt"
    try "one".write(toFile: file, atomically: true, encoding: .utf8)
    let cache = CellCache(directory: folder + "/cache")
    try cache.store(entry("k", files: [file: FileDigests(indexPath: nil).sha256(of: file)]))
    guard case .hit = cache.lookup(key: "k") else {
      Issue.record("expected a hit")
      return
    }
    try "two".write(toFile: file, atomically: true, encoding: .utf8)
    guard case .miss = cache.lookup(key: "k") else {
      Issue.record("expected a miss after the edit")
      return
    }
  }

  @Test func corruptEntryIsRejectedAndRemoved() throws {
    let folder = try temporaryDirectory()
    defer { removeTemporaryDirectory(folder) }
    let cache = CellCache(directory: folder)
    try cache.store(entry("k"))
    try "garbage".write(toFile: folder + "/k.cell", atomically: true, encoding: .utf8)
    guard case .rejected(let message) = cache.lookup(key: "k") else {
      Issue.record("expected a rejection")
      return
    }
    #expect(message.contains("corrupt cache entry"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/k.cell"))
    // An entry stored under another key's name is not trusted either.
    try cache.store(entry("other"))
    try FileManager.default.moveItem(atPath: folder + "/other.cell", toPath: folder + "/k.cell")
    guard case .rejected = cache.lookup(key: "k") else {
      Issue.record("expected a rejection")
      return
    }
  }

  @Test func leastRecentlyUsedEntriesAreEvictedOverTheCap() throws {
    let folder = try temporaryDirectory()
    defer { removeTemporaryDirectory(folder) }
    let cache = CellCache(directory: folder, capacityBytes: 15_000)
    try cache.store(entry("a", size: 6_000))
    try cache.store(entry("b", size: 6_000))
    // Make `a` the older one, then use it so that `b` is least recently used.
    utime(folder + "/a.cell", nil)
    var old = utimbuf(actime: 1_000_000, modtime: 1_000_000)
    utime(folder + "/b.cell", &old)
    try cache.store(entry("c", size: 6_000))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(names == ["a.cell", "a.state", "c.cell", "c.state"])
  }

  @Test func keyCoversSourceOptionsParamsPreviousAndEngine() {
    let base = CellKey.make(
      previous: "p", engineVersion: "1", source: "let x = 1", options: CellOptions(),
      params: ["epochs": .int(3)])
    #expect(
      base
        == CellKey.make(
          previous: "p", engineVersion: "1", source: "let x = 1", options: CellOptions(),
          params: ["epochs": .int(3)]))
    let variants = [
      CellKey.make(
        previous: "q", engineVersion: "1", source: "let x = 1", options: CellOptions(),
        params: ["epochs": .int(3)]),
      CellKey.make(
        previous: "p", engineVersion: "2", source: "let x = 1", options: CellOptions(),
        params: ["epochs": .int(3)]),
      CellKey.make(
        previous: "p", engineVersion: "1", source: "let x = 2", options: CellOptions(),
        params: ["epochs": .int(3)]),
      CellKey.make(
        previous: "p", engineVersion: "1", source: "let x = 1", options: CellOptions(echo: false),
        params: ["epochs": .int(3)]),
      CellKey.make(
        previous: "p", engineVersion: "1", source: "let x = 1", options: CellOptions(),
        params: ["epochs": .int(4)]),
      CellKey.make(
        previous: "p", engineVersion: "1", source: "let x = 1", options: CellOptions(),
        params: ["epochs": .double(3)]),
    ]
    #expect(Set(variants + [base]).count == variants.count + 1)
    #expect(CellKey.chained(base, files: [:]) == base)
    #expect(CellKey.chained(base, files: ["a": "1"]) != CellKey.chained(base, files: ["a": "2"]))
  }
}

@Suite struct FileDigestsTests {
  @Test func aMissingFileIsMissingAndAnUnreadableOneIsAnErrorNamingIt() throws {
    let folder = try temporaryDirectory()
    defer { removeTemporaryDirectory(folder) }
    let digests = FileDigests(indexPath: nil)
    #expect(try digests.sha256(of: "\(folder)/absent.idx") == FileDigests.missing)
    // A folder has a status but cannot be read as a file.
    let unreadable = "\(folder)/data.idx"
    try FileManager.default.createDirectory(atPath: unreadable, withIntermediateDirectories: false)
    do {
      _ = try digests.sha256(of: unreadable)
      Issue.record("a folder was digested as a file")
    } catch {
      #expect("\(error)".hasPrefix("\(unreadable): cannot read it"))
    }
  }

  @Test func aCorruptIndexIsReportedAndTheDigestsRecomputed() throws {
    let folder = try temporaryDirectory()
    defer { removeTemporaryDirectory(folder) }
    let file = "\(folder)/data.txt"
    try Data("abc".utf8).write(to: URL(fileURLWithPath: file))
    try Data("{not json".utf8).write(to: URL(fileURLWithPath: "\(folder)/files.json"))
    let digests = FileDigests(indexPath: "\(folder)/files.json")
    #expect(
      digests.indexProblem?.contains("files.json: the remembered file digests are unreadable")
        == true)
    #expect(
      try digests.sha256(of: file)
        == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    try digests.save()
    #expect(FileDigests(indexPath: "\(folder)/files.json").indexProblem == nil)
  }
}
