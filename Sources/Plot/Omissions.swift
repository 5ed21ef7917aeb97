/// Values a chart could not draw, counted so the chart can say so in words.
struct Omissions {
  var notANumber = 0
  var infinite = 0
  /// Zero or negative values on a log scale.
  var nonPositive = 0

  /// Counts `value` if it cannot be drawn; returns whether it can.
  mutating func admit(_ value: Double, logScale: Bool = false) -> Bool {
    if value.isNaN {
      notANumber += 1
      return false
    }
    if value.isInfinite {
      infinite += 1
      return false
    }
    if logScale && value <= 0 {
      nonPositive += 1
      return false
    }
    return true
  }

  var isEmpty: Bool { notANumber + infinite + nonPositive == 0 }

  /// The sentence as a chart's notes: none when everything was drawn.
  var notes: [String] { sentence.map { [$0] } ?? [] }

  /// "Not shown: 2 NaN values, 1 infinite value.", or nil when everything was drawn.
  var sentence: String? {
    var parts: [String] = []
    if notANumber > 0 { parts.append(counted(notANumber, "NaN value")) }
    if infinite > 0 { parts.append(counted(infinite, "infinite value")) }
    if nonPositive > 0 {
      parts.append(counted(nonPositive, "value") + " at or below zero (log scale)")
    }
    return parts.isEmpty ? nil : "Not shown: " + parts.joined(separator: ", ") + "."
  }
}

/// "1 value", "3 values".
func counted(_ count: Int, _ noun: String) -> String {
  "\(count) \(noun)\(count == 1 ? "" : "s")"
}
