import Testing

@testable import Notebook

@Suite("Parsing notebooks")
struct NotebookParserTests {
  static let sample = """
    ---
    title: Backprop
    params:
      epochs: 3
      rate: 0.1
      verbose: false
      dataset: mnist
    ---

    # Intro

    Some *prose*.

    ```swift
    //| name: setup
    //| echo: false
    let x = 60_000
    print(x)
    ```

    ```python
    not_a_cell()
    ```

    - a list
      ```swift
      let example = 1
      ```

    Done.

      ~~~swift  extra info
      let y = 2
      ~~~
    """

  @Test func frontMatterGivesTitleAndTypedParamsInOrder() throws {
    let document = try Document(parsing: Self.sample, path: "nb.md")
    #expect(document.title == "Backprop")
    #expect(document.params.map(\.name) == ["epochs", "rate", "verbose", "dataset"])
    #expect(
      document.params.map(\.value) == [.int(3), .double(0.1), .bool(false), .string("mnist")])
    #expect(document.params.map(\.line) == [4, 5, 6, 7])
  }

  @Test func topLevelSwiftFencesBecomeCellsWithExactPositions() throws {
    let document = try Document(parsing: Self.sample, path: "nb.md")
    let cells = document.cells
    #expect(cells.count == 2)
    let setup = try #require(cells.first)
    #expect(setup.index == 0)
    #expect(setup.id == "setup")
    #expect(setup.options == CellOptions(name: "setup", echo: false))
    #expect(setup.source == "let x = 60_000\nprint(x)")
    #expect(setup.fenceLine == 14)
    #expect(setup.sourceLine == 17)
    #expect(setup.sourceColumn == 1)

    let indented = try #require(cells.last)
    #expect(indented.index == 1)
    #expect(indented.id == "cell2")
    #expect(indented.source == "let y = 2")
    #expect(indented.fenceLine == 32)
    #expect(indented.sourceLine == 33)
    #expect(indented.sourceColumn == 3)
  }

  @Test func otherFencesAndNestedSwiftStayProse() throws {
    let document = try Document(parsing: Self.sample, path: "nb.md")
    let prose = document.blocks.compactMap { if case .prose(let p) = $0 { p } else { nil } }
    #expect(prose.count == 2)
    #expect(prose[0].line == 9)
    #expect(prose[0].markdown.hasPrefix("\n# Intro\n"))
    #expect(prose[1].markdown.contains("not_a_cell()"))
    #expect(prose[1].markdown.contains("let example = 1"))
    #expect(prose[1].line == 20)
  }

  @Test func blocksAlternateInFileOrder() throws {
    let document = try Document(parsing: Self.sample, path: "nb.md")
    let kinds = document.blocks.map { if case .cell = $0 { "cell" } else { "prose" } }
    #expect(kinds == ["prose", "cell", "prose", "cell"])
  }

  @Test func noFrontMatterMeansNoTitleAndBodyFromLineOne() throws {
    let document = try Document(parsing: "Hello\n\n```swift\n1 + 1\n```\n", path: "x.md")
    #expect(document.title == nil)
    #expect(document.params.isEmpty)
    #expect(document.cells.first?.fenceLine == 3)
    #expect(document.cells.first?.sourceLine == 4)
  }

  @Test func aLeadingThematicBreakIsNotFrontMatter() throws {
    let document = try Document(parsing: "---\nFoo\n---\nBar\n", path: "x.md")
    #expect(document.title == nil)
    guard case .prose(let prose) = try #require(document.blocks.first) else {
      Issue.record("expected prose")
      return
    }
    #expect(prose.markdown == "---\nFoo\n---\nBar\n")
  }

  @Test func emptyParamsAndCRLFLineEndingsAreAccepted() throws {
    let text =
      "---\r\ntitle: T\r\nparams:\r\n---\r\n```swift\r\n//| eval: false\r\nlet a = 1\r\n```\r\n"
    let document = try Document(parsing: text, path: "x.md")
    #expect(document.title == "T")
    #expect(document.params.isEmpty)
    #expect(document.cells.first?.options.eval == false)
    #expect(document.cells.first?.sourceLine == 7)
  }

  @Test func emptyNotebookHasNoBlocks() throws {
    let document = try Document(parsing: "", path: "empty.md")
    #expect(document.blocks.isEmpty)
    #expect(document.title == nil)
  }

  @Test func allCellOptionsAreRead() throws {
    let text = """
      ```swift
      //| name: train-1
      //|   eval: false
      //| echo: false
      //| error: true
      //| cache: false
      net.train()
      ```
      """
    let cell = try #require(try Document(parsing: text, path: "x.md").cells.first)
    #expect(
      cell.options
        == CellOptions(name: "train-1", eval: false, echo: false, error: true, cache: false))
    #expect(cell.source == "net.train()")
    #expect(cell.sourceLine == 7)
  }

  @Test func largeNotebookParses() throws {
    var text = "---\ntitle: Big\n---\n"
    let chunk =
      "## Section\n\nSome prose with *emphasis* and `code` and a [link](https://example.org).\n\n```swift\nlet x = 1\n```\n\n"
    while text.utf8.count < 5_000_000 { text += chunk }
    let document = try Document(parsing: text, path: "big.md")
    #expect(document.cells.count > 40_000)
    #expect(document.cells.last?.index == document.cells.count - 1)
  }
}
