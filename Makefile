# Liaison — build, test, demo and benchmark entry points.
# Every target installs what is missing first, so a fresh clone needs only `make demo` or `make test`.

SWIFT        ?= swift
DB           ?= liaison.sqlite
LIAISON      := .build/release/liaison
SAMPLE       := datasets/ccpit-2025
APT_PACKAGES := libsqlite3-dev libblas-dev libopenblas0-pthread liblemon-dev libcadical-dev zlib1g-dev

VENV         := Benchmarks/.venv
PEERS        := faiss-cpu numpy ortools python-sat

.PHONY: deps build release test demo sample bench bench-peers bench-match bench-tune bench-schedule peers-venv clean \
        bench-compactness bench-tradeshow bench-b2b bench-b2b-domain bench-b2b-exact \
        browser-deps browser-venv test-browser bench-serve

# Installs Debian packages ($(1)) only when one is missing: as root directly, else
# through sudo, else prints the exact command and stops.
define apt_ensure
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	echo "installing:$$missing"; \
	if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	else echo "These packages are needed. Run:"; echo "  sudo apt-get update && sudo apt-get install -y$$missing"; exit 1; fi
endef

# The system libraries Liaison links against (zlib1g-dev: ZIPFoundation inflates .xlsx workbooks with zlib on Linux).
deps:
	$(call apt_ensure,$(APT_PACKAGES))

build: deps
	$(SWIFT) build

# The release build links the Swift runtime statically: each `liaison` process starts ~8 ms sooner.
release: deps
	$(SWIFT) build -c release --product liaison -Xswiftc -static-stdlib

# Builds everything (the end-to-end tests run the built `liaison`) and runs every test, the B2B
# bench's own check of its .dzn converter and export checker, then the browser story.
test: deps
	$(SWIFT) build
	$(SWIFT) test
	python3 Benchmarks/scripts/b2b_bench.py --self-test
	$(MAKE) test-browser

# The real browser: Debian's Chromium and its driver (installed like `deps`, only when missing),
# Selenium and icalendar in a venv of their own, every version pinned in Tests/Browser/requirements.txt.
BROWSER_APT  := chromium chromium-driver
BROWSER_VENV := Tests/Browser/.venv

browser-deps:
	$(call apt_ensure,$(BROWSER_APT))

$(BROWSER_VENV)/.installed: Tests/Browser/requirements.txt
	python3 -m venv $(BROWSER_VENV)
	$(BROWSER_VENV)/bin/pip install --quiet -r Tests/Browser/requirements.txt
	touch $@

browser-venv: $(BROWSER_VENV)/.installed

# The whole story in headless Chromium: the organizer signs in, creates an event, registers
# participants; a participant requests a meeting; the organizer accepts, schedules, moves a meeting,
# publishes; the participant sees its agenda and calendar; hostile names run no script. Screenshots
# in out/screenshots/. Nothing outside this machine is contacted.
test-browser: deps browser-deps browser-venv
	$(SWIFT) build --product liaison
	SE_OFFLINE=true SE_AVOID_STATS=true $(BROWSER_VENV)/bin/python Tests/Browser/story.py \
	  --liaison .build/debug/liaison --sample $(SAMPLE) --screenshots out/screenshots

EVENTS       := toronto-forum-2025 washington-forum-2025 oakland-breakfast-2025
MIN_MEETINGS ?= 3

