# Two commands do all the set-up on a fresh Debian machine (as root):
#   make lesson   installs what is missing, builds, and renders notebooks/backprop.md
#   make test     installs what is missing, builds the tests, and runs them
# Both use one build (debug, with our own modules optimised; see Package.swift), so `make test`
# after `make lesson` compiles only the tests, never the dependencies again.
SWIFT ?= swift
NOTEBOOK ?= notebooks/backprop.md
BIN = $(shell $(SWIFT) build --show-bin-path)
# Seconds each libFuzzer target runs in `make fuzz` (CI: about a minute each).
FUZZ_SECONDS ?= 60

.PHONY: deps build lesson test bench fuzz clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build --product nudge

lesson: build
	$(BIN)/nudge render $(NOTEBOOK)

test: deps
	# The one-node Slurm cluster of the Slurm tests; where it cannot start they are skipped,
	# unless NUDGE_REQUIRE_SLURM=1 (CI) makes that a failure.
	scripts/slurm-up || test "$$NUDGE_REQUIRE_SLURM" != 1
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	$(BIN)/nudge bench

# Builds the libFuzzer targets in Fuzz/ (scratch path .build-fuzz) and runs each FUZZ_SECONDS.
fuzz: deps
	scripts/fuzz --time $(FUZZ_SECONDS)

clean:
	rm -rf .build output/*.html
