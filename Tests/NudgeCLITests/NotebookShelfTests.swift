import Foundation
import Testing

/// Every notebook the repository ships renders with status ok on a few examples and one epoch,
/// and records the numbers its prose relies on.
@Suite("The shipped notebooks render", .serialized)
struct NotebookShelfTests {
  static let fashionDirectory = "/usr/share/datasets/fashion-mnist"

  /// Renders `notebooks/<name>.md` with `params` overridden; returns the page and the run record.
  func render(_ name: String, _ params: [String]) throws -> (page: String, record: [String: Any]) {
    let scratch = try Scratch()
    let notebook = NudgeRunner.repositoryRoot.appendingPathComponent("notebooks/\(name).md").path
    let arguments = ["render", notebook, "-q", "-o", "reports"] + params.flatMap { ["-p", $0] }
    let outcome = try NudgeRunner.run(arguments, in: scratch.path)
    #expect(outcome.status == 0, "\(name): \(outcome.standardError)")
    let page = try String(contentsOfFile: "\(scratch.path)/reports/\(name).html", encoding: .utf8)
    let runs = scratch.files(under: "reports/\(name)/runs").filter { $0.hasSuffix("run.json") }
    let run = try #require(runs.first, "\(name): no run record")
    let data = try Data(
      contentsOf: URL(fileURLWithPath: "\(scratch.path)/reports/\(name)/runs/\(run)"))
    let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    return (page, record)
  }

  func metrics(_ record: [String: Any]) throws -> [String: Double] {
    let metrics = try #require(record["metrics"] as? [String: Any], "no metrics in the run record")
    return metrics.compactMapValues { ($0 as? NSNumber)?.doubleValue }
  }

  @Test func backpropagationLesson() throws {
    let (page, record) = try render(
      "backprop", ["trainSize=2000", "testSize=500", "epochs=1"])
    #expect(record["status"] as? String == "ok")
    let metrics = try metrics(record)
    // The quadratic cost of one example sums ten squared differences, each below 1.
    let exampleCost = try #require(metrics["untrained-outputs.example_cost"])
    #expect(exampleCost > 0 && exampleCost < 10)
    let check = try #require(metrics["gradcheck.gradcheck.max_relative_error"])
    #expect(check < 1e-6)
    // One epoch on 2,000 images already beats guessing (10%) by far.
    let accuracy = try #require(metrics["evaluate.accuracy"])
    #expect(accuracy > 0.6 && accuracy <= 1)
    let before = try #require(metrics["spread.weights_rms_before"])
    let after = try #require(metrics["spread.weights_rms_after"])
    #expect(after > before)
    #expect(page.contains("the first 2 is training image number 5"))
    #expect(page.contains("Cost per mini-batch"))
  }

  @Test func gradientChecking() throws {
    let (page, record) = try render("gradient-checking", ["trainSize=300", "epochs=1"])
    #expect(record["status"] as? String == "ok")
    let metrics = try metrics(record)
    let broken = try #require(metrics["broken.gradcheck.max_relative_error"])
    #expect(broken > 1e-2)
    let correct = try #require(metrics["data.gradcheck.max_relative_error"])
    #expect(correct < 1e-6)
    #expect(page.contains("broken gradient"))
  }

  @Test func learningRates() throws {
    let (page, record) = try render(
      "learning-rates", ["trainSize=1000", "testSize=300", "epochs=1"])
    #expect(record["status"] as? String == "ok")
    let accuracy = try #require(try metrics(record)["one-rate.test.accuracy"])
    #expect(accuracy > 0.3 && accuracy <= 1)
    for rate in ["rate 0.001", "rate 0.01", "rate 0.1", "rate 1.0"] {
      #expect(page.contains(rate), "the sweep's legend lacks \(rate)")
    }
  }

  @Test func backpropagationCalculus() throws {
    let (page, record) = try render("calculus", ["fullSize=60"])
    #expect(record["status"] as? String == "ok")
    // The four equations hold to finite-difference precision on the 784-16-16-10 network.
    let largest = try #require(try metrics(record)["four-equations.largest_difference"])
    #expect(largest < 1e-6)
    #expect(page.contains("class=\"inline-value\""))
    #expect(!page.contains("class=\"inline-error\""), "an inline value failed")
    #expect(page.contains("<math"))
  }

  @Test func gradientDescent() throws {
    let (page, record) = try render(
      "gradient-descent", ["trainSize=1000", "testSize=200", "epochs=1"])
    #expect(record["status"] as? String == "ok")
    let accuracy = try #require(try metrics(record)["outputs.accuracy"])
    #expect(accuracy > 0.3 && accuracy <= 1)
    #expect(!page.contains("class=\"inline-error\""), "an inline value failed")
    #expect(page.contains("too large"))
  }

  @Test func nielsenReproduction() throws {
    let (page, record) = try render("nielsen", ["quickImages=500", "quickEpochDivisor=40"])
    #expect(record["status"] as? String == "ok")
    let metrics = try metrics(record)
    for name in ["quadratic", "wide", "overfit", "overfit_regularised"] {
      let accuracy = try #require(metrics["experiments.\(name)"], "no metric \(name)")
      #expect(accuracy > 20 && accuracy <= 100, "\(name): \(accuracy)")
    }
    #expect(page.contains("95.42"))
    #expect(!page.contains("class=\"inline-error\""), "an inline value failed")
  }

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: fashionDirectory),
      "Fashion-MNIST is not installed: sudo apt-get install dataset-fashion-mnist"))
  func fashion() throws {
    let (_, record) = try render("fashion", ["trainSize=1000", "testSize=200", "epochs=1"])
    #expect(record["status"] as? String == "ok")
    let accuracy = try #require(try metrics(record)["evaluate.accuracy"])
    #expect(accuracy > 0.4 && accuracy <= 1)
  }
}
