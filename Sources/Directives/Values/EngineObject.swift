import Notebook

/// An engine value held by a notebook variable; the cases arrive with the engine binding.
package enum EngineObject: Sendable, CustomStringConvertible {
  package var type: ObjectType {
    switch self {}
  }

  package var description: String {
    switch self {}
  }
}

extension EngineObject {
  /// The table form of values that have one (histories, evaluations, gradient checks).
  var table: Table? {
    switch self {}
  }

  var displayOutputs: [CellOutput] {
    switch self {}
  }
}

extension EngineObject {
  /// A copy that shares no mutable state (networks are deep-copied).
  func detached() -> EngineObject {
    switch self {}
  }
}
