import Notebook

/// One entry of the directive table: a function (`mnist`), a method (`net.train`) or a property
/// (`data.train`), with its parameters, result type, documentation and implementation.
///
/// The evaluator calls `implementation`; the checker reads `parameters` and `result`; the
/// generated reference (`nudge check --list-directives`) reads `summary` and the signature.
package struct Directive: Sendable {
  package enum Kind: Sendable, Hashable {
    case function
    /// Called on a receiver of this type: `net.train(...)`.
    case method(on: ValueType)
    /// Read on a receiver of this type: `data.train`.
    case property(of: ValueType)
  }

  package typealias Implementation = @Sendable (Invocation) throws(EvaluationError) -> Value

  package var name: String
  package var kind: Kind
  package var parameters: [Parameter]
  package var result: ValueType
  /// Computes the result type from the argument types, for directives like `max` whose result
  /// follows their arguments.
  package var resultFromArguments: (@Sendable ([ValueType]) -> ValueType)?
  /// A method that changes its receiver (`values.append(x)`), which must then be a `var`.
  package var isMutating: Bool
  package var summary: String
  package var implementation: Implementation

  package init(
    _ name: String, _ kind: Kind = .function, parameters: [Parameter] = [], result: ValueType,
    resultFromArguments: (@Sendable ([ValueType]) -> ValueType)? = nil, isMutating: Bool = false,
    summary: String, implementation: @escaping Implementation
  ) {
    self.name = name
    self.kind = kind
    self.parameters = parameters
    self.result = result
    self.resultFromArguments = resultFromArguments
    self.isMutating = isMutating
    self.summary = summary
    self.implementation = implementation
  }

  /// The signature as a notebook writes it: `train(on: Dataset, epochs: Int, ...) -> TrainingHistory`.
  package var signature: String {
    let prefix: String
    switch kind {
    case .function: prefix = ""
    case .method(let receiver), .property(let receiver): prefix = "\(receiver)."
    }
    if case .property = kind { return "\(prefix)\(name): \(result)" }
    let parameterList = parameters.map(\.signature).joined(separator: ", ")
    let arrow = result == .void ? "" : " -> \(result)"
    return "\(prefix)\(name)(\(parameterList))\(arrow)"
  }

  /// What to call the directive in messages: `'train'`.
  var quotedName: String { "'\(name)'" }
}

extension Directive {
  /// A property, or a method without arguments, computed from the receiver alone; `get` gives
  /// nil for a receiver it does not apply to.
  static func computed(
    _ name: String, _ kind: Kind, _ result: ValueType, _ summary: String,
    _ get: @escaping @Sendable (Value) -> Value?
  ) -> Directive {
    Directive(name, kind, result: result, summary: summary) { call throws(EvaluationError) in
      guard let value = get(call.self_) else {
        throw call.error("'\(name)' is not available on a value of type '\(call.self_.type)'")
      }
      return value
    }
  }
}

/// A directive's parameter: its argument label (nil when written without one), type and default.
package struct Parameter: Sendable {
  package var label: String?
  /// The name used inside the implementation (and for unlabeled parameters in messages).
  package var name: String
  package var type: ValueType
  /// The value used when the argument is left out; `.void` stands for "none" (`= nil`).
  package var defaultValue: Value?
  /// Takes any number of unlabeled arguments (`print(a, b, c)`), passed as an array.
  package var isVariadic: Bool

  package init(
    _ label: String?, name: String? = nil, _ type: ValueType, default defaultValue: Value? = nil,
    variadic: Bool = false
  ) {
    self.label = label
    self.name = name ?? label ?? "value"
    self.type = type
    self.defaultValue = defaultValue
    self.isVariadic = variadic
  }

  package var isRequired: Bool { defaultValue == nil && !isVariadic }

  package var signature: String {
    let head = label.map { "\($0): " } ?? "_ \(name): "
    let variadic = isVariadic ? "..." : ""
    let defaultText =
      defaultValue.map { value in
        switch value {
        case .void: " = nil"
        case .enumCase(let caseName, _): " = .\(caseName)"  // as a Swift signature writes it
        default: " = \(value.debugText)"
        }
      } ?? ""
    return "\(head)\(type)\(variadic)\(defaultText)"
  }

  /// How messages name the parameter: `'epochs:'` or `'_ values'`.
  var quotedLabel: String { label.map { "'\($0):'" } ?? "'_ \(name)'" }
}
