import Foundation

/// Checkpoints in the `.safetensors` format (Hugging Face): an 8-byte little-endian header length,
/// a JSON header naming each tensor's dtype, shape and byte range, then the raw little-endian data.
/// PyTorch (`safetensors.torch.load_file`), JAX and numpy (`safetensors.numpy`) read it directly.
///
/// Tensors are `layers.N.weight` (shape [out, in], row-major) and `layers.N.bias` ([out]), N from
/// 0 as in a PyTorch `nn.Sequential`; `__metadata__` holds sizes, activations, cost and seed.
enum Safetensors {
  /// The largest checkpoint read: the largest network's floats and a generous JSON header.
  static let maximumFileSize = Network.maximumStoredFloats * 4 + (16 << 20)

  static func encode(_ network: Network) -> [UInt8] {
    var tensors: [(name: String, shape: [Int], values: [Float])] = []
    for (n, layer) in network.layers.enumerated() {
      tensors.append(
        ("layers.\(n).weight", [layer.outputCount, layer.inputCount], layer.weightMatrix))
      tensors.append(("layers.\(n).bias", [layer.outputCount], layer.biasVector))
    }
    let metadata = [
      ("format", "nudge"), ("sizes", network.sizes.map(String.init).joined(separator: ",")),
      ("hidden", network.hidden.rawValue), ("output", network.output.rawValue),
      ("cost", network.cost.rawValue), ("seed", String(network.seed)),
    ]
    var entries = [
      "\"__metadata__\":{" + metadata.map { "\"\($0.0)\":\"\($0.1)\"" }.joined(separator: ",") + "}"
    ]
    var offset = 0
    for tensor in tensors {
      let end = offset + tensor.values.count * 4
      entries.append(
        "\"\(tensor.name)\":{\"dtype\":\"F32\",\"shape\":[\(tensor.shape.map(String.init).joined(separator: ","))],"
          + "\"data_offsets\":[\(offset),\(end)]}")
      offset = end
    }
    var header = Array(("{" + entries.joined(separator: ",") + "}").utf8)
    // Pad with spaces so the data starts 8-byte aligned, as the reference writer does.
    while (8 + header.count) % 8 != 0 { header.append(UInt8(ascii: " ")) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(8 + header.count + offset)
    withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
    bytes.append(contentsOf: header)
    for tensor in tensors {
      for value in tensor.values {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
      }
    }
    return bytes
  }

  static func decode(_ bytes: [UInt8], path: String) throws -> Network {
    func fail(_ reason: String) -> NeuralNetworkError {
      NeuralNetworkError.invalidCheckpoint(path: path, reason: reason)
    }
    guard bytes.count >= 8 else {
      throw fail("only \(bytes.count) bytes, too short for a safetensors header")
    }
    let headerLength = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    guard headerLength <= UInt64(bytes.count - 8) else {
      throw fail(
        "the header claims \(headerLength) bytes but the file has \(bytes.count - 8) after the length"
      )
    }
    let dataStart = 8 + Int(headerLength)
    guard
      let json = try? JSONSerialization.jsonObject(with: Data(bytes[8..<dataStart])),
      let header = json as? [String: Any]
    else { throw fail("the header is not a JSON object") }
    guard let metadata = header["__metadata__"] as? [String: String] else {
      throw fail("no __metadata__ with the network's sizes, activations and cost")
    }
    guard
      let sizesText = metadata["sizes"],
      case let sizes = sizesText.split(separator: ",").compactMap({ Int($0) }),
      sizes.count == sizesText.split(separator: ",").count,
      let hidden = metadata["hidden"].flatMap(Activation.init(rawValue:)),
      let output = metadata["output"].flatMap(Activation.init(rawValue:)),
      let cost = metadata["cost"].flatMap(Cost.init(rawValue:))
    else { throw fail("metadata lacks valid sizes, hidden, output and cost entries") }
    do {
      try Network.validate(sizes: sizes, hidden: hidden, output: output, cost: cost)
    } catch {
      throw fail("\(error)")
    }
    let seed = metadata["seed"].flatMap { UInt64($0) } ?? 0
    let dataCount = bytes.count - dataStart

    /// Where a tensor's bytes are, checked against the file before anything is allocated.
    func byteRange(_ name: String, shape: [Int]) throws -> Range<Int> {
      guard let entry = header[name] as? [String: Any] else {
        throw fail("tensor \(name) is missing")
      }
      guard entry["dtype"] as? String == "F32" else {
        throw fail("tensor \(name) has dtype \(entry["dtype"] ?? "none"), not F32")
      }
      guard let entryShape = entry["shape"] as? [Int], entryShape == shape else {
        throw fail("tensor \(name) has shape \(entry["shape"] ?? "none"), expected \(shape)")
      }
      // The shape equals one of validated sizes, so its product cannot overflow.
      let byteCount = shape.reduce(4, *)
      guard let offsets = entry["data_offsets"] as? [Int], offsets.count == 2,
        offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= dataCount,
        offsets[1] - offsets[0] == byteCount
      else { throw fail("tensor \(name) has data offsets outside the file or of the wrong length") }
      return dataStart + offsets[0]..<dataStart + offsets[1]
    }

    func floats(_ range: Range<Int>) -> [Float] {
      stride(from: range.lowerBound, to: range.upperBound, by: 4).map { i in
        Float(
          bitPattern: UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16
            | UInt32(bytes[i + 3]) << 24)
      }
    }

    let ranges = try (0..<sizes.count - 1).map { n in
      (
        weight: try byteRange("layers.\(n).weight", shape: [sizes[n + 1], sizes[n]]),
        bias: try byteRange("layers.\(n).bias", shape: [sizes[n + 1]])
      )
    }
    var layers: [Layer] = []
    for (n, range) in ranges.enumerated() {
      let layer = Layer(inputCount: sizes[n], outputCount: sizes[n + 1])
      layer.setWeightMatrix(floats(range.weight))
      layer.setBiasVector(floats(range.bias))
      layers.append(layer)
    }
    let network = try Network(sizes: sizes, hidden: hidden, output: output, cost: cost, seed: seed)
    return Network(
      sizes: sizes, hidden: hidden, output: output, cost: cost, seed: seed, layers: layers,
      shuffleGenerator: network.shuffleGenerator)
  }
}

extension Network {
  /// Writes the network as a `.safetensors` file, atomically (a temporary file, then a rename).
  package func save(to path: String) throws {
    do {
      try Data(Safetensors.encode(self)).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw NeuralNetworkError.fileUnreadable(
        path: path, reason: "cannot write: \(error.localizedDescription)")
    }
  }

  /// Reads a network written by `save(to:)` (or any safetensors file with the same tensors and metadata).
  package static func load(from path: String) throws -> Network {
    let bytes = try RegularFile.read(
      path: path, limit: Safetensors.maximumFileSize, what: "a network checkpoint")
    return try Safetensors.decode(bytes, path: path)
  }

  /// The checkpoint bytes `save(to:)` writes (for caches that store bytes).
  package func safetensorsBytes() -> [UInt8] { Safetensors.encode(self) }

  /// A network from checkpoint bytes.
  package static func fromSafetensors(_ bytes: [UInt8]) throws -> Network {
    try Safetensors.decode(bytes, path: "<bytes>")
  }
}
