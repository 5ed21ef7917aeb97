import Notebook
import Testing

@testable import Directives

/// The collection methods a first notebook reaches for beyond `map`/`filter`/`reduce`: editing
/// an array in place, flattening, strings as sequences of characters, dictionaries filtered and
/// mapped, and closures that take a tuple apart.
@Suite struct CollectionMethodTests {
  func check(_ source: String) -> [String] {
    NotebookChecker().check(cells: [makeCell(source)], params: [], file: "nb.md").map(\.description)
  }

  @Test func arraysAreEditedInPlace() throws {
    let result = try evaluate(
      """
      var xs = [5, 3, 9]
      xs.insert(1, at: 0)
      xs.insert(4, at: 4)
      let removed = xs.remove(at: 1)
      xs.sort()
      print(xs, removed)
      xs.sort(by: >)
      xs.reverse()
      xs.append(contentsOf: [6, 2])
      xs.append(contentsOf: 7...8)
      xs.removeAll { $0 % 2 == 0 }
      print(xs, xs.removeFirst(), xs.removeLast(), xs.popLast(), xs)
      var grid = [[1, 2], [3]]
      grid[1].append(contentsOf: [4, 5])
      grid[0].removeAll()
      var rates = [0.5]
      rates.append(contentsOf: [1, 2])
      print(grid, rates, grid.popLast()!, grid.popLast()!, grid.popLast())
      """)[0]
    #expect(result.error == nil, "\(failure(result) ?? "")")
    #expect(
      printed(result)
        == "[1, 3, 4, 9] 5\n[1, 3, 9, 7] 1 7 Optional(9) [3]\n"
        + "[[], [3, 4, 5]] [0.5, 1.0, 2.0] [3, 4, 5] [] nil\n")
  }

  @Test func editingErrorsStopTheCellAtTheirPlace() throws {
    let results = try evaluate(
      "var xs = [1]\nxs.insert(2, at: 3)", "var ys: [Int] = []\nys.removeLast()",
      "var zs = [1, 2]\nzs.remove(at: -1)")
    #expect(
      failure(results[0])
        == "nb.md:11:18: error: index 3 is out of range for an insertion (0...1)")
    #expect(
      failure(results[1])
        == "nb.md:21:4: error: 'removeLast()' on an empty array; check 'isEmpty' first")
    #expect(failure(results[2]) == "nb.md:31:15: error: index -1 is out of range (0..<2)")
  }

  @Test func editingChecksItsArguments() {
    #expect(
      check("let xs = [1]\nxs.removeAll()")
        == [
          "nb.md:11:4: error: cannot use mutating member 'removeAll' on 'xs': it is a 'let' constant; declare it with 'var'"
        ])
    #expect(
      check("var xs = [1]\nxs.insert(\"a\", at: 0)\nxs.append(contentsOf: \"ab\")")
        == [
          "nb.md:11:11: error: cannot convert value of type 'String' to expected argument type 'Int'",
          "nb.md:12:23: error: cannot append the elements of a value of type 'String' to '[Int]'",
        ])
  }

  @Test func flattening() throws {
    let result = try evaluate(
      "let table = [[1, 2], [3]]\nprint(table.flatMap { $0 }, table.joined().count, [1, 2].flatMap { [$0, $0 * 10] })"
    )[0]
    #expect(printed(result) == "[1, 2, 3] 3 [1, 10, 2, 20]\n")
    #expect(
      check("let f = [1].flatMap { $0 + 1 }")
        == [
          "nb.md:10:21: error: 'flatMap' needs a closure that returns an array, not 'Int'; use 'map' or 'compactMap'"
        ])
  }

  @Test func stringsAnswerSequenceMethodsWithCharacters() throws {
    let result = try evaluate(
      """
      let s = "hello"
      print(String(s.reversed()), s.map { $0.uppercased() }, s.filter { $0 != "l" }, s.first!)
      print(s.contains { $0 == "e" }, s.contains("ell"), s.sorted(), s.max()!, s.last)
      for (i, c) in s.enumerated() where i > 2 { print(i, c) }
      var grown = s
      grown.append("!")
      grown.append(contentsOf: "?")
      print(grown, s)
      """)[0]
    #expect(
      printed(result)
        == "olleh [\"H\", \"E\", \"L\", \"L\", \"O\"] heo h\n"
        + "true true [\"e\", \"h\", \"l\", \"l\", \"o\"] o Optional(\"o\")\n3 l\n4 o\n"
        + "hello!? hello\n")
  }

  @Test func dictionariesFilteredAndMappedStayDictionaries() throws {
    let result = try evaluate(
      """
      let scores = ["ann": 0.9, "bob": 0.7, "cy": 0.95]
      let good = scores.filter { $0.value > 0.8 }
      print(good, good["cy"]!, scores.mapValues { Int($0 * 100) }, scores.filter { k, v in k < "b" })
      """)[0]
    #expect(
      printed(result)
        == "[\"ann\": 0.9, \"cy\": 0.95] 0.95 [\"ann\": 90, \"bob\": 70, \"cy\": 95] [\"ann\": 0.9]\n"
    )
  }

  @Test func closuresTakeTuplesApart() throws {
    let result = try evaluate(
      """
      let xs = [1.0, 2.0, 3.0]
      let ys = [4.0, 5.0, 6.0]
      let dot = zip(xs, ys).map { $0 * $1 }.reduce(0, +)
      let labelled = ["a", "b"].enumerated().map { i, s in "\\(i)=\\(s)" }
      let counts = ["x": 1, "y": 2]
      var seen: [String] = []
      counts.forEach { key, value in seen.append(key + String(value)) }
      print(dot, labelled, counts.map { k, v in v * 10 }, seen, zip(xs, ys).map(*), zip(xs, ys).map(<))
      let scaled = xs.map { x in
        let doubled = x * 2
        return doubled + 1
      }
      print(scaled.reduce(0, +))
      """)[0]
    #expect(result.error == nil, "\(failure(result) ?? "")")
    #expect(
      printed(result)
        == "32.0 [\"0=a\", \"1=b\"] [10, 20] [\"x1\", \"y2\"] [4.0, 10.0, 18.0] [true, true, true]\n15.0\n"
    )
  }

  @Test func partialRangesSearchesFromTheEndAndDirectivesAsFunctions() throws {
    let result = try evaluate(
      """
      let xs = [4, 8, 15, 16, 23, 42]
      let half = xs.count / 2
      var grid = [[1, 2, 3]]
      print(xs[..<half], xs[half...], xs[...1], grid[0][1...], xs.lastIndex(of: 15)!)
      print(xs.last { $0 < 20 }!, xs.lastIndex { $0 > 100 }, [2.0, 9.0].map(sqrt), [1, 4].map(Double.init))
      grid[0][2] = 0
      print(grid[0][1...], 1.5.description, true.description + "!", 7.description.count)
      """)[0]
    #expect(result.error == nil, "\(failure(result) ?? "")")
    #expect(
      printed(result)
        == "[4, 8, 15] [16, 23, 42] [4, 8] [2, 3] 2\n16 nil [1.4142135623730951, 3.0] [1.0, 4.0]\n"
        + "[2, 0] 1.5 true! 1\n")
    let failed = try evaluate("let xs = [1, 2]\nprint(xs[3...])")[0]
    #expect(
      failure(failed) == "nb.md:11:11: error: range requires lowerBound <= upperBound, got 3..<2")
  }

  @Test func unsupportedFormsNameTheWayToWriteThem() {
    #expect(
      check("outer: for i in 0..<3 {\n  for j in 0..<3 { if i == j { break outer } }\n}")
        == [
          "nb.md:10:1: error: a labeled statement ('outer:') is not supported in notebook cells; put the loops in a function and 'return' from it, or set a Bool and 'break' each loop"
        ])
    #expect(
      check("let x = 3 as Double")
        == [
          "nb.md:10:11: error: 'as' and 'is' is not supported in notebook cells; convert with 'Double(x)' or 'Int(x)', or declare the type: 'let x: Double = 3'"
        ])
    let seeded =
      "is not in the language: a report shows the same numbers on every run; the directives that draw numbers take a 'seed:' (network(..., seed: 1), train(..., shuffleSeed: 2))"
    #expect(
      check(
        "let r = Double.random(in: 0..<1)\nvar xs = [1, 2].shuffled()\nvar ys = [1]\nys.shuffle()")
        == [
          "nb.md:10:16: error: 'Double.random' \(seeded)",
          "nb.md:11:17: error: 'shuffled()' \(seeded)",
          "nb.md:13:4: error: 'shuffle()' \(seeded)",
        ])
    #expect(
      check("typealias Vector = [Double]")
        == [
          "nb.md:10:1: error: a 'typealias' is not supported in notebook cells; write the type itself: '[Double]'"
        ])
    #expect(
      check("extension Double { var squared: Double { self * self } }")
        == [
          "nb.md:10:1: error: an extension is not supported in notebook cells; declare a function that takes the value instead, as in 'func mean(_ values: [Double]) -> Double'"
        ])
    #expect(
      check("func bump(_ x: inout Int) { x += 1 }")
        == [
          "nb.md:10:16: error: an 'inout' parameter is not supported in notebook cells; return the new value and assign it: 'x = f(x)'"
        ])
    #expect(
      check("var c = 1\nprint(max(&c, 2))")
        == [
          "nb.md:11:11: error: passing '&' (an inout argument) is not supported in notebook cells; return the new value and assign it: 'x = f(x)'"
        ])
    #expect(
      check("var i = 0\ni++")
        == [
          "nb.md:11:2: error: '++' (Swift does not have it) is not supported in notebook cells; write 'i += 1'"
        ])
    #expect(
      check("let m = [1, 2].map { $0 }.first()[0...]")
        == [
          "nb.md:10:35: error: a range open at the top on this value is not supported in notebook cells; name the array first, or write 'values[start..<values.count]'"
        ])
  }
}

