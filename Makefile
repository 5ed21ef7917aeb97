# Two commands do all the set-up on a fresh Debian machine (as root):
#   make lesson   installs what is missing, builds, and renders notebooks/backprop.md
#   make test     installs what is missing, builds the tests, and runs them
# Both use one build (debug, with our own modules optimised; see Package.swift), so `make test`
# after `make lesson` compiles only the tests, never the dependencies again.
SWIFT ?= swift
NOTEBOOK ?= notebooks/backprop.md
BIN = $(shell $(SWIFT) build --show-bin-path)

.PHONY: deps build lesson test bench clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build --product nudge

lesson: build
	$(BIN)/nudge render $(NOTEBOOK)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	$(BIN)/nudge bench

clean:
	rm -rf .build output/*.html
