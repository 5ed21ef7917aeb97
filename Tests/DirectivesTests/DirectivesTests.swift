// Tests of Directives; they arrive with the issue that builds it.
