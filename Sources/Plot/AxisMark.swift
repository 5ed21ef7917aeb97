/// A labelled position on an axis, drawn as a dashed line across the plot (e.g. "epoch 2"
/// where the second epoch's mini-batches begin).
package struct AxisMark: Sendable, Equatable {
  package var value: Double
  package var label: String

  package init(value: Double, label: String) {
    self.value = value
    self.label = label
  }
}
