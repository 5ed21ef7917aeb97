/// "Did you mean" by edit distance.
enum Suggestion {
  /// The candidate closest to `name` when it is close enough to be a likely typo.
  static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
    let lowered = Array(name.lowercased().utf8)
    var best: (name: String, distance: Int)?
    for candidate in candidates where candidate != name {
      let distance = editDistance(lowered, Array(candidate.lowercased().utf8))
      if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    guard let best else { return nil }
    let allowed = min(3, (name.utf8.count + 1) / 3)
    return best.distance <= allowed ? best.name : nil
  }

  /// Damerau–Levenshtein (optimal string alignment): a swap of two letters costs one edit.
  static func editDistance(_ a: [UInt8], _ b: [UInt8]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previousPrevious = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], previousPrevious[j - 2] + 1)
        }
      }
      (previousPrevious, previous, current) = (previous, current, previousPrevious)
    }
    return previous[b.count]
  }

  /// `"; did you mean 'x'?"`, or nothing.
  static func hint(
    for name: String, among candidates: some Sequence<String>, quoteSuffix: String = ""
  )
    -> String
  {
    closest(to: name, among: candidates).map { "; did you mean '\($0)\(quoteSuffix)'?" } ?? ""
  }
}
