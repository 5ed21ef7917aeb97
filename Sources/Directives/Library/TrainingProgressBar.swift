import NeuralNetwork

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A one-line progress bar on standard error, redrawn at most ten times a second.
final class TrainingProgressBar {
  let label: String
  private var lastDraw = 0.0

  init(label: String) { self.label = label }

  /// Whether standard error is a terminal (the bar is drawn only there).
  static var isTerminal: Bool { isatty(2) != 0 }

  func update(_ progress: TrainingProgress) {
    let now = monotonicSeconds()
    guard now - lastDraw >= 0.1 || progress.batch == progress.batches else { return }
    lastDraw = now
    let width = 24
    let done = progress.batches > 0 ? width * progress.batch / progress.batches : width
    let bar = String(repeating: "█", count: done) + String(repeating: "·", count: width - done)
    write(
      "\r\(label): epoch \(progress.epoch)/\(progress.epochs) \(bar) \(progress.batch)/\(progress.batches) cost \(format(progress.cost))\u{1B}[K"
    )
  }

  func finish() { write("\r\u{1B}[K") }

  /// Writes straight to file descriptor 2 (unbuffered, and free of C's shared `stderr`).
  private func write(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { buffer in
      #if canImport(Glibc)
        Glibc.write(2, buffer.baseAddress, buffer.count)
      #else
        Darwin.write(2, buffer.baseAddress, buffer.count)
      #endif
    }
  }
}
