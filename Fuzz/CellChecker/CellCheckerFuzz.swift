import Directives
import Notebook

/// libFuzzer entry: any bytes as the source of one `swift` cell, parsed and checked as
/// `nudge check` does. Only the checker's front door is used, so the target outlives rewrites
/// of the cell language behind it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCellChecker(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  check(String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self))
  return 0
}

/// Checks one cell before fuzzing starts: the directive tables are built once, lazily, and live
/// as long as the process, so building them here keeps the leak check from blaming an input.
@_cdecl("LLVMFuzzerInitialize")
public func initializeCellChecker(_ argc: UnsafeMutablePointer<CInt>?, _ argv: OpaquePointer?)
  -> CInt
{
  check("let net = network([4, 3, 2], seed: 1)\nprint(net)")
  return 0
}

func check(_ source: String) {
  let text = CodeFence.block(source, language: "swift")
  if let document = try? Document(parsing: text, path: "fuzz.md") {
    _ = NotebookChecker().check(document)
  }
  // Each input parses its cell afresh, and nothing is left stored for the leak check at exit.
  ParsedCells.removeAll()
}
