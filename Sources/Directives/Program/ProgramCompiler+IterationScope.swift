/// A loop body whose iterations each get names of their own, as in Swift: a closure made in
/// the body of `for i in 0..<3 { fs.append { i } }` captures that iteration's `i`. Only bodies
/// that make closures pay for a frame per iteration; the others keep their names in the
/// enclosing frame.
extension ProgramCompiler {
  /// Compiles the body's names in a scope of its own, one frame per iteration, when
  /// `perIteration` is set; `compileBody` runs in that scope. Not generic over the body's
  /// type: a closure passed back through a generic result is called through conversion thunks.
  func iterationScope(perIteration: Bool, _ compileBody: () -> StatementCode) -> (
    StatementCode, IterationFrames?
  ) {
    guard perIteration else { return (compileBody(), nil) }
    let outer = scope
    let inner = FunctionScope(parent: outer, resultType: outer.resultType, isCell: false)
    inner.loopDepth = outer.loopDepth
    inner.switchDepth = outer.switchDepth
    inner.makesClosures = true
    // The iteration frames point at this one, so it must not be reused while they live.
    outer.makesClosures = true
    scope = inner
    defer { scope = outer }
    let result = compileBody()
    return (
      result,
      IterationFrames(slotCount: inner.slotCount, uncapturedSlots: inner.uncapturedSlots)
    )
  }
}

/// The frames of a loop body whose iterations have names of their own.
struct IterationFrames {
  let slotCount: Int
  /// Emptied when an iteration ends (what the iteration's closures read stays).
  let uncapturedSlots: [Int]
}

extension ProgramCompiler {
  /// A `while` or `repeat` body: on a frame of its own per iteration when it makes closures,
  /// else the body's code as it is.
  func perIterationLoopBody(_ body: [Statement]) -> StatementCode {
    let (code, frames) = iterationScope(perIteration: body.makesClosures) { loopBody(body) }
    guard let frames else { return code }
    return { frame throws(EvaluationError) in
      let iteration = Frame(count: frames.slotCount, parent: frame)
      defer { iteration.release(frames.uncapturedSlots) }
      let flow = try code(iteration)
      if case .returned = flow { frame.takeResult(of: iteration) }
      return flow
    }
  }
}

extension Frame {
  /// The frame one iteration runs on: a fresh one when the body has names of its own.
  @inline(__always)
  func iterationFrame(_ frames: IterationFrames?) -> Frame {
    guard let frames else { return self }
    return Frame(count: frames.slotCount, parent: self)
  }

  /// Ends an iteration that ran on `iteration` (see `iterationFrame`).
  @inline(__always)
  func endIteration(_ iteration: Frame, _ frames: IterationFrames?) {
    if let frames, iteration !== self { iteration.release(frames.uncapturedSlots) }
  }

  /// Hands a `return` made in an iteration frame to this frame, where the caller reads it.
  @inline(__always)
  func takeResult(of iteration: Frame) {
    if iteration !== self { result = iteration.result }
  }
}
