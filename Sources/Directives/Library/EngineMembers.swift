import NeuralNetwork

/// Properties and subscripts of engine values: `data.train`, `data.train[0]`, `history.epochs`,
/// `evaluation.accuracy`, ...
extension EngineDirectives {
  /// A read-only property of an engine value.
  static func property(
    _ name: String, of type: ObjectType, _ result: ValueType, _ summary: String,
    _ get: @escaping @Sendable (EngineObject) -> Value?
  ) -> Directive {
    .computed(name, .property(of: .object(type)), result, summary) { value in
      if case .object(let object) = value { get(object) } else { nil }
    }
  }

  static func doubles(_ values: [Double]) -> Value { .array(values.map(Value.double)) }
  static func doubles(_ values: [Float]) -> Value { .array(values.map { .double(Double($0)) }) }
  static func optional(_ value: Double?) -> Value { value.map(Value.double) ?? .double(.nan) }

  static let members: [Directive] = [
    // Data sets
    property("train", of: .dataSplit, dataset, "The training set.") {
      if case .dataSplit(let split) = $0 { .object(.dataset(split.train)) } else { nil }
    },
    property("test", of: .dataSplit, dataset, "The test set.") {
      if case .dataSplit(let split) = $0 { .object(.dataset(split.test)) } else { nil }
    },
    property("count", of: .dataset, .int, "The number of examples.") {
      if case .dataset(let value) = $0 { .int(value.data.count) } else { nil }
    },
    property("featureCount", of: .dataset, .int, "Inputs per example (784 for 28×28 images).") {
      if case .dataset(let value) = $0 { .int(value.data.featureCount) } else { nil }
    },
    property("classCount", of: .dataset, .int, "The number of labels (10).") {
      if case .dataset(let value) = $0 { .int(value.data.classCount) } else { nil }
    },
    property("labels", of: .dataset, .array(.int), "Every example's label, in order.") {
      if case .dataset(let value) = $0 {
        .array(value.data.labels.map { .int(Int($0)) })
      } else {
        nil
      }
    },
    Directive(
      "images", .property(of: dataset), result: .array(.array(.double)),
      summary:
        "Every example's inputs, in order, as arrays of Doubles in [0, 1] (`data.train.images[i]` is `data.train[i].pixels`)."
    ) { call throws(EvaluationError) in
      guard case .object(.dataset(let value)) = call.self_ else {
        throw call.error("not a data set")
      }
      let data = value.data
      // One Value per pixel: 60,000 MNIST images are 47 million.
      try ValueLimits.checkArray(
        count: data.count * data.featureCount, limit: ValueLimits.defaultBytes,
        at: call.position)
      return .array(
        (0..<data.count).map { index in
          let start = index * data.featureCount
          return .array(data.pixels[start..<start + data.featureCount].map { .double(Double($0)) })
        })
    },
    Directive(
      "subscript", .method(on: dataset),
      parameters: [Parameter(nil, name: "index", .oneOf([.int, .range]))],
      result: .any,
      resultFromArguments: { types in
        types.count > 1 && types[1] == .range ? dataset : .object(.example)
      },
      summary: "`data[i]` is one example; `data[a..<b]` the data set of those examples."
    ) { call throws(EvaluationError) in
      guard case .object(.dataset(let value)) = call.self_ else {
        throw call.error("not a data set")
      }
      let data = value.data
      switch call.value("index") {
      case .int(let index):
        try Indexing.check(index, count: data.count, at: call.position(of: "index"))
        return .object(.example(data[index]))
      case .range(let range, _):
        try Indexing.check(range, count: data.count, at: call.position(of: "index"))
        return .object(.dataset(value.subset(range)))
      default:
        throw call.error("a data set is subscripted with an Int or a range")
      }
    },
    Directive(
      "prefix", .method(on: dataset), parameters: [Parameter(nil, name: "count", .int)],
      result: dataset,
      summary: "The first `count` examples."
    ) { call throws(EvaluationError) in
      guard case .object(.dataset(let value)) = call.self_ else {
        throw call.error("not a data set")
      }
      let count = min(try call.int("count", atLeast: 0), value.data.count)
      return .object(.dataset(value.subset(0..<count)))
    },
    property("label", of: .example, .int, "The example's label (0-9).") {
      if case .example(let example) = $0 { .int(example.label) } else { nil }
    },
    property("pixels", of: .example, .array(.double), "The example's inputs, in [0, 1].") {
      if case .example(let example) = $0 { doubles(example.pixels) } else { nil }
    },
    // Networks
    property("sizes", of: .network, .array(.int), "The layer sizes, e.g. [784, 16, 16, 10].") {
      if case .network(let net) = $0 { .array(net.sizes.map(Value.int)) } else { nil }
    },
    property(
      "parameterCount", of: .network, .int, "Weights and biases in all (13,002 for 784-16-16-10)."
    ) {
      if case .network(let net) = $0 { .int(net.parameterCount) } else { nil }
    },
    // Histories
    property("epochs", of: .history, .array(.object(.epoch)), "One record per epoch.") {
      if case .history(let history) = $0 {
        .array(history.epochs.map { .object(.epoch($0)) })
      } else {
        nil
      }
    },
    property("batchCosts", of: .history, .array(.double), "Every mini-batch's mean cost, in order.")
    {
      if case .history(let history) = $0 { doubles(history.batchCosts) } else { nil }
    },
    property("trainCosts", of: .history, .array(.double), "The training cost of each epoch.") {
      if case .history(let history) = $0 { doubles(history.epochs.map(\.trainCost)) } else { nil }
    },
    property(
      "testAccuracies", of: .history, .array(.double),
      "The test accuracy of each epoch (NaN without a test set)."
    ) {
      if case .history(let history) = $0 {
        .array(history.epochs.map { optional($0.testAccuracy) })
      } else {
        nil
      }
    },
    property("epoch", of: .epoch, .int, "The epoch's number, from 1.") {
      if case .epoch(let epoch) = $0 { .int(epoch.epoch) } else { nil }
    },
    property("trainCost", of: .epoch, .double, "The epoch's mean mini-batch cost.") {
      if case .epoch(let epoch) = $0 { .double(epoch.trainCost) } else { nil }
    },
    property(
      "testCost", of: .epoch, .double, "The test cost after the epoch (NaN without a test set)."
    ) {
      if case .epoch(let epoch) = $0 { optional(epoch.testCost) } else { nil }
    },
    property(
      "testAccuracy", of: .epoch, .double,
      "The test accuracy after the epoch (NaN without a test set)."
    ) {
      if case .epoch(let epoch) = $0 { optional(epoch.testAccuracy) } else { nil }
    },
    property("seconds", of: .epoch, .double, "The epoch's training time.") {
      if case .epoch(let epoch) = $0 { .double(epoch.seconds) } else { nil }
    },
    // Evaluations
    property("accuracy", of: .evaluation, .double, "The fraction classified correctly.") {
      if case .evaluation(let evaluation) = $0 { .double(evaluation.accuracy) } else { nil }
    },
    property("meanCost", of: .evaluation, .double, "The mean cost per example.") {
      if case .evaluation(let evaluation) = $0 { .double(evaluation.meanCost) } else { nil }
    },
    property("correct", of: .evaluation, .int, "How many were classified correctly.") {
      if case .evaluation(let evaluation) = $0 { .int(evaluation.correct) } else { nil }
    },
    property(
      "confusion", of: .evaluation, .array(.array(.int)),
      "Counts by true label (rows) and guess (columns)."
    ) {
      if case .evaluation(let evaluation) = $0 {
        .array(evaluation.confusion.map { .array($0.map(Value.int)) })
      } else {
        nil
      }
    },
    // Gradient checks
    property(
      "maxRelativeError", of: .gradientCheck, .double,
      "The largest relative error over all checked parameters."
    ) {
      if case .gradientCheck(let report) = $0 { .double(report.maxRelativeError) } else { nil }
    },
    property(
      "layers", of: .gradientCheck, .array(.object(.layerCheck)),
      "The check of each layer's weights and biases."
    ) {
      if case .gradientCheck(let report) = $0 {
        .array(report.layers.map { .object(.layerCheck($0)) })
      } else {
        nil
      }
    },
    property("name", of: .layerCheck, .string, "Which parameters, e.g. \"layer 1 weights\".") {
      if case .layerCheck(let layer) = $0 { .string(layer.name) } else { nil }
    },
    property(
      "maxRelativeError", of: .layerCheck, .double, "The largest relative error in this group."
    ) {
      if case .layerCheck(let layer) = $0 { .double(layer.maxRelativeError) } else { nil }
    },
    property(
      "medianRelativeError", of: .layerCheck, .double, "The median relative error in this group."
    ) {
      if case .layerCheck(let layer) = $0 { .double(layer.medianRelativeError) } else { nil }
    },
    property("checked", of: .layerCheck, .int, "How many parameters of this group were compared.") {
      if case .layerCheck(let layer) = $0 { .int(layer.checked) } else { nil }
    },
    property(
      "skippedAtKinks", of: .layerCheck, .int,
      "Parameters passed over because ±ε moved a ReLU across its kink at 0."
    ) {
      if case .layerCheck(let layer) = $0 { .int(layer.skippedAtKinks) } else { nil }
    },
    // Nudges
    property("label", of: .nudges, .int, "The example's label.") {
      if case .nudges(let nudges) = $0 { .int(nudges.label) } else { nil }
    },
    property(
      "desiredChanges", of: .nudges, .array(.double),
      "How much each output activation should change."
    ) {
      if case .nudges(let nudges) = $0 { doubles(nudges.desiredOutputChanges) } else { nil }
    },
    property(
      "biasNudges", of: .nudges, .array(.double), "The change asked of each last-layer bias."
    ) {
      if case .nudges(let nudges) = $0 { doubles(nudges.biasNudges) } else { nil }
    },
    property("cost", of: .nudges, .double, "The example's cost.") {
      if case .nudges(let nudges) = $0 { .double(nudges.cost) } else { nil }
    },
    property("outputs", of: .nudges, .array(.double), "The output layer's activations.") {
      if case .nudges(let nudges) = $0 { doubles(nudges.outputs) } else { nil }
    },
    property(
      "previousActivations", of: .nudges, .array(.double),
      "The activations feeding the last layer."
    ) {
      if case .nudges(let nudges) = $0 { doubles(nudges.previousActivations) } else { nil }
    },
    property(
      "weightNudges", of: .nudges, .array(.double),
      "The change asked of each last-layer weight, row-major outputs × previous activations: a bias nudge times a previous activation."
    ) {
      if case .nudges(let nudges) = $0 { doubles(nudges.weightNudges) } else { nil }
    },
    property(
      "previousActivationNudges", of: .nudges, .array(.double),
      "The change asked of each previous activation: every output's wish times its weight, summed."
    ) {
      if case .nudges(let nudges) = $0 { doubles(nudges.previousActivationNudges) } else { nil }
    },
  ]
}
