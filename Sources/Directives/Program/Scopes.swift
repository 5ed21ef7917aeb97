/// What the compiler knows of a local name: its slot in the frame, its type, and, for a `func`,
/// its signature (so calls match labels and defaults).
struct LocalName {
  var slot: Int
  var type: ValueType
  var isConstant: Bool
  var function: FunctionCode?
}

/// One function being compiled, or a cell's top level: its slots and its block scopes.
final class FunctionScope {
  let parent: FunctionScope?
  var blocks: [[String: LocalName]] = [[:]]
  var slotCount = 0
  /// The declared result type; nil at a cell's top level, where `return` is not allowed.
  let resultType: ValueType?
  /// Whether a `return` was seen, for closures whose result type is inferred.
  var loopDepth = 0
  /// How many `switch`es enclose the code being compiled (`break` leaves the innermost).
  var switchDepth = 0
  var makesClosures = false
  /// The slots that closures or nested functions read: they outlive the call (or iteration).
  var capturedSlots: Set<Int> = []
  let isCell: Bool

  init(parent: FunctionScope?, resultType: ValueType?, isCell: Bool) {
    self.parent = parent
    self.resultType = resultType
    self.isCell = isCell
  }

  func allocate() -> Int {
    slotCount += 1
    return slotCount - 1
  }

  /// At a cell's top level (not inside a block), where definitions become session variables.
  var isGlobalLevel: Bool { isCell && blocks.count == 1 }

  var names: [String] { blocks.flatMap(\.keys) }

  /// The slots no closure reads, emptied when the frame's call or iteration ends.
  var uncapturedSlots: [Int] { (0..<slotCount).filter { !capturedSlots.contains($0) } }
}

/// A name as resolved: a slot `depth` functions out, or a session variable.
enum ResolvedName {
  case local(depth: Int, LocalName)
  case global(GlobalBox)

  var type: ValueType {
    switch self {
    case .local(_, let local): local.type
    case .global(let box): box.type
    }
  }

  var function: FunctionCode? {
    switch self {
    case .local(_, let local): local.function
    case .global(let box): box.function
    }
  }
}

/// The session's variables while cells run: the boxes compiled code reads and writes.
package final class GlobalTable {
  package var boxes: [String: GlobalBox] = [:]
  /// Boxes compiles made, and boxes a cell's definition displaced from `boxes`. A recursive
  /// function's code reads its own box, which holds the function: the two keep each other alive
  /// until `release` empties the boxes.
  private var held: [GlobalBox] = []

  package init() {}

  /// Keeps `box`, made by a compile, for `release`.
  func register(_ box: GlobalBox) { held.append(box) }

  /// Makes `box` the variable of its name (a definition running).
  func publish(_ box: GlobalBox) {
    if let displaced = boxes[box.name], displaced !== box { held.append(displaced) }
    boxes[box.name] = box
  }

  /// Empties every box, breaking the cycles between functions and their boxes, when the
  /// session ends (run it on a large stack: a deeply nested value is freed level by level).
  package func release() {
    for box in held + boxes.values {
      box.value = .void
      box.function = nil
    }
    held = []
    boxes = [:]
  }
}
