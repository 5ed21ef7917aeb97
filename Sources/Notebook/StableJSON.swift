import Foundation

/// The one JSON configuration of the project (run records, cache entries, session snapshots,
/// a sweep's run reports): sorted keys, no escaped slashes, and the non-finite numbers spelled
/// out as `"NaN"`, `"Infinity"` and `"-Infinity"` (JSONEncoder throws on NaN otherwise).
package enum StableJSON {
  /// `userInfo` reaches the types' `encode(to:)` (e.g. what collects a snapshot's networks).
  package static func encode<Value: Encodable>(
    _ value: Value, pretty: Bool = false, userInfo: [CodingUserInfoKey: any Sendable] = [:]
  ) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.userInfo = userInfo
    encoder.outputFormatting =
      pretty
      ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      : [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return Array(try encoder.encode(value))
  }

  /// Decodes `bytes`; `userInfo` reaches the types' `init(from:)` (e.g. a loader for data sets).
  package static func decode<Value: Decodable>(
    _ type: Value.Type, from bytes: [UInt8], userInfo: [CodingUserInfoKey: any Sendable] = [:]
  ) throws -> Value {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    decoder.userInfo = userInfo
    return try decoder.decode(type, from: Data(bytes))
  }
}
