/// An error that stops a cell (or that the checker reports), at a notebook position.
package struct EvaluationError: Error, Sendable, CustomStringConvertible {
  package var message: String
  package var position: Position

  package init(_ message: String, at position: Position) {
    self.message = message
    self.position = position
  }

  package var description: String { "\(position): \(message)" }
}
