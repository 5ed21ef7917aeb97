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
    #expect(try cache.state(for: found).count == 10)
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

  @Test func rememberedEntriesSkipTheFileButStillCheckDataAndPresence() throws {
    let folder = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let file = folder + "/data.txt"
    try "one".write(toFile: file, atomically: true, encoding: .utf8)
    let cache = CellCache(directory: folder + "/cache", remembersEntries: true)
    try cache.store(entry("k", files: [file: FileDigests(indexPath: nil).sha256(of: file)]))
    // Overwritten on disk: a cache that remembers does not read it again.
    try "garbage".write(toFile: folder + "/cache/k.cell", atomically: true, encoding: .utf8)
    guard case .hit(let found) = cache.lookup(key: "k") else {
      Issue.record("expected a hit from memory")
      return
    }
    #expect(found.outputs == [.text("hi\n")])
    try "two".write(toFile: file, atomically: true, encoding: .utf8)
    guard case .miss = cache.lookup(key: "k") else {
      Issue.record("expected a miss after the data file changed")
      return
    }
    try "one".write(toFile: file, atomically: true, encoding: .utf8)
    try FileManager.default.removeItem(atPath: folder + "/cache/k.cell")
    guard case .miss = cache.lookup(key: "k") else {
      Issue.record("expected a miss once the entry left the disk")
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
    #expect(message.contains("does not match its checksum"))
    #expect(!FileManager.default.fileExists(atPath: folder + "/k.cell"))
    // A checksum that matches over bytes that are no entry.
    try cache.store(entry("k"))
    try Data(CellCache.checksummed(Array("{\"key\": 1}".utf8))).write(
      to: URL(fileURLWithPath: folder + "/k.cell"))
    guard case .rejected(let corrupt) = cache.lookup(key: "k") else {
      Issue.record("expected a rejection")
      return
    }
    #expect(corrupt.contains("corrupt cache entry"))
    // An entry stored under another key's name is not trusted either.
    try cache.store(entry("other"))
    try FileManager.default.moveItem(atPath: folder + "/other.cell", toPath: folder + "/k.cell")
    guard case .rejected = cache.lookup(key: "k") else {
      Issue.record("expected a rejection")
      return
    }
  }

  @Test func anEditedMetricIsDetectedAndTheEntryDropped() throws {
    let folder = try temporaryDirectory()
    defer { removeTemporaryDirectory(folder) }
    let cache = CellCache(directory: folder)
    var stored = entry("k")
    stored.outputs = [.metric(name: "train.accuracy", value: 0.8421)]
    try cache.store(stored)
    guard case .hit = cache.lookup(key: "k") else {
      Issue.record("expected a hit before the edit")
      return
    }
    let path = folder + "/k.cell"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains("0.8421"))
    try text.replacingOccurrences(of: "0.8421", with: "0.9421")
      .write(toFile: path, atomically: true, encoding: .utf8)
    guard case .rejected(let message) = cache.lookup(key: "k") else {
      Issue.record("expected the edited entry to be rejected")
      return
    }
    #expect(message.contains("does not match its checksum"))
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func anEditedStateOrWrittenCopyIsRefused() throws {
    let folder = try temporaryDirectory()
    defer { removeTemporaryDirectory(folder) }
    let cache = CellCache(directory: folder)
    try cache.store(
      CacheEntry(
        key: "k", cellName: "save", files: [:], outputs: [], state: Data([1, 2, 3]),
        written: [("/out/a.bin", Data([9, 9])), ("/out/b.bin", Data([7]))]))
    guard case .hit(let found) = cache.lookup(key: "k") else {
      Issue.record("expected a hit")
      return
    }
    #expect(try cache.state(for: found) == Data([1, 2, 3]))
    let written = try cache.writtenFiles(of: found)
    #expect(written.map(\.file.path) == ["/out/a.bin", "/out/b.bin"])
    #expect(written.map(\.contents) == [Data([9, 9]), Data([7])])

    try Data([1, 2, 4]).write(to: URL(fileURLWithPath: folder + "/k.state"))
    #expect(throws: RunsError.self) { try cache.state(for: found) }
    try Data([9, 8, 7]).write(to: URL(fileURLWithPath: folder + "/k.written"))
    #expect(throws: RunsError.self) { try cache.writtenFiles(of: found) }
    try FileManager.default.removeItem(atPath: folder + "/k.written")
    #expect(throws: RunsError.self) { try cache.writtenFiles(of: found) }
  }

  @Test func leastRecentlyUsedEntriesAreEvictedOverTheCap() throws {
    let folder = try temporaryDirectory()
    defer { removeTemporaryDirectory(folder) }
    let cache = CellCache(directory: folder, capacityBytes: 15_000)
    try cache.store(entry("a", size: 6_000))
    var withFiles = entry("b", size: 3_000)
    withFiles = CacheEntry(
      key: "b", cellName: "save", files: [:], outputs: [], state: withFiles.state,
      written: [("/out/n.safetensors", Data(count: 3_000))])
    try cache.store(withFiles)
    // Make `a` the older one, then use it so that `b` is least recently used.
    utime(folder + "/a.cell", nil)
    var old = utimbuf(actime: 1_000_000, modtime: 1_000_000)
    utime(folder + "/b.cell", &old)
    try cache.store(entry("c", size: 6_000))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(names == ["a.cell", "a.state", "c.cell", "c.state"])
  }

  @Test func theBuildIsThisExecutablesBuildID() throws {
    // The test binary is linked like `nudge`: with a build ID note, read without hashing.
    let identity = BuildIdentity.current
    #expect(identity.hasPrefix("build-id:"))
    #expect(identity.count > "build-id:".count + 16)
    #expect(identity == BuildIdentity.current)
  }

  @Test func keyCoversSourceOptionsParamsPreviousEngineAndBuild() {
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
      CellKey.make(
        previous: "p", engineVersion: "1", build: "another build", source: "let x = 1",
        options: CellOptions(), params: ["epochs": .int(3)]),
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
