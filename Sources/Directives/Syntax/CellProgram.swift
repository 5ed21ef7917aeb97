/// A cell lowered from swift-syntax's tree into the small language Nudge evaluates.
///
/// The compiler (`ProgramCompiler`) reads this tree rather than swift-syntax's: it holds only the
/// forms the notebook language has, each with its notebook position, and resolves names and types
/// once into the closures that run.
package struct CellProgram: Sendable {
  package var statements: [Statement]
}

/// A notebook position (1-based line, 1-based UTF-8 column) of a node, already mapped from the
/// cell to the notebook file.
package struct Position: Hashable, Sendable, Codable, CustomStringConvertible {
  package var line: Int
  package var column: Int

  package init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  package var description: String { "\(line):\(column)" }
}

package struct Statement: Sendable {
  package indirect enum Kind: Sendable {
    /// `let name = value` / `var name: Type = value`.
    case binding(isConstant: Bool, name: String, type: String?, value: Expression?)
    case expression(Expression)
    /// `for name in sequence where filter { body }`; `name` is nil for `_`.
    case forIn(name: String?, sequence: Expression, filter: Expression?, body: [Statement])
    /// `if condition, condition { then } else { otherwise }`; `else if` is an `otherwise` holding one `if`.
    case ifElse(conditions: [Expression], then: [Statement], otherwise: [Statement]?)
    /// `while condition, condition { body }`.
    case whileLoop(conditions: [Expression], body: [Statement])
    /// `repeat { body } while condition`.
    case repeatWhile(body: [Statement], condition: Expression)
    /// `guard condition, condition else { otherwise }`; `otherwise` must leave the scope.
    case guardElse(conditions: [Expression], otherwise: [Statement])
    case breakLoop
    case continueLoop
    case returnValue(Expression?)
    /// `func name(label name: Type = default) -> Result { body }`.
    case function(FunctionDeclaration)
    /// `struct Name { stored properties, computed properties, methods }`.
    case structure(StructDeclaration)
    /// `let (a, b) = value`: a tuple taken apart into names.
    case destructuring(isConstant: Bool, pattern: Pattern, value: Expression)
    /// `switch subject { case ...: ... default: ... }`.
    case switchCases(subject: Expression, cases: [SwitchCase])
  }

  package var kind: Kind
  package var position: Position
}

package struct Expression: Sendable {
  package indirect enum Kind: Sendable {
    case integer(Int)
    case floating(Double)
    case string(String)
    /// A string with `\(...)` segments.
    case interpolation([InterpolationPart])
    case boolean(Bool)
    case array([Expression])
    case name(String)
    case member(base: Expression, name: String, namePosition: Position)
    /// `.relu`: a case of whatever enumeration the context expects.
    case enumCase(String)
    case call(callee: Expression, arguments: [CallArgument])
    /// `[Int]()`, `Set<String>(words)`, `[Double](repeating: 0, count: n)`: a collection type's
    /// initializer, the type as written.
    case initializer(type: String, arguments: [CallArgument])
    case subscripted(base: Expression, arguments: [CallArgument])
    /// The position of the expression is its start; `operatorPosition` is where operator errors go.
    case binary(BinaryOperator, Expression, Expression, operatorPosition: Position)
    case prefix(PrefixOperator, Expression)
    case ternary(condition: Expression, then: Expression, otherwise: Expression)
    /// `target = value` or a compound form such as `+=` (then `operator` is the arithmetic part).
    case assignment(target: Expression, operator: BinaryOperator?, value: Expression)
    case closure(ClosureExpression)
    /// `["a": 1, "b": 2]`, or `[:]` with no entries.
    case dictionary([DictionaryEntry])
    case nilLiteral
    /// `value!`; `bangPosition` is where a nil unwrap is reported.
    case forceUnwrap(Expression, bangPosition: Position)
    /// `value?` as the base of a member access or call: `value?.count`.
    case optionalChain(Expression)
    /// `value ?? fallback`.
    case nilCoalescing(Expression, Expression, operatorPosition: Position)
    /// `(1, "a")` or `(x: 1, y: 2)`.
    case tuple([TupleElement])
    /// `let name = value` (or `let name`) as a condition of `if`, `guard` or `while`.
    case optionalBinding(isConstant: Bool, name: String, value: Expression)
    /// `case pattern = value` as a condition: `if case .relu = activation`.
    case caseCondition(Pattern, Expression)
  }

  package var kind: Kind
  package var position: Position
}

