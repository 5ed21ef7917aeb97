import Foundation
import NeuralNetwork

/// Directives bound to the neural-network engine: data sets, networks, training, evaluation,
/// gradient checks, nudges, checkpoints, and the members of their results.
enum EngineDirectives {
  static let all: [Directive] = data + networks + training + members

  static let activation = EnumerationType(
    name: "Activation", cases: Activation.allCases.map(\.rawValue))
  static let cost = EnumerationType(name: "Cost", cases: Cost.allCases.map(\.rawValue))
  static let initialization = EnumerationType(
    name: "WeightInitialization", cases: WeightInitialization.allCases.map(\.rawValue))
  static let biasInitialization = EnumerationType(
    name: "BiasInitialization", cases: BiasInitialization.allCases.map(\.rawValue))

  static let dataset: ValueType = .object(.dataset)
  static let network: ValueType = .object(.network)

  /// Runs an engine call, turning its errors into the cell's error at the call.
  static func engine<T>(_ call: Invocation, _ body: () throws -> T) throws(EvaluationError) -> T {
    do {
      return try body()
    } catch let error as EvaluationError {
      throw error
    } catch {
      throw call.error("\(error)")
    }
  }

  static func seed(_ call: Invocation, _ name: String) throws(EvaluationError) -> UInt64 {
    UInt64(bitPattern: Int64(try call.int(name)))
  }

  // MARK: Data sets

  static let data: [Directive] = [
    Directive(
      "mnist",
      parameters: [
        Parameter("train", .int, default: .int(60000)),
        Parameter("test", .int, default: .int(10000)),
      ],
      result: .object(.dataSplit),
      summary:
        "The bundled MNIST digits (`data/mnist/` beside the notebook), pixels scaled to [0, 1]: the first `train` training and `test` test images, in the files' order."
    ) { call throws(EvaluationError) in
      let directory = try call.context.fileAccess.readable("data/mnist", at: call.position)
      return try digits(call, .mnist, directory: directory)
    },
    Directive(
      "fashionMNIST",
      parameters: [
        Parameter("train", .int, default: .int(60000)),
        Parameter("test", .int, default: .int(10000)),
      ],
      result: .object(.dataSplit),
      summary:
        "Fashion-MNIST from the Debian package `dataset-fashion-mnist` (\(FashionMNIST.debianDirectory))."
    ) { call throws(EvaluationError) in
      try digits(call, .fashionMNIST, directory: FashionMNIST.debianDirectory)
    },
    Directive(
      "idx", parameters: [Parameter("images", .string), Parameter("labels", .string)],
      result: dataset,
      summary:
        "A data set from IDX image and label files (plain or gzip), paths relative to the notebook's folder."
    ) { call throws(EvaluationError) in
      let images = try call.context.fileAccess.readable(
        try call.string("images"), at: call.position(of: "images"))
      let labels = try call.context.fileAccess.readable(
        try call.string("labels"), at: call.position(of: "labels"))
      call.context.noteRead(images)
      call.context.noteRead(labels)
      let data = try engine(call) { try IDX.loadDataset(images: images, labels: labels) }
      return .object(
        .dataset(DatasetValue(data: data, origin: .idx(images: images, labels: labels))))
    },
  ]

  // MARK: Networks

  static let networks: [Directive] = [
    Directive(
      "network",
      parameters: [
        Parameter(nil, name: "sizes", .array(.int)),
        Parameter("hidden", .enumeration(activation), default: activation.value("sigmoid")),
        Parameter("output", .enumeration(activation), default: activation.value("sigmoid")),
        Parameter("cost", .enumeration(cost), default: cost.value("quadratic")),
        Parameter("seed", .int, default: .int(0)),
        Parameter(
          "initialization", .enumeration(initialization), default: initialization.value("scaled")),
        Parameter(
          "biasInitialization", .enumeration(biasInitialization),
          default: biasInitialization.value("zero")),
      ],
      result: network,
      summary:
        "A fully connected network, e.g. `network([784, 16, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)`; weights drawn from N(0, 1/n_in) (`.standard`: N(0, 1)), biases 0 (`biasInitialization: .standard`: N(0, 1), as in Nielsen's book)."
    ) { call throws(EvaluationError) in
      let sizes = try call.array("sizes").map { (value) throws(EvaluationError) -> Int in
        guard case .int(let size) = value else { throw call.error("layer sizes are Ints") }
        return size
      }
      let hidden = Activation(rawValue: try call.enumCase("hidden", of: activation)) ?? .sigmoid
      let output = Activation(rawValue: try call.enumCase("output", of: activation)) ?? .sigmoid
      let costFunction = Cost(rawValue: try call.enumCase("cost", of: cost)) ?? .quadratic
      let scheme =
        WeightInitialization(rawValue: try call.enumCase("initialization", of: initialization))
        ?? .scaled
      let biasScheme =
        BiasInitialization(
          rawValue: try call.enumCase("biasInitialization", of: biasInitialization)) ?? .zero
      let seed = try seed(call, "seed")
      return .object(
        .network(
          try engine(call) {
            try Network(
              sizes: sizes, hidden: hidden, output: output, cost: costFunction, seed: seed,
              initialization: scheme, biasInitialization: biasScheme)
          }))
    },
    Directive(
      "save",
      parameters: [
        Parameter(nil, name: "network", network), Parameter(nil, name: "name", .string),
      ],
      result: .void,
      summary: "Writes the network to `<name>.safetensors` in the output folder."
    ) { call throws(EvaluationError) in
      guard case .object(.network(let net)) = call.value("network") else {
        throw call.error("not a network")
      }
      let path = try call.context.fileAccess.writable(
        checkpointName(try call.string("name")), at: call.position(of: "name"))
      try engine(call) { try net.save(to: path) }
      call.context.noteWrite(path)
      return .void
    },
    Directive(
      "load", parameters: [Parameter(nil, name: "name", .string)], result: network,
      summary: "Reads a network saved with `save` from `<name>.safetensors` in the output folder."
    ) { call throws(EvaluationError) in
      let path = try call.context.fileAccess.inOutput(
        checkpointName(try call.string("name")), at: call.position(of: "name"))
      call.context.noteRead(path)
      return .object(.network(try engine(call) { try Network.load(from: path) }))
    },
  ]

