import Foundation
import Notebook

/// How large one value a cell builds may grow. A string or array past the limit is an error at the
/// operation that asks for it, not an out-of-memory kill of the process: doubling a string 40
/// times asks for a terabyte. The limit is a run's setting (`EvaluationOptions.valueLimit`), read
/// from the session's `RunControl`.
package enum ValueLimits {
  /// A quarter of the machine's memory, and at most 4 GiB, for one string or array.
  package static let defaultBytes = min(
    4 << 30, Int(clamping: ProcessInfo.processInfo.physicalMemory / 4))

  /// The most elements an array of `bytes` may hold.
  static func maximumElements(_ bytes: Int) -> Int { bytes / MemoryLayout<Value>.stride }

  /// The most elements of an array made where no run's setting is at hand (ranges, strides).
  static let defaultMaximumElements = maximumElements(defaultBytes)

  /// The longest text a value prints as: longer text is cut with "…" (a value that shares its
  /// parts, such as an array doubled by `a = [a, a]`, has a text far larger than itself).
  static let maximumTextBytes = 64 << 20

  /// Checks a string of `count` UTF-8 bytes about to be made.
  @inline(__always)
  static func checkString(bytes count: Int, limit: Int, at position: Position)
    throws(EvaluationError)
  {
    if count > limit { throw tooLarge("a string of \(size(count))", limit: limit, at: position) }
  }

  /// Checks an array of `count` elements about to be made.
  @inline(__always)
  static func checkArray(count: Int, limit: Int, at position: Position) throws(EvaluationError) {
    if count > maximumElements(limit) {
      throw tooLarge("an array of \(count) elements", limit: limit, at: position)
    }
  }

  /// Checks a dictionary or set about to hold `count` entries: each costs about four values
  /// (key, value, and the position index's entry).
  @inline(__always)
  static func checkEntries(_ count: Int, of what: String, limit: Int, at position: Position)
    throws(EvaluationError)
  {
    if count > maximumElements(limit) / 4 {
      throw tooLarge("\(what) of \(count) entries", limit: limit, at: position)
    }
  }

  /// Before appending to `values`: an error when the array is full at the limit, and the last
  /// growth stops at the limit (an array doubling its storage would ask for twice the limit).
  @inline(__always)
  static func makeRoom(in values: inout [Value], limit: Int, at position: Position)
    throws(EvaluationError)
  {
    guard values.count == values.capacity else { return }
    let most = maximumElements(limit)
    try checkArray(count: values.count + 1, limit: limit, at: position)
    if values.count > most / 2 { values.reserveCapacity(most) }
  }

  private static func tooLarge(_ what: String, limit: Int, at position: Position)
    -> EvaluationError
  {
    EvaluationError(
      "\(what) is beyond the limit of \(size(limit)) for one value; build it in smaller parts",
      at: position)
  }

  /// `5.5 GB`, `12 MB`, `300 bytes`.
  static func size(_ bytes: Int) -> String {
    let units: [(Double, String)] = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")]
    for (scale, unit) in units where Double(bytes) >= scale {
      let value = Double(bytes) / scale
      return (value >= 10 ? String(Int(value.rounded())) : String(format: "%.1f", value)) + " "
        + unit
    }
    return "\(bytes) bytes"
  }
}
