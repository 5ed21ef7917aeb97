import ArgumentParser
import Directives
import Foundation
import Notebook
import Preview
import Runs
import Synchronization

extension Nudge {
  /// `nudge preview NOTEBOOK.md [--port P] [--host H] [-p name=value]... [-o DIR]`: serves the
  /// report over HTTP and re-renders on every save of the notebook or a file its cells read.
  struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Serve a notebook's report and update the open page on every save.",
      discussion: """
        Renders the notebook, serves the report at http://HOST:PORT/ and watches the notebook \
        and every file its cells read. Each save re-renders, taking unchanged cells from the \
        cache in DIR (default output/), and open pages update themselves without a reload. \
        Nothing but cache entries is written: use 'nudge render' to record a run. \
        Ctrl-C stops (exit status 0, or 130 when it interrupted a render).
        """)

    @Argument(help: "The Markdown notebook to preview.")
    var notebook: String

    @Option(help: "The port to listen on (0 picks a free one).")
    var port: UInt16 = 4000

    @Option(help: "The address to listen on; only loopback unless you say otherwise.")
    var host = "127.0.0.1"

    @Option(
      name: [.customShort("o"), .customLong("output")], help: "The folder of the cell cache.")
    var outputDirectory = "output"

    @Option(
      name: .customShort("p"),
      help: ArgumentHelp(
        "Override a front-matter param (checked against its type).", valueName: "name=value"))
    var params: [String] = []

    @Flag(name: .shortAndLong, help: "Do not show training progress bars on standard error.")
    var quiet = false

    @Option(help: "Seconds one cell may run before it is stopped (a cell's '//| timeout:' wins).")
    var cellTimeout = EvaluationOptions.defaultCellTimeout

    func run() throws {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: notebook, isDirectory: &isFolder),
        !isFolder.boolValue
      else {
        printError("error: cannot read notebook '\(notebook)': no such file")
        throw ExitCode.badInput
      }
      let runs = try orExit { try ParamAssignments(parsing: params).runs }
      guard runs.count == 1, let overrides = runs.first else {
        printError(
          "error: several values for a param make a sweep, which 'preview' cannot show; give one value per param, or use 'nudge render' for the sweep"
        )
        throw ExitCode.badInput
      }
      let layout = OutputLayout(notebookPath: notebook, outputDirectory: outputDirectory)
      Interruption.install()

      let hub = LiveHub(
        report: ProblemPage.html(
          notebookPath: notebook, headline: "Rendering \(notebook)\u{2026}", diagnostics: []))
      let endpoint = PreviewServer.Endpoint(host: host, port: port)
      let server: PreviewServer
      let boundPort: UInt16
      do {
        server = try PreviewServer(
          endpoint: endpoint, reportName: "\(layout.folderName).html", hub: hub)
        boundPort = try waitFor { () async throws(PreviewError) in
          try await server.start(endpoint: endpoint)
        }
      } catch {
        printError("error: \(error)")
        throw ExitCode.badInput
      }
      let shownHost = host.contains(":") ? "[\(host)]" : host
      say("Previewing \(notebook) at http://\(shownHost):\(boundPort)/ (Ctrl-C to stop)")

      let renderer = PreviewRenderer(
        notebook: notebook, outputDirectory: outputDirectory, overrides: overrides,
        cellTimeout: cellTimeout, showsProgress: !quiet && isatty(2) != 0,
        cache: CellCache(directory: layout.cacheDirectory, remembersEntries: true))
      let preview = LivePreview(
        notebookPath: notebook, hub: hub, render: renderer.render,
        onRendered: { version in
          let computed =
            version.computed.isEmpty
            ? "" : " (computed \(version.computed.joined(separator: ", ")))"
          say(
            "Page \(version.version): \(version.outcome) in \(String(format: "%.3f", version.seconds)) s, \(version.cached) cells cached\(computed)"
          )
        })
      preview.start()

      while !Interruption.isRequested { usleep(50_000) }
      preview.stop()
      // A render under way stops after its current mini-batch, as `render` does.
      let interruptedRender = preview.waitUntilIdle() == RunStatus.interrupted.rawValue
      waitFor { () async throws(Never) in await server.stop() }
      say("Stopped.")
      if interruptedRender { throw ExitCode(130) }
    }
  }
}

/// Runs async work from the synchronous command and waits for it.
private func waitFor<Value: Sendable, Failure: Error>(
  _ work: @escaping @Sendable () async throws(Failure) -> Value
) throws(Failure) -> Value {
  let result = Mutex<Result<Value, Failure>?>(nil)
  let done = DispatchSemaphore(value: 0)
  Task {
    let outcome: Result<Value, Failure>
    do throws(Failure) {
      outcome = .success(try await work())
    } catch {
      outcome = .failure(error)
    }
    result.withLock { $0 = outcome }
    done.signal()
  }
  done.wait()
  // The task stored a result before signalling.
  return try result.withLock { $0! }.get()
}
