# Liaison — build, test, demo and benchmark entry points.
# Every target installs what is missing first, so a fresh clone needs only `make demo` or `make test`.

SWIFT        ?= swift
DB           ?= liaison.sqlite
LIAISON      := .build/release/liaison
SAMPLE       := datasets/ccpit-2025
APT_PACKAGES := libsqlite3-dev libblas-dev libopenblas0-pthread liblemon-dev

.PHONY: deps build release test demo sample bench clean

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
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product liaison

# Builds everything (the end-to-end tests run the built `liaison`) and runs every test.
test: deps
	$(SWIFT) build
	$(SWIFT) test

# Loads the sample scenario into $(DB) and prints what it holds.
demo: release
	$(LIAISON) init --db $(DB)
	$(LIAISON) import companies --db $(DB) $(SAMPLE)/cn-delegates.csv $(SAMPLE)/us-firms.csv $(SAMPLE)/ca-firms.csv
	$(LIAISON) summary --db $(DB)

# Regenerates the committed sample companies (deterministic: the same seed gives the same files).
sample: release
	$(LIAISON) generate --seed 2025 --delegates 80 --us 600 --ca 300 -o $(SAMPLE)

# Runs the benchmarks of Benchmarks/ (its own package, built in release).
bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

clean:
	rm -rf .build Benchmarks/.build out
