import Foundation
import Notebook
import Testing

@testable import Directives

@Suite struct SessionTests {
  let params = [
    Param(name: "epochs", value: .int(3), line: 3),
    Param(name: "rate", value: .double(0.1), line: 4),
    Param(name: "fast", value: .bool(false), line: 5),
    Param(name: "label", value: .string("run"), line: 6),
  ]

  @Test func aValueTooDeepToSaveIsAClearError() throws {
    let session = try makeSession()
    _ = session.evaluate(makeCell("var a: [Any] = []\nfor _ in 0..<300 { a = [a] }"))
    #expect {
      _ = try session.snapshotData()
    } throws: { error in
      "\(error)".hasPrefix("the variables could not be saved: ")
        && "\(error)".contains("nested a few hundred levels deep")
    }
  }

  @Test func paramsAreVariablesInEveryCell() throws {
    let session = try makeSession(params: params)
    let results = try evaluate("print(epochs, rate, fast, label)", "epochs * 2", session: session)
    #expect(printed(results[0]) == "3 0.1 false run\n")
    #expect(results[0].paramsRead == ["epochs", "rate", "fast", "label"])
    #expect(results[1].paramsRead == ["epochs"])
  }

  @Test func aFailureIsTheStatusTheErrorAndTheLastOutput() throws {
    let results = try evaluate("print(1)", "print(2)\nlet x: Int = \"a\"", "[1][3]")
    #expect(results[0].status == .ok)
    #expect(results[0].error == nil)
    for failed in results.dropFirst() {
      #expect(failed.status == .failed)
      #expect(failed.outputs.last == failed.error.map(CellOutput.error))
    }
  }

  @Test func overridesAreParsedAsTheDefaultsType() throws {
    let overrides = [
      ParamOverride(name: "epochs", text: "5"), ParamOverride(name: "rate", text: "3e-4"),
      ParamOverride(name: "fast", text: "true"), ParamOverride(name: "label", text: "a=b"),
    ]
    let session = try makeSession(params: params, overrides: overrides)
    #expect(
      try printed(evaluate("print(epochs, rate, fast, label)", session: session)[0])
        == "5 0.0003 true a=b\n")
  }

  @Test func anOverrideOfTheWrongTypeNamesTheParamAndType() throws {
    #expect {
      try makeSession(params: params, overrides: [ParamOverride(name: "epochs", text: "five")])
    } throws: { error in
      "\(error)"
        == "error: param 'epochs' is an Int (default 3), but '-p epochs=five' is not an Int"
    }
    #expect {
      try makeSession(params: params, overrides: [ParamOverride(name: "epoch", text: "5")])
    } throws: { error in
      "\(error)"
        == "error: unknown param 'epoch'; did you mean 'epochs'? (its params are epochs, rate, fast, label)"
    }
  }

  @Test func aTimeLimitStopsARunawayLoop() throws {
    let session = try makeSession(cellTimeout: 0.2)
    let results = try evaluate(
      "var n = 0\nwhile true {\n  n += 1\n}", "n > 0", session: session)
    #expect(
      failure(results[0])
        == "nb.md:11:1: error: the cell ran longer than its time limit of 0.2 s (a loop that never ends?); raise it with the cell option '//| timeout: <seconds>' or '--cell-timeout'"
    )
    // The limit is per cell: the next cell runs.
    #expect(shown(results[1]) == "true")
  }

  @Test func anOutputLimitStopsARunawayPrintLoop() throws {
    let directory = temporaryDirectory()
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // The time limit is a safety net: without the output limit the error would name it instead.
    let session = try makeSession(cellTimeout: 60, outputLimit: 10_000, directory: directory)
    let results = try evaluate(
      "var n = 0\nwhile true {\n  print(n)\n  n += 1\n}", "n > 1_000",
      "for i in 0..<Int.max {\n  metric(\"m\", Double(i))\n}", session: session)
    let limitMessage =
      "error: the cell's output passed 10000 bytes (a print in a loop that never ends?); print less, or write the data to a file"
    #expect(failure(results[0]) == "nb.md:11:1: " + limitMessage)
    // What it printed before the limit stays, as one block of text.
    let texts = results[0].outputs.filter { if case .text = $0 { true } else { false } }
    #expect(texts.count == 1)
    #expect(printed(results[0]).hasPrefix("0\n1\n2\n3\n"))
    #expect(printed(results[0]).utf8.count > 10_000)
    #expect(shown(results[1]) == "true")
    #expect(failure(results[2]) == "nb.md:30:1: " + limitMessage)
  }

  @Test func runtimeErrorsStopTheCellAtTheirPosition() throws {
    let results = try evaluate(
      "let xs = [1, 2]\nprint(\"before\")\nprint(xs[2])\nprint(\"after\")",
      "let big = 9_223_372_036_854_775_807 + 1", "[1, 2][0..<3]", "min()")
    #expect(printed(results[0]) == "before\n")
    #expect(failure(results[0]) == "nb.md:12:10: error: index 2 is out of range (0..<2)")
    #expect(
      failure(results[1])
        == "nb.md:20:37: error: arithmetic overflow: '9223372036854775807 + 1' does not fit in an Int"
    )
    #expect(failure(results[2]) == "nb.md:30:8: error: range 0..<3 is out of bounds (0..<2)")
    #expect(failure(results[3]) == "nb.md:40:1: error: 'min' needs at least one value")
  }

  @Test func metricsAreQualifiedByTheCellsName() throws {
    let session = try makeSession()
    let result = session.evaluate(
      makeCell("metric(\"accuracy\", 0.75)\nmetric(\"steps\", 3)", name: "train"))
    #expect(
      result.outputs == [
        .metric(name: "train.accuracy", value: 0.75), .metric(name: "train.steps", value: 3),
      ])
    let unnamed = session.evaluate(makeCell("metric(\"bad name\", 1)", index: 4))
    #expect(
      failure(unnamed)
        == "nb.md:10:8: error: a metric name uses letters, digits, '.', '_' and '-', got \"bad name\""
    )
  }

  @Test func tablesFromRows() throws {
    let results = try evaluate(
      #"table([[1, "a"], [2, "b"]], columns: ["n", "letter"], caption: "Pairs")"#)
    #expect(
      results[0].outputs == [
        .table(
          Table(caption: "Pairs", columns: ["n", "letter"], rows: [["1", "a"], ["2", "b"]]))
      ])
  }

  @Test func tableCellsShowDoublesToFourSignificantDigits() throws {
    let results = try evaluate(#"table([["a", 0.123456789, 2.0, 1e-7, 123.456]])"#)
    // The spelling of the report's metrics and the diffs (NumberFormat.metric).
    #expect(
      results[0].outputs == [
        .table(
          Table(
            columns: ["column 1", "column 2", "column 3", "column 4", "column 5"],
            rows: [["a", "0.1235", "2", "1e-07", "123.5"]]))
      ])
  }

  @Test func aStringNamesAnEnumerationCase() throws {
    let results = try evaluate(
      "let hidden = \"tanh\"\nprint(network([2, 2], hidden: hidden))",
      #"network([2, 2], hidden: "rleu")"#)
    #expect(
      printed(results[0])
        == "Network 2-2 (hidden: .tanh, output: .sigmoid, cost: .quadratic), 6 parameters\n")
    #expect(
      failure(results[1])?.contains(
        "type 'Activation' has no member 'rleu'; did you mean '.relu'?") == true)
  }

  @Test func snapshotsRestoreVariables() throws {
    let session = try makeSession()
    try evaluate("var a = 1", session: session)
    let snapshot = session.snapshot()
    session.evaluate(makeCell("a = 5", index: 1))
    #expect(try shown(evaluate("a", session: session)[0]) == "5")
    session.restore(snapshot)
    #expect(try shown(evaluate("a", session: session)[0]) == "1")
  }

  @Test func cellsRecordWhichEarlierVariablesTheyRead() throws {
    let results = try evaluate("let a = 1\nlet b = 2", "let c = a + 1\nc * 2")
    #expect(results[1].variablesRead == ["a"])
  }
}

