/// Markdown for a fenced code block holding any text: the fence is longer than every backtick
/// run inside, so nothing in the text closes the block early.
package enum CodeFence {
  package static func block(_ text: String, language: String) -> String {
    var longest = 0
    var current = 0
    for byte in text.utf8 {
      current = byte == UInt8(ascii: "`") ? current + 1 : 0
      longest = max(longest, current)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return fence + language + "\n" + text + "\n" + fence + "\n"
  }
}
