import Foundation
import Testing

/// `nudge preview` over HTTP, as a browser and an editor use it.
@Suite(.serialized) struct PreviewCommandTests {
  static func notebook(prose: String, cell: String = "let total = n * 2\ntotal") -> String {
    """
    ---
    title: Tiny
    params:
      n: 3
    ---

    \(prose)

    ```swift
    //| name: sum
    \(cell)
    ```

    """
  }

  /// Saves like an editor that writes a new file and renames it over the old one.
  static func save(_ text: String, to path: String) throws {
    let temporary = path + ".swp"
    try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
    #expect(rename(temporary, path) == 0)
  }

  @Test func servesTheReportAndUpdatesEveryOpenPageAfterAnEdit() throws {
    let scratch = try Scratch()
    let path = try scratch.write(Self.notebook(prose: "First version of the prose."), to: "tiny.md")
    let preview = try PreviewProcess(["tiny.md"], in: scratch.path)
    let first = try LiveEvents(port: preview.port)
    let second = try LiveEvents(port: preview.port)
    #expect(try first.page(after: 0)["outcome"] as? String == "ok")
    #expect(try second.page(after: 0)["version"] as? Int == 1)

    let page = try LoopbackHTTP.get("/", port: preview.port)
    #expect(page.status == 200)
    #expect(page.body.contains("First version of the prose."))
    #expect(page.body.contains("<meta name=\"nudge-version\" content=\"1\">"))
    #expect(page.body.components(separatedBy: "<script>").count == 2)
    #expect(!page.body.contains("script-src 'none'"))
    #expect(page.headers["content-security-policy"]?.contains("script-src 'sha256-") == true)
    #expect(try LoopbackHTTP.get("/tiny.html", port: preview.port).body == page.body)

    try Self.save(Self.notebook(prose: "Second version of the prose."), to: path)
    for client in [first, second] {
      let update = try client.page(after: 1)
      #expect(update["version"] as? Int == 2)
      #expect((update["computed"] as? [String])?.isEmpty == true)
      #expect(update["cached"] as? Int == 1)
    }
    let updated = try LoopbackHTTP.get("/", port: preview.port).body
    #expect(updated.contains("Second version of the prose."))
    #expect(!updated.contains("First version"))

    try Self.save(Self.notebook(prose: "Second version of the prose.", cell: "n * 7"), to: path)
    let recomputed = try first.page(after: 2)
    #expect(recomputed["computed"] as? [String] == ["sum"])
    #expect(try LoopbackHTTP.get("/", port: preview.port).body.contains(">21<"))

    #expect(preview.stop() == 0)
    #expect(preview.standardOutput.contains("Stopped."))
    // The preview records no run and writes no report: only the cell cache.
    #expect(!FileManager.default.fileExists(atPath: "\(scratch.path)/output/tiny.html"))
    #expect(!FileManager.default.fileExists(atPath: "\(scratch.path)/output/tiny/runs"))
  }

  @Test func showsParseErrorsAndCellErrorsInThePageAndRecovers() throws {
    let scratch = try Scratch()
    let path = try scratch.write(Self.notebook(prose: "All is well."), to: "tiny.md")
    let preview = try PreviewProcess(["tiny.md"], in: scratch.path)
    let events = try LiveEvents(port: preview.port)
    _ = try events.page(after: 0)

    try Self.save(Self.notebook(prose: "All is well.", cell: "plott(n)"), to: path)
    #expect(try events.page(after: 1)["outcome"] as? String == "invalid")
    let unknown = try LoopbackHTTP.get("/", port: preview.port).body
    #expect(unknown.contains("tiny.md:11:1: error: cannot find &#39;plott&#39; in scope"))

    try Self.save("---\ntitle: [Tiny\n---\n\nProse.\n", to: path)
    #expect(try events.page(after: 2)["outcome"] as? String == "invalid")
    #expect(
      try LoopbackHTTP.get("/", port: preview.port).body.contains(
        "tiny.md:3:1: error: malformed front matter"))

    try Self.save(Self.notebook(prose: "All is well.", cell: "let total = [n][4]"), to: path)
    #expect(try events.page(after: 3)["outcome"] as? String == "failed")
    let failed = try LoopbackHTTP.get("/", port: preview.port).body
    #expect(failed.contains("index 4 is out of range"))
    #expect(failed.contains("All is well."))

