import Foundation
import Notebook
import Testing

@testable import Directives

/// The drawing directives, on a small network trained on the repository's MNIST copy.
@Suite struct PlotDirectiveTests {
  func session() throws -> Session {
    let notebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("notebooks")
      .path
    let session = try Session(
      file: "lesson.md", params: [], notebookDirectory: notebooks,
      outputDirectory: temporaryDirectory())
    let setup = session.evaluate(
      makeCell(
        "let data = mnist(train: 200, test: 50)\nlet net = network([784, 16, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 1)\nlet h1 = net.train(on: data.train, epochs: 2, batchSize: 10, learningRate: 0.1, test: data.test)\nlet h2 = net.train(on: data.train, epochs: 2, batchSize: 20, learningRate: 0.1)",
        name: "setup"))
    #expect(setup.error == nil)
    return session
  }

  func figures(_ result: CellResult) -> [Figure] {
    result.outputs.compactMap { if case .figure(let figure) = $0 { figure } else { nil } }
  }

  func draw(_ source: String) throws -> CellResult {
    try session().evaluate(makeCell(source, index: 1, line: 20))
  }

  @Test func plotDrawsCostAndAccuracyCharts() throws {
    let result = try draw("plot(h1)")
    #expect(result.error == nil)
    let charts = figures(result)
    #expect(charts.count == 2)
    #expect(charts.allSatisfy { $0.svg.hasPrefix("<svg") })
    #expect(charts[0].svg.contains("train cost"))
    #expect(charts[1].svg.contains("test accuracy"))
  }

  @Test func plotOverlaysLabelledHistories() throws {
    let result = try draw("plot([h1, h2], labels: [\"batch 10\", \"batch 20\"])")
    let charts = figures(result)
    #expect(charts.first?.svg.contains("batch 20 train cost") == true)
    let mismatch = try draw("plot([h1, h2], labels: [\"one\"])")
    #expect(
      mismatch.error?.description
        == "lesson.md:20:24: error: 1 labels for 2 histories; give one label per history")
  }

  @Test func histogramsOfLayersAndOfNumbers() throws {
    #expect(
      try figures(draw("histogram(net, layer: 2)")).first?.caption
        == "Layer 2: 160 weights, 10 biases")
    #expect(
      try figures(draw("histogram([1, 2, 2, 3], bins: 3, title: \"Small\")")).first?.svg.contains(
        "Small") == true)
    #expect(
      try draw("histogram(net, layer: 3)").error?.description
        == "lesson.md:20:23: error: layer 3 does not exist: this network has weight layers 1...2")
  }

  @Test func weightImagesNeedSquareInputs() throws {
    #expect(
      try figures(draw("weightImages(net)")).first?.caption
        == "Layer 1 weights as 28×28 images, one per neuron")
    #expect(
      try figures(draw("weightImages(net, layer: 2)")).first?.caption
        == "Layer 2 weights as 4×4 images, one per neuron")
  }

  @Test func showDrawsDigitsWithGuesses() throws {
    let svg = try figures(draw("show(data.test, count: 8, net: net)")).first?.svg ?? ""
    #expect(svg.contains("→"))
  }

  @Test func evaluationShowsItsConfusionMatrix() throws {
    let result = try draw("net.evaluate(on: data.test)")
    #expect(figures(result).first?.svg.contains("Confusion matrix") == true)
  }
}

extension PlotDirectiveTests {
  @Test func everyChartACellDrawsIsShown() throws {
    let result = try draw("weightImages(net, layer: 1)\nlet x = 1\nhistogram(net, layer: 1)")
    #expect(figures(result).count == 2)
  }
}
