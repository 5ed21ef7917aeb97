/// One small picture in an `ImageGrid`: a digit or one neuron's incoming weights.
package struct ImageTile: Sendable {
  /// Row-major values, `imageWidth × imageHeight` of them, top row first.
  package var pixels: [Double]
  package var caption: String
  /// Marked with a dashed vermillion frame and a ✗ (e.g. a wrong guess).
  package var isFlagged: Bool
  package var hover: String?

  package init(
    pixels: [Double], caption: String = "", isFlagged: Bool = false, hover: String? = nil
  ) {
    self.pixels = pixels
    self.caption = caption
    self.isFlagged = isFlagged
    self.hover = hover
  }
}

/// Small pictures in a grid with captions, all pixels in ONE embedded PNG: digits with their
/// labels and the network's guesses, or first-layer weights as 28×28 images.
///
/// ```swift
/// ImageGrid.digits(title: "Test digits", images: images, labels: labels, guesses: guesses).svg()
/// ImageGrid.weights(title: "Layer 1 weights", images: rows, width: 28, height: 28).svg()
/// ```
package struct ImageGrid: Sendable {
  package var title: String
  package var tiles: [ImageTile]
  package var imageWidth: Int
  package var imageHeight: Int
  package var columns: Int
  /// `.ink` for digits (0 white paper, 1 black ink), `.diverging` for weights.
  package var colorMap: ColorMap
  /// The values at the two ends of the colour map; nil: 0...1, or ±(largest magnitude) for
  /// `.diverging`, shared by all tiles so they can be compared.
  package var range: ClosedRange<Double>?
  /// Title of a colour bar beside the grid; nil draws none.
  package var colorScaleTitle: String?
  /// How to read the captions, written under the grid and in the description.
  package var legendNote: String?
  /// A sentence about the content for the description (e.g. how many guesses were right).
  package var summary: String?
  /// The size of one tile in SVG units.
  package var tileSize: Double

  package init(
    title: String, tiles: [ImageTile], imageWidth: Int, imageHeight: Int, columns: Int = 8,
    colorMap: ColorMap = .ink, range: ClosedRange<Double>? = nil, colorScaleTitle: String? = nil,
    legendNote: String? = nil, summary: String? = nil, tileSize: Double = 56
  ) {
    self.title = title
    self.tiles = tiles
    self.imageWidth = imageWidth
    self.imageHeight = imageHeight
    self.columns = columns
    self.colorMap = colorMap
    self.range = range
    self.colorScaleTitle = colorScaleTitle
    self.legendNote = legendNote
    self.summary = summary
    self.tileSize = tileSize
  }

  /// Digits with their labels and, if given, the network's guesses; wrong guesses are
  /// flagged. Pixel values run from 0 (paper) to 1 (ink).
  package static func digits(
    title: String, images: [[Double]], labels: [Int], guesses: [Int]? = nil, width: Int = 28,
    height: Int = 28, columns: Int = 8
  ) -> ImageGrid {
    var tiles: [ImageTile] = []
    var wrong: [String] = []
    for (index, image) in images.enumerated() {
      let label = index < labels.count ? String(labels[index]) : "?"
      guard let guesses, index < guesses.count else {
        tiles.append(
          ImageTile(pixels: image, caption: label, hover: "image \(index + 1): label \(label)"))
        continue
      }
      let guess = String(guesses[index])
      let isWrong = guess != label
      if isWrong { wrong.append("image \(index + 1), a \(label), guessed \(guess)") }
      tiles.append(
        ImageTile(
          pixels: image, caption: isWrong ? "✗ \(label) → \(guess)" : "\(label) → \(guess)",
          isFlagged: isWrong,
          hover: "image \(index + 1): label \(label), guess \(guess)\(isWrong ? " (wrong)" : "")"))
    }
    let labelList =
      "Labels: " + labels.prefix(images.count).map(String.init).joined(separator: ", ") + "."
    var summary = labelList
    var note: String?
    if let guesses {
      let judged = min(images.count, guesses.count, labels.count)
      summary += " The network guessed \(judged - wrong.count) of \(judged) right"
      summary += wrong.isEmpty ? "." : "; wrong: " + wrong.joined(separator: "; ") + "."
      note = "Caption: label → guess. ✗ and a dashed frame mark a wrong guess."
    }
    return ImageGrid(
      title: title, tiles: tiles, imageWidth: width, imageHeight: height, columns: columns,
      colorMap: .ink,
      range: 0...1, legendNote: note, summary: summary)
  }

  /// Each row of `images` (e.g. one first-layer neuron's 784 incoming weights) as a
  /// `width × height` picture on a diverging palette, with a shared colour bar.
  package static func weights(
    title: String, images: [[Double]], width: Int = 28, height: Int = 28, columns: Int = 8,
    captionPrefix: String = "neuron"
  ) -> ImageGrid {
    let tiles = images.enumerated().map { index, pixels in
      let finite = pixels.filter(\.isFinite)
      return ImageTile(
        pixels: pixels, caption: "\(captionPrefix) \(index + 1)",
        hover:
          "\(captionPrefix) \(index + 1): from \(NumberText.summary(finite.min() ?? .nan)) to \(NumberText.summary(finite.max() ?? .nan))"
      )
    }
    return ImageGrid(
      title: title, tiles: tiles, imageWidth: width, imageHeight: height, columns: columns,
      colorMap: .diverging, colorScaleTitle: "value",
      legendNote: "Blue: negative, white: zero, red: positive (one scale for all tiles).")
  }

  private var gap: Double { 10 }
  /// Tiles keep the images' aspect ratio.
  private var tileHeight: Double {
    imageWidth > 0 ? tileSize * Double(max(imageHeight, 0)) / Double(imageWidth) : tileSize
  }
  private var captionHeight: Double { tiles.contains { !$0.caption.isEmpty } ? 16 : 0 }
  private var columnCount: Int { max(1, min(columns, tiles.count)) }
  private var rowCount: Int { (tiles.count + columnCount - 1) / columnCount }

  /// The chart's size follows from the number of tiles.
  private var size: ChartSize {
    let gridWidth = Double(columnCount) * (tileSize + gap) - gap
    let extra = colorScaleTitle == nil ? 0 : ColorScale.reservedWidth
    let gridHeight = Double(rowCount) * (tileHeight + captionHeight + gap)
    // Wide enough for the title and the notes too, which SVG does not wrap.
    let widestText = ([textWidth(title, fontSize: 15)] + notes.map { textWidth($0) }).max() ?? 0
    return ChartSize(
      width: max(300, 24 + gridWidth + extra, 24 + widestText),
      height: 40 + max(gridHeight, 60) + footerHeight)
  }

  private var notes: [String] {
    var notes = [legendNote].compactMap { $0 }
    var omissions = Omissions()
    for tile in tiles { for value in tile.pixels { _ = omissions.admit(value) } }
    let missing = tiles.reduce(0) { $0 + max(0, imageWidth * imageHeight - $1.pixels.count) }
    if let sentence = omissions.sentence {
      notes.append(sentence + " Drawn as the middle of the colour scale.")
    }
    if missing > 0 {
      notes.append("\(counted(missing, "pixel")) missing, drawn as the middle of the colour scale.")
    }
    if range == nil && colorMap == .diverging {
      let limit = valueRange.upperBound
      let beyond = tiles.reduce(0) {
        $0 + $1.pixels.filter { $0.isFinite && abs($0) > limit }.count
      }
      if beyond > 0 {
        notes.append(
          "\(counted(beyond, "value")) beyond ±\(NumberText.summary(limit)) drawn in the colours at the ends of the scale."
        )
      }
    }
    return notes
  }

  private var footerHeight: Double { Double(notes.count) * 14 + 10 }

  /// The given range; for `.diverging`, ± the 99.5th percentile of the magnitudes, so a few
  /// outlying weights do not wash out every tile (values beyond it saturate, and a note says
  /// how many); otherwise the values' extent.
  private var valueRange: ClosedRange<Double> {
    if let range, range.upperBound > range.lowerBound { return range }
    let finite = tiles.flatMap { $0.pixels.filter(\.isFinite) }
    if colorMap == .diverging {
      let magnitudes = finite.map(abs).sorted()
      let limit = HistogramBins.percentile(magnitudes, 99.5)
      return limit > 0 ? -limit...limit : -1...1
    }
    let low = finite.min() ?? 0
    let high = finite.max() ?? 1
    return high > low ? low...high : low...(low + 1)
  }

  package func svg() -> String {
    let size = size
    let chrome = ChartChrome(size: size, title: title, legend: [], notes: notes)
    var svg = SVGBuilder()
    chrome.drawHeader(into: &svg)
    let top = 40.0
    if tiles.isEmpty || imageWidth <= 0 || imageHeight <= 0 {
      chrome.drawMessage(
        "No images", in: PlotArea(left: 12, top: top, width: size.width - 24, height: 60),
        into: &svg)
    } else {
      drawTiles(top: top, into: &svg)
    }
    if let colorScaleTitle, !tiles.isEmpty {
      let range = valueRange
      let gridWidth = Double(columnCount) * (tileSize + gap) - gap
      ColorScale(
        map: colorMap, lower: range.lowerBound, upper: range.upperBound, title: colorScaleTitle
      )
      .draw(
        x: 12 + gridWidth + 16, top: top + 14,
        bottom: top
          + max(tileHeight, min(200, Double(rowCount) * (tileHeight + captionHeight + gap) - gap)),
        into: &svg)
    }
    chrome.drawNotes(into: &svg)
    return ChartDocument(
      width: size.width, height: size.height, title: title, description: description,
      body: svg.markup
    ).svg()
  }

  private func drawTiles(top: Double, into svg: inout SVGBuilder) {
    let sheetID = ChartDocument.idPlaceholder + "-sheet"
    let sheet = spriteSheet()
    guard let uri = try? sheet.dataURI() else {
      svg.text("The images could not be encoded.", x: 12, y: top + 20, cssClass: "np-note")
      return
    }
    svg.open("defs")
    svg.element(
      "image",
      [
        ("id", sheetID), ("width", String(sheet.width)), ("height", String(sheet.height)),
        ("style", "image-rendering:pixelated"), ("href", uri),
      ])
    svg.close("defs")
    for (index, tile) in tiles.enumerated() {
      let column = index % columnCount
      let row = index / columnCount
      let x = 12 + Double(column) * (tileSize + gap)
      let y = top + Double(row) * (tileHeight + captionHeight + gap)
      let (sheetX, sheetY) = (column * (imageWidth + 1), row * (imageHeight + 1))
      // A nested viewport showing one tile of the shared sheet.
      svg.open(
        "svg",
        [
          ("x", x.svg), ("y", y.svg), ("width", tileSize.svg), ("height", tileHeight.svg),
          ("viewBox", "\(sheetX) \(sheetY) \(imageWidth) \(imageHeight)"),
        ])
      if let hover = tile.hover { svg.element("title", [], text: hover) }
      svg.element("use", [("href", "#" + sheetID)])
      svg.close("svg")
      var frame = [
        ("x", x.svg), ("y", y.svg), ("width", tileSize.svg), ("height", tileHeight.svg),
        ("fill", "none"),
      ]
      frame +=
        tile.isFlagged
        ? [("stroke", Palette.bad), ("stroke-width", "3"), ("stroke-dasharray", "5 3")]
        : [("class", "np-frame")]
      svg.element("rect", frame)
      if !tile.caption.isEmpty {
        svg.text(
          tile.caption, x: x + tileSize / 2, y: y + tileHeight + 13, anchor: "middle",
          cssClass: tile.isFlagged ? "np-small np-strong" : "np-small")
      }
    }
  }

  /// All tiles in one picture, laid out like the grid with one pixel between tiles.
  func spriteSheet() -> PNGImage {
    let range = valueRange
    let grayscale = colorMap == .ink
    let channels = grayscale ? 1 : 3
    let width = columnCount * (imageWidth + 1)
    let height = rowCount * (imageHeight + 1)
    let background = colorMap.color(at: colorMap == .diverging ? 0.5 : 0).bytes
    var pixels = [UInt8](repeating: 0, count: width * height * channels)
    for offset in 0..<(width * height) {
      for channel in 0..<channels { pixels[offset * channels + channel] = background[channel] }
    }
    let span = range.upperBound - range.lowerBound
    for (index, tile) in tiles.enumerated() {
      let originX = (index % columnCount) * (imageWidth + 1)
      let originY = (index / columnCount) * (imageHeight + 1)
      for row in 0..<imageHeight {
        for column in 0..<imageWidth {
          let source = row * imageWidth + column
          let value = source < tile.pixels.count ? tile.pixels[source] : .nan
          let color = colorMap.color(at: value.isFinite ? (value - range.lowerBound) / span : .nan)
            .bytes
          let target = ((originY + row) * width + originX + column) * channels
          for channel in 0..<channels { pixels[target + channel] = color[channel] }
        }
      }
    }
    return PNGImage(
      width: width, height: height, colorType: grayscale ? .gray : .rgb, pixels: pixels)
  }

  private var description: String {
    var sentences = ["\(counted(tiles.count, "image")) of \(imageWidth)×\(imageHeight) pixels."]
    if tiles.isEmpty { sentences.append("No data.") }
    if let summary { sentences.append(summary) }
    if colorMap == .diverging || colorScaleTitle != nil {
      let range = valueRange
      sentences.append(
        "Colour scale from \(NumberText.spoken(range.lowerBound)) to \(NumberText.spoken(range.upperBound))."
      )
    }
    return (sentences + notes).joined(separator: " ")
  }
}
