import Foundation
import Testing

@testable import Plot

/// The lesson's figures together: small enough for a report under 1.5 MB, and, when
/// `NUDGE_PLOT_GALLERY` names a file, written there as an HTML page to look at in a browser.
@Suite struct GalleryTests {
  @Test func lessonFiguresTogetherStaySmall() throws {
    let charts = SampleCharts.all
    let bytes = charts.reduce(0) { $0 + $1.svg.utf8.count }
    // The whole report (prose, tables, these figures) must stay under 1.5 MB; the figures
    // get well under half of it.
    #expect(bytes < 600_000, "the sample figures take \(bytes) bytes")
    for chart in charts {
      #expect(chart.svg.utf8.count < 200_000, "\(chart.name) takes \(chart.svg.utf8.count) bytes")
      #expect(
        !chart.svg.contains("http://")
          || !chart.svg.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "").contains(
            "http"),
        "\(chart.name) refers to an external URL")
    }
    if let path = ProcessInfo.processInfo.environment["NUDGE_PLOT_GALLERY"] {
      try html(charts + SampleCharts.awkward).write(toFile: path, atomically: true, encoding: .utf8)
    }
  }

  private func html(_ charts: [(name: String, svg: String)]) -> String {
    var page = """
      <!doctype html><html><head><meta charset="utf-8"><title>Plot gallery</title>
      <style>body{font-family:system-ui,sans-serif;max-width:900px;margin:1em auto;background:#fff;color:#1f2328}
      @media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6e6e6}}
      figure{margin:0 0 2em 0}figcaption{font-size:12px;opacity:.7}</style></head><body>
      """
    for chart in charts {
      page +=
        "<figure>\(chart.svg)<figcaption>\(chart.name) (\(chart.svg.utf8.count) bytes)</figcaption></figure>\n"
    }
    return page + "</body></html>\n"
  }
}
