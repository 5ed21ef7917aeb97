import Foundation

/// What a request asks for, decided from its raw target before anything is looked up: the
/// preview serves the page and the live endpoint, and nothing from the file system by path.
package enum RequestTarget: Equatable, Sendable {
  case page
  case live
  /// A path with `..`, an absolute path or URL, a backslash or a NUL: refused outright.
  case refused(String)
  case notFound

  /// - Parameters:
  ///   - target: the request line's target as sent (path and query, percent-encoded).
  ///   - reportName: the report's file name (`backprop.html`), also served as the page.
  package init(target: String, reportName: String) {
    let path = String(target.prefix { $0 != "?" && $0 != "#" })
    let decoded = path.removingPercentEncoding ?? path
    if !path.hasPrefix("/") || path.hasPrefix("//") {
      self = .refused("absolute paths and URLs are not served")
    } else if decoded.contains("\\") || decoded.contains("\0") {
      self = .refused("backslashes and NUL are not allowed in paths")
    } else if decoded.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
      self = .refused("paths with '..' are not served")
    } else {
      switch decoded {
      case "/", "/index.html", "/\(reportName)": self = .page
      case "/live": self = .live
      default: self = .notFound
      }
    }
  }
}
