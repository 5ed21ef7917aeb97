import Foundation
import Report

extension RenderPipeline {
  /// The same render without a record: the cells run through the cache and the report comes
  /// back as text, with nothing written but cache entries. The live preview renders on every
  /// save; recording each would bury the runs a user made on purpose.
  package static func renderUnrecorded(
    _ request: RenderRequest, events: RenderEvents = RenderEvents()
  ) throws(RenderError) -> (html: String, outcome: RunOutcome) {
    let session = try checkedSession(for: request, events: events)
    let startedAt = Date()
    let outcome = run(request, session: session, events: events)
    let html = reportHTML(
      request, outcome: outcome, params: session.params, startedAt: startedAt,
      details: [RunSummary.Detail("preview", "not recorded")])
    return (html, outcome)
  }
}
