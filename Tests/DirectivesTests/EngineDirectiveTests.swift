import Foundation
import NeuralNetwork
import Notebook
import Testing

@testable import Directives

/// The engine's directives, run on the repository's MNIST copy.
@Suite struct EngineDirectiveTests {
  /// A session whose notebook folder is the repository's `notebooks/` (where `data/mnist/` is).
  func notebookSession(output: String = temporaryDirectory()) throws -> Session {
    let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("notebooks")
      .path
    return try Session(
      file: "notebooks/lesson.md", params: [Param(name: "seed", value: .int(1), line: 2)],
      notebookDirectory: notebooks, outputDirectory: output)
  }

  func run(_ session: Session, _ source: String, name: String, index: Int) -> CellResult {
    session.evaluate(makeCell(source, index: index, line: 10 * (index + 1), name: name))
  }

  @Test func loadTrainEvaluateAndRecordMetrics() throws {
    let session = try notebookSession()
    let setup = run(
      session,
      """
      let data = mnist(train: 500, test: 100)
      let net = network([784, 16, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: seed)
      print(data.train.count, data.test.count, net.parameterCount, data.train[0].label)
      net
      """, name: "setup", index: 0)
    #expect(printed(setup) == "500 100 13002 5\n")
    #expect(
      shown(setup)
        == "Network 784-16-16-10 (hidden: .relu, output: .softmax, cost: .crossEntropy), 13002 parameters"
    )