/// A `func` declaration: parameters with labels, types and defaults, a result type, a body.
package struct FunctionDeclaration: Sendable {
  package var name: String
  package var parameters: [FunctionParameter]
  /// The written result type; nil for none (`Void`).
  package var resultType: String?
  package var resultPosition: Position
  package var body: [Statement]
}

package struct FunctionParameter: Sendable {
  /// The argument label callers write; nil for `_`.
  package var label: String?
  package var name: String
  /// The written type; nil for a closure parameter whose type comes from the context.
  package var type: String?
  package var defaultValue: Expression?
  package var position: Position
}

/// A closure expression: `{ x in x * 2 }`, `{ $0 + $1 }`, `{ (a: Int) -> Int in a }`.
package struct ClosureExpression: Sendable {
  package var parameters: [FunctionParameter]
  package var resultType: String?
  package var body: [Statement]
  /// True when the closure names its parameters `$0`, `$1`... (then `parameters` holds them).
  package var usesShorthand: Bool
  /// True when the body may change its first parameter (`reduce(into:)`'s result so far).
  package var changesFirstParameter = false
}

/// A `struct`: stored properties (with optional defaults), computed properties and methods.
package struct StructDeclaration: Sendable {
  package struct StoredProperty: Sendable {
    package var name: String
    package var isConstant: Bool
    package var type: String?
    package var defaultValue: Expression?
    package var position: Position
  }

  package struct ComputedProperty: Sendable {
    package var name: String
    package var type: String
    package var body: [Statement]
    package var position: Position
  }

  package struct Method: Sendable {
    package var declaration: FunctionDeclaration
    package var isMutating: Bool
    package var position: Position
  }

  package var name: String
  package var stored: [StoredProperty]
  package var computed: [ComputedProperty]
  package var methods: [Method]
  /// A custom `init`, which replaces the memberwise initializer (its body sets `self`'s fields).
  package var initializer: Method? = nil
}

/// One `key: value` of a dictionary literal.
package struct DictionaryEntry: Sendable {
  package var key: Expression
  package var value: Expression
}

/// One element of a tuple expression: `x: 1` or just `1`.
package struct TupleElement: Sendable {
  package var label: String?
  package var value: Expression
}

/// What a `case` of a `switch` (or a destructuring `let`) matches.
package indirect enum Pattern: Sendable {
  /// `_`: anything.
  case wildcard
  /// `let x`: anything, bound to a name.
  case binding(String, Position)
  /// A value compared with `==`, or a range the value must lie in (`0..<10`).
  case expression(Expression)
  /// `(0, _)`, `(let x, 0)`.
  case tuple([Pattern], Position)
  /// `0..<10`, `0.5...1.0`, `..<0`, `90...`: a number in the range (a nil bound is open).
  case range(lower: Expression?, upper: Expression?, isClosed: Bool, operatorPosition: Position)
  /// `let x?`: an optional that is not nil, its value matched by the inner pattern.
  case optional(Pattern, Position)
}

/// One `case` of a `switch`, or its `default` (no items).
package struct SwitchCase: Sendable {
  package struct Item: Sendable {
    package var pattern: Pattern
    package var guardCondition: Expression?
  }

  package var items: [Item]
  package var body: [Statement]
  package var position: Position

  package var isDefault: Bool { items.isEmpty }
}

package enum InterpolationPart: Sendable {
  case text(String)
  case expression(Expression)
}

/// One argument of a call or subscript: `label: value` or just `value`.
package struct CallArgument: Sendable {
  package var label: String?
  package var labelPosition: Position
  package var value: Expression
}

package enum BinaryOperator: String, Sendable, CaseIterable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"
  case halfOpenRange = "..<"
  case closedRange = "..."
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case and = "&&"
  case or = "||"

  /// Swift's standard precedence groups, highest binds tightest.
  var precedence: Int {
    switch self {
    case .multiply, .divide, .remainder: 5
    case .add, .subtract: 4
    case .halfOpenRange, .closedRange: 3
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 2
    case .and: 1
    case .or: 0
    }
  }
}

package enum PrefixOperator: String, Sendable {
  case negate = "-"
  case not = "!"
  case plus = "+"
}
