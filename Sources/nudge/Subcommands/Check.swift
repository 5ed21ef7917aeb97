import ArgumentParser
import Notebook

extension Nudge {
  /// `nudge check NOTEBOOK.md`: parse the notebook and report problems without running it.
  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check a notebook (front matter, cells and their options) without running it.")

    @Argument(help: "The Markdown notebook to check.")
    var notebook: String

    func run() throws {
      let document = try loadNotebook(notebook)
      let cells = document.cells.count
      let params = document.params.count
      print(
        "\(notebook): ok (\(cells) cell\(cells == 1 ? "" : "s"), \(params) param\(params == 1 ? "" : "s"))"
      )
    }
  }
}
