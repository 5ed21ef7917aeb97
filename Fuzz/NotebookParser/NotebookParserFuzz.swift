import Notebook
import Report

/// libFuzzer entry: any bytes as a notebook's text, through the parser (front matter, cmark,
/// cells, options) and the report's prose rendering. Diagnostics are fine; crashes, hangs and
/// leaks are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotebookParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  if let document = try? Document(parsing: text, path: "fuzz.md") {
    _ = HTMLReport(document: document).article()
  }
  return 0
}
