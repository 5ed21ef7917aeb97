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
      options: ["--partition=short", "--time=00:10:00", "--comment=rate sweep"],
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
    #expect(lines.contains("#SBATCH \"--comment=rate sweep\""))
    #expect(lines.contains("cd '/home/ada/my notebooks'"))
    #expect(lines.contains("  0) exec /opt/nudge render a.md -p rate=0.1 ;;"))
    #expect(lines.contains("  1) exec /opt/nudge render a.md -p rate=1 ;;"))
    // Every #SBATCH line comes before the first command, or sbatch ignores it.
    let lastDirective = lines.lastIndex { $0.hasPrefix("#SBATCH") } ?? 0
    let firstCommand = lines.firstIndex { !$0.hasPrefix("#") && !$0.isEmpty } ?? 0
    #expect(lastDirective < firstCommand)
  }

  @Test func aLogFolderWithSpacesIsQuotedForSbatch() {
    let script = SlurmArrayScript(
      jobName: "j", workingDirectory: "/w", logDirectory: "/home/ada/my runs/slurm",
      concurrencyLimit: nil, options: [], tasks: [["nudge"]]
    ).text()
    #expect(script.contains("#SBATCH --output=\"/home/ada/my runs/slurm/%A_%a.log\"\n"))
    #expect(SlurmArrayScript.problem(withLogDirectory: "/home/ada/my runs/slurm") == nil)
    #expect(SlurmArrayScript.problem(withLogDirectory: "/home/ada/\"x\"/slurm") != nil)
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
    #expect(
      SlurmArrayScript.problem(withOption: "--comment=\"x\"")?.contains("double quotes") == true)
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

@Suite struct SlurmCommandOutputTests {
  @Test func queueKeepsOnlyTasksStillHeld() {
    let queue = SlurmCommands.parseQueue(
      "0|RUNNING\n1|COMPLETING\n2|PENDING\n3|COMPLETED\n4|FAILED\n")
    #expect(queue == [0: "RUNNING", 1: "COMPLETING", 2: "PENDING"])
  }

  @Test func accountingGivesEachTasksStateAndExitCode() {
    let tasks = SlurmCommands.parseAccounting(
      "40_0|COMPLETED|0:0\n40_1|FAILED|2:0\n40_2|CANCELLED by 0|0:15\n40_[3-4]|PENDING|0:0\n")
    #expect(
      tasks == [
        0: .init(state: "COMPLETED", exitCode: "0:0"), 1: .init(state: "FAILED", exitCode: "2:0"),
        2: .init(state: "CANCELLED", exitCode: "0:15"),
      ])
    #expect(tasks[2]?.wasStopped == true)
    #expect(tasks[1]?.wasStopped == false)
  }

  @Test func jobDetailsGiveEachTasksStateAndExitCode() {
    let tasks = SlurmCommands.parseJobDetails(
      """
      JobId=47 ArrayJobId=32 ArrayTaskId=14 JobName=nudge-n JobState=COMPLETED Reason=None ExitCode=0:0 RunTime=00:00:00
      JobId=32 ArrayJobId=32 ArrayTaskId=15 JobName=nudge-n JobState=TIMEOUT Reason=TimeLimit ExitCode=0:15
      JobId=48 ArrayJobId=32 ArrayTaskId=16-20 JobName=nudge-n JobState=PENDING Reason=Resources ExitCode=0:0
      """)
    #expect(
      tasks == [
        14: .init(state: "COMPLETED", exitCode: "0:0"),
        15: .init(state: "TIMEOUT", exitCode: "0:15"),
      ])
  }
}
