# Liaison — build, test, demo and benchmark entry points.
# Every target installs what is missing first, so a fresh clone needs only `make demo` or `make test`.

SWIFT        ?= swift
BUILD_FLAGS  ?=
DB           ?= liaison.sqlite
BIN_RELEASE  := .build/release/liaison
APT_PACKAGES := libsqlite3-dev libblas-dev libopenblas0-pthread liblemon-dev

.PHONY: deps build release test demo bench bench-peers clean

# Installs the system libraries Liaison links against, only when one is missing:
# as root directly, else through sudo, else prints the exact command and stops.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "installing:$$missing"; \
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo apt-get update -qq && sudo apt-get install -y -qq $$missing; \
	else echo "Liaison needs these packages. Run:"; echo "  sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release --product liaison

test: deps
	$(SWIFT) build $(BUILD_FLAGS)
	$(SWIFT) test $(BUILD_FLAGS)

clean:
	rm -rf .build out