    let train = run(
      session,
      "let history = net.train(on: data.train, epochs: 2, batchSize: 10, learningRate: 0.1, test: data.test)\nhistory",
      name: "train", index: 1)
    #expect(train.error == nil)
    let metricNames = train.outputs.compactMap {
      if case .metric(let name, _) = $0 { name } else { nil }
    }
    #expect(metricNames == ["train.train.cost", "train.test.cost", "train.test.accuracy"])
    let series = train.outputs.compactMap {
      if case .series(let name, let values) = $0 { "\(name):\(values.count)" } else { nil }
    }
    #expect(
      series == [
        "train.train.cost:2", "train.test.cost:2", "train.test.accuracy:2", "train.batch.cost:100",
      ])
    let table = try #require(
      train.outputs.compactMap { if case .table(let table) = $0 { table } else { nil } }.first)
    #expect(table.columns == ["epoch", "train cost", "test cost", "test accuracy", "seconds"])
    #expect(table.rows.count == 2)

    let evaluation = run(
      session,
      "let result = net.evaluate(on: data.test)\nprint(result.accuracy > 0.3, result.confusion.count)",
      name: "eval", index: 2)
    #expect(printed(evaluation) == "true 10\n")
    #expect(
      evaluation.outputs.contains {
        if case .metric("eval.accuracy", _) = $0 { true } else { false }
      })
  }

  @Test func networksAreSharedReferencesAndSnapshotsCopyThem() throws {
    let session = try notebookSession()
    _ = run(
      session,
      "let data = mnist(train: 100, test: 10)\nlet net = network([784, 10], seed: 3)\nlet before = net.biases(layer: 1)[0]",
      name: "a", index: 0)
    let snapshot = session.snapshot()
    let trained = run(
      session,
      "net.train(on: data.train, epochs: 1, batchSize: 10, learningRate: 0.5)\nnet.biases(layer: 1)[0] != before",
      name: "b", index: 1)
    #expect(shown(trained) == "true")
    session.restore(snapshot)
    #expect(shown(run(session, "net.biases(layer: 1)[0] == before", name: "c", index: 2)) == "true")
  }

  @Test func datasetSubscriptsAndLoops() throws {
    let session = try notebookSession()
    let result = run(
      session,
      """
      let data = mnist(train: 20, test: 1)
      var labels: [Int] = []
      for example in data.train[0..<5] { labels.append(example.label) }
      print(labels, data.train.prefix(3).count, data.train[19].pixels.count)
      data.train[20]
      """, name: "loop", index: 0)
    #expect(printed(result) == "[5, 0, 4, 1, 9] 3 784\n")
    #expect(
      failure(result)
        == "nb.md:14:12: error: index 20 is out of range (0..<20)".replacingOccurrences(
          of: "nb.md", with: "notebooks/lesson.md"))
  }

  @Test func aDatasetGivesItsImagesAndLabelsAsArrays() throws {
    let session = try notebookSession()
    let result = run(
      session,
      """
      let data = mnist(train: 20, test: 1)
      let images = data.train.images
      let mean = images.map { $0.reduce(0, +) }.reduce(0, +) / Double(images.count * 784)
      print(data.train.labels.prefix(5), images.count, images[19] == data.train[19].pixels, mean > 0.1 && mean < 0.2)
      """, name: "arrays", index: 0)
    #expect(failure(result) == nil)
    #expect(printed(result) == "[5, 0, 4, 1, 9] 20 true true\n")
  }

  @Test func engineErrorsStopTheCellAtTheCall() throws {
    let session = try notebookSession()
    let result = run(session, "let net = network([784], seed: 1)", name: "bad", index: 0)
    #expect(
      failure(result)?.hasPrefix("notebooks/lesson.md:10:11: error: invalid layer sizes [784]")
        == true)
    let softmax = run(session, "let net = network([4, 3], hidden: .softmx)", name: "bad2", index: 1)
    #expect(
      failure(softmax)
        == "notebooks/lesson.md:20:35: error: type 'Activation' has no member 'softmx'; did you mean '.softmax'? (one of .sigmoid, .relu, .tanh, .softmax)"
    )
  }

  @Test func checkpointsStayInTheOutputFolder() throws {
    let output = temporaryDirectory()
    let session = try notebookSession(output: output)
    let saved = run(
      session, "let net = network([784, 10], seed: 2)\nsave(net, \"digits\")", name: "save",
      index: 0)
    #expect(saved.error == nil)
    #expect(saved.filesWritten == [FileAccess.canonical(output) + "/digits.safetensors"])
    let escape = run(session, "save(net, \"../elsewhere\")", name: "escape", index: 1)
    #expect(failure(escape)?.contains("refusing to access '../elsewhere.safetensors'") == true)
    let idx = run(session, "idx(images: \"/etc/passwd\", labels: \"x\")", name: "idx", index: 2)
    #expect(failure(idx)?.contains("refusing to access '/etc/passwd'") == true)
  }

  @Test func checkerKnowsEngineSignatures() {
    let cells = [
      makeCell(
        "let data = mnist(train: 100, tst: 10)\nlet net = network([784, 10], hidden: .rellu)",
        index: 0, line: 10),
      makeCell(
        "net.trian(on: data.train)\nnet.train(on: data.train, epoch: 1, batchSize: 10, learningRate: 0.1)\nnet.train(on: data.train, epochs: 0.5, batchSize: 10, learningRate: 0.1)",
        index: 1, line: 20),
    ]
    let findings = NotebookChecker().check(cells: cells, params: [], file: "nb.md").map(
      \.description)
    #expect(
      findings == [
        "nb.md:10:30: error: unknown argument label 'tst:' in call to 'mnist'; did you mean 'test:'?",
        "nb.md:11:38: error: type 'Activation' has no member 'rellu'; did you mean '.relu'? (one of .sigmoid, .relu, .tanh, .softmax)",
        "nb.md:20:5: error: value of type 'Network' has no member 'trian'; did you mean 'train'?",
        "nb.md:21:27: error: unknown argument label 'epoch:' in call to 'train'; did you mean 'epochs:'?",
        "nb.md:22:35: error: cannot convert value of type 'Double' to expected argument type 'Int'",
      ])
  }
}

