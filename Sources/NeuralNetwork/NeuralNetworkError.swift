/// Everything the engine refuses, with a message that says what, where, and what to do.
package enum NeuralNetworkError: Error, CustomStringConvertible, Equatable, Sendable {
  /// The layer sizes cannot make a network (fewer than two layers, or a size below 1).
  case invalidLayerSizes([Int], reason: String)
  /// Layer sizes whose weights and biases would not fit the memory limit.
  case networkTooLarge([Int], floats: Int, limit: Int)
  /// An activation or cost that does not fit where it was asked for.
  case invalidConfiguration(String)
  /// The data's shape does not match the network's.
  case sizeMismatch(String)
  /// A training or evaluation setting out of its range (NaN learning rate, batch larger than the data, ...).
  case invalidArgument(name: String, value: String, reason: String)
  /// The cost became NaN or infinite while training.
  case nonFiniteCost(epoch: Int, batch: Int, cost: Double)
  /// A data set's contents are unusable.
  case invalidDataset(String)
  /// A file could not be read or written.
  case fileUnreadable(path: String, reason: String)
  /// A gzip stream that is truncated or corrupt.
  case corruptGzip(path: String, reason: String)
  /// An IDX file that breaks the format.
  case invalidIDX(path: String, reason: String)
  /// Images and labels that do not belong together.
  case countMismatch(images: String, imageCount: Int, labels: String, labelCount: Int)
  /// A data set that is not installed.
  case datasetMissing(name: String, directory: String, hint: String)
  /// A checkpoint that is not a network this engine wrote or can read.
  case invalidCheckpoint(path: String, reason: String)

  package var description: String {
    switch self {
    case .invalidLayerSizes(let sizes, let reason):
      return "invalid layer sizes \(sizes): \(reason); give at least two sizes, each 1 or more"
    case .networkTooLarge(let sizes, let floats, let limit):
      let shown =
        sizes.count <= 12 ? "\(sizes)" : "\(Array(sizes.prefix(12))) (\(sizes.count) sizes)"
      let size = floats == Int.max ? "more than 2^63" : "\(floats)"
      return
        "network \(shown) is too large: its weights and biases need \(size) floats (\(Self.bytesText(floats))), "
        + "more than the limit of \(limit) (\(Self.bytesText(limit))); use smaller layers"
    case .invalidConfiguration(let message):
      return message
    case .sizeMismatch(let message):
      return message
    case .invalidArgument(let name, let value, let reason):
      return "invalid \(name) \(value): \(reason)"
    case .nonFiniteCost(let epoch, let batch, let cost):
      return
        "training diverged: the cost became \(cost) in epoch \(epoch), mini-batch \(batch); "
        + "lower the learning rate or check the data"
    case .invalidDataset(let message):
      return "invalid data set: \(message)"
    case .fileUnreadable(let path, let reason):
      return "\(path): cannot read: \(reason)"
    case .corruptGzip(let path, let reason):
      return "\(path): corrupt gzip data: \(reason); download or copy the file again"
    case .invalidIDX(let path, let reason):
      return "\(path): not a valid IDX file: \(reason)"
    case .countMismatch(let images, let imageCount, let labels, let labelCount):
      return
        "\(images) holds \(imageCount) images but \(labels) holds \(labelCount) labels; "
        + "pair each images file with its own labels file"
    case .datasetMissing(let name, let directory, let hint):
      return "\(name) not found in \(directory): \(hint)"
    case .invalidCheckpoint(let path, let reason):
      return "\(path): not a network checkpoint: \(reason)"
    }
  }

  /// Four bytes per float, in the largest binary unit that keeps the number above 1.
  private static func bytesText(_ floats: Int) -> String {
    let bytes = Double(floats) * 4
    let units = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var value = bytes
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return unit == 0 ? "\(Int(bytes)) bytes" : "\((value * 10).rounded() / 10) \(units[unit])"
  }
}