# Loads the sample scenario into $(DB), prints what it holds, schedules the delegation's three
# events, publishes them and writes every export to out/EVENT/.
demo: release
	$(LIAISON) init --db $(DB)
	$(LIAISON) import companies --db $(DB) $(SAMPLE)/cn-delegates.csv $(SAMPLE)/us-firms.csv $(SAMPLE)/ca-firms.csv
	$(LIAISON) summary --db $(DB)
	$(LIAISON) event import --db $(DB) $(SAMPLE)/events.json
	@for event in $(EVENTS); do \
	  echo; $(LIAISON) event schedule $$event --db $(DB) --min-meetings $(MIN_MEETINGS) --keep-published || exit 1; \
	  $(LIAISON) event publish $$event --db $(DB) || exit 1; \
	  for format in csv ics; do $(LIAISON) event export $$event --db $(DB) --format $$format -o out/$$event/$$format || exit 1; done; \
	  $(LIAISON) event export $$event --db $(DB) --format html -o out/$$event/schedule.html || exit 1; \
	  $(LIAISON) event export $$event --db $(DB) --format json -o out/$$event/schedule.json || exit 1; \
	done
	@echo; echo "agendas, calendars and printable schedules are in out/"

# Regenerates the committed sample companies (deterministic: the same seed gives the same files).
sample: release
	$(LIAISON) generate --seed 2025 --delegates 80 --us 600 --ca 300 -o $(SAMPLE)

# Runs the package-benchmark suites of Benchmarks/ (its own package, built in release):
# import throughput (1,000,000 companies) and the top-k kernel.
bench: deps
	cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

# The Python peers of the side-by-side benchmarks, from PyPI into a local venv (again when this
# file changes, so a venv made before a peer was added gets it).
$(VENV)/.installed: Makefile
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet $(PEERS)
	touch $@

peers-venv: $(VENV)/.installed

# Liaison's kernel, faiss-cpu IndexFlatIP and numpy on the same matrices: 20,000 x 200,000,
# d = 64 and 192, k = 10, 2 threads. Prints medians, pairs/s and Liaison's time ratios.
bench-peers: deps peers-venv
	cd Benchmarks && $(SWIFT) build -c release --product KernelPeerRun
	BENCH_THREADS=2 $(VENV)/bin/python Benchmarks/peers/bench_peers.py --runner Benchmarks/.build/release/KernelPeerRun $(PEERS_ARGS)

# Process wall time of `liaison match` on 200,000 generated firms (median of 10, warm cache).
bench-match: release
	python3 Benchmarks/scripts/match_latency.py --liaison $(LIAISON)

# Nightly rerank, 20,000 x 200,000 firms: full vs incremental after 1 % edits, match during a rerank (ARGS=--small).
.PHONY: bench-rerank
bench-rerank: release
	python3 Benchmarks/scripts/rerank_bench.py --liaison $(LIAISON) $(ARGS)

# Meeting scheduling: 300 delegates x 700 hosts, 16 slots, 200 tables, random availability (median
# of 3; time, share of the exact upper bound, breaks and idle slots), full availability (every
# selected meeting placed), then Liaison against OR-Tools CP-SAT (60 s) on small events, side by
# side, then how compact the sample's agendas are (bench-compactness).
bench-schedule: deps peers-venv
	cd Benchmarks && $(SWIFT) build -c release --product ScheduleBench
	Benchmarks/.build/release/ScheduleBench 300 700 16 200 0.8 1 3
	Benchmarks/.build/release/ScheduleBench 300 700 16 200 0.6 2 3
	Benchmarks/.build/release/ScheduleBench 300 700 16 400 1.0 3 3 --max-meetings 16
	$(VENV)/bin/python Benchmarks/peers/bench_schedule.py --runner Benchmarks/.build/release/ScheduleBench
	$(MAKE) bench-compactness

