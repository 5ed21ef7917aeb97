import Foundation

/// Run ids sort by time (UTC, to the millisecond) and carry a random suffix so that two renders
/// started in the same millisecond still get distinct ids: `20261129-064512-123-3fa9`.
package enum RunID {
  package static func make(at date: Date = Date()) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
    let parts = calendar.dateComponents(
      [.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
    func pad(_ value: Int?, _ width: Int) -> String {
      let text = String(value ?? 0)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    let milliseconds = (parts.nanosecond ?? 0) / 1_000_000
    let suffix = String(UInt16.random(in: 0...UInt16.max), radix: 16)
    return "\(pad(parts.year, 4))\(pad(parts.month, 2))\(pad(parts.day, 2))-"
      + "\(pad(parts.hour, 2))\(pad(parts.minute, 2))\(pad(parts.second, 2))-\(pad(milliseconds, 3))-"
      + String(repeating: "0", count: 4 - suffix.count) + suffix
  }

  /// An ISO 8601 timestamp in UTC with milliseconds, as the run record stores times.
  package static func timestamp(_ date: Date) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    formatter.timeZone = TimeZone(identifier: "UTC")
    return formatter.string(from: date)
  }
}
