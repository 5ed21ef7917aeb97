// Tests of Report; they arrive with the issue that builds it.
