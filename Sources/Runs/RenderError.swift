import Notebook

/// Why a render could not produce a run, with what went wrong, where and why.
///
/// A render that runs and fails a cell is not an error: it returns a `RenderedRun` whose status
/// is `failed`. These are the problems found before or after the cells run.
package struct RenderError: Error, CustomStringConvertible, Sendable {
  package enum Kind: String, Sendable {
    /// The static check found errors in the cells; nothing was run.
    case notebookHasErrors
    /// A `-p` names no param, or its value is not of the param's type.
    case badParam
    /// The notebook cannot be read again for the record's digest.
    case cannotRead
    /// The output folder is not a folder, or a run folder or file cannot be written.
    case cannotWrite
  }

  package var kind: Kind
  /// The file or folder concerned (the notebook for check errors and params, `-p` for a
  /// malformed command-line assignment).
  package var location: String
  /// The explanation, said for the person who has to fix it.
  package var reason: String
  /// The check's findings, for `notebookHasErrors`.
  package var diagnostics: [Diagnostic]

  package init(_ kind: Kind, location: String, reason: String, diagnostics: [Diagnostic] = []) {
    self.kind = kind
    self.location = location
    self.reason = reason
    self.diagnostics = diagnostics
  }

  package var description: String { reason }
}
