import Foundation

extension RunRecord.Host {
  /// This machine: the OS's pretty name, the CPU model and the core count.
  package static var current: Self {
    Self(
      os: operatingSystem(), cpu: cpuModel(), cores: ProcessInfo.processInfo.activeProcessorCount)
  }

  private static func operatingSystem() -> String {
    if let release = try? String(contentsOfFile: "/etc/os-release", encoding: .utf8) {
      for line in release.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
        return line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(
          in: CharacterSet(charactersIn: "\""))
      }
    }
    return ProcessInfo.processInfo.operatingSystemVersionString
  }

  private static func cpuModel() -> String {
    if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) {
      for line in info.split(separator: "\n") where line.hasPrefix("model name") {
        if let colon = line.firstIndex(of: ":") {
          return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
      }
    }
    #if arch(x86_64)
      return "x86_64"
    #elseif arch(arm64)
      return "arm64"
    #else
      return "unknown"
    #endif
  }
}
