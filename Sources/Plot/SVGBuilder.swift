/// Accumulates SVG markup as text.
///
/// Every attribute value and text run passes through `escaped`, so titles, legend names and
/// hover text that contain `<`, `&` or quotes keep the document well-formed.
struct SVGBuilder {
  private(set) var markup = ""

  mutating func raw(_ text: String) {
    markup += text
  }

  /// An element with attributes and optional escaped text, or an optional hover title.
  mutating func element(
    _ name: String, _ attributes: [(String, String)], text: String? = nil, hover: String? = nil
  ) {
    markup += "<" + name
    for (key, value) in attributes {
      markup += " \(key)=\"\(value.htmlEscaped)\""
    }
    if text == nil && hover == nil {
      markup += "/>"
      return
    }
    markup += ">"
    if let hover { markup += "<title>\(hover.htmlEscaped)</title>" }
    if let text { markup += text.htmlEscaped }
    markup += "</\(name)>"
  }

  mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
    markup += "<" + name
    for (key, value) in attributes {
      markup += " \(key)=\"\(value.htmlEscaped)\""
    }
    markup += ">"
  }

  mutating func close(_ name: String) {
    markup += "</\(name)>"
  }

  mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, cssClass: String) {
    element(
      "line", [("x1", x1.svg), ("y1", y1.svg), ("x2", x2.svg), ("y2", y2.svg), ("class", cssClass)])
  }

  /// Text at a point; `anchor` is `start`, `middle` or `end`.
  mutating func text(
    _ content: String, x: Double, y: Double, anchor: String = "start", cssClass: String? = nil,
    extra: [(String, String)] = []
  ) {
    var attributes = [("x", x.svg), ("y", y.svg)]
    if anchor != "start" { attributes.append(("text-anchor", anchor)) }
    if let cssClass { attributes.append(("class", cssClass)) }
    element("text", attributes + extra, text: content)
  }
}

extension Double {
  /// A coordinate rounded to a tenth of a unit: precise enough on screen and short in the file.
  /// Coordinates far outside any chart (from values a scale cannot place) are clamped, so
  /// the conversion to an integer never overflows.
  var svg: String {
    guard isFinite else { return "0" }
    let tenths = Int((Swift.max(-1e9, Swift.min(1e9, self)) * 10).rounded())
    let whole = tenths / 10
    let fraction = abs(tenths % 10)
    let sign = tenths < 0 && whole == 0 ? "-" : ""
    return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
  }
}
