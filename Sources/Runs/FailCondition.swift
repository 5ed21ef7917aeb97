import Foundation
import Notebook

/// `nudge diff --fail-if 'test.accuracy < -0.01'`: a condition on a metric's change from the first
/// run that turns a regression into exit status 1 for CI.
///
/// The metric is named in full or by a dotted suffix (`test.accuracy` matches
/// `train.test.accuracy`); the number is an absolute change, or a relative one with `%`.
package struct FailCondition: Hashable, Sendable, CustomStringConvertible {
  package enum Comparison: String, CaseIterable, Sendable {
    // Longest first so that `<=` is not read as `<`.
    case lessOrEqual = "<="
    case greaterOrEqual = ">="
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case greater = ">"

    func holds(_ left: Double, _ right: Double) -> Bool {
      switch self {
      case .less: left < right
      case .lessOrEqual: left <= right
      case .greater: left > right
      case .greaterOrEqual: left >= right
      case .equal: left == right
      case .notEqual: left != right
      }
    }
  }

  package var metric: String
  package var comparison: Comparison
  package var threshold: Double
  package var relative: Bool
  package var text: String

  package var description: String { text }

  package init(parsing text: String) throws {
    self.text = text
    guard let comparison = Comparison.allCases.first(where: { text.contains($0.rawValue) }),
      let range = text.range(of: comparison.rawValue)
    else {
      throw RunsError(
        "--fail-if '\(text)': expected METRIC OP NUMBER, e.g. 'test.accuracy < -0.01' (OP is one of < <= > >= == !=)"
      )
    }
    self.comparison = comparison
    metric = text[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
    var number = text[range.upperBound...].trimmingCharacters(in: .whitespaces)
    relative = number.hasSuffix("%")
    if relative { number.removeLast() }
    guard !metric.isEmpty, let value = Double(number) else {
      throw RunsError(
        "--fail-if '\(text)': expected METRIC OP NUMBER, e.g. 'test.accuracy < -0.01' or 'train.cost > 5%'"
      )
    }
    threshold = relative ? value / 100 : value
  }

  /// The metrics this condition names, found in the comparison.
  package func matches(in comparison: RunComparison) -> [RunComparison.MetricChange] {
    comparison.metrics.filter { $0.name == metric || $0.name.hasSuffix("." + metric) }
  }

  /// The messages of every run whose change makes the condition hold; empty when none does.
  /// Throws when no recorded metric has this name.
  package func violations(in comparison: RunComparison) throws -> [String] {
    let matched = matches(in: comparison)
    guard !matched.isEmpty else {
      let names = comparison.metrics.map(\.name).joined(separator: ", ")
      throw RunsError(
        "--fail-if '\(text)': no metric named '\(metric)' in these runs (they record: \(names.isEmpty ? "none" : names))"
      )
    }
    var messages: [String] = []
    for change in matched {
      for index in comparison.runs.indices.dropFirst() {
        let run = "run #\(index + 1) (\(comparison.runs[index].id))"
        // A gate fails closed: a change that cannot be computed is a failure, not a pass.
        if let problem = Self.uncheckable(change, run: index) {
          messages.append("\(change.name) \(problem) in \(run): '\(text)' cannot be checked")
          continue
        }
        let value = relative ? change.relativeChanges[index] : change.deltas[index]
        guard let value else {
          messages.append(
            "\(change.name) changed from 0 in \(run), so its relative change is undefined: '\(text)' cannot be checked"
          )
          continue
        }
        guard self.comparison.holds(value, threshold) else { continue }
        let shown = relative ? NumberFormat.metric(value * 100) + "%" : NumberFormat.metric(value)
        messages.append(
          "\(change.name) changed by \(shown) in \(run): '\(text)' holds"
        )
      }
    }
    return messages
  }

  /// Why a metric's change in run `index` cannot be computed, if it cannot: the metric is
  /// missing from that run or the first, or either value is not a number.
  private static func uncheckable(_ change: RunComparison.MetricChange, run index: Int) -> String? {
    let first = change.values[0]
    let value = change.values[index]
    if value == nil { return "is not recorded" }
    if first == nil { return "is not recorded in the first run" }
    if value?.isNaN == true || first?.isNaN == true { return "is NaN" }
    if value?.isInfinite == true || first?.isInfinite == true { return "is infinite" }
    return nil
  }
}
