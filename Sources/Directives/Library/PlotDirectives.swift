/// Directives that draw. Their signatures are checked like any other; drawing needs the Plot
/// module's charts.
enum PlotDirectives {
  static let all: [Directive] = []
}
