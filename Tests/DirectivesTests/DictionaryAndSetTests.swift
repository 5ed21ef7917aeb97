import Foundation
import Notebook
import Testing

@testable import Directives

/// Dictionaries and sets: literals, keyed reads and in-place changes, members, iteration in
/// insertion order, value semantics, check errors and the session snapshot.
@Suite struct DictionaryAndSetTests {
  func check(_ sources: String...) -> [String] {
    let cells = sources.enumerated().map { makeCell($1, index: $0, line: 10 * ($0 + 1)) }
    return NotebookChecker().check(cells: cells, params: [], file: "nb.md").map(\.description)
  }

  @Test func countingWordsKeepsInsertionOrder() throws {
    let source = """
      var counts: [String: Int] = [:]
      for word in "the cat and the hat and the".split(separator: " ") {
        counts[word, default: 0] += 1
      }
      print(counts, counts.count, counts["the", default: 0], counts["dog", default: -1])
      counts["dog"] = 7
      counts["cat"] = 2
      counts.removeValue(forKey: "hat")
      counts.removeValue(forKey: "absent")
      print(counts, counts.keys.sorted(), counts.values, counts.isEmpty)
      """
    #expect(
      try printed(evaluate(source)[0])
        == "[\"the\": 3, \"cat\": 1, \"and\": 2, \"hat\": 1] 4 3 -1\n"
        + "[\"the\": 3, \"cat\": 2, \"and\": 2, \"dog\": 7] [\"and\", \"cat\", \"dog\", \"the\"] [3, 2, 2, 7] false\n"
    )
  }

  @Test func removalsKeepTheOrderOfTheRest() throws {
    // Removing most keys sweeps the holes they leave; the rest keep their order and values, and
    // a key added again goes to the end, as before any sweep.
    let source = """
      var d: [Int: String] = [:]
      var s: Set<Int> = []
      for i in 0..<100 {
        d[i] = "v\\(i)"
        s.insert(i)
      }
      for i in 0..<100 where i % 10 != 3 {
        d[i] = nil
        s.remove(i)
      }
      print(d, d.count, s.sorted() == Array(s), s.count)
      d[3] = nil
      d[3] = "again"
      s.remove(3)
      s.insert(3)
      print(d.keys.map { $0 }, d.values.map { $0 }, d[13] ?? "-", d[14] ?? "-", Array(s))
      var e = d
      e[23] = nil
      print(d.count, e.count, e.keys.map { $0 })
      """
    let results = try evaluate(source)
    #expect(failure(results[0]) == nil)
    #expect(
      printed(results[0]) == """
        [3: "v3", 13: "v13", 23: "v23", 33: "v33", 43: "v43", 53: "v53", 63: "v63", 73: "v73", 83: "v83", 93: "v93"] 10 true 10
        [13, 23, 33, 43, 53, 63, 73, 83, 93, 3] ["v13", "v23", "v33", "v43", "v53", "v63", "v73", "v83", "v93", "again"] v13 - [13, 23, 33, 43, 53, 63, 73, 83, 93, 3]
        10 9 [13, 33, 43, 53, 63, 73, 83, 93, 3]

        """)
  }

  @Test func literalsTakeTheirTypesFromTheContext() throws {
    let results = try evaluate(
      #"let rates: [String: Double] = ["a": 1, "b": 0.5]"#,
      #"print(rates, [1: "one"], [2: [1, 2]], rates.values.reduce(0, +))"#,
      #"var groups: [Int: [String]] = [:]"# + "\n"
        + #"for w in ["a", "bb", "cc"] { groups[w.count, default: []].append(w) }"# + "\n"
        + "groups")
    #expect(printed(results[1]) == "[\"a\": 1.0, \"b\": 0.5] [1: \"one\"] [2: [1, 2]] 1.5\n")
    #expect(shown(results[2]) == "[1: [\"a\"], 2: [\"bb\", \"cc\"]]")
  }

  @Test func dictionariesAndSetsAreValues() throws {
    let source = """
      var a = ["x": 1]
      var b = a
      b["x"] = 2
      var s: Set<String> = ["p"]
      var t = s
      t.insert("q")
      print(a, b, s, t, a == ["x": 1], s == ["p"])
      """
    #expect(
      try printed(evaluate(source)[0]) == "[\"x\": 1] [\"x\": 2] [\"p\"] [\"p\", \"q\"] true true\n"
    )
  }

  @Test func setsInInsertionOrder() throws {
    let source = """
      var seen: Set<Int> = [3, 1, 3]
      seen.insert(2)
      seen.insert(1)
      seen.remove(3)
      print(seen, seen.count, seen.contains(2), seen.contains(3), seen.sorted())
      let other = Set([5, 2, 2, 7])
      print(other, seen.union(other), seen.intersection(other), seen.subtracting([1]), seen.isSubset(of: [1, 2, 9]))
      var total = 0
      for x in other where x > 2 { total += x }
      print(total, Array(Set("hello")))
      """
    #expect(
      try printed(evaluate(source)[0])
        == "[1, 2] 2 true false [1, 2]\n[5, 2, 7] [1, 2, 5, 7] [2] [2] true\n12 [\"h\", \"e\", \"l\", \"o\"]\n"
    )
  }

  @Test func setsAnswerSequenceMethods() throws {
    let source = """
      var s: Set<Int> = [3, 1, 2]
      let kept = s.filter { $0 > 1 }
      print(s.map { $0 * 2 }, kept.union([9]), s.reduce(0, +), s.min(), s.max()!, s.sorted(by: >))
      print(s.contains { $0 > 2 }, s.allSatisfy { $0 > 0 }, s.first { $0 > 1 }, s.compactMap { $0 > 1 ? $0 : nil })
      var visited: [Int] = []
      s.forEach { visited.append($0) }
      print(visited, Set<String>().min(), Set(["pear", "fig"]).max()!, ["b", "a"].min()!)
      """
    #expect(
      try printed(evaluate(source)[0])
        == "[6, 2, 4] [3, 2, 9] 6 Optional(1) 3 [3, 2, 1]\ntrue true Optional(3) [3, 2]\n"
        + "[3, 1, 2] nil pear a\n")
  }

  @Test func emptyCollectionsFromTheirTypes() throws {
    let source = """
      var a = [Int]()
      var b = [String: Double]()
      var c = Set<Int>()
      var d = [[Double]]()
      var e = Array<Int>()
      var f = Dictionary<String, [Int]>()
      a.append(1)
      b["x"] = 2
      c.insert(3)
      d.append([1])
      e.append(4)
      f["y", default: []].append(5)
      print(a, b, c, d, e, f, [Int?]().count, Array<String>().isEmpty)
      print([Double](repeating: 0, count: 2), Set<String>(["a", "b", "a"]), [Int](1...3), Array(0..<3))
      let byParity = Dictionary(grouping: [1, 2, 3, 4, 5], by: { $0 % 2 })
      let byInitial = Dictionary(grouping: ["apple", "avocado", "fig"]) { $0.first! }
      let byName = Dictionary(uniqueKeysWithValues: zip(["a", "b"], [1.5, 2]))
      print(byParity, byInitial, byName, [String: Int](uniqueKeysWithValues: [("x", 1)]))
      """
    #expect(
      try printed(evaluate(source)[0])
        == "[1] [\"x\": 2.0] [3] [[1.0]] [4] [\"y\": [5]] 0 true\n"
        + "[0.0, 0.0] [\"a\", \"b\"] [1, 2, 3] [0, 1, 2]\n"
        + "[1: [1, 3, 5], 0: [2, 4]] [\"a\": [\"apple\", \"avocado\"], \"f\": [\"fig\"]] "
        + "[\"a\": 1.5, \"b\": 2.0] [\"x\": 1]\n")
    let twice = try evaluate(#"let d = Dictionary(uniqueKeysWithValues: [("a", 1), ("a", 2)])"#)[0]
    #expect(failure(twice) == #"nb.md:10:42: error: the key "a" is given twice"#)
  }

  @Test func typedInitializerCheckErrors() {
    #expect(
      check("let a = [Widget]()\nlet b = [Int](repeating: 0.5, count: 2)\nlet c = Set<Int>(1, 2)")
        == [
          "nb.md:10:9: error: cannot find type 'Widget' in scope",
          "nb.md:11:9: error: cannot convert value of type '[Double]' to '[Int]'",
          "nb.md:12:9: error: write 'Set(values)' or 'let name: Set<Int> = [...]'",
        ])
    #expect(
      check("let g = Dictionary(grouping: [[1]], by: { $0 })")
        == ["nb.md:10:41: error: a dictionary key is an Int, Double, String or Bool, not '[Int]'"])
  }

  @Test func checkErrorsNameTheFormToWrite() {
    #expect(
      check(#"var d = ["a": 1]"# + "\n" + #"d["a"] += 1"#) == [
        "nb.md:11:1: error: binary operator '+' cannot be applied to operands of type 'Int?' and 'Int'"
      ])
    #expect(
      check("let d = [:]") == [
        "nb.md:10:9: error: an empty dictionary needs a type: write 'var name: [String: Int] = [:]'"
      ])
    #expect(
      check(#"var d: [String: Int] = [:]"# + "\n" + #"d[1] = 2"#) == [
        "nb.md:11:3: error: cannot convert value of type 'Int' to expected argument type 'String'"
      ])
    #expect(
      check(#"var d: [String: Int] = [:]"# + "\n" + #"d["a"] = "b""#) == [
        "nb.md:11:1: error: cannot assign value of type 'String' to type 'Int?'"
      ])
    #expect(
      check(#"let d: [String: Int] = ["a": 1.5]"#) == [
        "nb.md:10:30: error: cannot convert value of type 'Double' to expected dictionary type 'Int'"
      ])
    #expect(
      check("let s: Set<[Int]> = []") == [
        "nb.md:10:5: error: 'Set<[Int]>': a key or set element is an Int, Double, String or Bool, not '[Int]'"
      ])
    #expect(
      check(#"let d = ["a": 1]"# + "\n" + #"d.removeValue(forKey: "a")"#) == [
        "nb.md:11:3: error: cannot use mutating member 'removeValue' on 'd': it is a 'let' constant; declare it with 'var'"
      ])
  }

  @Test func entriesAreOptionalsAndPairs() throws {
    let source = """
      var d = ["b": 2, "a": 1]
      d["c"] = 3
      d["b"] = nil
      print(d["a"], d["zz"], d["c"] ?? 0, d)
      for (key, value) in d { print(key, value, terminator: "; ") }
      for pair in d where pair.value > 1 { print(pair.key) }
      print(d.sorted { $0.value > $1.value }, d.map { $0.key + "!" }, d.max { $0.value < $1.value }!.key)
      print(d.removeValue(forKey: "a"), d.removeValue(forKey: "q"), d)
      var s: Set<Int> = [1]
      print(s.insert(2), s.insert(1), s.remove(1), s.remove(9), s)
      """
    #expect(
      try printed(evaluate(source)[0])
        == "Optional(1) nil 3 [\"a\": 1, \"c\": 3]\na 1; c 3; c\n"
        + "[(key: \"c\", value: 3), (key: \"a\", value: 1)] [\"a!\", \"c!\"] c\n"
        + "Optional(1) nil [\"c\": 3]\n"
        + "(inserted: true, memberAfterInsert: 2) (inserted: false, memberAfterInsert: 1) Optional(1) nil [2]\n"
    )
  }

  @Test func duplicateLiteralKeysAreAnErrorAtTheKey() throws {
    let results = try evaluate(#"let d = ["a": 1, "b": 2, "a": 3]"#)
    #expect(
      failure(results[0]) == "nb.md:10:26: error: the dictionary literal has the key \"a\" twice")
  }

  @Test func snapshotsKeepOrderAndTypes() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let session = try makeSession(directory: directory)
    try evaluate(
      #"var d: [String: Double] = ["z": 1, "a": 2]"# + "\n" + #"var s: Set<Int> = [9, 4]"#,
      session: session)
    let data = try session.snapshotData()
    let restored = try makeSession(directory: directory)
    try restored.restore(from: data)
    let results = try evaluate(#"d["m"] = 3"# + "\ns.insert(1)\nprint(d, s)", session: restored)
    #expect(printed(results[0]) == "[\"z\": 1.0, \"a\": 2.0, \"m\": 3.0] [9, 4, 1]\n")
  }
}
