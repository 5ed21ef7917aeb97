import Notebook
import Plot

/// Facts about a run shown in the report's header, all optional and all supplied by the caller:
/// the report formats them but computes none of them.
package struct RunSummary: Hashable, Sendable {
  package var status: RunStatus?
  /// When the run happened, already formatted for people (e.g. "2026-11-29 06:50 UTC").
  package var date: String?
  /// The param values the run used; those differing from the front matter are marked.
  /// `nil` shows the notebook's defaults.
  package var params: [Param]?
  /// Further label/value pairs, e.g. ("run", "20261129-065012"), ("engine", "nudge 0.1").
  package var details: [Detail]

  package struct Detail: Hashable, Sendable {
    package var label: String
    package var value: String
    package init(_ label: String, _ value: String) {
      self.label = label
      self.value = value
    }
  }

  package init(
    status: RunStatus? = nil, date: String? = nil, params: [Param]? = nil, details: [Detail] = []
  ) {
    self.status = status
    self.date = date
    self.params = params
    self.details = details
  }
}

/// How the report treats what the notebook's author wrote.
package struct ReportOptions: Hashable, Sendable {
  /// Pass raw HTML in the Markdown through. Off by default: a notebook from elsewhere must not be
  /// able to inject script, so raw HTML is shown escaped, as text.
  package var unsafeHTML: Bool
  /// The inline scripts the page may run, as Content-Security-Policy sources
  /// (`'sha256-<base64>'`); none by default, so even passed-through HTML runs no script.
  package var allowedScripts: [String]

  package init(unsafeHTML: Bool = false, allowedScripts: [String] = []) {
    self.unsafeHTML = unsafeHTML
    self.allowedScripts = allowedScripts
  }
}
