import Foundation

/// What identifies the program that computes cells, for the cell cache's keys: any change to the
/// interpreter or the engine is a new build, so its cached cells are recomputed, without anyone
/// having to remember to bump a version.
///
/// On Linux the linker stamps every executable with a build ID (`.note.gnu.build-id`, a digest
/// of its contents), read from the executable's headers in microseconds. Elsewhere, or
/// without the note, it is the SHA-256 of the executable's file, computed once per process.
package enum BuildIdentity {
  /// `build-id:<hex>` or `sha256:<hex>`; computed on first use.
  package static let current: String = {
    if let note = loadedBuildID() { return "build-id:" + note }
    if let digest = executableDigest() { return "sha256:" + digest }
    // No way to tell builds apart: a value no other process repeats, so nothing is reused.
    return "unidentified:\(getpid())-\(Date().timeIntervalSince1970)"
  }()

  /// The `NT_GNU_BUILD_ID` note of the running executable (a 64-bit little-endian ELF file), in
  /// hex: its program headers are read, then its note segments (a few kilobytes in all).
  static func loadedBuildID() -> String? {
    guard let handle = FileHandle(forReadingAtPath: "/proc/self/exe") else { return nil }
    defer { try? handle.close() }  // read-only: closing cannot lose data
    func read(_ count: Int, at offset: UInt64) -> UnsafeRawBufferPointer? {
      guard (try? handle.seek(toOffset: offset)) != nil,
        let data = try? handle.read(upToCount: count), data.count == count
      else { return nil }
      let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: count, alignment: 8)
      buffer.copyBytes(from: data)
      return UnsafeRawBufferPointer(buffer)
    }
    guard let header = read(64, at: 0) else { return nil }
    defer { header.deallocate() }
    // "\x7fELF", 64-bit, little-endian.
    guard header.starts(with: [0x7f, 0x45, 0x4c, 0x46, 2, 1]) else { return nil }
    let tableOffset = header.loadUnaligned(fromByteOffset: 0x20, as: UInt64.self)
    let entrySize = Int(header.loadUnaligned(fromByteOffset: 0x36, as: UInt16.self))
    let count = Int(header.loadUnaligned(fromByteOffset: 0x38, as: UInt16.self))
    guard entrySize >= 0x28, let table = read(entrySize * count, at: tableOffset) else {
      return nil
    }
    defer { table.deallocate() }
    for index in 0..<count {
      let entry = index * entrySize
      // PT_NOTE
      guard table.loadUnaligned(fromByteOffset: entry, as: UInt32.self) == 4 else { continue }
      let offset = table.loadUnaligned(fromByteOffset: entry + 0x08, as: UInt64.self)
      let size = table.loadUnaligned(fromByteOffset: entry + 0x20, as: UInt64.self)
      guard size <= 1 << 20, let notes = read(Int(size), at: offset) else { continue }
      defer { notes.deallocate() }
      if let hex = buildID(inNotes: notes) { return hex }
    }
    return nil
  }

  /// Walks ELF notes (name size, descriptor size, type, then both padded to 4 bytes).
  static func buildID(inNotes notes: UnsafeRawBufferPointer) -> String? {
    var offset = 0
    func aligned(_ size: Int) -> Int { (size + 3) & ~3 }
    while offset + 12 <= notes.count {
      let nameSize = Int(notes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
      let descriptorSize = Int(notes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
      let type = notes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
      let nameStart = offset + 12
      let descriptorStart = nameStart + aligned(nameSize)
      let next = descriptorStart + aligned(descriptorSize)
      guard next <= notes.count, next > offset else { return nil }
      let name = notes[nameStart..<nameStart + nameSize]
      if type == 3, name.elementsEqual(Array("GNU\0".utf8)), descriptorSize > 0 {
        return notes[descriptorStart..<descriptorStart + descriptorSize]
          .map { String(format: "%02x", $0) }.joined()
      }
      offset = next
    }
    return nil
  }

  /// The SHA-256 of the running executable's file.
  static func executableDigest() -> String? {
    let path =
      FileManager.default.fileExists(atPath: "/proc/self/exe")
      ? "/proc/self/exe" : Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
    return try? FileDigests.hash(path)
  }
}
