import Directives
import Foundation
import Notebook

/// libFuzzer entry: cells evaluated in one session, as `nudge render` runs them, with small
/// limits (a second per cell; the script caps memory). An input is either source text (seeded
/// with the cells of the notebooks and tests, which libFuzzer mutates), its cells separated by a
/// line `%%`, or, when its first byte is 0, choices that `GeneratedCells` turns into cells from a
/// small grammar of bindings, arithmetic, arrays, strings, loops, functions, closures, metrics and
/// networks, so that mutations keep making programs that pass the checker and run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCellEvaluator(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  let cells: [String]
  if bytes.first == 0 {
    var generator = GeneratedCells(choices: bytes.dropFirst())
    cells = generator.cells()
  } else {
    cells = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n%%\n")
  }
  evaluate(cells)
  return 0
}

/// Evaluates one cell before fuzzing starts: the directive tables are built once, lazily, and
/// live as long as the process, so building them here keeps the leak check from blaming an input.
@_cdecl("LLVMFuzzerInitialize")
public func initializeCellEvaluator(_ argc: UnsafeMutablePointer<CInt>?, _ argv: OpaquePointer?)
  -> CInt
{
  evaluate(["let net = network([4, 3, 2], seed: 1)\nprint(net.parameterCount)"])
  return 0
}

/// The folder cells may write into: one per fuzzing process, under the fuzz build's folder.
let outputFolder: String = {
  let folder =
    FileManager.default.currentDirectoryPath + "/.build-fuzz/evaluator-output/\(getpid())"
  try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  return folder
}()

func evaluate(_ sources: [String]) {
  // Each input parses its cells afresh, and nothing is left stored for the leak check at exit.
  defer { ParsedCells.removeAll() }
  let text = sources.map { CodeFence.block($0, language: "swift") }.joined(separator: "\n")
  var options = EvaluationOptions(cellTimeout: 1)
  // Well under libFuzzer's limits (-malloc_limit_mb=1024, -rss_limit_mb=2048).
  options.valueLimit = 128 << 20
  guard let document = try? Document(parsing: text, path: "fuzz.md"),
    let session = try? Session(document: document, outputDirectory: outputFolder, options: options)
  else { return }
  for cell in document.cells { _ = session.evaluate(cell) }
}
