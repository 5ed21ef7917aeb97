import Notebook

/// "Did you mean" for names in cells, by the edit distance the notebook parser uses too.
///
/// Stricter than the parser's threshold: cells have many one- and two-letter variables, and
/// suggesting `a` for `b` would be noise.
enum Suggestion {
  /// The candidate closest to `name` when it is close enough to be a likely typo.
  static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let distance = Notebook.Suggestion.editDistance(name.lowercased(), candidate.lowercased())
      if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let allowed = min(3, (name.utf8.count + 1) / 3)
    return best.distance <= allowed ? best.name : nil
  }

  /// `"; did you mean 'x'?"`, or nothing.
  static func hint(for name: String, among candidates: some Sequence<String>) -> String {
    closest(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
  }
}
