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
    print(String(format: "%.0f %.0f %E %G %@", 2.5, 3.5, 1e-10, 0.5, "text"))
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
    var program = "import Foundation\n"
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
