import KernelInterface

/// Where training is, reported after every mini-batch.
package struct TrainingProgress: Sendable, Hashable {
  /// 1-based epoch and mini-batch numbers.
  package var epoch: Int
  package var epochs: Int
  package var batch: Int
  package var batches: Int
  /// This mini-batch's mean cost.
  package var cost: Double
}

/// One finished epoch.
package struct EpochRecord: Codable, Sendable, Hashable {
  /// 1-based.
  package var epoch: Int
  /// The mean cost of the epoch's mini-batches, as each was trained (without the L2 term).
  package var trainCost: Double
  package var testCost: Double?
  package var testAccuracy: Double?
  /// Wall-clock seconds of the epoch's training (shuffle, forward, backward, update), without the
  /// test evaluation. The first epoch also includes preparing the training data's sparse form.
  package var seconds: Double
}

/// What `train` did, epoch by epoch and mini-batch by mini-batch.
package struct TrainingHistory: Codable, Sendable, Hashable {
  package var epochs: [EpochRecord] = []
  /// Every mini-batch's mean cost, in order.
  package var batchCosts: [Double] = []
  /// True when `shouldStop` ended training early (after a whole mini-batch).
  package var stoppedEarly = false

  package init(epochs: [EpochRecord] = [], batchCosts: [Double] = [], stoppedEarly: Bool = false) {
    self.epochs = epochs
    self.batchCosts = batchCosts
    self.stoppedEarly = stoppedEarly
  }
}

extension Network {
  /// Mini-batch stochastic gradient descent with backpropagation.
  ///
  /// Each epoch shuffles the training set (seeded: `shuffleSeed`, else the network's own
  /// generator, which continues across calls) and takes one step per mini-batch of `batchSize`
  /// examples (the last one may be smaller): `w ← w − (η/m)Σ∇C`, with optional momentum μ
  /// (`v ← μv − η∇C; w ← w + v`) and L2 weight decay `(1 − ηλ/n)` on weights.
  ///
  /// - Parameters:
  ///   - test: evaluated after every epoch when given (test cost and accuracy).
  ///   - progress: called after every mini-batch.
  ///   - shouldStop: polled after every mini-batch; returning true ends training with the
  ///     history so far (`stoppedEarly`).
  /// - Throws: `NeuralNetworkError` for bad settings or data shapes, and `.nonFiniteCost` naming the
  ///   epoch and mini-batch when the cost becomes NaN or infinite (that batch is not applied).
  @discardableResult
  package func train(
    on data: Dataset, epochs: Int, batchSize: Int, learningRate: Double, momentum: Double = 0,
    l2: Double = 0, test: Dataset? = nil, shuffleSeed: UInt64? = nil,
    progress: ((TrainingProgress) -> Void)? = nil, shouldStop: (() -> Bool)? = nil,
    kernels: KernelTable = Kernels.selected
  ) throws -> TrainingHistory {
    try checkShape(of: data, role: "training")
    if let test { try checkShape(of: test, role: "test") }
    guard epochs >= 1 else {
      throw NeuralNetworkError.invalidArgument(
        name: "epochs", value: "\(epochs)", reason: "must be 1 or more")
    }
    guard batchSize >= 1 else {
      throw NeuralNetworkError.invalidArgument(
        name: "batch size", value: "\(batchSize)", reason: "must be 1 or more")
    }
    guard batchSize <= data.count else {
      throw NeuralNetworkError.invalidArgument(
        name: "batch size", value: "\(batchSize)",
        reason:
          "is larger than the training set (\(data.count) examples); use at most \(data.count)")
    }
    guard learningRate.isFinite, learningRate > 0 else {
      throw NeuralNetworkError.invalidArgument(
        name: "learning rate", value: "\(learningRate)", reason: "must be a finite number above 0")
    }
    guard momentum.isFinite, momentum >= 0, momentum < 1 else {
      throw NeuralNetworkError.invalidArgument(
        name: "momentum", value: "\(momentum)", reason: "must be in [0, 1)")
    }
    guard l2.isFinite, l2 >= 0 else {
      throw NeuralNetworkError.invalidArgument(
        name: "L2", value: "\(l2)", reason: "must be a finite number, 0 or more")
    }

    var generator = shuffleSeed.map { SeededGenerator(seed: $0) } ?? shuffleGenerator
    defer { if shuffleSeed == nil { shuffleGenerator = generator } }
    let propagator = Propagator(
      layers: layers, hidden: hidden, output: output, cost: cost, capacity: batchSize,
      kernels: kernels)
    let velocities = momentum > 0 ? Velocities(layers: layers) : nil
    let batches = (data.count + batchSize - 1) / batchSize
    let decay = Float(learningRate * l2 / Double(data.count))
    var history = TrainingHistory()
    var order = (0..<Int32(data.count)).map { $0 }
    let clock = ContinuousClock()
    var preparation = Duration.zero

    let sparse: SparseRows?
    do {
      let start = clock.now
      sparse = SparseRows(data)
      preparation = clock.now - start
    }

    try data.pixels.withUnsafeBufferPointer { pixels in
      try data.labels.withUnsafeBufferPointer { labels in
        let input: Propagator.Input =
          sparse.map { .sparse($0) }
          ?? .dense(base: pixels.baseAddress!, featureCount: data.featureCount)
        for epoch in 1...epochs {
          let start = clock.now
          generator.shuffle(&order)
          var costSum = 0.0
          var stopped = false
          try order.withUnsafeBufferPointer { order in
            for batch in 0..<batches {
              let first = batch * batchSize
              let rowCount = min(batchSize, data.count - first)
              let examples = order.baseAddress! + first
              propagator.forward(input, examples: examples, rowCount: rowCount)
              let batchCost =
                propagator.outputDeltas(
                  labels: labels.baseAddress!, examples: examples, rowCount: rowCount)
                / Double(rowCount)
              guard batchCost.isFinite else {
                throw NeuralNetworkError.nonFiniteCost(
                  epoch: epoch, batch: batch + 1, cost: batchCost)
              }
              let step = Float(learningRate / Double(rowCount))
              propagator.backward(
                input, examples: examples, rowCount: rowCount,
                weightRule: UpdateRule(step: step, decay: decay, momentum: Float(momentum)),
                biasRule: UpdateRule(step: step, decay: 0, momentum: Float(momentum)),
                velocities: velocities)
              costSum += batchCost
              history.batchCosts.append(batchCost)
              progress?(
                TrainingProgress(
                  epoch: epoch, epochs: epochs, batch: batch + 1, batches: batches, cost: batchCost)
              )
              if shouldStop?() == true {
                stopped = true
                return
              }
            }
          }
          if stopped {
            history.stoppedEarly = true
            return
          }
          var elapsed = clock.now - start
          if epoch == 1 { elapsed += preparation }
          var record = EpochRecord(
            epoch: epoch, trainCost: costSum / Double(batches), testCost: nil, testAccuracy: nil,
            seconds: elapsed.seconds)
          if let test {
            let evaluation = try evaluate(on: test)
            record.testCost = evaluation.meanCost
            record.testAccuracy = evaluation.accuracy
          }
          history.epochs.append(record)
        }
      }
    }
    return history
  }
}

extension Duration {
  /// The duration in seconds as a Double.
  var seconds: Double {
    let parts = components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
  }
}