# The sample's three events scheduled as `make demo` does (--min-meetings $(MIN_MEETINGS)), through
# the CLI, then OR-Tools CP-SAT re-timing Liaison's very meetings for $(COMPACT_SECONDS) s under the
# same rules: breaks and idle slots of both, per event and in all (target: Liaison's idle slots
# at most CP-SAT's, score >= 98 % of the bound).
COMPACT_SECONDS ?= 30
bench-compactness: release peers-venv
	rm -rf out/compact
	python3 Benchmarks/scripts/sample_instances.py --liaison $(LIAISON) --sample $(SAMPLE) --min-meetings $(MIN_MEETINGS) \
	  --out out/compact $(EVENTS); scored=$$?; \
	$(VENV)/bin/python Benchmarks/peers/bench_compactness.py out/compact/*.json --seconds $(COMPACT_SECONDS) $(COMPACT_ARGS) \
	  && exit $$scored

# Trade-show scale, generated: 3,000 delegates (24 meetings each) x 12,000 hosts (6 to 8), 4 days
# x 20 slots, 3,000 tables, availability 0.8 (about 70,000 meetings). Time, meetings, share of the
# proven bound, breaks, idle slots (3 runs, wall and CPU time), and the peak memory of the whole
# process (GNU time).
TRADESHOW ?= 3000 12000 4 20 3000 0.8 24 8 1 3
bench-tradeshow: deps
	cd Benchmarks && $(SWIFT) build -c release --product TradeShowBench
	/usr/bin/time -f "peak memory %M KiB, wall %e s (generation included)" Benchmarks/.build/release/TradeShowBench $(TRADESHOW)

# The B2B forums of Bofill et al. (JAIR 74, 2022), each converted into a companies CSV and an
# open event file, scheduled through the CLI (as `event schedule` runs by default: with the standard
# exact search) and checked rule by rule from the JSON export; total breaks against the published
# optimum, spread and time (B2B_ARGS: more options of b2b_bench.py, e.g. --repeats 1, or
# --exact-seconds 0 for no exact search). Exits non-zero on a broken rule.
B2B_DIR ?= ../shared/datasets/b2b-instances/bofill-jair-2022
bench-b2b: release
	python3 Benchmarks/scripts/b2b_bench.py --liaison $(LIAISON) $(B2B_ARGS) $(B2B_DIR)/*.dzn

# The same forums with `event schedule --exact-seconds $(EXACT_SECONDS)` (the exact search for fewer
# breaks), side by side with the SAT peer (CaDiCaL through python-sat, the paper's encoding with
# its implied constraints) asked from scratch for a schedule at each published optimum, given up
# after as long.
EXACT_SECONDS ?= 60
bench-b2b-exact: release peers-venv
	python3 Benchmarks/scripts/b2b_bench.py --liaison $(LIAISON) --exact-seconds $(EXACT_SECONDS) $(B2B_ARGS) $(B2B_DIR)/*.dzn
	$(VENV)/bin/python Benchmarks/peers/b2b_sat.py --seconds $(EXACT_SECONDS) $(B2B_DIR)/*.dzn

# The same forums straight into the scheduling domain (no CLI, no database): breaks, spread, time.
bench-b2b-domain: deps
	cd Benchmarks && $(SWIFT) build -c release --product B2BBench
	Benchmarks/.build/release/B2BBench $(B2B_DIR)/*.dzn --repeats 3

# Participants' pages under load on the 200,000-company database with a current rerank (the rerank
# benchmark's catalog, cached in out/bench-rerank): 50 clients (wrk) for 30 s, idle then during a full
# rerank; p99 latency, errors, start time and memory, medians of 3. ARGS=--small for a quick look.
bench-serve: release
	$(call apt_ensure,wrk)
	python3 Benchmarks/scripts/serve_bench.py --liaison $(LIAISON) $(ARGS)

# Sweeps the kernel's block sizes on the d = 64 peers dataset (how TopKTunables' defaults were chosen).
bench-tune: deps peers-venv
	cd Benchmarks && $(SWIFT) build -c release --product KernelTuning && $(SWIFT) build -c release --product KernelPeerRun
	BENCH_THREADS=2 $(VENV)/bin/python Benchmarks/peers/bench_peers.py --runner Benchmarks/.build/release/KernelPeerRun --dims 64 --repeats 1 --numpy-repeats 1 --keep out/tune
	Benchmarks/.build/release/KernelTuning out/tune/d64 2 3

clean:
	rm -rf .build Benchmarks/.build out
