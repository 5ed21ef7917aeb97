# Two commands do all the set-up on a fresh Debian machine (as root):
#   make lesson   installs what is missing, builds, and renders notebooks/backprop.md
#   make test     installs what is missing, builds, and runs the tests
SWIFT ?= swift
NOTEBOOK ?= notebooks/backprop.md
# Seconds each libFuzzer target runs in `make fuzz` (CI: about a minute each).
FUZZ_SECONDS ?= 60

.PHONY: deps build lesson test bench fuzz clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build -c release --product nudge

lesson: build
	.build/release/nudge render $(NOTEBOOK)

test: deps
	$(SWIFT) test

bench: build
	.build/release/nudge bench

# Builds the libFuzzer targets in Fuzz/ (scratch path .build-fuzz) and runs each FUZZ_SECONDS.
fuzz: deps
	scripts/fuzz --time $(FUZZ_SECONDS)

clean:
	rm -rf .build output/*.html
