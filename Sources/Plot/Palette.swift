import Foundation

/// Colours, markers and dash patterns that tell series apart.
///
/// Series colours come from the Okabe-Ito palette (distinguishable with the common colour
/// vision deficiencies). Each series also gets its own marker shape and dash pattern, so colour
/// is never the only thing that tells two series apart.
package enum Palette {
  /// Okabe-Ito colours, ordered so the first series read well on light and dark backgrounds;
  /// yellow comes last as it is faint on white, and black is left out as it vanishes on dark.
  package static let okabeIto: [String] = [
    "#0072B2",  // blue
    "#E69F00",  // orange
    "#009E73",  // bluish green
    "#CC79A7",  // reddish purple
    "#D55E00",  // vermillion
    "#56B4E9",  // sky blue
    "#F0E442",  // yellow
  ]

  /// Colours with meaning: good and bad, up and down.
  package static let good = "#009E73"
  package static let bad = "#D55E00"
  package static let caution = "#E69F00"
}

/// The look of one series: colour, marker and dash pattern.
package struct SeriesStyle: Sendable, Equatable {
  package var color: String
  package var marker: Marker
  /// An SVG `stroke-dasharray`, or nil for a solid line.
  package var dash: String?

  package init(color: String, marker: Marker, dash: String? = nil) {
    self.color = color
    self.marker = marker
    self.dash = dash
  }

  /// For several runs overlaid, each with several series (train and test cost): the colour
  /// tells the run, the dash pattern and marker tell the series within it.
  package static func run(_ run: Int, series: Int) -> SeriesStyle {
    let byRun = automatic(run)
    let bySeries = automatic(series)
    return SeriesStyle(color: byRun.color, marker: bySeries.marker, dash: bySeries.dash)
  }

  /// The style of the series at `index`: colour, marker and dash all change together.
  package static func automatic(_ index: Int) -> SeriesStyle {
    let dashes: [String?] = [nil, "6 3", "2 2", "8 3 2 3", "1 3"]
    return SeriesStyle(
      color: Palette.okabeIto[index % Palette.okabeIto.count],
      marker: Marker.allCases[index % Marker.allCases.count],
      dash: dashes[index % dashes.count])
  }
}

/// Marker shapes for points.
package enum Marker: String, Sendable, CaseIterable {
  case circle, square, triangle, diamond, cross, plus

  /// SVG for the marker centred at (x, y) with the given radius.
  func draw(
    into svg: inout SVGBuilder, x: Double, y: Double, radius r: Double, color: String,
    hover: String? = nil
  ) {
    switch self {
    case .circle:
      svg.element(
        "circle", [("cx", x.svg), ("cy", y.svg), ("r", r.svg), ("fill", color)], hover: hover)
    case .square:
      let side = r * 1.7
      svg.element(
        "rect",
        [
          ("x", (x - side / 2).svg), ("y", (y - side / 2).svg), ("width", side.svg),
          ("height", side.svg), ("fill", color),
        ], hover: hover)
    case .triangle:
      let d =
        "M\(x.svg) \((y - r * 1.2).svg)L\((x + r * 1.1).svg) \((y + r * 0.8).svg)L\((x - r * 1.1).svg) \((y + r * 0.8).svg)Z"
      svg.element("path", [("d", d), ("fill", color)], hover: hover)
    case .diamond:
      let k = r * 1.3
      let d =
        "M\(x.svg) \((y - k).svg)L\((x + k).svg) \(y.svg)L\(x.svg) \((y + k).svg)L\((x - k).svg) \(y.svg)Z"
      svg.element("path", [("d", d), ("fill", color)], hover: hover)
    case .cross, .plus:
      let k = r * 1.1
      let d =
        self == .cross
        ? "M\((x - k).svg) \((y - k).svg)L\((x + k).svg) \((y + k).svg)M\((x - k).svg) \((y + k).svg)L\((x + k).svg) \((y - k).svg)"
        : "M\((x - k * 1.2).svg) \(y.svg)H\((x + k * 1.2).svg)M\(x.svg) \((y - k * 1.2).svg)V\((y + k * 1.2).svg)"
      svg.element(
        "path", [("d", d), ("stroke", color), ("stroke-width", "2"), ("fill", "none")], hover: hover
      )
    }
  }
}

/// A red-green-blue colour.
package struct RGB: Sendable, Equatable {
  package var red: Double
  package var green: Double
  package var blue: Double

  package init(_ red: Double, _ green: Double, _ blue: Double) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  init(hex: UInt32) {
    self.init(
      Double((hex >> 16) & 0xFF) / 255, Double((hex >> 8) & 0xFF) / 255, Double(hex & 0xFF) / 255)
  }

  package var hex: String {
    let digits = Array("0123456789abcdef")
    var text = "#"
    for channel in bytes {
      text.append(digits[Int(channel >> 4)])
      text.append(digits[Int(channel & 0xF)])
    }
    return text
  }

  /// The channels as bytes, for PNG pixels.
  var bytes: [UInt8] {
    [red, green, blue].map { UInt8(max(0, min(255, ($0 * 255).rounded()))) }
  }

  /// Relative luminance (WCAG), to choose black or white text on top of this colour.
  var luminance: Double {
    func linear(_ c: Double) -> Double {
      c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// Black or white, whichever reads better on this colour.
  var textColor: String {
    luminance > 0.2 ? "#111111" : "#ffffff"
  }

  func mixed(with other: RGB, _ t: Double) -> RGB {
    RGB(
      red + (other.red - red) * t, green + (other.green - green) * t, blue + (other.blue - blue) * t
    )
  }
}

/// A colour for each number in a range.
package enum ColorMap: Sendable, Equatable {
  /// Viridis (perceptually uniform, readable in greyscale and with colour vision deficiencies)
  /// from dark purple at the lower limit to yellow at the upper one.
  case sequential
  /// Blue for negative, near-white at zero, vermillion-red for positive (colour-blind-safe
  /// RdBu-like); the limits are symmetric around zero.
  case diverging
  /// White paper to black ink, for digit images.
  case ink

  /// The colour of `t` in 0...1 along the map (for `.diverging`, 0.5 is zero).
  package func color(at t: Double) -> RGB {
    let t = t.isFinite ? max(0, min(1, t)) : 0.5
    let stops: [UInt32]
    switch self {
    case .sequential:
      stops = [
        0x440154, 0x482878, 0x3E4A89, 0x31688E, 0x26828E, 0x1F9E89, 0x35B779, 0x6DCD59, 0xB4DE2C,
        0xFDE725,
      ]
    case .diverging:
      stops = [
        0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7, 0xF4A582, 0xD6604D,
        0xB2182B, 0x67001F,
      ]
    case .ink:
      stops = [0xFFFFFF, 0x000000]
    }
    let position = t * Double(stops.count - 1)
    let index = min(stops.count - 2, Int(position))
    return RGB(hex: stops[index]).mixed(with: RGB(hex: stops[index + 1]), position - Double(index))
  }
}
