import Plot
import Report

/// The page served when the notebook cannot be rendered at all (it does not parse, or a static
/// check fails): the diagnostics as a compiler prints them, `file:line:col` first.
package enum ProblemPage {
  package static func html(notebookPath: String, headline: String, diagnostics: [String]) -> String
  {
    var page =
      HTMLReport.documentStart + """
        <title>\(headline.htmlEscaped) \u{2014} \(notebookPath.htmlEscaped)</title>
        <style>
        \(Stylesheet.css)</style>
        </head>
        <body>
        <div class="page no-toc">
        <main>
        <article class="problems">
        <h1>\(headline.htmlEscaped)</h1>

        """
    for diagnostic in diagnostics {
      let lines = diagnostic.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
      page += "<div class=\"out-error\"><p>\(lines[0].htmlEscaped)</p>"
      if lines.count > 1 { page += "<pre>\(lines[1].htmlEscaped)</pre>" }
      page += "</div>\n"
    }
    page += """
      <p>Fix the notebook and save it: the report comes back here by itself.</p>
      </article>
      </main>
      </div>
      </body>
      </html>

      """
    return page
  }
}
