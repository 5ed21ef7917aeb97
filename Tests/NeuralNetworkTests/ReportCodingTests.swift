import Foundation
import Testing

@testable import NeuralNetwork

/// The engine's reports survive the cell cache's JSON exactly.
@Suite("Engine reports are Codable")
struct ReportCodingTests {
  func roundTrip<Value: Codable>(_ value: Value) throws -> Value {
    try JSONDecoder().decode(Value.self, from: try JSONEncoder().encode(value))
  }

  @Test func aGradientCheckKeepsEveryPairAndFigure() throws {
    let data = try TestData.loadMNIST().train.prefix(5)
    let network = try Network(
      sizes: [784, 8, 10], hidden: .relu, output: .softmax, cost: .crossEntropy, seed: 2)
    let report = try network.gradientCheck(on: data, samples: 4, examples: 5)
    let decoded = try roundTrip(report)
    #expect(decoded.epsilon == report.epsilon)
    #expect(decoded.examples == report.examples)
    #expect(decoded.layers.count == report.layers.count)
    for (a, b) in zip(decoded.layers, report.layers) {
      #expect(a.name == b.name)
      #expect(a.checked == b.checked && a.skippedAtKinks == b.skippedAtKinks)
      #expect(a.maxRelativeError == b.maxRelativeError)
      #expect(a.medianRelativeError == b.medianRelativeError)
      #expect(a.pairs.map(\.analytic) == b.pairs.map(\.analytic))
      #expect(a.pairs.map(\.numeric) == b.pairs.map(\.numeric))
    }
  }

  @Test func unpairedGradientsAreRejected() {
    let json =
      #"{"name":"layer 1 weights","checked":1,"skippedAtKinks":0,"maxRelativeError":0,"medianRelativeError":0,"analytic":[1,2],"numeric":[1]}"#
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(LayerGradientCheck.self, from: Data(json.utf8))
    }
  }

  @Test func nudgesRoundTrip() throws {
    let example = try TestData.loadMNIST().train[0]
    let network = try Network(
      sizes: [784, 16, 10], hidden: .sigmoid, output: .sigmoid, cost: .quadratic, seed: 1)
    let report = try network.nudges(for: example)
    #expect(try roundTrip(report) == report)
  }
}
