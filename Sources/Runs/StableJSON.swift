import Foundation

/// JSON encoding and decoding with a stable layout: sorted keys, no escaped slashes, and the
/// non-finite numbers spelled out (JSONEncoder throws on NaN otherwise).
package enum StableJSON {
  package static func encode<Value: Encodable>(_ value: Value, pretty: Bool = false) throws
    -> [UInt8]
  {
    let encoder = JSONEncoder()
    encoder.outputFormatting =
      pretty
      ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
      : [.sortedKeys, .withoutEscapingSlashes]
    encoder.nonConformingFloatEncodingStrategy = .convertToString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return Array(try encoder.encode(value))
  }

  package static func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws
    -> Value
  {
    let decoder = JSONDecoder()
    decoder.nonConformingFloatDecodingStrategy = .convertFromString(
      positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
    return try decoder.decode(type, from: Data(bytes))
  }
}
