/// The outer `<svg>` every chart shares: size, accessibility, and the style sheet that makes
/// text, axes and gridlines follow light and dark mode.
///
/// Text, axes and gridlines are drawn in `currentColor`; the style sheet sets that colour for
/// light mode and, under `prefers-color-scheme: dark`, for dark mode. Those rules sit inside
/// `:where()`, so they have no specificity: a page with its own theme (or one that is always
/// light) overrides them with any rule such as `.nudge-plot { color: inherit }`.
struct ChartDocument {
  var width: Double
  var height: Double
  var title: String
  var description: String
  /// Markup of the chart's contents. Ids inside it start with `ChartDocument.idPlaceholder`,
  /// which is replaced by an id derived from the chart's content, so several charts can share
  /// one HTML page without their ids colliding.
  var body: String

  static let idPlaceholder = "@ID@"

  static let styleSheet = """
    :where(svg.nudge-plot){color:#1f2328;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:12px}\
    @media (prefers-color-scheme:dark){:where(svg.nudge-plot){color:#e6e6e6}}\
    .nudge-plot text{fill:currentColor}\
    .nudge-plot .np-title{font-size:15px;font-weight:600}\
    .nudge-plot .np-axis-title{font-size:12px;font-weight:500}\
    .nudge-plot .np-tick{font-size:11px;fill-opacity:.8}\
    .nudge-plot .np-small{font-size:10px}\
    .nudge-plot .np-note{font-size:11px;font-style:italic;fill-opacity:.85}\
    .nudge-plot .np-grid{stroke:currentColor;stroke-opacity:.13;stroke-width:1}\
    .nudge-plot .np-axis{stroke:currentColor;stroke-opacity:.55;stroke-width:1}\
    .nudge-plot .np-ref{stroke:currentColor;stroke-opacity:.55;stroke-width:1.2;stroke-dasharray:5 4;fill:none}\
    .nudge-plot .np-frame{fill:none;stroke:currentColor;stroke-opacity:.3}\
    .nudge-plot .np-strong{font-weight:700}\
    .nudge-plot image{image-rendering:pixelated}
    """

  func svg() -> String {
    let id = "np-" + ContentHash.hex(of: title + "\u{0}" + description + "\u{0}" + body)
    let contents = body.replacingAll(Self.idPlaceholder, with: id)
    return """
      <svg xmlns="http://www.w3.org/2000/svg" class="nudge-plot" viewBox="0 0 \(width.svg) \(height.svg)" \
      width="100%" style="height:auto;max-width:\((width * 1.5).svg)px" role="img" \
      aria-labelledby="\(id)-title \(id)-desc">\
      <title id="\(id)-title">\(title.htmlEscaped)</title>\
      <desc id="\(id)-desc">\(description.htmlEscaped)</desc>\
      <style>\(Self.styleSheet)</style>\
      \(contents)</svg>
      """
  }
}

/// A short, stable hash of text (64-bit FNV-1a), for ids that are the same on every run.
enum ContentHash {
  static func hex(of text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x100_0000_01b3
    }
    return String(String(hash, radix: 16).suffix(10))
  }
}

extension String {
  /// Every occurrence of `target` replaced, without Foundation.
  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty, contains(target) else { return self }
    return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
