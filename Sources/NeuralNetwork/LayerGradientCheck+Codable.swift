/// A gradient check's pairs are stored as two parallel arrays (tuples are not Codable), so the
/// cell cache can keep the engine's report as it is.
extension LayerGradientCheck: Codable {
  private enum CodingKeys: String, CodingKey {
    case name, checked, skippedAtKinks, maxRelativeError, medianRelativeError, analytic, numeric
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    checked = try container.decode(Int.self, forKey: .checked)
    skippedAtKinks = try container.decode(Int.self, forKey: .skippedAtKinks)
    maxRelativeError = try container.decode(Double.self, forKey: .maxRelativeError)
    medianRelativeError = try container.decode(Double.self, forKey: .medianRelativeError)
    let analytic = try container.decode([Double].self, forKey: .analytic)
    let numeric = try container.decode([Double].self, forKey: .numeric)
    guard analytic.count == numeric.count else {
      throw DecodingError.dataCorruptedError(
        forKey: .numeric, in: container,
        debugDescription:
          "\(analytic.count) analytic but \(numeric.count) numeric gradients; they come in pairs")
    }
    pairs = zip(analytic, numeric).map { ($0, $1) }
  }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(checked, forKey: .checked)
    try container.encode(skippedAtKinks, forKey: .skippedAtKinks)
    try container.encode(maxRelativeError, forKey: .maxRelativeError)
    try container.encode(medianRelativeError, forKey: .medianRelativeError)
    try container.encode(pairs.map(\.analytic), forKey: .analytic)
    try container.encode(pairs.map(\.numeric), forKey: .numeric)
  }
}
