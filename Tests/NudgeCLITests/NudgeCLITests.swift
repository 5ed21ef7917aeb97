// Tests of NudgeCLI; they arrive with the issue that builds it.
