import Foundation
import NeuralNetwork
import Notebook

/// An engine value held by a notebook variable. Data sets, histories and reports are values;
/// a network is a shared reference (a `let net` can be trained).
package enum EngineObject: Sendable, CustomStringConvertible {
  case dataset(DatasetValue)
  case dataSplit(DataSplitValue)
  case example(Dataset.Example)
  case network(Network)
  case history(TrainingHistory)
  case epoch(EpochRecord)
  case evaluation(Evaluation)
  case gradientCheck(GradientCheckReport)
  case layerCheck(LayerGradientCheck)
  case nudges(NudgeReport)

  package var type: ObjectType {
    switch self {
    case .dataset: .dataset
    case .dataSplit: .dataSplit
    case .example: .example
    case .network: .network
    case .history: .history
    case .epoch: .epoch
    case .evaluation: .evaluation
    case .gradientCheck: .gradientCheck
    case .layerCheck: .layerCheck
    case .nudges: .nudges
    }
  }

  package var description: String {
    switch self {
    case .dataset(let value): Self.describe(value.data)
    case .dataSplit(let value):
      "DataSplit(train: \(value.split.train.count) examples, test: \(value.split.test.count) examples)"
    case .example(let example): "Example(label: \(example.label))"
    case .network(let network): Self.describe(network)
    case .history(let history):
      "TrainingHistory(\(history.epochs.count) epochs, final cost \(format(history.epochs.last?.trainCost)))"
    case .epoch(let epoch):
      "EpochRecord(epoch: \(epoch.epoch), trainCost: \(format(epoch.trainCost)))"
    case .evaluation(let evaluation):
      "Evaluation(accuracy: \(format(evaluation.accuracy)), meanCost: \(format(evaluation.meanCost)), \(evaluation.correct)/\(evaluation.count) correct)"
    case .gradientCheck(let report):
      "GradientCheckReport(maxRelativeError: \(scientific(report.maxRelativeError)))"
    case .layerCheck(let layer):
      "LayerGradientCheck(\(layer.name): max \(scientific(layer.maxRelativeError)))"
    case .nudges(let nudges): "NudgeReport(label: \(nudges.label))"
    }
  }

  static func describe(_ data: Dataset) -> String {
    let shape =
      data.imageWidth.flatMap { width in data.imageHeight.map { "\(width)×\($0) images" } }
      ?? "\(data.featureCount) features"
    return "Dataset(\(data.count) examples, \(shape), \(data.classCount) classes)"
  }

  static func describe(_ network: Network) -> String {
    let sizes = network.sizes.map(String.init).joined(separator: "-")
    return
      "Network \(sizes) (hidden: .\(network.hidden.rawValue), output: .\(network.output.rawValue), cost: .\(network.cost.rawValue)), \(network.parameterCount) parameters"
  }
}

/// Costs and accuracies in table cells, captions and descriptions: the report's one number
/// format (`NumberFormat.metric`), with "–" for a value that is missing.
func format(_ value: Double?) -> String {
  value.map(NumberFormat.metric) ?? "–"
}

func scientific(_ value: Double) -> String {
  value.isFinite ? String(format: "%.2e", value) : String(value)
}

extension EngineObject {
  /// The table form of values that have one (histories, evaluations, gradient checks).
  var table: Table? {
    switch self {
    case .history(let history):
      return Table(
        caption: "Training history",
        columns: ["epoch", "train cost", "test cost", "test accuracy", "seconds"],
        rows: history.epochs.map { epoch in
          [
            String(epoch.epoch), format(epoch.trainCost), format(epoch.testCost),
            epoch.testAccuracy.map { format($0 * 100) + "%" } ?? "–",
            String(format: "%.2f", epoch.seconds),
          ]
        })
    case .evaluation(let evaluation):
      let classes = evaluation.confusion.indices.map(String.init)
      return Table(
        caption:
          "Confusion matrix (rows: true label, columns: guess); accuracy \(format(evaluation.accuracy * 100))%, mean cost \(format(evaluation.meanCost))",
        columns: ["label"] + classes,
        rows: evaluation.confusion.enumerated().map { [String($0)] + $1.map(String.init) })
    case .gradientCheck(let report):
      return Table(
        caption: "Gradient check: backpropagation against centred finite differences",
        columns: ["parameters", "checked", "max relative error", "median relative error"],
        rows: report.layers.map { layer in
          [
            layer.name, String(layer.checked), scientific(layer.maxRelativeError),
            scientific(layer.medianRelativeError),
          ]
        })
    case .nudges(let nudges):
      return Table(
        caption: "What example (label \(nudges.label)) asks of the output layer",
        columns: ["neuron", "activation", "desired change", "bias nudge"],
        rows: nudges.outputs.indices.map { neuron in
          [
            String(neuron), format(nudges.outputs[neuron]),
            format(nudges.desiredOutputChanges[neuron]), format(nudges.biasNudges[neuron]),
          ]
        })
    default:
      return nil
    }
  }

  var displayOutputs: [CellOutput] {
    // An evaluation's confusion matrix is drawn; its numbers stay available through `table(...)`.
    if case .evaluation = self { return [.value(description)] + PlotDirectives.figures(for: self) }
    return (table.map { [.table($0)] } ?? [.value(description)]) + PlotDirectives.figures(for: self)
  }

}
