import Foundation
import Notebook
import Testing

@testable import Directives

/// Snippets whose printed output must equal what the Swift toolchain prints for the same code.
/// All snippets are compiled as one program, so the suite stays fast.
@Suite struct DifferentialTests {
  static let snippets: [String] = [
    "print(1.0, 0.1 + 0.2, 1e20, 1e16, 1e-5, 100.0 / 3.0, 2.5e-10, 123456789.0, -1.5)",
    "print([1, 2, 3], [1.5, 2.0], [\"a\", \"b\"], [[1], [2, 3]])",
    "let n = 3\nprint(\"n=\\(n) half=\\(Double(n) / 2) list=\\([n, n])\")",
    "print(-7 / 2, -7 % 2, 7 % -2, 7 / 2, 2 * 3 + 4 * 5 - 6 / 2)",
    "print(1 < 2 && 2 > 3 || true, !(1 == 2), 3 >= 3 ? \"yes\" : \"no\")",
    """
    func fib(_ n: Int) -> Int { n < 2 ? n : fib(n - 1) + fib(n - 2) }
    func scaled(_ x: Double, by factor: Double = 2) -> Double { x * factor }
    print(fib(15), scaled(1.5), scaled(1.5, by: 3))
    """,
    """
    let xs = [4.0, 1.5, 3.25]
    let doubled = xs.map { $0 * 2 }
    let kept = xs.filter { $0 > 2 }
    let total = xs.reduce(0, +)
    print(doubled, kept, total, xs.sorted(), xs.sorted(by: >))
    print(xs.contains(where: { $0 > 4 }), xs.allSatisfy { $0 > 1 }, xs.count, xs.isEmpty)
    """,
    """
    var n = 0
    var log: [Int] = []
    while n < 20 {
      n += 3
      if n % 2 == 0 { continue }
      if n > 15 { break }
      log.append(n)
    }
    var m = 1
    repeat { m *= 3 } while m < 100
    print(n, m, log)
    """,
    """
    var grid = Array(repeating: Array(repeating: 0.0, count: 3), count: 2)
    grid[1][2] = 2.5
    grid[0][1] += 1
    for i in 0..<2 where i > 0 { grid[i][0] = Double(i) }
    print(grid)
    """,
    """
    func counter() -> Int {
      var count = 0
      func bump(by step: Int) { count += step }
      bump(by: 2)
      bump(by: 5)
      return count
    }
    let add: (Int, Int) -> Int = { a, b in a + b }
    print(counter(), add(20, 22))
    """,
    "print(\"Hello\".uppercased(), \"MiXed\".lowercased(), \"héllo\".count, \"\".isEmpty)",
    "print(max(3, 9), min(2.5, 1.25), abs(-4), abs(-2.5), Int(3.99), Double(7))",
    "print(1, 2, 3, separator: \"-\", terminator: \"!\\n\")",
    """
    func classify(_ x: Int) -> String {
      guard x >= 0 else { return "negative" }
      if x == 0 { return "zero" } else if x < 10 { return "small" }
      return "large"
    }
    print([-5, 0, 7, 12].map { classify($0) })
    """,
    #"""
    let x = 3.14159
    print(String(format: "%.2f|%8.3f|%-6d|%d%%|%e|%g|%g|%i|%x|%05d|%+.1f", x, x, 42, 7, 12345.678, 0.0001, 1e6, -3, 255, 42, 2.0))
    print(String(format: "%.0f %.0f %E %G %@ %lf %5.1lf %ld", 2.5, 3.5, 1e-10, 0.5, "text", 1.5, 2.25, 7))
    """#,
    #"""
    let line = "  alpha, beta,,gamma  "
    print(line.split(separator: ","), "a--b".split(separator: "--"), Array("héllo"))
    print("notebook".hasPrefix("note"), "notebook".hasSuffix("note"), "notebook".contains("boo"))
    print(line.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ";"))
    for character in "ab" { print(character.uppercased(), terminator: "") }
    print(["x", "y"].joined(separator: "-"), ["a", "b"].joined())
    """#,
    """
    let x = -2.5
    print(floor(x), ceil(x), x.rounded(), x.magnitude, 9.0.squareRoot(), round(2.5), Double.pi)
    print(sin(1.0), cos(1.0), tan(1.0), tanh(0.5), exp(1.0), log(2.0), pow(2.0, 0.5))
    print(Double.nan.isNaN, x.isNaN, Double.infinity.isFinite, x.isFinite, -Double.infinity)
    print(7.5.truncatingRemainder(dividingBy: 2), asin(1.0), acos(0.5), atan(2.0), log2(10.0))
    """,
    """
    let xs = [5, 3, 8, 1]
    print(Array(stride(from: 10, to: 0, by: -3)), Array(stride(from: 0.0, through: 1.0, by: 0.1)))
    print(xs.indices, xs.prefix(2), xs.suffix(3), xs.dropFirst(), xs.dropLast(3), Array(xs.reversed()))
    """,
    // Dictionaries and sets print in hash order in Swift: only order-free results are compared.
    #"""
    var counts: [String: Int] = [:]
    for word in "b a c a b a".split(separator: " ") { counts[String(word), default: 0] += 1 }
    counts["d"] = 9
    counts.removeValue(forKey: "c")
    print(counts.keys.sorted(), counts.values.sorted(), counts.count, counts["a", default: 0], counts["z", default: -1])
    let rates: [String: Double] = ["x": 1, "y": 0.5]
    print(rates.values.reduce(0, +), rates == ["y": 0.5, "x": 1.0], counts.isEmpty, ["k": 1])
    counts["b"] = nil
    var total = 0
    for (key, value) in counts where key != "d" { total += value }
    print(counts["a"], counts["b"], counts["q"] ?? 0, total, counts.removeValue(forKey: "a"), counts.count)
    print(counts.sorted { $0.key < $1.key }, counts.max { $0.value < $1.value }!.key)
    """#,
    """
    var seen: Set<Int> = [3, 1, 3]
    seen.insert(2)
    seen.remove(3)
    let other = Set([5, 2, 2, 7])
    print(seen.sorted(), seen.count, seen.contains(2), seen.union(other).sorted(), seen.intersection(other).sorted())
    var total = 0
    for x in other where x > 2 { total += x }
    print(seen.subtracting([1]), total, seen == [2, 1], seen.isSubset(of: [1, 2, 9]), Set("aab").count)
    """,
    #"""
    struct Run {
      let name: String
      var scores: [Double] = []
      var epochs = 0
      var best: Double { scores.reduce(0) { max($0, $1) } }
      func summary(digits: Int = 2) -> String { "\(name): \(scores.count) scores" }
      mutating func record(_ score: Double) {
        scores.append(score)
        epochs += 1
      }
    }
    var run = Run(name: "a")
    var copy = run
    run.record(0.5)
    run.record(0.25)
    copy.epochs = 7
    var runs = [run, copy]
    runs[1].record(1)
    print(run, copy, run.best, run.summary())
    // Swift names a struct with its module inside an array (`[main.Run(...)]`): print elements.
    print(runs[0], runs[1], runs.map { $0.epochs })
    """#,
    StructTests.temperature
      + #"\#nprint(Temperature(celsius: 20), Temperature(celsius: 0.35, label: "x").celsius)"#,
    """
    let words = ["3", "x", "42"]
    let xs = [3, 1, 2]
    let empty: [Int] = []
    print(words.map { Int($0) }, Int("7"), Double("2.5"), Double("abc"), Int("3.5"))
    print(xs.first, xs.last, empty.first, xs.max(), empty.min(), xs.firstIndex(of: 2))
    print(xs.first(where: { $0 > 1 }), xs.firstIndex(where: { $0 > 5 }), "\\(xs.first)")
    var total = 0
    for word in words {
      if let n = Int(word) { total += n } else { print("skip", word) }
    }
    let maybe: Int? = nil
    let name: String? = "abc"
    print(total, Int("x") ?? -1, xs.first! * 10, maybe == nil, maybe ?? 5, maybe != nil)
    print(words.compactMap { Int($0) }, [maybe, 2].compactMap { $0 })
    let lists: [[Int]?] = [[7, 8], nil]
    print(name?.count, name?.uppercased(), maybe, [maybe, 4], lists[0]?[1], lists[1]?[0])
    """,
    """
    func parse(_ text: String) -> Int {
      guard let value = Int(text) else { return 0 }
      return value * 2
    }
    var stack = [1, 2, 3]
    var popped: [Int] = []
    while let top = stack.last {
      popped.append(top)
      stack = Array(stack[0..<(stack.count - 1)])
    }
    let fallback: Double? = nil
    print(parse("21"), parse("z"), popped, fallback ?? 1, Double("4") ?? 0)
    """,
    """
    let pair = (1, "a")
    let point = (x: 1.5, y: -2.0)
    let (a, b) = pair
    print(pair, point, pair.0, pair.1, point.x, point.y, a, b)
    func minMax(_ values: [Int]) -> (min: Int, max: Int) {
      var low = values[0]
      var high = values[0]
      for v in values {
        if v < low { low = v }
        if v > high { high = v }
      }
      return (low, high)
    }
    let bounds = minMax([4, -2, 9])
    print(bounds, bounds.min, bounds.max, (1, (2.5, "z")), [(1, 2), (3, 4)])
    for (i, x) in ["p", "q"].enumerated() { print(i, x) }
    for (u, v) in zip([1, 2, 3], [10.0, 20.0]) where u > 1 { print(u, v) }
    print(Array(zip([1, 2], ["x", "y"])), pair == (1, "a"))
    """,
    """
    func describe(_ n: Int) -> String {
      switch n {
      case 0: return "zero"
      case 1, 2, 3: return "few"
      case 4..<10: return "several"
      case let m where m < 0: return "negative \\(m)"
      default: return "many"
      }
    }
    func grade(_ score: Double) -> String {
      switch score {
      case 0.9...1.0: return "A"
      case 0.5..<0.9: return "B"
      default: return "C"
      }
    }
    func quadrant(_ p: (Int, Int)) -> String {
      switch p {
      case (0, 0): return "origin"
      case (0, _), (_, 0): return "axis"
      case (let x, let y) where x > 0 && y > 0: return "first"
      case let (x, y): return "other \\(x),\\(y)"
      }
    }
    var word = ""
    switch "cat" {
    case "dog": word = "woof"
    case "cat": word = "meow"
    default: break
    }
    let flag = true
    switch flag {
    case true: print("yes")
    case false: print("no")
    }
    var hits: [Int] = []
    for i in 0..<6 {
      switch i % 3 {
      case 0: break
      default: hits.append(i)
      }
    }
    print([0, 2, 7, -3, 50].map { describe($0) }, grade(0.95), grade(0.6), grade(0.1))
    print(quadrant((0, 0)), quadrant((0, 5)), quadrant((2, 3)), quadrant((-1, 4)), word, hits)
    """,
    """
    print((0..<5).map { $0 * 2 }, (1...4).reduce(0, +), (0..<10).filter { $0 % 3 == 0 })
    print((0..<4).contains(3), Array(0..<3), (1...3).allSatisfy { $0 > 0 })
    """,
    """
    var makers: [() -> Int] = []
    for i in 0..<3 {
      let doubled = i * 2
      makers.append { doubled + i }
    }
    var counter = 0
    let bump = { counter += 1 }
    for _ in 0..<4 { bump() }
    var k = 0
    while k < 3 {
      let seen = k
      makers.append { seen * 100 }
      k += 1
    }
    func findFirst(over limit: Int) -> Int {
      var n = 0
      repeat {
        let candidate = n * n
        let isOver = { candidate > limit }
        if isOver() { return candidate }
        n += 1
      } while n < 100
      return -1
    }
    print(makers.map { $0() }, counter, findFirst(over: 50))
    """,
    """
    func label(_ value: Int?) -> String {
      switch value {
      case nil: return "none"
      case let v? where v < 0: return "negative"
      case 0?: return "zero"
      case let v?: return "some \\(v)"
      }
    }
    func first(_ values: [Int], default fallback: Int? = nil) -> Int? { values.first ?? fallback }
    var slot: Int? = nil
    slot = 4
    print([nil, -2, 0, 7].map { label($0) }, first([]), first([], default: 9), slot)
    """,
    """
    func sign(_ n: Int) -> String {
      switch n {
      case ..<0: "negative"
      case 0: "zero"
      default: "positive"
      }
    }
    let signs: [String] = [-4, 0, 3].map { n in
      switch n % 2 {
      case 0: "even"
      default: "odd"
      }
    }
    func grade(_ score: Int) -> String {
      switch score {
      case 90...: return "A"
      case 50..<90: return "B"
      case ...49: return "C"
      default: return "?"
      }
    }
    print([-1, 0, 1].map { sign($0) }, signs, [95, 90, 60, 3].map { grade($0) })
    let point = (3, 0)
    if case (let x, 0) = point { print("on the x axis at", x) }
    if case 1...5 = point.0, case let y? = Int("7") { print("small", y) }
    func firstNegative(_ values: [Int?]) -> Int {
      for value in values {
        guard case let v? = value else { continue }
        if case ..<0 = v { return v }
      }
      return 0
    }
    print(firstNegative([nil, 4, -2, -9]))
    """,
    """
    var t = (1, 2)
    t.0 = 5
    t.1 += 10
    var point = (x: 1.5, y: 2)
    point.x *= 2
    var pairs = [(1, "a"), (2, "b")]
    pairs[1].0 = 20
    pairs[0].1 += "!"
    struct Shape { var corner: (x: Int, y: Int) }
    var shape = Shape(corner: (x: 0, y: 0))
    shape.corner.y -= 3
    print(t, point, pairs, shape)
    """,
    """
    let chosen: Activation = .tanh
    let names = [Activation.relu, .sigmoid].map { "\\($0)" }
    print(Activation.relu, chosen, "\\(chosen)!", String(describing: chosen), names, chosen == .tanh)
    """,
    """
    var a = [Int]()
    var b = [String: Double]()
    var c = Set<Int>()
    var d = [[Double]]()
    var e = Array<Int>()
    var f = Dictionary<String, Int>()
    a.append(1)
    b["x"] = 2
    c.insert(3)
    d.append([1])
    e.append(4)
    f["y"] = 5
    print(a, b, c, d, e, f, Array(0..<5), Set([1, 2]).sorted(), [Double](repeating: 0, count: 2))
    """,
    """
    var s: Set<Int> = [3, 1, 2]
    s.insert(5)
    s.remove(1)
    var total = 0
    for x in s { total += x }
    print(s.map { $0 * 2 }.sorted(), s.filter { $0 > 2 }.sorted(), s.sorted(), s.contains(2), s.count)
    print(s.isEmpty, s.union([7]).sorted(), s.intersection([2, 3]).sorted(), s.subtracting([2]).sorted())
    print(s.isSubset(of: [1, 2, 3, 5]), total, s.reduce(0, +), s.min()!, s.max()!, s.remove(42))
    """,
    """
    let xs = [1.0, 2.0, 3.0]
    let ys = [4.0, 5.0, 6.0]
    let labelled = ["a", "b"].enumerated().map { i, s in "\\(i)=\\(s)" }
    let scaled = xs.map { x in
      let doubled = x * 2
      return doubled + 1
    }
    print(zip(xs, ys).map { $0 * $1 }.reduce(0, +), labelled, scaled, [[1, 2], [3]].flatMap { $0 })
    let scores = ["ann": 0.9, "bob": 0.7, "cy": 0.95]
    let good = scores.filter { $0.value > 0.8 }
    print(good.keys.sorted(), scores.mapValues { Int($0 * 100) }.sorted { $0.key < $1.key }.map { $0.value })
    """,
    """
    var xs = [5, 3, 9]
    xs.insert(1, at: 0)
    let removed = xs.remove(at: 1)
    xs.sort(by: >)
    xs.append(contentsOf: [6, 2])
    xs.removeAll { $0 % 3 == 0 }
    print(xs, removed, xs.removeFirst(), xs.removeLast(), xs.popLast(), xs)
    let s = "hello"
    print(String(s.reversed()), s.map { $0.uppercased() }, s.filter { $0 != "l" }, s.contains { $0 == "e" })
    let x = 3.7
    print(x.rounded(.down), x.rounded(.up), (-2.5).rounded(.towardZero), 2.5.rounded(.toNearestOrEven))
    print(String(repeating: "ab", count: 3), 12.isMultiple(of: 4), [3.5, 1.25].min()!, ["b", "a"].max()!)
    """,
    """
    struct Point { var x: Double; var y: Double }
    func distance(_ a: Point, _ b: Point) -> Double {
      let dx = a.x - b.x
      let dy = a.y - b.y
      return (dx * dx + dy * dy).squareRoot()
    }
    print(distance(Point(x: 0, y: 0), Point(x: 3, y: 4)), 3 > 2 ? 1 : nil, 1 > 2 ? "a" : nil)
    """,
    """
    let xs = [4, 8, 15, 16, 23, 42]
    let half = xs.count / 2
    var grid = [[1, 2, 3]]
    grid[0][2] = 0
    print(xs[..<half], xs[half...], xs[...1], grid[0][1...], xs.lastIndex(of: 15)!, xs.last { $0 < 20 }!)
    print([2.0, 9.0].map(sqrt), [1, 4].map(Double.init), 1.5.description, atan2(1.0, 1.0), hypot(3.0, 4.0))
    """,
    """
    var groups: [String: [Int]] = ["a": [1]]
    groups["a"]!.append(2)
    var best: (Int, Double)? = (1, 0.5)
    best!.1 = 0.25
    func first(_ v: [Int]) -> Int {
      guard let f = v.first else { fatalError("empty input") }
      return f
    }
    precondition(first([7]) == 7, "first")
    print(groups["a"]!, best!, first([7]), [1, 2].firstIndex(of: 2)!)
    """,
    """
    struct Box { var xs: [Int]; var name: String? }
    let some: Box? = Box(xs: [1, 2], name: "b")
    let none: Box? = nil
    print(some?.xs.count, none?.xs.count, some?.xs.map { $0 * 2 }, some?.xs[1], some?.name?.count)
    var text = "ab"
    text.append("c")
    print(zip([1.0, 2.0], [3.0, 4.0]).map(*), text, Dictionary(uniqueKeysWithValues: [(1, "a")]))
    """,
    """
    let words = ["to", "be", "or", "not", "to", "be"]
    let counts = words.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    let lengths = words.reduce(into: [Int: [String]]()) { (byLength: inout [Int: [String]], word: String) in
      if word.count > 2 { return }
      byLength[word.count, default: []].append(word)
    }
    let evens = (1...9).reduce(into: [Int]()) { result, n in if n % 2 == 0 { result.append(n) } }
    print(counts["to"]!, counts["not"]!, counts.count, lengths[2]!, evens, (1...4).reduce(into: 1) { $0 *= $1 })
    """,
    """
    let r = 1...10
    let h = 0..<5
    print(r, h, r.upperBound, h.upperBound, r.count, [r, 2...3].count, Array(r.prefix(3)), Array(r.dropFirst(8)))
    let items = [(name: "b", size: 2), (name: "a", size: 1)]
    let words: Set = ["x", "y"]
    print(items.map(\\.name), items.map(\\.size).reduce(0, +), [[1, 2], []].flatMap { $0 }, words.isSuperset(of: ["x"]))
    print("notebook".prefix(4), "a,,b".components(separatedBy: ","), Array([3, 1, 2].lazy.filter { $0 > 1 }.map { $0 * 10 }))
    """,
    """
    let people = [("bo", 30), ("al", 30), ("cy", 25)]
    let ordered = people.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    print(ordered, (1, "b") < (1, "c"), (2, 0.5) >= (2, 0.5), (1, 2, 3) > (1, 2, 2), (0, "z") <= (1, "a"))
    """,
    """
    let zero = 0.0
    var shrinking = 5.0
    shrinking /= zero
    let nothing = zero / zero
    // A NaN's sign depends on whether the compiler folded the division, so only `isNaN` is shown.
    print(1.0 / zero, -1.0 / zero, nothing.isNaN, shrinking, [zero / zero].map { $0.isNaN }, (1.0 / zero).isInfinite)
    func sign(_ x: Int) -> Int {
      if x > 0 { return 1 }
      if x < 0 { return -1 }
      fatalError("zero has no sign")
    }
    func never(_ x: Int) -> Int { fatalError("never \\(x)") }
    let pick: (Int) -> Int = { x in x > 0 ? sign(x) : never(x) }
    print(sign(4), sign(-2), pick(3))
    """,
  ]

  static let separator = "----snippet----"

  /// swiftc from PATH or the toolchain folder, or nil.
  static func swiftCompiler() -> String? {
    let candidates =
      (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map {
        "\($0)/swiftc"
      } + ["/opt/swift/usr/bin/swiftc", "/usr/bin/swiftc"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  @Test func printedOutputMatchesSwift() throws {
    guard let swiftc = Self.swiftCompiler() else {
      print("DifferentialTests skipped: swiftc was not found on PATH or in /opt/swift")
      return
    }
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // The directive enumerations the snippets use, as a notebook sees them.
    var program = "import Foundation\nenum Activation { case sigmoid, relu, tanh, softmax }\n"
    for (index, snippet) in Self.snippets.enumerated() {
      let body = snippet.split(separator: "\n", omittingEmptySubsequences: false)
        .map { "  " + $0 }.joined(separator: "\n")
      program += "func snippet\(index)() {\n\(body)\n}\n"
    }
    for index in Self.snippets.indices {
      program += "snippet\(index)()\nprint(\"\(Self.separator)\")\n"
    }
    try program.write(toFile: directory + "/main.swift", atomically: true, encoding: .utf8)
    let compile = Process()
    compile.executableURL = URL(fileURLWithPath: swiftc)
    compile.arguments = ["-Onone", directory + "/main.swift", "-o", directory + "/main"]
    compile.standardOutput = FileHandle.nullDevice
    let compileErrors = Pipe()
    compile.standardError = compileErrors
    try compile.run()
    let compilerText = compileErrors.fileHandleForReading.readDataToEndOfFile()
    compile.waitUntilExit()
    try #require(
      compile.terminationStatus == 0,
      "swiftc refused the snippets: \(String(decoding: compilerText, as: UTF8.self))")
    let run = Process()
    run.executableURL = URL(fileURLWithPath: directory + "/main")
    let output = Pipe()
    run.standardOutput = output
    try run.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    run.waitUntilExit()
    let expected = String(decoding: data, as: UTF8.self)
      .components(separatedBy: Self.separator + "\n")
    for (index, snippet) in Self.snippets.enumerated() {
      let session = try makeSession(directory: directory)
      let result = session.evaluate(makeCell(snippet))
      #expect(result.error == nil, "snippet \(index): \(failure(result) ?? "")")
      #expect(printed(result) == expected[index], "snippet \(index)")
    }
  }
}
