/// Every directive a notebook can call, in one table: the evaluator, the checker and the
/// generated reference all read it, so adding a directive is adding one entry.
///
/// A function may have several entries (overloads, as `plot` of histories, of data and of a
/// function); a call goes to the first whose argument labels fit it.
package struct DirectiveTable: Sendable {
  package let directives: [Directive]
  private let functions: [String: [Directive]]

  package init(_ directives: [Directive]) {
    self.directives = directives
    var functions: [String: [Directive]] = [:]
    for directive in directives where directive.kind == .function {
      functions[directive.name, default: []].append(directive)
    }
    self.functions = functions
  }

  /// The table notebooks run with: the language's basics, the engine and the plots.
  package static let standard = DirectiveTable(
    CoreDirectives.all + EngineDirectives.all + PlotDirectives.all + DataPlotDirectives.all)

  package func function(named name: String) -> Directive? { functions[name]?.first }

  /// The overload of `name` that a call with these argument labels binds to. When none fits,
  /// the one sharing the most labels with the call, so its error message speaks of the form
  /// the notebook meant.
  package func function(named name: String, labels: [String?]) -> Directive? {
    guard let overloads = functions[name], let first = overloads.first else { return nil }
    guard overloads.count > 1 else { return first }
    let written = labels.map { (label: $0, position: Position(line: 0, column: 0)) }
    if let fitting = overloads.first(where: { overload in
      if case .success = ArgumentMatcher.match(
        labels: written, to: overload, at: Position(line: 0, column: 0))
      {
        true
      } else {
        false
      }
    }) {
      return fitting
    }
    func shared(_ overload: Directive) -> Int {
      let known = Set(overload.parameters.compactMap(\.label))
      return labels.compactMap { $0 }.filter(known.contains).count
    }
    return overloads.max { shared($0) < shared($1) } ?? first
  }

  package var functionNames: [String] {
    var seen: Set<String> = []
    return directives.filter { $0.kind == .function && seen.insert($0.name).inserted }.map(\.name)
  }

  /// The method or property `name` of a receiver of type `type`.
  package func member(named name: String, on type: ValueType) -> Directive? {
    members(of: type).first { $0.name == name }
  }

  /// The methods and properties a receiver of type `type` has.
  package func members(of type: ValueType) -> [Directive] {
    guard type != .any else { return [] }
    return directives.filter { directive in
      switch directive.kind {
      case .function: false
      case .method(let receiver), .property(let receiver): receiver.accepts(type)
      }
    }
  }

  /// The reference page: every directive's signature and summary, as Markdown.
  package var markdownReference: String {
    var lines = [
      "# Directives", "",
      "Generated from the directive table in `Sources/Directives/Library/` (also printed by `nudge check --list-directives`); do not edit by hand.",
      "",
    ]
    func section(_ title: String, _ entries: [Directive]) {
      guard !entries.isEmpty else { return }
      lines += ["## \(title)", "", "| directive | what it does |", "| --- | --- |"]
      for directive in entries {
        let signature = directive.signature.replacingAll("|", with: "\\|")
        lines.append("| `\(signature)` | \(directive.summary) |")
      }
      lines.append("")
    }
    section("Functions", directives.filter { $0.kind == .function })
    section(
      "Methods",
      directives.filter { if case .method = $0.kind { true } else { false } })
    section(
      "Properties",
      directives.filter { if case .property = $0.kind { true } else { false } })
    return lines.joined(separator: "\n")
  }
}