    try Self.save(Self.notebook(prose: "Fixed again."), to: path)
    #expect(try events.page(after: 4)["outcome"] as? String == "ok")
    let fixed = try LoopbackHTTP.get("/", port: preview.port).body
    #expect(fixed.contains("Fixed again."))
    #expect(!fixed.contains("role=\"alert\""))
    #expect(failed.contains("role=\"alert\""))
    #expect(preview.stop() == 0)
  }

  @Test func refusesTraversalAbsolutePathsAndAnythingButThePage() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook(prose: "Secret-free."), to: "tiny.md")
    let preview = try PreviewProcess(["tiny.md"], in: scratch.path)
    _ = try LiveEvents(port: preview.port).page(after: 0)

    for target in [
      "/../tiny.md", "/%2e%2e/%2e%2e/etc/passwd", "/output/..", "//etc/passwd",
      "http://127.0.0.1/etc/passwd", "/a\\..\\tiny.md",
    ] {
      let response = try LoopbackHTTP.get(target, port: preview.port)
      #expect(response.status == 400, "\(target)")
      #expect(response.body.hasPrefix("refused:"), "\(target)")
    }
    for target in ["/tiny.md", "/output/", "/output/tiny/cache", "/etc/passwd", "/favicon.ico"] {
      let response = try LoopbackHTTP.get(target, port: preview.port)
      #expect(response.status == 404, "\(target)")
      #expect(!response.body.contains("Secret-free"), "\(target)")
    }
    #expect(try LoopbackHTTP.get("/", port: preview.port, method: "POST").status == 405)
    #expect(try LoopbackHTTP.get("/", port: preview.port, method: "HEAD").status == 200)
    #expect(preview.stop() == 0)
  }

  @Test func aBusyPortIsAClearErrorNamingThePort() throws {
    let scratch = try Scratch()
    try scratch.write(Self.notebook(prose: "Hello."), to: "tiny.md")
    let first = try PreviewProcess(["tiny.md"], in: scratch.path)
    // Its first render done, Ctrl-C interrupts nothing: exit status 0, not 130.
    _ = try LiveEvents(port: first.port).page(after: 0)
    let second = try NudgeRunner.run(
      ["preview", "tiny.md", "--port", String(first.port)], in: scratch.path)
    #expect(second.status == 2)
    #expect(second.standardError.contains("port \(first.port) is busy"))
    #expect(first.stop() == 0)

    let badHost = try NudgeRunner.run(
      ["preview", "tiny.md", "--host", "not-an-address"], in: scratch.path)
    #expect(badHost.status == 2)
    #expect(badHost.standardError.contains("'not-an-address' is not an IP address"))
    let missing = try NudgeRunner.run(["preview", "missing.md"], in: scratch.path)
    #expect(missing.status == 2)
    #expect(missing.standardError.contains("missing.md"))
  }
}

/// The live page in a real browser: headless Chromium from Debian (scripts/install-deps).
@Suite(.serialized) struct PreviewBrowserTests {
  @Test func theOpenPageChangesAfterAnEditWithoutAReload() throws {
    let chromium = try #require(
      HeadlessChromium.executable,
      "chromium is not installed; scripts/install-deps installs it (Debian package 'chromium')")
    let scratch = try Scratch()
    let path = try scratch.write(
      PreviewCommandTests.notebook(prose: "First version of the prose."), to: "tiny.md")
    let preview = try PreviewProcess(["tiny.md"], in: scratch.path)
    _ = try LiveEvents(port: preview.port).page(after: 0)

    let browser = try HeadlessChromium(executable: chromium)
    try browser.call("Page.navigate", ["url": "http://127.0.0.1:\(preview.port)/"])
    #expect(
      try browser.waitUntil(
        "document.readyState === 'complete' && document.body.innerText.includes('First version')"))
    // A mark that a reload would wipe, and the live script's banner that it adds on start.
    try browser.evaluate("window.nudgeMark = 'still here'; true")
    #expect(try browser.waitUntil("document.getElementById('nudge-live') !== null"))

    try PreviewCommandTests.save(
      PreviewCommandTests.notebook(prose: "Second version of the prose."), to: path)
    #expect(
      try browser.waitUntil(
        "document.body.innerText.includes('Second version') && window.nudgeMark === 'still here'"
      ))
    #expect(
      try browser.evaluate("document.body.innerText.includes('First version')") as? Bool == false)
    // The live script swapped page 2 in itself.
    #expect(try browser.evaluate("document.documentElement.dataset.nudgeVersion") as? String == "2")
    #expect(preview.stop() == 0)
  }
}
