/// A loop body whose iterations each get names of their own, as in Swift: a closure made in
/// the body of `for i in 0..<3 { fs.append { i } }` captures that iteration's `i`. Only bodies
/// that make closures pay for a frame per iteration; the others keep their names in the
/// enclosing frame.
extension ProgramCompiler {
  /// Compiles the body's names in a scope of its own, one frame per iteration, when
  /// `perIteration` is set; `compileBody` runs in that scope.
  func iterationScope<Result>(perIteration: Bool, _ compileBody: () -> Result) -> (
    Result, slotCount: Int?
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
    return (result, inner.slotCount)
  }
}

extension ProgramCompiler {
  /// A `while` or `repeat` body: on a frame of its own per iteration when it makes closures,
  /// else the body's code as it is.
  func perIterationLoopBody(_ body: [Statement]) -> StatementCode {
    let (code, slotCount) = iterationScope(perIteration: body.makesClosures) { loopBody(body) }
    guard let slotCount else { return code }
    return { frame throws(EvaluationError) in
      let iteration = Frame(count: slotCount, parent: frame)
      let flow = try code(iteration)
      if case .returned = flow { frame.takeResult(of: iteration) }
      return flow
    }
  }
}

extension Frame {
  /// The frame one iteration runs on: a fresh one when the body has names of its own.
  @inline(__always)
  func iterationFrame(slotCount: Int?) -> Frame {
    guard let slotCount else { return self }
    return Frame(count: slotCount, parent: self)
  }

  /// Hands a `return` made in an iteration frame to this frame, where the caller reads it.
  @inline(__always)
  func takeResult(of iteration: Frame) {
    if iteration !== self { result = iteration.result }
  }
}
