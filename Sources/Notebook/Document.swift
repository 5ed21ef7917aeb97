/// A parsed notebook: front matter, then prose and cells in file order.
///
/// Immutable and free of C pointers: cmark's tree is copied out and freed during parsing.
package struct Document: Hashable, Sendable {
  /// The path the notebook was read from, as the user named it (used in diagnostics).
  package var path: String
  package var title: String?
  /// Front-matter params in the order they are written.
  package var params: [Param]
  package var blocks: [Block]

  package init(path: String, title: String?, params: [Param], blocks: [Block]) {
    self.path = path
    self.title = title
    self.params = params
    self.blocks = blocks
  }

  /// The cells, in order.
  package var cells: [Cell] {
    blocks.compactMap { if case .cell(let cell) = $0 { cell } else { nil } }
  }
}

/// One piece of a notebook.
package enum Block: Hashable, Sendable {
  /// CommonMark prose (including fenced blocks that are not cells), as source text.
  case prose(Prose)
  case cell(Cell)
}

/// A run of prose between cells, kept as its Markdown source so the report renders it with cmark.
package struct Prose: Hashable, Sendable {
  package var markdown: String
  /// The notebook line of the prose's first line.
  package var line: Int

  package init(markdown: String, line: Int) {
    self.markdown = markdown
    self.line = line
  }
}

/// A `swift` fenced block: a cell that Nudge evaluates.
package struct Cell: Hashable, Sendable, Codable {
  /// 0-based position among the notebook's cells.
  package var index: Int
  package var options: CellOptions
  /// The code, without the leading `//|` option lines.
  package var source: String
  /// The notebook line of the first line of `source` (after the option lines).
  package var sourceLine: Int
  /// The notebook column (1-based, UTF-8 bytes) where the cell's lines start, i.e. the fence's
  /// indentation plus one.
  package var sourceColumn: Int
  /// The notebook line of the opening fence.
  package var fenceLine: Int

  package init(
    index: Int, options: CellOptions, source: String, sourceLine: Int, sourceColumn: Int,
    fenceLine: Int
  ) {
    self.index = index
    self.options = options
    self.source = source
    self.sourceLine = sourceLine
    self.sourceColumn = sourceColumn
    self.fenceLine = fenceLine
  }

  /// The cell's stable id: its `name` option, else `cell<N>` counted from 1.
  package var id: String { options.name ?? "cell\(index + 1)" }
}

/// The `//|` options at the top of a cell.
package struct CellOptions: Hashable, Sendable, Codable {
  /// Stable id used by caching and diff.
  package var name: String?
  /// `eval: false` shows the cell without running it.
  package var eval: Bool = true
  /// `echo: false` runs the cell and hides its source.
  package var echo: Bool = true
  /// `error: true` shows a failure and lets the run go on.
  package var error: Bool = false
  /// `cache: false` always recomputes the cell.
  package var cache: Bool = true
  /// `label: fig-cost` or `label: tbl-scores` numbers the cell's figure or table so prose can
  /// refer to it as `@fig-cost`.
  package var label: String?
  /// `fig-cap: "..."` / `tbl-cap: "..."`: the caption under the figure or over the table.
  package var figureCaption: String?
  package var tableCaption: String?
  /// `output: false` runs the cell and hides what it shows.
  package var output: Bool = true
  /// `fold: true` shows the code folded away in a closed `<details>`.
  package var fold: Bool = false
  /// `metrics: false` hides the metrics and series the cell records.
  package var metrics: Bool = true
  /// `timeout: 60` stops the cell after that many seconds (else the run's `--cell-timeout`).
  package var timeout: Double?

  package init(
    name: String? = nil, eval: Bool = true, echo: Bool = true, error: Bool = false,
    cache: Bool = true, label: String? = nil, figureCaption: String? = nil,
    tableCaption: String? = nil, output: Bool = true, fold: Bool = false, metrics: Bool = true
  ) {
    self.name = name
    self.eval = eval
    self.echo = echo
    self.error = error
    self.cache = cache
    self.label = label
    self.figureCaption = figureCaption
    self.tableCaption = tableCaption
    self.output = output
    self.fold = fold
    self.metrics = metrics
  }
}

/// A front-matter parameter: a variable in every cell, overridable with `-p name=value`.
package struct Param: Hashable, Sendable, Codable {
  package var name: String
  package var value: ParamValue
  /// Where the param is written in the front matter.
  package var line: Int

  package init(name: String, value: ParamValue, line: Int) {
    self.name = name
    self.value = value
    self.line = line
  }
}

/// A param's typed value; `-p` overrides must parse as the same type.
package enum ParamValue: Hashable, Sendable, CustomStringConvertible {
  case int(Int)
  case double(Double)
  case bool(Bool)
  case string(String)

  package var typeName: String {
    switch self {
    case .int: "Int"
    case .double: "Double"
    case .bool: "Bool"
    case .string: "String"
    }
  }

  package var description: String {
    switch self {
    case .int(let value): String(value)
    case .double(let value): String(value)
    case .bool(let value): String(value)
    case .string(let value): value
    }
  }
}