  /// Loads MNIST-style digits and notes the files read (for the run cache's validity checks).
  static func digits(_ call: Invocation, _ kind: DigitSource.Kind, directory: String)
    throws(EvaluationError)
    -> Value
  {
    let source = DigitSource(
      kind: kind, directory: directory, train: try call.int("train", atLeast: 0),
      test: try call.int("test", atLeast: 0))
    let split = try engine(call) { try source.load() }
    let names = [
      "train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
      "t10k-labels-idx1-ubyte",
    ]
    for name in names {
      let path = directory + "/" + name
      if FileManager.default.fileExists(atPath: path + ".gz") {
        call.context.noteRead(path + ".gz")
      } else if FileManager.default.fileExists(atPath: path) {
        call.context.noteRead(path)
      }
    }
    return .object(.dataSplit(DataSplitValue(split: split, source: source)))
  }

  static func checkpointName(_ name: String) -> String {
    name.hasSuffix(".safetensors") ? name : name + ".safetensors"
  }

  // MARK: Training and inspection

  static let training: [Directive] = [
    Directive(
      "train", .method(on: network),
      parameters: [
        Parameter("on", name: "data", dataset), Parameter("epochs", .int),
        Parameter("batchSize", .int),
        Parameter("learningRate", .double), Parameter("momentum", .double, default: .double(0)),
        Parameter("l2", .double, default: .double(0)), Parameter("test", dataset, default: .void),
        Parameter("shuffleSeed", .int, default: .void),
      ],
      result: .object(.history),
      summary:
        "Mini-batch SGD with backpropagation (`l2:` is λ: each step decays the weights by η·λ/n, n the training-set size; biases are not decayed); returns the history (cost per epoch and mini-batch, test cost and accuracy per epoch) and records `train.cost`, `test.cost`, `test.accuracy`. Shows a progress bar on a terminal."
    ) { call throws(EvaluationError) in
      let net = try receiverNetwork(call)
      let data = try dataset(call, "data")
      let test = call.isAbsent("test") ? nil : try dataset(call, "test")
      let shuffleSeed = call.isAbsent("shuffleSeed") ? nil : try seed(call, "shuffleSeed")
      let epochs = try call.int("epochs")
      let batchSize = try call.int("batchSize")
      let learningRate = try call.double("learningRate")
      let momentum = try call.double("momentum")
      let l2 = try call.double("l2")
      let bar =
        call.context.options.showsProgress ? TrainingProgressBar(label: call.context.cellID) : nil
      let shouldStop = call.context.options.shouldStop
      let observer = call.context.options.trainingProgress
      let cellID = call.context.cellID
      let progress: ((TrainingProgress) -> Void)? =
        bar == nil && observer == nil
        ? nil
        : { step in
          bar?.update(step)
          observer?(cellID, step)
        }
      defer { bar?.finish() }
      let history = try engine(call) {
        try net.train(
          on: data, epochs: epochs, batchSize: batchSize, learningRate: learningRate,
          momentum: momentum,
          l2: l2, test: test, shuffleSeed: shuffleSeed,
          progress: progress,
          shouldStop: shouldStop.map { stop in { stop() } })
      }
      record(history, in: call.context)
      return .object(.history(history))
    },
    Directive(
      "evaluate", .method(on: network), parameters: [Parameter("on", name: "data", dataset)],
      result: .object(.evaluation),
      summary:
        "Accuracy, mean cost and confusion matrix on a data set; records `accuracy` and `cost`."
    ) { call throws(EvaluationError) in
      let net = try receiverNetwork(call)
      let data = try dataset(call, "data")
      let evaluation = try engine(call) { try net.evaluate(on: data) }
      call.context.metric("accuracy", evaluation.accuracy)
      call.context.metric("cost", evaluation.meanCost)
      return .object(.evaluation(evaluation))
    },
    Directive(
      "gradientCheck", .method(on: network),
      parameters: [
        Parameter("on", name: "data", dataset), Parameter("samples", .int, default: .int(10)),
        Parameter("epsilon", .double, default: .double(1e-5)),
        Parameter("seed", .int, default: .int(0)),
      ],
      result: .object(.gradientCheck),
      summary:
        "Backpropagation's gradient against centred finite differences in double precision, per layer (max and median relative error); shown as a table and chart; records `gradcheck.max_relative_error`."
    ) { call throws(EvaluationError) in
      let net = try receiverNetwork(call)
      let data = try dataset(call, "data")
      let samples = try call.int("samples", atLeast: 1)
      let epsilon = try call.double("epsilon")
      let seed = try seed(call, "seed")
      let report = try engine(call) {
        try net.gradientCheck(on: data, samples: samples, epsilon: epsilon, seed: seed)
      }
      call.context.metric("gradcheck.max_relative_error", report.maxRelativeError)
      return .object(.gradientCheck(report))
    },
    Directive(
      "nudges", .method(on: network),
      parameters: [Parameter("for", name: "example", .object(.example))],
      result: .object(.nudges),
      summary:
        "For one example: the desired change of every output activation, and what it asks of the last layer's biases, weights and previous activations."
    ) { call throws(EvaluationError) in
      let net = try receiverNetwork(call)
      guard case .object(.example(let example)) = call.value("example") else {
        throw call.error("not an example")
      }
      return .object(.nudges(try engine(call) { try net.nudges(for: example) }))
    },
    Directive(
      "feedforward", .method(on: network),
      parameters: [Parameter(nil, name: "input", .oneOf([.object(.example), .array(.double)]))],
      result: .array(.double), summary: "The output activations for an example (or a pixel array)."
    ) { call throws(EvaluationError) in
      let net = try receiverNetwork(call)
      let input: [Float]
      if case .object(.example(let example)) = call.value("input") {
        input = example.pixels
      } else {
        input = try call.numbers("input").map(Float.init)
      }
      return doubles(try engine(call) { try net.feedforward(input) })
    },
    Directive(
      "copy", .method(on: network), result: network, summary: "An independent copy of the network."
    ) {
      call throws(EvaluationError) in .object(.network(try receiverNetwork(call).copy()))
    },
    layerParameters(
      "weights", "Layer `layer`'s weights (1 = first weight matrix), row-major out × in."
    ) {
      $0.weights(layer: $1)
    },
    layerParameters("biases", "Layer `layer`'s biases (1 = first layer after the input).") {
      $0.biases(layer: $1)
    },
  ]

