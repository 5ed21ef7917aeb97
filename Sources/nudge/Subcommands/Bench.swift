import ArgumentParser
import Foundation
import NeuralNetwork

extension Nudge {
  /// `nudge bench`: times the engine on the standard workloads of `shared/bench/README.md`.
  struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Time the engine's training epochs on the standard workloads W1, W2, W3.",
      discussion: """
        Each workload trains on the full MNIST training set (60,000 images) and reports the \
        seconds of every epoch and the test accuracy after the last one. With --json, one JSON \
        object per workload and line: {"workload", "epoch_seconds", "test_accuracy", ...}.
        """)

    @Option(
      help:
        "The workload to run: W1, W2 or W3 (all three when omitted), or 'cells' for the cell language against CPython."
    )
    var workload: String?

    @Option(help: "Training epochs per workload (the first is a warm-up for comparisons).")
    var epochs: Int = 3

    @Flag(help: "Print one JSON object per workload and line.")
    var json = false

    @Option(
      help:
        "The folder with MNIST's IDX files (default: notebooks/data/mnist in this folder or a parent)."
    )
    var mnist: String?

    @Option(help: "The seed of the weights and shuffles.")
    var seed: UInt64 = 1

    func validate() throws {
      guard epochs >= 1 else { throw ValidationError("--epochs must be 1 or more, not \(epochs)") }
      if let workload, workload != "cells", Workload.named(workload) == nil {
        throw ValidationError("unknown workload '\(workload)'; choose W1, W2, W3 or cells")
      }
    }

    func run() throws {
      if workload == "cells" {
        try Bench.runCells()
        return
      }
      let workloads = workload.flatMap(Workload.named).map { [$0] } ?? Workload.all
      let directory = try mnist ?? Bench.locateMNIST()
      let data: DataSplit
      do {
        data = try MNIST.load(from: directory)
      } catch {
        printError("error: \(error)")
        throw ExitCode(2)
      }
      for workload in workloads {
        let network = try Network(
          sizes: workload.sizes, hidden: workload.hidden, output: workload.output,
          cost: workload.cost,
          seed: seed)
        // Processor time per epoch too: on a shared machine it moves less than wall time.
        var processorSeconds: [Double] = []
        var epochStart = Bench.processorTime()
        let history = try network.train(
          on: data.train, epochs: epochs, batchSize: workload.batchSize,
          learningRate: workload.learningRate, shuffleSeed: seed,
          progress: { progress in
            guard progress.batch == progress.batches else { return }
            let now = Bench.processorTime()
            processorSeconds.append(now - epochStart)
            epochStart = now
          })
        let evaluation = try network.evaluate(on: data.test)
        let seconds = history.epochs.map(\.seconds)
        if json {
          say(
            Bench.jsonLine(
              workload: workload, seconds: seconds, accuracy: evaluation.accuracy))
        } else {
          for (index, value) in seconds.enumerated() {
            say(
              "\(workload.id) epoch \(index + 1): \(String(format: "%.4f", value)) s "
                + "(processor \(String(format: "%.4f", processorSeconds[index])) s)")
          }
          say(
            "\(workload.id) \(workload.layerDescription) \(workload.hidden.rawValue)/\(workload.output.rawValue)/"
              + "\(workload.cost.rawValue): median \(String(format: "%.4f", Bench.median(seconds))) s/epoch "
              + "(first epoch excluded; processor \(String(format: "%.4f", Bench.median(processorSeconds))) s), "
              + "test accuracy \(String(format: "%.4f", evaluation.accuracy))")
        }
      }
    }

    /// The processor time of all this process's threads, in seconds (the epoch figures
    /// themselves are wall-clock time, like the peers').
    static func processorTime() -> Double {
      var time = timespec()
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
      return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }

    /// The median of the epochs after the first (the first when there is only one).
    static func median(_ seconds: [Double]) -> Double {
      let counted = (seconds.count > 1 ? Array(seconds.dropFirst()) : seconds).sorted()
      guard !counted.isEmpty else { return 0 }
      let middle = counted.count / 2
      return counted.count % 2 == 1 ? counted[middle] : (counted[middle - 1] + counted[middle]) / 2
    }

    /// The JSON line `shared/bench/compare.py` reads; epoch seconds are wall-clock time.
    static func jsonLine(workload: Workload, seconds: [Double], accuracy: Double)
      -> String
    {
      let epochs = seconds.map { String(format: "%.5f", $0) }.joined(separator: ", ")
      return
        "{\"workload\": \"\(workload.id)\", \"layers\": \"\(workload.layerDescription)\", "
        + "\"epochs\": \(seconds.count), \"epoch_seconds\": [\(epochs)], "
        + "\"median_epoch_seconds\": \(String(format: "%.5f", median(seconds))), "
        + "\"clock\": \"wall\", \"threads\": 1, "
        + "\"test_accuracy\": \(String(format: "%.4f", accuracy))}"
    }

    /// `notebooks/data/mnist` in the current folder or the nearest parent that has it.
    static func locateMNIST() throws -> String {
      var folder = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      while true {
        let candidate = folder.appendingPathComponent("notebooks/data/mnist")
        if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
        let parent = folder.deletingLastPathComponent()
        if parent.path == folder.path { break }
        folder = parent
      }
      printError(
        "error: notebooks/data/mnist not found in this folder or its parents; pass --mnist DIR")
      throw ExitCode(2)
    }
  }
}