/// `reduce(into:)`: the closure changes the result in place, as Swift's `inout` parameter.
@Suite struct ReduceIntoTests {
  func check(_ source: String) -> [String] {
    NotebookChecker().check(cells: [makeCell(source)], params: [], file: "nb.md").map(\.description)
  }

  @Test func theResultIsChangedInPlaceAndTypedFromHowItIsFilled() throws {
    let result = try evaluate(
      """
      let words = ["b", "a", "b", "cc"]
      let counts = words.reduce(into: [:]) { $0[$1, default: 0] += 1 }
      let byLength = words.reduce(into: [:]) { groups, word in groups[word.count, default: []].append(word) }
      let firsts = words.reduce(into: [String: Int]()) { seen, word in
        if seen[word] != nil { return }
        seen[word] = seen.count
      }
      let squares = (1...4).reduce(into: []) { $0.append($1 * $1) }
      let sum = [1.5, 2.5].reduce(into: 0.0) { total, x in total += x }
      print(counts["b"]!, counts["cc"]!, byLength[1]!, byLength[2]!, firsts["cc"]!, squares, sum)
      print(Set([3, 1]).reduce(into: 0) { $0 += $1 }, "abc".reduce(into: "") { $0 = $1 + $0 })
      """)[0]
    #expect(result.error == nil, "\(failure(result) ?? "")")
    #expect(printed(result) == "2 1 [\"b\", \"a\", \"b\"] [\"cc\"] 2 [1, 4, 9, 16] 4.0\n4 cba\n")
  }