/// `NUDGE_BENCHMARK=1 swift test --filter TrainingOverhead` compares a training cell with the same
/// engine call made directly (the goal: the interpreter adds under 1%). The cell binds the
/// history rather than showing it, so the time is the interpreter's and the engine's, not that of
/// drawing the history's charts (about 0.1 s for 6,000 mini-batches, a cost of the report).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["NUDGE_BENCHMARK"] != nil))
struct TrainingOverheadBenchmark {
  @Test func trainingCellAgainstDirectEngineCall() throws {
    let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("notebooks")
      .path
    let data = try MNIST.load(from: notebooks + "/data/mnist", train: 60000, test: 1000)
    var direct: [Double] = []
    var viaCell: [Double] = []
    for _ in 0..<3 {
      let net = try Network(
        sizes: [784, 16, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)
      let start = monotonicSeconds()
      _ = try net.train(
        on: data.train, epochs: 1, batchSize: 10, learningRate: 0.1, test: data.test)
      direct.append(monotonicSeconds() - start)

      let session = try Session(
        file: "b.md", params: [], notebookDirectory: notebooks,
        outputDirectory: temporaryDirectory())
      _ = session.evaluate(
        makeCell(
          "let data = mnist(train: 60000, test: 1000)\nlet net = network([784, 16, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)",
          name: "setup"))
      let cell = session.evaluate(
        makeCell(
          "let history = net.train(on: data.train, epochs: 1, batchSize: 10, learningRate: 0.1, test: data.test)",
          index: 1, name: "train"))
      #expect(cell.error == nil)
      viaCell.append(cell.seconds)
    }
    let best = (direct.min() ?? 0, viaCell.min() ?? 0)
    print(
      "benchmark: training 60000 examples, direct \(best.0) s, via cell \(best.1) s, overhead \((best.1 / best.0 - 1) * 100)%"
    )
  }
}

extension EngineDirectiveTests {
  @Test func gradientCheckShowsATableAChartAndRecordsItsMetric() throws {
    let session = try notebookSession()
    _ = run(
      session,
      "let data = mnist(train: 20, test: 1)\nlet net = network([784, 8, 10], hidden: .sigmoid, output: .softmax, cost: .crossEntropy, seed: 1)",
      name: "setup", index: 0)
    let check = run(
      session,
      "let check = net.gradientCheck(on: data.train, samples: 5, epsilon: 1e-5)\nprint(check.maxRelativeError < 1e-4, check.layers.count)\ncheck",
      name: "gradcheck", index: 1)
    #expect(check.error == nil)
    #expect(printed(check) == "true 4\n")
    let table = try #require(
      check.outputs.compactMap { if case .table(let table) = $0 { table } else { nil } }.first)
    #expect(
      table.rows.map(\.first) == [
        "layer 1 weights", "layer 1 biases", "layer 2 weights", "layer 2 biases",
      ])
    #expect(check.outputs.contains { if case .figure = $0 { true } else { false } })
    #expect(
      check.outputs.contains {
        if case .metric("gradcheck.gradcheck.max_relative_error", let value) = $0 {
          value < 1e-4
        } else {
          false
        }
      })
  }

  @Test func nudgesForOneExample() throws {
    let session = try notebookSession()
    let result = run(
      session,
      "let data = mnist(train: 1, test: 1)\nlet net = network([784, 16, 10], output: .softmax, cost: .crossEntropy, seed: 1)\nlet nudges = net.nudges(for: data.train[0])\nprint(nudges.label, nudges.desiredChanges[5] > 0, nudges.biasNudges.count)\nnudges",
      name: "nudges", index: 0)
    #expect(result.error == nil)
    #expect(printed(result) == "5 true 10\n")
    #expect(result.outputs.contains { if case .figure = $0 { true } else { false } })
  }

  @Test func nudgesShowTheThreeWaysOfTheLastLayer() throws {
    let session = try notebookSession()
    // For a sigmoid output with the quadratic cost: weight nudge = bias nudge × previous
    // activation, and the previous layer's nudge sums every output's wish times its weight.
    let result = run(
      session,
      """
      let data = mnist(train: 1, test: 1)
      let net = network([784, 4, 10], seed: 1)
      let wish = net.nudges(for: data.train[0])
      let w = net.weights(layer: 2)
      var sum = 0.0
      for j in 0..<10 { sum += wish.biasNudges[j] * w[j * 4 + 1] }
      print(wish.outputs.count, wish.previousActivations.count, wish.weightNudges.count)
      print(abs(wish.weightNudges[2 * 4 + 1] - wish.biasNudges[2] * wish.previousActivations[1]) < 1e-12)
      print(abs(sum - wish.previousActivationNudges[1]) < 1e-12, wish.cost > 0)
      """,
      name: "ways", index: 0)
    #expect(result.error == nil)
    #expect(printed(result) == "10 4 40\ntrue\ntrue true\n")
  }

  @Test func brokenCostIsCaughtByTheGradientCheck() throws {
    let session = try notebookSession()
    let result = run(
      session,
      """
      let data = mnist(train: 10, test: 1)
      let net = network([784, 8, 10], cost: .brokenQuadratic, seed: 3)
      let check = net.gradientCheck(on: data.train, samples: 5)
      print(check.maxRelativeError > 0.01, check.layers[0].checked, check.layers[0].skippedAtKinks)
      """,
      name: "broken", index: 0)
    #expect(result.error == nil)
    #expect(printed(result) == "true 5 0\n")
  }

  @Test func plotWithBatchesAddsTheMiniBatchChart() throws {
    let session = try notebookSession()
    let result = run(
      session,
      """
      let data = mnist(train: 100, test: 10)
      let net = network([784, 8, 10], seed: 1)
      let history = net.train(on: data.train, epochs: 2, batchSize: 10, learningRate: 1.0)
      plot(history, batches: true)
      """,
      name: "curves", index: 0)
    #expect(result.error == nil)
    let captions = result.outputs.compactMap {
      if case .figure(let f) = $0 { f.caption } else { nil }
    }
    #expect(captions.first == "Cost of every mini-batch, and its moving average")
    #expect(captions.contains("Cost per epoch"))
  }

  @Test func savedNetworksLoadBack() throws {
    let session = try notebookSession()
    _ = run(
      session, "let net = network([784, 10], seed: 2)\nsave(net, \"digits\")", name: "save",
      index: 0)
    let loaded = run(
      session, "let again = load(\"digits\")\nagain.biases(layer: 1) == net.biases(layer: 1)\n",
      name: "load", index: 1)
    #expect(shown(loaded) == "true")
    #expect(loaded.filesRead.first?.hasSuffix("/digits.safetensors") == true)
    let missing = run(session, "load(\"nothing\")", name: "missing", index: 2)
    #expect(missing.error != nil)
  }
}

