# Two commands do all the set-up on a fresh Debian machine (as root):
#   make lesson   installs what is missing, builds, and renders notebooks/backprop.md
#   make test     installs what is missing, builds, and runs the tests
SWIFT ?= swift
NOTEBOOK ?= notebooks/backprop.md

.PHONY: deps build lesson test bench clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c release --product nudge

lesson: build
	.build/release/nudge render $(NOTEBOOK)

test: deps
	# The one-node Slurm cluster of the Slurm tests; where it cannot start they are skipped,
	# unless NUDGE_REQUIRE_SLURM=1 (CI) makes that a failure.
	scripts/slurm-up || test "$$NUDGE_REQUIRE_SLURM" != 1
	$(SWIFT) test

bench: build
	.build/release/nudge bench

clean:
	rm -rf .build output/*.html
