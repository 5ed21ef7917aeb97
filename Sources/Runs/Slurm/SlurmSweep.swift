import Foundation
import Notebook

/// What `nudge render --slurm` submitted, kept beside the runs as `slurm/<job id>.json` so that
/// `nudge runs` can show tasks that have not started and `nudge sweep wait` knows every task.
package struct SlurmSweep: Codable, Hashable, Sendable {
  package static let currentSchema = 1

  /// One `-p` override of a combination, in the order the command line gave it.
  package struct Param: Codable, Hashable, Sendable {
    package var name: String
    package var value: String
    package init(name: String, value: String) {
      self.name = name
      self.value = value
    }
  }

  package struct Task: Codable, Hashable, Sendable {
    /// The task's index in the array (`SLURM_ARRAY_TASK_ID`).
    package var index: Int
    package var params: [Param]
    /// The exact command the task runs, as the script has it.
    package var command: String

    package init(index: Int, params: [Param], command: String) {
      self.index = index
      self.params = params
      self.command = command
    }

    /// `rate=0.1 seed=2`, for listings; `(defaults)` when the task overrides no param.
    package var label: String {
      params.isEmpty ? "(defaults)" : params.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
    }
  }

  package var schema: Int = currentSchema
  package var jobID: String
  package var notebook: String
  package var submittedAt: String
  package var scriptPath: String
  package var logDirectory: String
  package var tasks: [Task]

  package init(
    jobID: String, notebook: String, submittedAt: String, scriptPath: String, logDirectory: String,
    tasks: [Task]
  ) {
    self.jobID = jobID
    self.notebook = notebook
    self.submittedAt = submittedAt
    self.scriptPath = scriptPath
    self.logDirectory = logDirectory
    self.tasks = tasks
  }

  package func logPath(of task: Task) -> String {
    SlurmArrayScript.logPath(in: logDirectory, jobID: jobID, taskID: task.index)
  }

  /// The folder of a notebook's submitted sweeps: scripts, these records and the tasks' logs.
  package static func directory(of layout: OutputLayout) -> String {
    "\(layout.notebookDirectory)/slurm"
  }

  package static func path(of layout: OutputLayout, jobID: String) -> String {
    "\(directory(of: layout))/\(jobID).json"
  }

  package func save(to path: String) throws {
    try AtomicFile.write(try StableJSON.encode(self, pretty: true) + [0x0A], to: path)
  }

  package static func load(path: String) throws -> SlurmSweep {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw RunsError("\(path): cannot read this sweep's record")
    }
    do {
      let sweep = try StableJSON.decode(SlurmSweep.self, from: Array(data))
      guard sweep.schema == currentSchema else {
        throw RunsError(
          "\(path): sweep record schema \(sweep.schema) is not the \(currentSchema) this nudge reads"
        )
      }
      return sweep
    } catch let error as RunsError {
      throw error
    } catch {
      throw RunsError("\(path): not a valid Nudge sweep record: \(error)")
    }
  }

  /// Every sweep submitted for the notebook of `layout`, oldest first; unreadable ones are skipped
  /// with a message each.
  package static func all(in layout: OutputLayout) -> (sweeps: [SlurmSweep], problems: [String]) {
    let folder = directory(of: layout)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    var sweeps: [SlurmSweep] = []
    var problems: [String] = []
    for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
      do {
        sweeps.append(try load(path: "\(folder)/\(name)"))
      } catch {
        problems.append("\(error) (skipped)")
      }
    }
    return (sweeps.sorted { $0.submittedAt < $1.submittedAt }, problems)
  }

  /// The sweep with job id `jobID` under any notebook's folder in `outputDirectory`.
  package static func find(jobID: String, outputDirectory: String) throws -> (
    SlurmSweep, OutputLayout
  ) {
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: outputDirectory)) ?? []
    for folder in folders.sorted() {
      let layout = OutputLayout(outputDirectory: outputDirectory, folderName: folder)
      let path = Self.path(of: layout, jobID: jobID)
      if FileManager.default.fileExists(atPath: path) { return (try load(path: path), layout) }
    }
    throw RunsError(
      "no sweep with job id \(jobID) under \(outputDirectory)/*/slurm/; give the output folder it was submitted with (-o DIR)"
    )
  }
}