extension EngineDirectiveTests {
  @Test func serialisedSnapshotsKeepRecipesForDataAndParametersForNetworks() throws {
    let session = try notebookSession()
    let setup = run(
      session,
      "let data = mnist(train: 50, test: 10)\nlet few = data.train[10..<20]\nlet net = network([784, 10], seed: 4)\nnet.train(on: few, epochs: 1, batchSize: 5, learningRate: 0.5)\nlet first = data.train[0]\nlet check = net.gradientCheck(on: few, samples: 2)\nlet scores = [0.5, 1.0 / 3]",
      name: "setup", index: 0)
    #expect(setup.error == nil)
    let bytes = try session.snapshotData()
    #expect(bytes.count < 400_000)  // the recipe, not 50 images' pixels twice
    let fresh = try notebookSession()
    try fresh.restore(from: bytes)
    let after = run(
      fresh,
      "print(few.count, few[0].label == data.train[10].label, first.label, check.layers.count)\nnet.biases(layer: 1)[3]",
      name: "after", index: 1)
    let original = run(session, "net.biases(layer: 1)[3]", name: "original", index: 2)
    #expect(printed(after) == "10 true 5 2\n")
    #expect(shown(after) == shown(original))
  }

  @Test func paramsReferencedAreFoundWithoutRunning() throws {
    let session = try Session(
      file: "nb.md",
      params: [
        Param(name: "epochs", value: .int(1), line: 2),
        Param(name: "rate", value: .double(0.1), line: 3),
      ],
      notebookDirectory: temporaryDirectory(), outputDirectory: temporaryDirectory())
    #expect(
      session.paramsReferenced(by: makeCell("for i in 0..<epochs { print(\"\\(i)\") }")) == [
        "epochs"
      ])
    #expect(session.paramsReferenced(by: makeCell("print(1")) == ["epochs", "rate"])
  }
}
