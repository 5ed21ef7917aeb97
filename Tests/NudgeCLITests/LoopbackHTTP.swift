import Foundation

#if canImport(Glibc)
  import Glibc
  /// Glibc imports the socket type as an enum, Darwin as a plain Int32.
  private let streamSocket = Int32(SOCK_STREAM.rawValue)
  private let systemSocket = Glibc.socket
  private let systemSend = Glibc.send
#elseif canImport(Darwin)
  import Darwin
  private let streamSocket = SOCK_STREAM
  private let systemSocket = Darwin.socket
  private let systemSend = Darwin.send
#endif

/// A deliberately small HTTP client over a plain socket, so tests can send what a browser would
/// never send (`..`, absolute targets) and read an event stream as it arrives.
final class LoopbackConnection {
  private let socket: Int32
  private var buffer: [UInt8] = []

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  init(port: UInt16, timeout: Double = 10) throws {
    socket = systemSocket(AF_INET, streamSocket, 0)
    guard socket >= 0 else { throw Failure(description: "socket() failed") }
    var seconds = timeval(tv_sec: Int(timeout), tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &seconds, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(socket)
      throw Failure(description: "cannot connect to port \(port)")
    }
  }

  deinit { close(socket) }

  func send(_ text: String) throws {
    try send(Array(text.utf8))
  }

  func send(_ bytes: [UInt8]) throws {
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { systemSend(socket, $0.baseAddress, $0.count, 0) }
      guard count > 0 else { throw Failure(description: "send failed") }
      sent += count
    }
  }

  /// Reads until `done` says the bytes so far are enough; throws on timeout or end of stream.
  func read(until done: ([UInt8]) -> Int?) throws -> [UInt8] {
    while true {
      if let end = done(buffer) {
        let taken = Array(buffer[..<end])
        buffer.removeFirst(end)
        return taken
      }
      var chunk = [UInt8](repeating: 0, count: 64 * 1024)
      let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      guard count > 0 else {
        throw Failure(
          description: "the connection ended or timed out after \(buffer.count) bytes: "
            + String(decoding: buffer.suffix(300), as: UTF8.self))
      }
      buffer += chunk[..<count]
    }
  }

  /// The index just past the first occurrence of `pattern` in `bytes`.
  static func end(of pattern: String, in bytes: [UInt8]) -> Int? {
    let needle = Array(pattern.utf8)
    guard bytes.count >= needle.count else { return nil }
    for start in 0...(bytes.count - needle.count)
    where bytes[start..<(start + needle.count)].elementsEqual(needle) {
      return start + needle.count
    }
    return nil
  }
}

/// One HTTP response as the tests look at it.
struct LoopbackResponse {
  var status: Int
  var headers: [String: String]
  var body: String
}

enum LoopbackHTTP {
  /// Sends `GET target` exactly as given and reads the whole response.
  static func get(_ target: String, port: UInt16, method: String = "GET") throws
    -> LoopbackResponse
  {
    let connection = try LoopbackConnection(port: port)
    try connection.send(
      "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
    let head = String(
      decoding: try connection.read { LoopbackConnection.end(of: "\r\n\r\n", in: $0) },
      as: UTF8.self)
    let lines = head.split(separator: "\r\n")
    let status = lines.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    var headers: [String: String] = [:]
    for line in lines.dropFirst() {
      guard let colon = line.firstIndex(of: ":") else { continue }
      headers[line[..<colon].lowercased()] = line[line.index(after: colon)...]
        .trimmingCharacters(in: .whitespaces)
    }
    let length = method == "HEAD" ? 0 : Int(headers["content-length"] ?? "0") ?? 0
    let body = try connection.read { $0.count >= length ? length : nil }
    return LoopbackResponse(
      status: status, headers: headers, body: String(decoding: body, as: UTF8.self))
  }
}

/// A browser's view of `/live`: the `page` events as they arrive.
final class LiveEvents {
  private let connection: LoopbackConnection

  init(port: UInt16, timeout: Double = 20) throws {
    connection = try LoopbackConnection(port: port, timeout: timeout)
    try connection.send("GET /live HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
    let head = try connection.read { LoopbackConnection.end(of: "\r\n\r\n", in: $0) }
    guard String(decoding: head, as: UTF8.self).contains("text/event-stream") else {
      throw LoopbackConnection.Failure(description: "/live is not an event stream")
    }
  }

  /// The next `page` event whose version is above `version`, as JSON.
  func page(after version: Int) throws -> [String: Any] {
    while true {
      let event = try connection.read { bytes in
        guard let start = LoopbackConnection.end(of: "event: page\ndata: ", in: bytes) else {
          return nil
        }
        return bytes[start...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }
      }
      let text = String(decoding: event, as: UTF8.self)
      let json = text[
        (text.range(of: "data: ", options: .backwards)?.upperBound ?? text.startIndex)...]
      if let page = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
        let number = page["version"] as? Int, number > version
      {
        return page
      }
    }
  }
}
