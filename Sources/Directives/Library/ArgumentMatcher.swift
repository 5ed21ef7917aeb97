/// Matches a call's arguments to a directive's parameters the way Swift does: in order, by label,
/// skipping parameters that have defaults. The checker and the evaluator share it, so what
/// `nudge check` accepts is exactly what runs.
enum ArgumentMatcher {
  /// For each parameter, the indices of the arguments bound to it (empty: use the default).
  typealias Binding = [[Int]]

  /// What a call is matched against: a directive or a notebook's own function.
  struct Callee {
    var parameters: [Parameter]
    var quotedName: String
    var signature: String
  }

  static func match(
    labels: [(label: String?, position: Position)], to directive: Directive,
    at callPosition: Position
  ) -> Result<Binding, EvaluationError> {
    match(
      labels: labels,
      to: Callee(
        parameters: directive.parameters, quotedName: directive.quotedName,
        signature: directive.signature), at: callPosition)
  }

  static func match(
    labels: [(label: String?, position: Position)], to directive: Callee,
    at callPosition: Position
  ) -> Result<Binding, EvaluationError> {
    let parameters = directive.parameters
    var binding: Binding = Array(repeating: [], count: parameters.count)
    var parameterIndex = 0
    var argumentIndex = 0
    while argumentIndex < labels.count {
      let (label, position) = labels[argumentIndex]
      // Find the next parameter, from here on, that takes this label.
      var candidate = parameterIndex
      while candidate < parameters.count, parameters[candidate].label != label {
        candidate += 1
      }
      guard candidate < parameters.count else {
        return .failure(
          unmatched(label: label, at: position, directive: directive, after: parameterIndex))
      }
      // Parameters skipped on the way must have defaults.
      if let skipped = parameters[parameterIndex..<candidate].first(where: \.isRequired) {
        return .failure(
          EvaluationError(
            "missing argument for parameter \(skipped.quotedLabel) in call to \(directive.quotedName)",
            at: position))
      }
      binding[candidate].append(argumentIndex)
      argumentIndex += 1
      if parameters[candidate].isVariadic {
        while argumentIndex < labels.count, labels[argumentIndex].label == nil {
          binding[candidate].append(argumentIndex)
          argumentIndex += 1
        }
      }
      parameterIndex = candidate + 1
    }
    if let missing = parameters[parameterIndex...].first(where: \.isRequired) {
      return .failure(
        EvaluationError(
          "missing argument for parameter \(missing.quotedLabel) in call to \(directive.quotedName)",
          at: callPosition))
    }
    return .success(binding)
  }

  private static func unmatched(
    label: String?, at position: Position, directive: Callee, after parameterIndex: Int
  ) -> EvaluationError {
    let parameters = directive.parameters
    let known = parameters.compactMap(\.label)
    guard let label else {
      if parameters.contains(where: { $0.label == nil }) {
        return EvaluationError(
          "unlabeled argument is out of order in call to \(directive.quotedName)", at: position)
      }
      let expected = parameters.first(where: \.isRequired) ?? parameters.first
      let hint = expected.flatMap(\.label).map { "; add the label '\($0):'" } ?? ""
      return EvaluationError(
        "missing argument label in call to \(directive.quotedName)\(hint)", at: position)
    }
    if known.contains(label) {
      return EvaluationError(
        "argument '\(label):' is out of order or repeated in call to \(directive.quotedName); the order is \(directive.signature)",
        at: position)
    }
    if parameters.isEmpty {
      return EvaluationError(
        "\(directive.quotedName) takes no arguments", at: position)
    }
    let suggestion = Suggestion.closest(to: label, among: known).map { "; did you mean '\($0):'?" }
    let positional =
      suggestion == nil && parameters.contains(where: { $0.label == nil })
      ? "; this argument takes no label" : ""
    return EvaluationError(
      "unknown argument label '\(label):' in call to \(directive.quotedName)\(suggestion ?? positional)",
      at: position)
  }
}
