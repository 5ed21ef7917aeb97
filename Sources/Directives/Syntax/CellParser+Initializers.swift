import SwiftSyntax

/// Recognising a collection type called as an initializer: `[Int]()`, `Set<String>(words)`.
extension Lowering {
  /// Whether an expression called as a function is a collection type: `[Int]`, `[String: Int]`,
  /// `[[Double]]`, `Set<Int>`, `Array<Int>`, `Dictionary<String, Int>`.
  static func spellsCollectionType(_ syntax: ExprSyntax) -> Bool {
    if let array = syntax.as(ArrayExprSyntax.self) {
      return array.elements.count == 1
        && array.elements.allSatisfy { spellsType($0.expression) }
    }
    if let dictionary = syntax.as(DictionaryExprSyntax.self),
      case .elements(let elements) = dictionary.content
    {
      return elements.count == 1
        && elements.allSatisfy { spellsType($0.key) && spellsType($0.value) }
    }
    if let generic = syntax.as(GenericSpecializationExprSyntax.self),
      let base = generic.expression.as(DeclReferenceExprSyntax.self)
    {
      return ["Array", "Set", "Dictionary"].contains(base.baseName.text)
    }
    return false
  }

  /// A type written where an expression goes: a capitalised name, a collection type, `T?`.
  private static func spellsType(_ syntax: ExprSyntax) -> Bool {
    if let reference = syntax.as(DeclReferenceExprSyntax.self) {
      return reference.baseName.text.first?.isUppercase == true
    }
    if let optional = syntax.as(OptionalChainingExprSyntax.self) {
      return spellsType(optional.expression)
    }
    return spellsCollectionType(syntax)
  }
}
