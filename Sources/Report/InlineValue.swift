/// What an inline expression `` `{swift} expr` `` gave when the notebook ran: the value as
/// `print` formats it, or the error that stopped it.
package enum InlineValue: Hashable, Sendable {
  case value(String)
  case error(String)
}
