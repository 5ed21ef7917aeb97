/// What stops a running cell that would not stop by itself: its time limit, Ctrl-C, output past
/// its limit, and calls nested too deep for the stack.
///
/// Loops and calls `tick`; every few thousand ticks it reads the clock and the stop flag, so the
/// check costs almost nothing per iteration.
final class RunControl: @unchecked Sendable {
  /// The monotonic time after which the running cell stops.
  var deadline = Double.infinity
  var timeLimit = Double.infinity
  var shouldStop: (@Sendable () -> Bool)?
  /// The running cell's outputs and files; directives called from any cell's functions use it.
  var context: EvaluationContext?
  var depth = 0
  private var ticks = 0
  /// The largest string or array the running cell may build, in bytes.
  var valueLimit = ValueLimits.defaultBytes

  /// Nested calls allowed; the evaluator runs on a thread whose stack holds this many.
  static let maximumDepth = 10_000

  /// Prepares for running a cell (or an inline value) with this context and time limit.
  func begin(
    context: EvaluationContext, timeLimit: Double, shouldStop: (@Sendable () -> Bool)?,
    valueLimit: Int
  ) {
    self.timeLimit = timeLimit
    self.valueLimit = valueLimit
    deadline = monotonicSeconds() + timeLimit
    self.shouldStop = shouldStop
    self.context = context
    depth = 0
  }

  @inline(__always)
  func tick(at position: Position) throws(EvaluationError) {
    ticks &+= 1
    if ticks & 0xFFF == 0 { try poll(at: position) }
  }

  func poll(at position: Position) throws(EvaluationError) {
    if monotonicSeconds() > deadline {
      throw EvaluationError(
        "the cell ran longer than its time limit of \(Self.seconds(timeLimit)) (a loop that never ends?); raise it with the cell option '//| timeout: <seconds>' or '--cell-timeout'",
        at: position)
    }
    if let shouldStop, shouldStop() {
      throw EvaluationError("interrupted", at: position)
    }
    if let context, context.outputBytes > context.options.outputLimit {
      throw EvaluationError(
        "the cell's output passed \(Self.bytes(context.options.outputLimit)) (a print in a loop that never ends?); print less, or write the data to a file",
        at: position)
    }
  }

  @inline(__always)
  func enter(at position: Position) throws(EvaluationError) {
    try tick(at: position)
    depth += 1
    if depth > Self.maximumDepth {
      depth -= 1
      throw EvaluationError(
        "too much recursion: more than \(Self.maximumDepth) nested calls (a function that never stops calling itself?)",
        at: position)
    }
  }

  static func bytes(_ value: Int) -> String {
    value >= 1 << 20 && value % (1 << 20) == 0 ? "\(value >> 20) MB" : "\(value) bytes"
  }

  static func seconds(_ value: Double) -> String {
    value == value.rounded() && value < 1e15 ? "\(Int(value)) s" : "\(value) s"
  }
}
