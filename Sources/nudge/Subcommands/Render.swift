import ArgumentParser
import Notebook
import Report

extension Nudge {
  /// `nudge render NOTEBOOK.md [-o DIR]`: the notebook as one self-contained HTML page.
  struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Render a notebook to a self-contained HTML report.",
      discussion: "Writes DIR/<name>.html (default output/<name>.html) and prints its path.")

    @Argument(help: "The Markdown notebook to render.")
    var notebook: String

    @Option(
      name: [.customShort("o"), .customLong("output")], help: "The folder to write the report into."
    )
    var outputDirectory = "output"

    @Flag(
      help:
        "Pass raw HTML in the notebook through instead of escaping it (only for notebooks you trust)."
    )
    var unsafeHTML = false

    func run() throws {
      let document = try loadNotebook(notebook)
      // Cells are shown as source until the interpreter arrives: no results yet.
      let results: [Int: CellResult] = [:]
      let page = HTMLReport(
        document: document, results: results, options: ReportOptions(unsafeHTML: unsafeHTML)
      ).html()
      let reportPath = ReportLocation.path(forNotebook: notebook, in: outputDirectory)
      try writeOrExit(page, to: reportPath)
      print("Wrote \(reportPath)")
    }
  }
}
