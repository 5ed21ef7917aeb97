/// A formula that cannot be converted: an unknown command, an unbalanced brace, a missing
/// argument. `offset` says where, so the notebook can point at the line and column.
package struct TeXError: Error, Hashable, Sendable, CustomStringConvertible {
  package var message: String
  /// UTF-8 byte offset into the formula's TeX where the problem starts.
  package var offset: Int
  /// The unknown command's name without its backslash, so callers can suggest a known one.
  package var unknownCommand: String?

  package init(_ message: String, offset: Int, unknownCommand: String? = nil) {
    self.message = message
    self.offset = offset
    self.unknownCommand = unknownCommand
  }

  package var description: String { message }
}
