/// Words written into a POSIX shell script so that the shell reads back exactly those words.
package enum ShellWords {
  /// `word` as the shell must see it: unchanged when it holds only characters the shell never
  /// interprets, otherwise in single quotes (a quote inside becomes `'\''`).
  package static func quote(_ word: String) -> String {
    let plain = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:,+@%"
    if !word.isEmpty, word.allSatisfy({ plain.contains($0) }) { return word }
    return "'" + word.replacing("'", with: #"'\''"#) + "'"
  }

  /// A command line of `words`, each quoted as needed, separated by spaces.
  package static func commandLine(_ words: [String]) -> String {
    words.map(quote).joined(separator: " ")
  }
}
