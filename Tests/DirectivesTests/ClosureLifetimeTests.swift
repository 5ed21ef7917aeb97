import Notebook
import Testing

@testable import Directives

/// Functions and closures keep what they read alive, and nothing more: when the session and the
/// values that hold them are gone, so are their code and the frames they captured. A function
/// held by the frame it captured (a `func` in a loop's body, a closure array in a local) once kept
/// both alive forever, a leak the fuzzer found.
@Suite struct ClosureLifetimeTests {
  /// A weak reference, to see whether an object outlived everything that should hold it.
  final class Watched {
    weak var object: AnyObject?
    let what: String
    init(_ object: AnyObject, _ what: String) {
      self.object = object
      self.what = what
    }
  }

  /// Runs the cells, checks that `printedText` is what they print, and watches the code and the
  /// frames of every function in the variables `names` (and in arrays they hold).
  private func watch(_ sources: [String], names: [String], printedText: String) throws
    -> [Watched]
  {
    let session = try makeSession()
    var text = ""
    for (index, source) in sources.enumerated() {
      let result = session.evaluate(makeCell(source, index: index, line: 10 * (index + 1)))
      #expect(result.error == nil, "\(result.error?.description ?? "")")
      text += printed(result)
    }
    #expect(text == printedText)
    var watched: [Watched] = []
    func watchValue(_ value: Value, _ what: String) {
      switch value {
      case .function(let function):
        watched.append(Watched(function.code, "the code of \(what)"))
        var frame = function.context
        var depth = 0
        while let captured = frame {
          watched.append(Watched(captured, "frame \(depth) of \(what)"))
          frame = captured.parent
          depth += 1
        }
      case .array(let elements):
        for (index, element) in elements.enumerated() { watchValue(element, "\(what)[\(index)]") }
      default: break
      }
    }
    for name in names {
      let value = try #require(session.variables[name]?.value, "no variable \(name)")
      watchValue(value, name)
    }
    #expect(!watched.isEmpty)
    return watched
  }

  private func expectAllFreed(_ watched: [Watched]) {
    for entry in watched {
      #expect(entry.object == nil, "\(entry.what) outlived the session")
    }
  }

  @Test func aFunctionDeclaredInALoopBodyIsFreedWithItsIterations() throws {
    let watched = try watch(
      [
        """
        var kept: [() -> Int] = []
        for i in 0..<3 {
          func f() -> Int { i * 10 }
          let g = { f() + 1 }
          kept.append(f)
          kept.append(g)
        }
        print(kept.map { $0() })
        """
      ], names: ["kept"], printedText: "[0, 1, 10, 11, 20, 21]\n")
    #expect(watched.contains { $0.what.hasPrefix("frame") })
    expectAllFreed(watched)
  }

  @Test func closuresMadeInALoopAndReturnedFreeTheCallsFrame() throws {
    let watched = try watch(
      [
        """
        func make() -> [() -> Int] {
          var made: [() -> Int] = []
          for i in 0..<3 { made.append({ i }) }
          return made
        }
        let closures = make()
        print(closures.map { $0() })
        """
      ], names: ["closures"], printedText: "[0, 1, 2]\n")
    expectAllFreed(watched)
  }

  @Test func recursiveFunctionsNestedOrInTheSessionAreFreed() throws {
    let watched = try watch(
      [
        """
        func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
        func counter() -> () -> Int {
          var count = 0
          func next() -> Int {
            count += 1
            return count
          }
          func isEven(_ k: Int) -> Bool { k == 0 ? true : isOdd(k - 1) }
          func isOdd(_ k: Int) -> Bool { k == 0 ? false : isEven(k - 1) }
          print(isEven(4), isOdd(4))
          return next
        }
        let tick = counter()
        print(fib(10), tick(), tick())
        """,
        "func fib(_ n: Int) -> Int { n < 3 ? 1 : fib(n - 1) + fib(n - 2) }\nprint(fib(10))",
      ], names: ["fib", "tick"], printedText: "true false\n55 1 2\n55\n")
    expectAllFreed(watched)
  }

  @Test func aClosureKeepsTheVariablesItReadsAndNotItsDefiningFrame() throws {
    // `scale` reads only its parameter: it keeps no frame. `add` reads `k` of its iteration.
    let session = try makeSession()
    let result = session.evaluate(
      makeCell(
        """
        var scales: [(Int) -> Int] = []
        var adds: [(Int) -> Int] = []
        for k in 1...2 {
          let scale = { (x: Int) in x * 2 }
          scales.append(scale)
          adds.append({ $0 + k })
        }
        print(scales.map { $0(5) }, adds.map { $0(5) })
        """))
    #expect(printed(result) == "[10, 10] [6, 7]\n")
    guard case .array(let scales)? = session.variables["scales"]?.value,
      case .array(let adds)? = session.variables["adds"]?.value,
      case .function(let scale)? = scales.first, case .function(let add)? = adds.first
    else {
      Issue.record("no closures")
      return
    }
    #expect(scale.context == nil)
    #expect(add.context != nil)
  }
}