@Suite struct FileAccessTests {
  let directory = temporaryDirectory()

  func access() -> FileAccess {
    FileAccess(notebookDirectory: directory, outputDirectory: directory + "/output")
  }

  let here = Position(line: 1, column: 1)

  @Test func pathsInsideTheNotebookFolderAndOutputAreAllowed() throws {
    #expect(
      try access().readable("data/x.idx", at: here) == FileAccess.canonical(directory)
        + "/data/x.idx")
    #expect(try access().inOutput("net.safetensors", at: here).hasSuffix("/output/net.safetensors"))
    #expect(
      try access().readable(directory + "/output/net.safetensors", at: here).hasSuffix(
        "/output/net.safetensors"))
  }

  @Test func parentDirectoryEscapesAreRefused() {
    #expect {
      try access().readable("data/../../secret", at: here)
    } throws: { error in
      "\(error)".contains("refusing to access 'data/../../secret': paths with '..' may not leave")
    }
  }

  @Test func absolutePathsElsewhereAreRefused() {
    #expect {
      try access().readable("/etc/passwd", at: here)
    } throws: { error in
      "\(error)".contains(
        "refusing to access '/etc/passwd': a cell may only use files inside the notebook's folder")
    }
  }

  @Test func symbolicLinksOutOfTheFolderAreRefused() throws {
    try FileManager.default.createSymbolicLink(
      atPath: directory + "/escape", withDestinationPath: "/etc")
    #expect(throws: EvaluationError.self) { try access().readable("escape/passwd", at: here) }
  }
}
