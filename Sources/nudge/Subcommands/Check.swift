import ArgumentParser
import Directives
import Notebook

extension Nudge {
  /// `nudge check NOTEBOOK.md`: parse the notebook and check every directive without running it.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract:
        "Check a notebook (front matter, cells, directives, labels, types) without running it.")

    @Argument(help: "The Markdown notebook to check.")
    var notebook: String?

    @Flag(
      help: "Print the reference of every directive (Markdown, from the directive table) and exit.")
    var listDirectives = false

    func validate() throws {
      if notebook == nil && !listDirectives {
        throw ValidationError("Missing expected argument '<notebook>'")
      }
    }

    func run() throws {
      if listDirectives {
        say(DirectiveTable.standard.markdownReference)
        return
      }
      guard let notebook else { return }
      let document = try loadNotebook(notebook)
      try checkOrExit(document)
      let cells = document.cells.count
      let params = document.params.count
      say(
        "\(notebook): ok (\(cells) cell\(cells == 1 ? "" : "s"), \(params) param\(params == 1 ? "" : "s"))"
      )
    }
  }
}