  @Test func aGrowingDictionaryIsNotCopiedPerStep() throws {
    // Each step holds the only reference to the dictionary: 60,000 steps, each adding a key.
    let result = try evaluate(
      "let d = (0..<60_000).reduce(into: [Int: Int]()) { d, i in d[i] = i * 2 }\nprint(d.count, d[59_999]!)"
    )[0]
    #expect(printed(result) == "60000 119998\n")
  }

  @Test func whatCannotBeTypedOrCalledSaysWhatToWrite() {
    #expect(
      check("let r = [1, 2].reduce(into: [:]) { _, _ in }")
        == [
          "nb.md:10:29: error: write the type of the empty result: 'reduce(into: [String: Int]())' or 'reduce(into: [Int]())'"
        ])
    #expect(
      check("func add(_ a: Int, _ b: Int) -> Int { a + b }\nlet r = [1].reduce(into: 0, add)")
        == [
          "nb.md:11:29: error: 'reduce(into:)' needs a closure written in place, as in 'reduce(into: 0) { total, x in total += x }': its first parameter changes"
        ])
    #expect(
      check("let r = [1].reduce(into: 0) { x in x }")
        == [
          "nb.md:10:29: error: the closure of 'reduce(into:)' takes 2 parameters, the result so far and an element"
        ])
  }
}

