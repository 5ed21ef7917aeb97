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

  package init() {}
}
