import Foundation

/// A Markdown image `![alt](picture.png)` in the prose, embedded in the report as a data URI
/// so the report stays one self-contained file.
///
/// Only PNG, JPEG, GIF, WebP and SVG files inside the notebook's folder are embedded; an SVG is
/// shown through `<img>`, where browsers never run its scripts.
package enum ProseImage {
  /// Larger images are not embedded: the report must stay small enough to mail and open fast.
  package static let sizeLimit = 1_000_000

  private static let mediaTypes = [
    "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif",
    "webp": "image/webp", "svg": "image/svg+xml",
  ]

  /// The image's `data:` URI, or why it cannot be embedded (a sentence saying what to do).
  /// - Parameter url: the destination as cmark gives it (percent-encoded).
  package static func dataURI(for url: String, notebookPath: String) -> Result<String, ImageProblem>
  {
    let lowered = url.lowercased()
    if lowered.hasPrefix("data:") {
      let isImage = mediaTypes.values.contains { lowered.hasPrefix("data:\($0);") }
      return isImage
        ? .success(url)
        : .failure(ImageProblem("image data URI is not a PNG, JPEG, GIF, WebP or SVG image"))
    }
    if lowered.contains("://") || lowered.hasPrefix("//") {
      return .failure(
        ImageProblem(
          "image '\(url)' is remote; the report is self-contained, so download it next to the notebook and link it by its file name"
        ))
    }
    let relative = url.removingPercentEncoding ?? url
    guard !relative.hasPrefix("/") else {
      return .failure(
        ImageProblem(
          "image '\(relative)' is an absolute path; put the image in the notebook's folder and link it relative to the notebook"
        ))
    }
    let folder = URL(fileURLWithPath: notebookPath).deletingLastPathComponent()
      .resolvingSymlinksInPath().standardizedFileURL
    let file = folder.appendingPathComponent(relative).resolvingSymlinksInPath()
      .standardizedFileURL
    guard file.path.hasPrefix(folder.path.hasSuffix("/") ? folder.path : folder.path + "/") else {
      return .failure(
        ImageProblem(
          "image '\(relative)' is outside the notebook's folder; only images in the folder (or below it) are embedded"
        ))
    }
    let fileExtension = file.pathExtension.lowercased()
    guard let mediaType = mediaTypes[fileExtension] else {
      return .failure(
        ImageProblem(
          "image '\(relative)' is not a PNG, JPEG, GIF, WebP or SVG file; convert it to one of those"
        ))
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
      return .failure(
        ImageProblem("image '\(relative)' does not exist next to the notebook; check its path"))
    }
    guard data.count <= sizeLimit else {
      let megabytes = String(format: "%.1f", Double(data.count) / 1_000_000)
      return .failure(
        ImageProblem(
          "image '\(relative)' is \(megabytes) MB; images over \(sizeLimit / 1_000_000) MB are not embedded, so shrink or compress it"
        ))
    }
    return .success("data:\(mediaType);base64,\(data.base64EncodedString())")
  }
}

/// Why an image is not embedded.
package struct ImageProblem: Error, Hashable, Sendable {
  package var message: String

  package init(_ message: String) {
    self.message = message
  }
}
