/// The "nudges" one training example asks for: on the left, the desired change of each output
/// neuron (up for the right answer, down for the others, in proportion to the error); on the
/// right, the previous layer's neurons whose desired changes are largest.
///
/// It takes plain arrays and knows nothing of networks:
/// ```swift
/// NudgesChart(outputChanges: nudges.output, target: 7, previousChanges: nudges.previous).svg()
/// ```
package struct NudgesChart: Sendable {
  package var title: String
  /// The desired change of each output neuron.
  package var outputChanges: [Double]
  /// Names of the output neurons; default "0", "1", ... (digits).
  package var outputLabels: [String]
  /// The index of the right answer, emphasised.
  package var target: Int?
  /// The desired change of every neuron in the previous layer.
  package var previousChanges: [Double]
  /// What a previous-layer neuron is called in labels ("neuron 12").
  package var previousName: String
  /// How many of the previous layer's largest asks are shown.
  package var largestCount: Int
  /// nil: 760 wide and as tall as the rows need.
  package var size: ChartSize?

  package init(
    title: String = "What one example asks for", outputChanges: [Double],
    outputLabels: [String]? = nil,
    target: Int?, previousChanges: [Double], previousName: String = "neuron", largestCount: Int = 8,
    size: ChartSize? = nil
  ) {
    self.title = title
    self.outputChanges = outputChanges
    self.outputLabels = outputLabels ?? outputChanges.indices.map(String.init)
    self.target = target
    self.previousChanges = previousChanges
    self.previousName = previousName
    self.largestCount = largestCount
    self.size = size
  }

  private var outputBars: [DivergingBar] {
    outputChanges.enumerated().map { index, value in
      let name = index < outputLabels.count ? outputLabels[index] : String(index)
      return DivergingBar(
        label: index == target ? "\(name) (right)" : name, value: value,
        isEmphasized: index == target)
    }
  }

  /// The previous layer's largest asks by size, largest first; NaN sorts last.
  private var previousBars: [DivergingBar] {
    previousChanges.indices
      .sorted { first, second in
        let (a, b) = (abs(previousChanges[first]), abs(previousChanges[second]))
        return a.isNaN ? false : b.isNaN ? true : a > b
      }
      .prefix(largestCount)
      .map { DivergingBar(label: "\(previousName) \($0 + 1)", value: previousChanges[$0]) }
  }

  package func svg() -> String {
    var omissions = Omissions()
    for value in outputChanges + previousChanges { _ = omissions.admit(value) }
    let notes =
      ["▲ up (bluish green), ▼ down (vermillion); bar length is the size of the ask."]
      + [omissions.sentence].compactMap { $0 }
    let rows = max(outputChanges.count, min(largestCount, previousChanges.count))
    let size =
      size
      ?? ChartSize(
        width: 760, height: DivergingPanel.height(rows: rows, notes: notes.count, heading: true))
    let chrome = ChartChrome(size: size, title: title, legend: [], notes: notes)
    let area = chrome.plotArea(yLabels: [], hasYTitle: false)
    let gutter = 36.0
    let half = (area.width - gutter) / 2
    var svg = SVGBuilder()
    chrome.drawHeader(into: &svg)
    DivergingPanel(
      heading: "Output neurons: desired change", xTitle: "change in activation", bars: outputBars
    )
    .draw(
      in: PlotArea(left: area.left, top: area.top, width: half, height: area.height),
      chrome: chrome, into: &svg)
    DivergingPanel(
      heading:
        "Previous layer: largest \(min(largestCount, previousChanges.count)) of \(previousChanges.count) asks",
      xTitle: "desired change", bars: previousBars
    ).draw(
      in: PlotArea(
        left: area.left + half + gutter, top: area.top, width: half, height: area.height),
      chrome: chrome,
      into: &svg)
    chrome.drawNotes(into: &svg)
    return ChartDocument(
      width: size.width, height: size.height, title: title, description: description(omissions),
      body: svg.markup
    ).svg()
  }

  private func description(_ omissions: Omissions) -> String {
    var sentences: [String] = []
    if let target, target < outputLabels.count {
      sentences.append("For one training example whose right answer is \(outputLabels[target]).")
    }
    sentences.append("Desired change of each output neuron: " + DivergingPanel.describe(outputBars))
    sentences.append("Largest asks of the previous layer: " + DivergingPanel.describe(previousBars))
    if let note = omissions.sentence { sentences.append(note) }
    return sentences.joined(separator: " ")
  }
}
