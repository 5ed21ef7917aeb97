import Directives
import Notebook
import Report

/// Everything one render needs besides the notebook's cells: the run's params, where its files
/// go, and how it evaluates.
package struct RenderRequest: Sendable {
  /// The parsed notebook (`Document.load(path:)`); its `path` names the notebook in the record.
  package var document: Document
  /// `-p` values for this run, checked against the front matter's params and their types.
  package var overrides: [ParamOverride]
  /// The folder the latest report, the run folders and the cache go under (`output`).
  package var outputDirectory: String
  /// False recomputes every cell (`--no-cache`).
  package var usesCache: Bool
  /// Statements and loop iterations one cell may execute before it is stopped.
  package var stepBudget: Int
  /// Whether training may draw its progress bar on standard error.
  package var showsTrainingProgress: Bool
  package var reportOptions: ReportOptions
  /// Keys the cell cache and is written into the record.
  package var engineVersion: String
  /// The batch-scheduler task running this render, kept in its record.
  package var scheduler: SchedulerTask?

  package init(
    document: Document, overrides: [ParamOverride] = [], outputDirectory: String = "output",
    usesCache: Bool = true, stepBudget: Int = EvaluationOptions().stepBudget,
    showsTrainingProgress: Bool = false, reportOptions: ReportOptions = ReportOptions(),
    engineVersion: String = EngineVersion.current, scheduler: SchedulerTask? = nil
  ) {
    self.document = document
    self.overrides = overrides
    self.outputDirectory = outputDirectory
    self.usesCache = usesCache
    self.stepBudget = stepBudget
    self.showsTrainingProgress = showsTrainingProgress
    self.reportOptions = reportOptions
    self.engineVersion = engineVersion
    self.scheduler = scheduler
  }

  /// Where this request's files go.
  package var layout: OutputLayout {
    OutputLayout(notebookPath: document.path, outputDirectory: outputDirectory)
  }
}

/// The version that keys the cell cache: a new version recomputes every cell.
package enum EngineVersion {
  package static let current = "0.1.0"
}
