// Tests of Plot; they arrive with the issue that builds it.