/// Forms Swift programmers write without thinking: key paths as functions, `Set` literals typed
/// by their elements, empty literals beside typed siblings, string slices, set relations.
@Suite struct EverydaySwiftTests {
  @Test func keyPathsStandForTheClosuresThatReadThem() throws {
    let result = try evaluate(
      """
      struct Item { var name: String; var tags: [String] }
      let items = [Item(name: "ab", tags: ["x"]), Item(name: "c", tags: [])]
      print(items.map(\\.name), items.map(\\.tags.count), items.filter(\\.tags.isEmpty).map(\\Item.name))
      print(items.sorted { $0.name.count < $1.name.count }.map(\\.name), items.contains(where: \\.tags.isEmpty))
      """)[0]
    #expect(result.error == nil, "\(failure(result) ?? "")")
    #expect(printed(result) == "[\"ab\", \"c\"] [1, 0] [\"c\"]\n[\"c\", \"ab\"] true\n")
    let check = NotebookChecker().check(
      cells: [makeCell("let xs = [[1]]\nlet f = xs.map(\\.[0])")], params: [], file: "nb.md")
    #expect(
      check.map(\.description).first?.contains("this key path component is not supported") == true)
  }

  @Test func literalsTakeTheirTypeFromTheirElementsOrSiblings() throws {
    let result = try evaluate(
      """
      let primes: Set = [2, 3, 5, 3]
      let rows = [[1, 2], [], [3]]
      let tables = [["a": 1], [:]]
      let initial: Character = "x"
      print(primes.count, primes.contains(3), rows.flatMap { $0 }, rows.map { $0.count }, tables[1].isEmpty, initial)
      """)[0]
    #expect(result.error == nil, "\(failure(result) ?? "")")
    #expect(printed(result) == "3 true [1, 2, 3] [2, 0, 1] true x\n")
  }

  @Test func stringSlicesAndPieces() throws {
    #expect(
      try shown(
        evaluate(
          "let s = \"notebook\"\n[s.prefix(4), s.suffix(4), s.dropFirst(), s.dropLast(5), s.prefix(20)]"
        )[0])
        == "[\"note\", \"book\", \"otebook\", \"not\", \"notebook\"]")
    #expect(
      try shown(evaluate("\"a,,b,\".components(separatedBy: \",\")")[0])
        == "[\"a\", \"\", \"b\", \"\"]")
    #expect(try failure(evaluate("\"abc\".prefix(-1)")[0])?.contains("-1") == true)
  }

  @Test func setRelations() throws {
    let result = try evaluate(
      """
      let a: Set<Int> = [1, 2, 3]
      print(a.isSuperset(of: [1, 3]), a.isSuperset(of: [4]), a.isDisjoint(with: [4, 5]), a.isDisjoint(with: Set([3])))
      print(a.symmetricDifference([3, 4, 5]), a.isSubset(of: [1, 2, 3, 4]))
      """)[0]
    #expect(result.error == nil, "\(failure(result) ?? "")")
    #expect(printed(result) == "true false true false\n[1, 2, 4, 5] true\n")
  }
}
