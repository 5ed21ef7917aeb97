import Testing

@testable import Preview

@Suite struct RequestTargetTests {
  @Test(arguments: [
    "/..", "/../etc/passwd", "/a/../../b", "/%2e%2e/x", "/%2E%2E", "/a%2f..%2fb", "//etc/passwd",
    "http://example.com/", "etc/passwd", "/a\\b", "/a%00b", "*",
  ])
  func refusesClimbingAndAbsoluteTargets(target: String) {
    guard case .refused = RequestTarget(target: target, reportName: "lesson.html") else {
      Issue.record("\(target) was not refused")
      return
    }
  }

  @Test func servesOnlyThePageAndTheLiveEndpoint() {
    #expect(RequestTarget(target: "/", reportName: "lesson.html") == .page)
    #expect(RequestTarget(target: "/?scroll=1", reportName: "lesson.html") == .page)
    #expect(RequestTarget(target: "/lesson.html", reportName: "lesson.html") == .page)
    #expect(RequestTarget(target: "/index.html", reportName: "lesson.html") == .page)
    #expect(RequestTarget(target: "/live", reportName: "lesson.html") == .live)
    #expect(RequestTarget(target: "/lesson.md", reportName: "lesson.html") == .notFound)
    #expect(RequestTarget(target: "/output/", reportName: "lesson.html") == .notFound)
    #expect(RequestTarget(target: "/a..b", reportName: "lesson.html") == .notFound)
  }
}
