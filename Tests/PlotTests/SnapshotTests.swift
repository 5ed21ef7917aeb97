import Foundation
import Testing

/// Each chart kind against the SVG stored in `__Snapshots__/<name>.svg`. Run with
/// `NUDGE_RECORD_SNAPSHOTS=1` to record them again after a deliberate change (then look at
/// the new pictures before committing them).
@Suite struct SnapshotTests {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("__Snapshots__")
  static let recording = ProcessInfo.processInfo.environment["NUDGE_RECORD_SNAPSHOTS"] == "1"

  @Test(arguments: SampleCharts.all.map(\.name))
  func chartMatchesItsSnapshot(name: String) throws {
    let svg = try #require(SampleCharts.all.first { $0.name == name }?.svg)
    let file = Self.folder.appendingPathComponent(name + ".svg")
    let stored = try? String(contentsOf: file, encoding: .utf8)
    if Self.recording || stored == nil {
      try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
      try svg.write(to: file, atomically: true, encoding: .utf8)
      #expect(Self.recording, "recorded a missing snapshot \(file.path); run the tests again")
      return
    }
    if let difference = Self.firstDifference(stored ?? "", svg) {
      Issue.record(
        "\(name) differs from \(file.path) at character \(difference.offset): stored …\(difference.stored)… now …\(difference.new)…; if the change is deliberate, rerun with NUDGE_RECORD_SNAPSHOTS=1"
      )
    }
  }

  /// Where two texts first differ, with a short excerpt of each, so a failure stays readable.
  static func firstDifference(_ stored: String, _ new: String) -> (
    offset: Int, stored: String, new: String
  )? {
    guard stored != new else { return nil }
    // Ids hash the whole chart, so they always differ first; compare what follows them.
    func withoutIds(_ text: String) -> [UInt8] {
      Array(
        text.replacingOccurrences(of: "np-[0-9a-f]{6,}", with: "np-ID", options: .regularExpression)
          .utf8)
    }
    let (a, b) = (withoutIds(stored), withoutIds(new))
    let offset = zip(a, b).prefix { $0 == $1 }.count
    func excerpt(_ bytes: [UInt8]) -> String {
      String(decoding: bytes[max(0, offset - 40)..<min(bytes.count, offset + 60)], as: UTF8.self)
    }
    return (offset, excerpt(a), excerpt(b))
  }
}
