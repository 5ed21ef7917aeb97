// Tests of Runs; they arrive with the issue that builds it.