  /// `net.weights(layer:)` and `net.biases(layer:)`: one layer's parameters as Doubles.
  static func layerParameters(
    _ name: String, _ summary: String, _ get: @escaping @Sendable (Network, Int) -> [Float]
  ) -> Directive {
    Directive(
      name, .method(on: network), parameters: [Parameter("layer", .int)], result: .array(.double),
      summary: summary
    ) { call throws(EvaluationError) in
      let net = try receiverNetwork(call)
      return EngineDirectives.doubles(get(net, try checkedLayer(call, net)))
    }
  }

  static func checkedLayer(_ call: Invocation, _ net: Network) throws(EvaluationError) -> Int {
    let layer = try call.int("layer")
    guard (1..<net.sizes.count).contains(layer) else {
      throw EvaluationError(
        "layer \(layer) does not exist: this network has weight layers 1...\(net.sizes.count - 1)",
        at: call.position(of: "layer"))
    }
    return layer
  }

  static func record(_ history: TrainingHistory, in context: EvaluationContext) {
    if let last = history.epochs.last {
      context.metric("train.cost", last.trainCost)
      if let cost = last.testCost { context.metric("test.cost", cost) }
      if let accuracy = last.testAccuracy { context.metric("test.accuracy", accuracy) }
    }
    context.series("train.cost", history.epochs.map(\.trainCost))
    let testCosts = history.epochs.compactMap(\.testCost)
    if !testCosts.isEmpty { context.series("test.cost", testCosts) }
    let accuracies = history.epochs.compactMap(\.testAccuracy)
    if !accuracies.isEmpty { context.series("test.accuracy", accuracies) }
    context.series("batch.cost", history.batchCosts)
  }

  static func receiverNetwork(_ call: Invocation) throws(EvaluationError) -> Network {
    guard case .object(.network(let net)) = call.self_ else { throw call.error("not a network") }
    return net
  }

  static func dataset(_ call: Invocation, _ name: String) throws(EvaluationError) -> Dataset {
    guard case .object(.dataset(let value)) = call.value(name) else {
      throw EvaluationError(
        "cannot convert value of type '\(call.value(name).type)' to expected argument type 'Dataset'",
        at: call.position(of: name))
    }
    return value.data
  }
}
