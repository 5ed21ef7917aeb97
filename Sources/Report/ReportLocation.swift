/// Where reports land: `DIR/<notebook name>.html`, e.g. `output/backprop.html`.
package enum ReportLocation {
  package static func path(forNotebook notebookPath: String, in directory: String) -> String {
    let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
    return "\(folder.isEmpty ? "." : folder)/\(HTMLReport.stem(of: notebookPath)).html"
  }
}
