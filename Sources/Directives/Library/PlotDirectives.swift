import Notebook

/// Directives that draw SVG charts with the Plot module.
enum PlotDirectives {
  static let all: [Directive] = [
    Directive(
      "plot",
      parameters: [
        Parameter(nil, name: "histories", .oneOf([.object(.history), .array(.object(.history))])),
        Parameter("labels", .array(.string), default: .array([])),
        Parameter("title", .string, default: .string("")),
      ],
      result: .object(.figure),
      summary: "Cost and accuracy per epoch as SVG line charts; several histories (with `labels:`) are overlaid."
    ) { call throws(EvaluationError) in throw unavailable(call) },
    Directive(
      "histogram",
      parameters: [
        Parameter(nil, name: "source", .oneOf([.object(.network), .array(.double)])),
        Parameter("layer", .int, default: .int(1)), Parameter("bins", .int, default: .int(30)),
        Parameter("title", .string, default: .string("")),
      ],
      result: .object(.figure),
      summary: "A histogram of a network layer's weights and biases (`histogram(net, layer: 1)`) or of any numbers (`histogram(values, bins: 20)`)."
    ) { call throws(EvaluationError) in throw unavailable(call) },
    Directive(
      "weightImages",
      parameters: [
        Parameter(nil, name: "network", .object(.network)), Parameter("layer", .int, default: .int(1)),
      ],
      result: .object(.figure),
      summary: "Each first-layer neuron's 784 incoming weights drawn as a 28×28 image."
    ) { call throws(EvaluationError) in throw unavailable(call) },
    Directive(
      "show",
      parameters: [
        Parameter(nil, name: "data", .object(.dataset)), Parameter("count", .int, default: .int(16)),
        Parameter("net", .object(.network), default: .void),
      ],
      result: .object(.figure),
      summary: "The first `count` images with their labels, and the network's guesses when `net:` is given."
    ) { call throws(EvaluationError) in throw unavailable(call) },
  ]

  static func unavailable(_ call: Invocation) -> EvaluationError {
    call.error(
      "'\(call.directive.name)' draws a chart, but plots are not available in this build of nudge (the Plot module has no charts yet)")
  }
}
