# Two commands do all the set-up on a fresh Debian machine (as root):
#   make lesson   installs what is missing, builds, and renders notebooks/backprop.md
#   make test     installs what is missing, builds the tests, and runs them
# Both use one build (debug, with our own modules optimised; see Package.swift), so `make test`
# after `make lesson` compiles only the tests, never the dependencies again.
SWIFT ?= swift
# No debug info: it is about a fifth of a cold build on 2 cores (168 s against 196-223 s), and a
# crash still prints a backtrace with function names. Both commands pass the same flags, so they
# share one build.
BUILD_FLAGS ?= -Xswiftc -gnone
NOTEBOOK ?= notebooks/backprop.md
BIN = $(shell $(SWIFT) build --show-bin-path)
# Seconds each libFuzzer target runs in `make fuzz` (CI: about a minute each).
FUZZ_SECONDS ?= 60

.PHONY: deps test-deps build lesson test bench fuzz clean

deps:
	@scripts/install-deps

test-deps:
	@scripts/install-deps --tests

build: deps
	$(SWIFT) build --product nudge $(BUILD_FLAGS)

lesson: build
	$(BIN)/nudge render $(NOTEBOOK)

test: test-deps
	# The one-node Slurm cluster of the Slurm tests; where it cannot start they are skipped,
	# unless NUDGE_REQUIRE_SLURM=1 (CI) makes that a failure.
	scripts/slurm-up || test "$$NUDGE_REQUIRE_SLURM" != 1
	# The temporary folders of the build (the compiler's) and of the tests go under
	# .build/test-tmp, removed afterwards whatever the outcome: nothing is left in /tmp.
	rm -rf .build/test-tmp && mkdir -p .build/test-tmp
	export TMPDIR=$(CURDIR)/.build/test-tmp; $(SWIFT) build --build-tests $(BUILD_FLAGS) && \
	  $(SWIFT) test --skip-build $(BUILD_FLAGS); status=$$?; rm -rf .build/test-tmp; exit $$status

bench: build
	$(BIN)/nudge bench

# Builds the libFuzzer targets in Fuzz/ (scratch path .build-fuzz) and runs each FUZZ_SECONDS.
fuzz: deps
	scripts/fuzz --time $(FUZZ_SECONDS)

clean:
	rm -rf .build output/*.html
