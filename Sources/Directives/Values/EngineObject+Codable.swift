import Foundation
import NeuralNetwork

/// Engine values in session snapshots: networks by their number in the snapshot's archive (see
/// `SnapshotArchive`; with every parameter in JSON outside one), results as they are, and data
/// sets as the recipe that loads them again (see `DatasetValue`), checked against the sandbox.
extension EngineObject: Codable {
  private enum Kind: String, Codable {
    case dataset, dataSplit, example, network, history, epoch, evaluation, gradientCheck, layerCheck
    case nudges
  }

  private enum CodingKeys: String, CodingKey { case kind, value, label }

  package func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    switch self {
    case .dataset(let value):
      try container.encode(Kind.dataset, forKey: .kind)
      try container.encode(value.origin, forKey: .value)
    case .dataSplit(let value):
      try container.encode(Kind.dataSplit, forKey: .kind)
      try container.encode(value.source, forKey: .value)
    case .example(let example):
      try container.encode(Kind.example, forKey: .kind)
      try container.encode(example.pixels, forKey: .value)
      try container.encode(example.label, forKey: .label)
    case .network(let network):
      try container.encode(Kind.network, forKey: .kind)
      if let writer = encoder.userInfo[SnapshotWriter.key] as? SnapshotWriter {
        try container.encode(writer.number(of: network), forKey: .value)
      } else {
        try container.encode(network, forKey: .value)
      }
    case .history(let history):
      try container.encode(Kind.history, forKey: .kind)
      try container.encode(history, forKey: .value)
    case .epoch(let epoch):
      try container.encode(Kind.epoch, forKey: .kind)
      try container.encode(epoch, forKey: .value)
    case .evaluation(let evaluation):
      try container.encode(Kind.evaluation, forKey: .kind)
      try container.encode(evaluation, forKey: .value)
    case .gradientCheck(let report):
      try container.encode(Kind.gradientCheck, forKey: .kind)
      try container.encode(report, forKey: .value)
    case .layerCheck(let layer):
      try container.encode(Kind.layerCheck, forKey: .kind)
      try container.encode(layer, forKey: .value)
    case .nudges(let nudges):
      try container.encode(Kind.nudges, forKey: .kind)
      try container.encode(nudges, forKey: .value)
    }
  }

  package init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let loader = decoder.userInfo[DatasetLoader.key] as? DatasetLoader ?? DatasetLoader()
    let reader = decoder.userInfo[SnapshotReader.key] as? SnapshotReader
    switch try container.decode(Kind.self, forKey: .kind) {
    case .dataset:
      let origin = try container.decode(DatasetOrigin.self, forKey: .value)
      if let reader { try origin.checkSandbox(reader.fileAccess) }
      self = .dataset(DatasetValue(data: try loader.load(origin), origin: origin))
    case .dataSplit:
      let source = try container.decode(DigitSource.self, forKey: .value)
      if let reader { try source.checkSandbox(reader.fileAccess) }
      self = .dataSplit(DataSplitValue(split: try loader.load(source), source: source))
    case .example:
      self = .example(
        Dataset.Example(
          pixels: try container.decode([Float].self, forKey: .value),
          label: try container.decode(Int.self, forKey: .label)))
    case .network:
      if let reader {
        self = .network(try reader.network(try container.decode(Int.self, forKey: .value)))
      } else {
        self = .network(try container.decode(Network.self, forKey: .value))
      }
    case .history: self = .history(try container.decode(TrainingHistory.self, forKey: .value))
    case .epoch: self = .epoch(try container.decode(EpochRecord.self, forKey: .value))
    case .evaluation: self = .evaluation(try container.decode(Evaluation.self, forKey: .value))
    case .gradientCheck:
      self = .gradientCheck(try container.decode(GradientCheckReport.self, forKey: .value))
    case .layerCheck:
      self = .layerCheck(try container.decode(LayerGradientCheck.self, forKey: .value))
    case .nudges: self = .nudges(try container.decode(NudgeReport.self, forKey: .value))
    }
  }
}

/// Loads each data source once while a snapshot is decoded (every cell's `data.train` shares it).
final class DatasetLoader: @unchecked Sendable {
  static let key = CodingUserInfoKey(rawValue: "nudge.datasetLoader")!
  private var splits: [DigitSource: DataSplit] = [:]

  func load(_ source: DigitSource) throws -> DataSplit {
    if let split = splits[source] { return split }
    let split = try source.load()
    splits[source] = split
    return split
  }

  func load(_ origin: DatasetOrigin) throws -> Dataset { try origin.load(&splits) }
}
