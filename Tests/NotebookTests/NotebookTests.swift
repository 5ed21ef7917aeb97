// Tests of Notebook; they arrive with the issue that builds it.
