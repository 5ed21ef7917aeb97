import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// The HTTP side of `nudge preview` (FlyingFox): `/` is the live page, `/live` the event stream;
/// everything else is 404, and paths that try to climb out or name a file by absolute path are
/// refused with 400 before anything is looked up.
package final class PreviewServer: Sendable {
  package let hub: LiveHub
  private let server: HTTPServer
  private let reportName: String

  /// Where the server listens, as the user asked for it.
  package struct Endpoint: Sendable, Hashable {
    package var host: String
    package var port: UInt16
    package init(host: String, port: UInt16) {
      self.host = host
      self.port = port
    }
  }

  /// - Throws: `PreviewError` when `host` is not an IP address this machine can bind.
  package init(endpoint: Endpoint, reportName: String, hub: LiveHub) throws(PreviewError) {
    self.hub = hub
    self.reportName = reportName
    let address: any SocketAddress
    do {
      let host = endpoint.host == "localhost" ? "127.0.0.1" : endpoint.host
      address =
        host.contains(":")
        ? try sockaddr_in6.inet6(ip6: host, port: endpoint.port)
        : try sockaddr_in.inet(ip4: host, port: endpoint.port)
    } catch {
      throw PreviewError(
        "'\(endpoint.host)' is not an IP address to listen on; give --host an address such as 127.0.0.1 or 0.0.0.0"
      )
    }
    // The event streams live as long as a page is open: no response timeout applies to them.
    server = HTTPServer(
      config: HTTPServer.Configuration(
        address: address, timeout: 60 * 60 * 24 * 365, logger: .disabled))
  }

  /// Starts listening and serving; returns once the socket is bound, with the port it got.
  /// - Throws: `PreviewError` naming the port when it is busy or cannot be bound.
  package func start(endpoint: Endpoint) async throws(PreviewError) -> UInt16 {
    let hub = hub
    let reportName = reportName
    await server.appendRoute("*") { request in
      Self.respond(to: request, hub: hub, reportName: reportName)
    }
    let server = server
    let failure = Mutex<(any Error)?>(nil)
    let running = Task {
      do {
        try await server.run()
      } catch {
        failure.withLock { $0 = error }
      }
    }
    // Listening, or the bind failed (a busy port fails at once; no need to wait for a timeout).
    let deadline = ContinuousClock.now + .seconds(10)
    while await !server.isListening {
      let failed = failure.withLock { $0 }
      if failed != nil || ContinuousClock.now > deadline {
        running.cancel()
        throw Self.explain(failed, endpoint: endpoint)
      }
      try? await Task.sleep(for: .milliseconds(5))
    }
    switch await server.listeningAddress {
    case .ip4(_, let port)?, .ip6(_, let port)?: return port
    default: return endpoint.port
    }
  }

  /// Ends every open event stream and closes the listening socket.
  package func stop() async {
    hub.close()
    await server.stop(timeout: 1)
  }

  private static func explain(_ failure: (any Error)?, endpoint: Endpoint) -> PreviewError {
    switch failure {
    case SocketError.failed(_, let code, _)? where code == EADDRINUSE:
      PreviewError(
        "port \(endpoint.port) is busy on \(endpoint.host) (another program listens there); choose another with --port"
      )
    case let failure?:
      PreviewError(
        "cannot listen on \(endpoint.host) port \(endpoint.port): \(failure.localizedDescription)")
    case nil:
      PreviewError("cannot listen on \(endpoint.host) port \(endpoint.port): no answer in 10 s")
    }
  }

  static func respond(to request: HTTPRequest, hub: LiveHub, reportName: String) -> HTTPResponse {
    guard request.method == .GET || request.method == .HEAD else {
      return plain(
        .methodNotAllowed, "only GET and HEAD are served\n",
        extra: [HTTPHeader("Allow"): "GET, HEAD"])
    }
    switch RequestTarget(target: request.target.rawValue, reportName: reportName) {
    case .page:
      let (page, version) = hub.current
      return HTTPResponse(
        statusCode: .ok,
        headers: [
          .contentType: "text/html; charset=utf-8",
          HTTPHeader("Content-Security-Policy"): LivePage.contentSecurityPolicy,
          .cacheControl: "no-store",
          HTTPHeader("X-Content-Type-Options"): "nosniff",
          HTTPHeader("Nudge-Version"): String(version.version),
        ],
        body: Data(page.utf8))
    case .live:
      let body = EventStreamBody(events: hub.subscribe(), heartbeat: .seconds(15))
      return HTTPResponse(
        statusCode: .ok,
        headers: [
          .contentType: "text/event-stream; charset=utf-8",
          .cacheControl: "no-store",
          HTTPHeader("X-Accel-Buffering"): "no",
        ],
        body: HTTPBodySequence(from: body, suggestedBufferSize: 16 * 1024))
    case .refused(let reason):
      return plain(.badRequest, "refused: \(reason)\n")
    case .notFound:
      return plain(.notFound, "not found: the preview serves only / and /live\n")
    }
  }

  private static func plain(
    _ status: HTTPStatusCode, _ text: String, extra: HTTPHeaders = [:]
  ) -> HTTPResponse {
    var headers: HTTPHeaders = [
      .contentType: "text/plain; charset=utf-8", HTTPHeader("X-Content-Type-Options"): "nosniff",
    ]
    for (name, value) in extra { headers[name] = value }
    return HTTPResponse(statusCode: status, headers: headers, body: Data(text.utf8))
  }
}

/// A problem starting or running the preview, said so the user knows what to change.
package struct PreviewError: Error, CustomStringConvertible, Sendable {
  package var message: String
  package init(_ message: String) { self.message = message }
  package var description: String { message }
}
