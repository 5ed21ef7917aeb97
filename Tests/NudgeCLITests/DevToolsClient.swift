import Foundation

/// Headless Chromium driven over the DevTools protocol: a WebSocket (RFC 6455, client side,
/// text frames only) to one page target, with `evaluate` to read the page.
final class HeadlessChromium {
  private let process = Process()
  private let profile: String
  private var socket: LoopbackConnection?
  private var nextID = 0

  static var executable: String? {
    for name in ["chromium", "chromium-browser"] {
      for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(
        separator: ":")
      where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
        return "\(folder)/\(name)"
      }
    }
    return nil
  }

  init(executable: String) throws {
    profile =
      FileManager.default.temporaryDirectory
      .appendingPathComponent("nudge-chromium-\(UUID().uuidString.prefix(8))").path
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = [
      "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
      "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1",
      "--user-data-dir=\(profile)/user-data", "about:blank",
    ]
    // Chromium makes folders of its own in TMPDIR (org.chromium.Chromium.*): keep them inside
    // the profile folder, which goes when the client does. Its name is short because Chromium
    // puts a socket in there, and a socket's path has at most 107 bytes.
    try FileManager.default.createDirectory(
      atPath: "\(profile)/t", withIntermediateDirectories: true)
    process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": "\(profile)/t"]) {
      $1
    }
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    let said = Locked("")
    errors.fileHandleForReading.readabilityHandler = { handle in
      let text = String(decoding: handle.availableData, as: UTF8.self)
      said.update { $0 += text }
    }
    try process.run()
    let deadline = Date().addingTimeInterval(30)
    var port: UInt16?
    while port == nil, Date() < deadline, process.isRunning {
      if let range = said.get().range(
        of: #"ws://127\.0\.0\.1:\d+/"#, options: .regularExpression)
      {
        port = UInt16(said.get()[range].dropFirst("ws://127.0.0.1:".count).dropLast())
      } else {
        usleep(20_000)
      }
    }
    guard let port else {
      throw LoopbackConnection.Failure(description: "chromium did not start: \(said.get())")
    }
    try attach(port: port)
  }

  deinit {
    socket = nil
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
    }
    // Chromium's helper processes may still write into the profile for a moment after it exits.
    for _ in 0..<20 where FileManager.default.fileExists(atPath: profile) {
      try? FileManager.default.removeItem(atPath: profile)
      usleep(100_000)
    }
  }

  private func attach(port: UInt16) throws {
    let list = try LoopbackHTTP.get("/json/list", port: port)
    let targets = try JSONSerialization.jsonObject(with: Data(list.body.utf8)) as? [[String: Any]]
    guard let page = targets?.first(where: { $0["type"] as? String == "page" }),
      let url = page["webSocketDebuggerUrl"] as? String,
      let path = url.range(of: "/devtools/").map({ String(url[$0.lowerBound...]) })
    else { throw LoopbackConnection.Failure(description: "no page target in \(list.body)") }
    let connection = try LoopbackConnection(port: port, timeout: 30)
    try connection.send(
      "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\n"
        + "Connection: Upgrade\r\nSec-WebSocket-Key: bnVkZ2UtcHJldmlldy10ZXN0\r\n"
        + "Sec-WebSocket-Version: 13\r\n\r\n")
    let head = try connection.read { LoopbackConnection.end(of: "\r\n\r\n", in: $0) }
    guard String(decoding: head, as: UTF8.self).hasPrefix("HTTP/1.1 101") else {
      throw LoopbackConnection.Failure(
        description: "no WebSocket upgrade: \(String(decoding: head, as: UTF8.self))")
    }
    socket = connection
  }

  /// Sends one DevTools command and returns its `result`.
  @discardableResult
  func call(_ method: String, _ params: [String: Any] = [:]) throws -> [String: Any] {
    guard let socket else { throw LoopbackConnection.Failure(description: "not attached") }
    nextID += 1
    let id = nextID
    let message = try JSONSerialization.data(
      withJSONObject: ["id": id, "method": method, "params": params])
    try socket.send(Self.maskedTextFrame([UInt8](message)))
    while true {
      let reply = try Self.readMessage(from: socket)
      guard let json = try JSONSerialization.jsonObject(with: Data(reply)) as? [String: Any],
        json["id"] as? Int == id
      else { continue }  // an event, or another command's reply
      if let error = json["error"] {
        throw LoopbackConnection.Failure(description: "\(method) failed: \(error)")
      }
      return json["result"] as? [String: Any] ?? [:]
    }
  }

  /// The value of a JavaScript expression in the page.
  func evaluate(_ expression: String) throws -> Any? {
    let result = try call("Runtime.evaluate", ["expression": expression, "returnByValue": true])
    return (result["result"] as? [String: Any])?["value"]
  }

  /// Polls `expression` until it is true; false after `seconds`.
  func waitUntil(_ expression: String, seconds: Double = 30) throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if try evaluate(expression) as? Bool == true { return true }
      usleep(50_000)
    }
    return false
  }

  static func maskedTextFrame(_ payload: [UInt8]) -> [UInt8] {
    var frame: [UInt8] = [0x81]
    switch payload.count {
    case ..<126: frame.append(0x80 | UInt8(payload.count))
    case ..<65536:
      frame.append(0x80 | 126)
      frame += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
    default:
      frame.append(0x80 | 127)
      frame += (0..<8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xFF) }
    }
    let mask = (0..<4).map { _ in UInt8.random(in: 0...255) }
    frame += mask
    frame += payload.enumerated().map { $0.element ^ mask[$0.offset % 4] }
    return frame
  }

  /// One whole message (continuation frames joined); control frames are skipped.
  static func readMessage(from socket: LoopbackConnection) throws -> [UInt8] {
    var message: [UInt8] = []
    while true {
      let header = try socket.read { $0.count >= 2 ? 2 : nil }
      let final = header[0] & 0x80 != 0
      let opcode = header[0] & 0x0F
      var length = Int(header[1] & 0x7F)
      if length == 126 {
        let bytes = try socket.read { $0.count >= 2 ? 2 : nil }
        length = Int(bytes[0]) << 8 | Int(bytes[1])
      } else if length == 127 {
        let bytes = try socket.read { $0.count >= 8 ? 8 : nil }
        length = bytes.reduce(0) { $0 << 8 | Int($1) }
      }
      let payload = try socket.read { $0.count >= length ? length : nil }
      if opcode >= 0x8 { continue }
      message += payload
      if final { return message }
    }
  }
}
