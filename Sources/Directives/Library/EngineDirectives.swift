/// Directives bound to the neural-network engine.
enum EngineDirectives {
  static let all: [Directive] = []
}
