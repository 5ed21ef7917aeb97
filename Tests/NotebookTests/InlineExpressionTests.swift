import Testing

@testable import Notebook

@Suite("Inline expressions in prose")
struct InlineExpressionTests {
  @Test func expressionsAreFoundWithTheirPlaceAndTheCellsBeforeThem() throws {
    let text = """
      Before: `{swift} 1 + 1`.

      ```swift
      let accuracy = 0.97
      ```

      Accuracy is `{swift}  accuracy * 100 `%, not `swift x` or `{swift}x`.

          `{swift} in code block`
      """
    let expressions = try Document(parsing: text, path: "n.md").inlineExpressions
    #expect(expressions.map(\.expression) == ["1 + 1", "accuracy * 100"])
    #expect(expressions.map(\.index) == [0, 1])
    #expect(expressions.map(\.cellsBefore) == [0, 1])
    #expect(expressions.map(\.line) == [1, 7])
    #expect(expressions.map(\.column) == [18, 23])
  }
}
