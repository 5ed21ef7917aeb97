import Directives
import Foundation
import Notebook
import Testing

@testable import Runs

/// Renders notebooks through the real interpreter and cell cache, and compares what a render
/// that takes cells from the cache shows and writes with what a fresh `--no-cache` render does.
///
/// The notebook folder holds a tiny IDX data set (30 examples of 4×4 pixels, 3 classes), so
/// training a network on it takes microseconds.
final class CacheInvariantHarness {
  let folder: String
  /// A cache in the harness's folder, for tests that need one.
  let cache: CellCache
  private var renders = 0
  /// What the preview remembers between renders: which params each cell's source names, found by
  /// parsing it once rather than on every render (parsing is most of a render's time here).
  private let memory = RenderMemory()

  init() throws {
    folder = try temporaryDirectory()
    cache = CellCache(directory: folder + "/cache")
    try Self.writeDataset(in: folder)
  }

  func removeFolder() { removeTemporaryDirectory(folder) }

  /// What a render produced: each cell's status and outputs, the warnings, the output folder's
  /// files (outside the cache) with their contents.
  struct Rendering: Equatable, CustomStringConvertible {
    var cells: [[String]]
    var files: [String: Data]
    var cached: [Bool]
    var warnings: [String]

    /// Equal shown results and written files; which cells came from the cache and warnings aside.
    func sameResults(as other: Rendering) -> Bool { cells == other.cells && files == other.files }

    var description: String {
      cells.enumerated().map {
        "cell \($0.offset + 1)\(cached[$0.offset] ? " (cached)" : ""): \($0.element)"
      }
      .joined(separator: "\n") + "\nfiles: " + files.keys.sorted().joined(separator: ", ")
        + (warnings.isEmpty ? "" : "\nwarnings: " + warnings.joined(separator: "; "))
    }
  }

  /// Renders `text` as `n.md` into `output` (a folder name under the harness's folder), through
  /// `cache` when given.
  func render(_ text: String, output: String, cache: CellCache?) throws -> Rendering {
    let path = folder + "/n.md"
    let document = try Document(parsing: text, path: path)
    let outputDirectory = folder + "/" + output
    let session = try Session(document: document, outputDirectory: outputDirectory)
    let params = Dictionary(uniqueKeysWithValues: session.params.map { ($0.name, $0.value) })
    var evaluator = RememberingEvaluator(
      base: SessionEvaluator(session: session), memory: memory,
      paramNames: session.params.map(\.name))
    let outcome = Runner(document: document, params: params, cache: cache, engineVersion: "test")
      .run(with: &evaluator)
    var files: [String: Data] = [:]
    if let names = FileManager.default.enumerator(atPath: outputDirectory) {
      for case let name as String in names {
        let file = outputDirectory + "/" + name
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue
        {
          files[name] = FileManager.default.contents(atPath: file)
        }
      }
    }
    let indices = outcome.cells.keys.sorted()
    return Rendering(
      cells: indices.map { index in
        let result = outcome.cells[index]
        return [result?.status.rawValue ?? "none"] + (result?.outputs ?? []).map(Self.text)
      },
      files: files, cached: indices.map { outcome.cells[$0]?.cached == true },
      warnings: outcome.warnings)
  }

  /// A fresh render without a cache, into a new empty output folder.
  func freshRender(_ text: String) throws -> Rendering {
    renders += 1
    let output = "fresh-\(renders)"
    defer { try? FileManager.default.removeItem(atPath: folder + "/" + output) }
    return try render(text, output: output, cache: nil)
  }

  /// Removes the files a cell saved (checkpoints) from an output folder, as a user cleaning it would.
  func removeCheckpoints(in output: String) throws {
    let directory = folder + "/" + output
    for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
    where name.hasSuffix(".safetensors") {
      try FileManager.default.removeItem(atPath: directory + "/" + name)
    }
  }

  private static func text(_ output: CellOutput) -> String {
    switch output {
    case .text(let text): "text \(text)"
    case .value(let text): "value \(text)"
    case .metric(let name, let value): "metric \(name)=\(value)"
    case .series(let name, let values): "series \(name)=\(values)"
    case .error(let diagnostic): "error \(diagnostic)"
    case .table(let table): "table \(table)"
    case .figure(let figure): "figure \(figure.caption ?? "")"
    }
  }

  /// `images.idx` (30 images of 4×4 pixels) and `labels.idx` (3 classes): each class lights its
  /// own rows, with deterministic noise.
  static func writeDataset(in folder: String) throws {
    let count = 30
    var images: [UInt8] = [0, 0, 0x08, 3] + bigEndian(count) + bigEndian(4) + bigEndian(4)
    var labels: [UInt8] = [0, 0, 0x08, 1] + bigEndian(count)
    var noise: UInt32 = 12345
    for example in 0..<count {
      let label = example % 3
      labels.append(UInt8(label))
      for pixel in 0..<16 {
        noise = noise &* 1_103_515_245 &+ 12345
        let lit = pixel / 4 == label || pixel / 4 == 3 && label == 2
        images.append(UInt8(lit ? 160 : 0) &+ UInt8((noise >> 16) % 90))
      }
    }
    try Data(images).write(to: URL(fileURLWithPath: folder + "/images.idx"))
    try Data(labels).write(to: URL(fileURLWithPath: folder + "/labels.idx"))
  }

  private static func bigEndian(_ value: Int) -> [UInt8] {
    withUnsafeBytes(of: UInt32(value).bigEndian) { Array($0) }
  }
}
