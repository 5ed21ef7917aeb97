import Foundation
import Testing

@testable import Runs

@Suite struct SlurmScriptTests {
  /// Words the shell would otherwise split, expand or interpret.
  static let awkwardWords = [
    "plain", "a=1", "", "two words", "it's", "$HOME", "`date`", "a;b", "*", "~", "back\\slash",
    "new\nline", "quote\"d", "'", "%A_%a", "{1,2}",
  ]

  @Test func quotedWordsReadBackExactlyThroughTheShell() throws {
    let script = "printf '%s\\0' " + ShellWords.commandLine(Self.awkwardWords)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", script]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let words = data.split(separator: 0, omittingEmptySubsequences: false).dropLast()
      .map { String(decoding: $0, as: UTF8.self) }
    #expect(words == Self.awkwardWords)
  }

  @Test func plainWordsStayUnquoted() {
    #expect(ShellWords.quote("--step-budget") == "--step-budget")
    #expect(ShellWords.quote("rate=0.1") == "rate=0.1")
    #expect(ShellWords.quote("it's") == #"'it'\''s'"#)
    #expect(ShellWords.quote("") == "''")
  }

  @Test func scriptHasOneArrayTaskPerCommandWithTheCapAndOptions() {
    let script = SlurmArrayScript(
      jobName: "nudge-lesson", workingDirectory: "/home/ada/my notebooks",
      logDirectory: "/shared/output/lesson/slurm", concurrencyLimit: 2,
      options: ["--partition=short", "--time=00:10:00"],
      tasks: [
        ["/opt/nudge", "render", "a.md", "-p", "rate=0.1"],
        ["/opt/nudge", "render", "a.md", "-p", "rate=1"],
      ]
    ).text()
    let lines = script.split(separator: "\n").map(String.init)
    #expect(lines.first == "#!/bin/bash")
    #expect(lines.contains("#SBATCH --array=0-1%2"))
    #expect(lines.contains("#SBATCH --output=/shared/output/lesson/slurm/%A_%a.log"))
    #expect(lines.contains("#SBATCH --partition=short"))
    #expect(lines.contains("#SBATCH --time=00:10:00"))
    #expect(lines.contains("cd '/home/ada/my notebooks'"))
    #expect(lines.contains("  0) exec /opt/nudge render a.md -p rate=0.1 ;;"))
    #expect(lines.contains("  1) exec /opt/nudge render a.md -p rate=1 ;;"))
    // Every #SBATCH line comes before the first command, or sbatch ignores it.
    let lastDirective = lines.lastIndex { $0.hasPrefix("#SBATCH") } ?? 0
    let firstCommand = lines.firstIndex { !$0.hasPrefix("#") && !$0.isEmpty } ?? 0
    #expect(lastDirective < firstCommand)
  }

  @Test func withoutACapTheArrayIsLeftToTheScheduler() {
    let script = SlurmArrayScript(
      jobName: "j", workingDirectory: "/w", logDirectory: "/l", concurrencyLimit: nil, options: [],
      tasks: [["nudge"], ["nudge"], ["nudge"]]
    ).text()
    #expect(script.contains("#SBATCH --array=0-2\n"))
  }

  @Test func sbatchOptionsAreChecked() {
    #expect(SlurmArrayScript.problem(withOption: "--partition=short") == nil)
    #expect(SlurmArrayScript.problem(withOption: "-A") == nil)
    #expect(
      SlurmArrayScript.problem(withOption: "partition=short")?.contains("starts with '-'") == true)
    #expect(
      SlurmArrayScript.problem(withOption: "--time=1\nrm -rf /")?.contains("one line") == true)
    #expect(SlurmArrayScript.problem(withOption: "--array=0-9")?.contains("--jobs") == true)
  }

  @Test func aSlurmTaskIsReadFromItsEnvironment() {
    let task = SchedulerTask.slurm(environment: [
      "SLURM_JOB_ID": "91", "SLURM_ARRAY_JOB_ID": "88", "SLURM_ARRAY_TASK_ID": "3",
      "SLURMD_NODENAME": "node7",
    ])
    #expect(task == SchedulerTask(system: "slurm", jobID: "88", taskID: 3, node: "node7"))
    #expect(
      SchedulerTask.slurm(environment: ["SLURM_JOB_ID": "91"])
        == SchedulerTask(system: "slurm", jobID: "91", taskID: nil, node: nil))
    #expect(SchedulerTask.slurm(environment: ["HOME": "/root"]) == nil)
  }
}
