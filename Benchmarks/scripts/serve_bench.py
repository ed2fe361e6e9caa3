#!/usr/bin/env python3
"""`liaison serve` under load: participants' pages on the 200,000-company database.

The catalog is the rerank benchmark's (rerank_bench.py generates, imports and caches it: 20,000
delegates, 150,000 US and 50,000 CA firms by default); a full `liaison rerank` makes its rankings
current, and an event of --delegates × --hosts participants (default 300 × 700, 16 slots, 200
tables) is scheduled and published, and every participant gets its link. Then, --repeats times:

  start    `liaison serve --port 0` until it prints its sign-in link: the start time, and the
           server's resident memory;
  idle     wrk (--connections, default 50, one thread) for --seconds (default 30) on the
           participants' pages, each connection walking through every participant's link in turn:
           latency percentiles (p50, p90, p99, max), requests per second, errors (non-2xx, socket);
  rerank   the same while full reranks run one after another in the background (as the nightly
           job would): the same figures;

and the server's peak resident memory (VmHWM) at the end of each repeat. Prints medians against
the targets (p99 < 50 ms idle and < 100 ms during a rerank, no error, memory < 300 MB, start < 1 s)
and writes every figure to --json. Exits 1 when a page failed or a target was missed.

    python3 Benchmarks/scripts/serve_bench.py --liaison .build/release/liaison
    python3 Benchmarks/scripts/serve_bench.py --small --seconds 10 --repeats 1     # a quick look
"""
import argparse
import json
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import rerank_bench  # noqa: E402  (the catalog generator and its cache, and background reranks)

ROOT = rerank_bench.ROOT
EVENT = "bench-forum"
PROBLEMS = []

# One request per call, each connection walking the links from its own starting point.
WRK_SCRIPT = """
local paths = {}
for line in io.lines(os.getenv("LIAISON_PATHS")) do paths[#paths + 1] = line end
local counter = 0
function setup(thread)
  thread:set("offset", counter)
  counter = counter + 7919
end
local next_index = nil
function init(args)
  next_index = offset
end
function request()
  next_index = next_index + 1
  return wrk.format("GET", paths[(next_index % #paths) + 1])
end
"""


def log(text):
    print(text, file=sys.stderr, flush=True)


def problem(text):
    PROBLEMS.append(text)
    log("PROBLEM: " + text)


run = rerank_bench.run


def ranked_database(args):
    """The cached catalog with a current full rerank, and the benchmark event scheduled and published."""
    pristine, _, meta = rerank_bench.pristine(args)
    directory = os.path.dirname(pristine)
    key = f"ranked-top{args.top}-event{args.delegates_at_event}x{args.hosts_at_event}"
    ranked = os.path.join(directory, key + ".sqlite")
    if os.path.exists(ranked) and not args.regenerate:
        log(f"database: cached {ranked}")
        return ranked, meta
    building = ranked + ".building"
    rerank_bench.copy_db(pristine, building)
    log("database: a full rerank to make rankings current ...")
    start = time.perf_counter()
    run([args.liaison, "rerank", "--top", str(args.top), "--db", building])
    log(f"  {time.perf_counter() - start:.1f} s")
    ids = read_ids(pristine)
    delegates = [company for company in ids if company.startswith("CN-")][:args.delegates_at_event]
    hosts = [company for company in ids if company.startswith("US-")][:args.hosts_at_event]
    run([args.liaison, "event", "create", EVENT, "--name", "Benchmark forum", "--city", "Washington", "--country", "US",
         "--date", "2025-12-04", "--start", "09:00", "--slots", "16", "--slot-minutes", "15", "--tables", "200", "--db", building])
    for chunk in range(0, len(delegates + hosts), 500):
        run([args.liaison, "event", "add", EVENT, *(delegates + hosts)[chunk:chunk + 500], "--max-meetings", "8", "--db", building])
    start = time.perf_counter()
    run([args.liaison, "event", "schedule", EVENT, "--min-meetings", "3", "--db", building])
    run([args.liaison, "event", "publish", EVENT, "--db", building])
    log(f"database: {EVENT} with {len(delegates)} delegates and {len(hosts)} hosts scheduled and published in "
        f"{time.perf_counter() - start:.1f} s")
    rerank_bench.checkpoint(building)
    os.rename(building, ranked)
    return ranked, meta


def read_ids(database):
    with sqlite3.connect(database) as connection:
        return [row[0] for row in connection.execute("SELECT id FROM company ORDER BY id")]


def links(args, database):
    """Issues a new link to every participant (revoking earlier ones) and returns their paths."""
    output = run([args.liaison, "event", "links", EVENT, "--format", "json", "--db", database])
    entries = json.loads(output)
    paths = []
    for entry in entries:
        link = entry["link"]
        if link is None:
            link = json.loads(run([args.liaison, "event", "links", EVENT, "--revoke", entry["company"], "--format", "json",
                                   "--db", database]))[0]["link"]
        paths.append(re.sub(r"^https?://[^/]+", "", link))
    return paths


class Server:
    """`liaison serve --port 0` on the database: how long it took to print its link, and its memory."""

    def __init__(self, args, database):
        started = time.perf_counter()
        self.process = subprocess.Popen([args.liaison, "serve", "--db", database, "--port", "0"], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True)
        first = self.process.stdout.readline()
        second = self.process.stdout.readline()
        self.start_seconds = time.perf_counter() - started
        found = re.search(r"at (http://\S+)", first)
        if not found or "signin?token=" not in second:
            raise RuntimeError(f"serve did not start: {first}{second}{self.process.stderr.read()}")
        self.base = found.group(1)

    def memory_mib(self, field):
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
        return None

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def parse_duration(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(args, base, script, paths_file):
    command = ["wrk", "-t", "1", "-c", str(args.connections), "-d", f"{args.seconds}s", "--timeout", "10s", "--latency",
               "-s", script, base]
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "LIAISON_PATHS": paths_file})
    if result.returncode != 0:
        raise RuntimeError(f"wrk failed: {result.stderr}")
    text = result.stdout
    percentiles = {int(p): parse_duration(v) for p, v in re.findall(r"^\s+(\d+)%\s+(\S+)", text, re.M)}
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    maximum = re.search(r"Latency\s+\S+\s+\S+\s+(\S+)", text)
    return {"requests": requests, "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)),
            "p50_ms": percentiles.get(50), "p90_ms": percentiles.get(90), "p99_ms": percentiles.get(99),
            "max_ms": parse_duration(maximum.group(1)) if maximum else None,
            "errors": (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, socket.groups())) if socket else 0),
            "output": text}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--liaison", default=os.path.join(ROOT, ".build", "release", "liaison"))
    parser.add_argument("--small", action="store_true", help="2,000 delegates x 20,000 firms, an event of 100 x 200")
    parser.add_argument("--delegates", type=int, help="CN delegates in the catalog (default 20,000)")
    parser.add_argument("--us", type=int, help="US firms (default 150,000)")
    parser.add_argument("--ca", type=int, help="CA firms (default 50,000)")
    parser.add_argument("--delegates-at-event", type=int, help="delegates registered for the event (default 300)")
    parser.add_argument("--hosts-at-event", type=int, help="hosts registered for the event (default 700)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--top", type=int, default=50)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work-dir", default=os.path.join(ROOT, "out", "bench-rerank"),
                        help="where the catalog is cached (shared with rerank_bench.py; default: out/bench-rerank)")
    parser.add_argument("--json", default=os.path.join(ROOT, "out", "bench-serve", "result.json"))
    parser.add_argument("--regenerate", action="store_true")
    args = parser.parse_args()
    small = args.small
    args.delegates = args.delegates or (2_000 if small else 20_000)
    args.us = args.us or (15_000 if small else 150_000)
    args.ca = args.ca or (5_000 if small else 50_000)
    args.delegates_at_event = args.delegates_at_event or (100 if small else 300)
    args.hosts_at_event = args.hosts_at_event or (200 if small else 700)
    args.liaison = os.path.abspath(args.liaison)
    args.work_dir = os.path.abspath(args.work_dir)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench-serve` installs it (apt-get install wrk)")

    ranked, meta = ranked_database(args)
    work = os.path.join(os.path.dirname(args.json), "work")
    os.makedirs(work, exist_ok=True)
    database = os.path.join(work, "serve.sqlite")
    rerank_bench.copy_db(ranked, database)
    paths = links(args, database)
    log(f"{len(paths)} participant links on {meta['companies']:,} companies")
    paths_file = os.path.join(work, "paths.txt")
    with open(paths_file, "w") as handle:
        handle.write("\n".join(paths) + "\n")
    script = os.path.join(work, "pages.lua")
    with open(script, "w") as handle:
        handle.write(WRK_SCRIPT)

    repeats = []
    for number in range(args.repeats):
        server = Server(args, database)
        try:
            figures = {"start_seconds": server.start_seconds, "rss_at_start_mib": server.memory_mib("VmRSS")}
            log(f"repeat {number + 1}/{args.repeats}: serve started in {server.start_seconds * 1000:.0f} ms "
                f"({figures['rss_at_start_mib']:.0f} MiB)")
            # One page per participant first: the event's matchboard is built once, as in use.
            subprocess.run(["curl", "-s", "-o", "/dev/null", server.base + paths[0]], check=False)
            figures["idle"] = wrk(args, server.base, script, paths_file)
            log(f"  idle:   p50 {figures['idle']['p50_ms']:.1f} ms, p99 {figures['idle']['p99_ms']:.1f} ms, "
                f"{figures['idle']['requests_per_second']:.0f}/s, {figures['idle']['errors']} errors")
            reranks = rerank_bench.BackgroundReranks(argparse.Namespace(liaison=args.liaison, top=args.top), database)
            reranks.start()
            time.sleep(2)
            try:
                figures["rerank"] = wrk(args, server.base, script, paths_file)
            finally:
                reranks.stop()
            figures["reranks"] = [{key: run[key] for key in ("seconds", "exit", "line")} for run in reranks.runs]
            log(f"  rerank: p50 {figures['rerank']['p50_ms']:.1f} ms, p99 {figures['rerank']['p99_ms']:.1f} ms, "
                f"{figures['rerank']['requests_per_second']:.0f}/s, {figures['rerank']['errors']} errors "
                f"({len(reranks.runs)} reranks)")
            if any(run["exit"] != 0 for run in reranks.runs):
                problem(f"a background rerank failed: {[run['line'] for run in reranks.runs]}")
            figures["peak_rss_mib"] = server.memory_mib("VmHWM")
            log(f"  server peak memory {figures['peak_rss_mib']:.0f} MiB")
        finally:
            server.stop()
        repeats.append(figures)

    def median(path):
        values = [figures for figures in repeats]
        for key in path:
            values = [value[key] for value in values]
        return statistics.median(values)

    summary = {
        "start_ms": median(["start_seconds"]) * 1000,
        "idle_p50_ms": median(["idle", "p50_ms"]), "idle_p99_ms": median(["idle", "p99_ms"]),
        "idle_rps": median(["idle", "requests_per_second"]),
        "rerank_p50_ms": median(["rerank", "p50_ms"]), "rerank_p99_ms": median(["rerank", "p99_ms"]),
        "rerank_rps": median(["rerank", "requests_per_second"]),
        "peak_rss_mib": median(["peak_rss_mib"]),
        "errors": sum(figures["idle"]["errors"] + figures["rerank"]["errors"] for figures in repeats),
    }
    targets = [("idle p99 < 50 ms", summary["idle_p99_ms"] < 50), ("rerank p99 < 100 ms", summary["rerank_p99_ms"] < 100),
               ("no error", summary["errors"] == 0), ("memory < 300 MB", summary["peak_rss_mib"] * 1.048576 < 300),
               ("start < 1 s", summary["start_ms"] < 1000)]
    print(f"liaison serve, {meta['companies']:,} companies, {len(paths)} participants, {args.connections} connections, "
          f"{args.seconds} s, medians of {len(repeats)}:")
    print(f"  start {summary['start_ms']:.0f} ms, peak memory {summary['peak_rss_mib']:.0f} MiB")
    print(f"  idle:                  p50 {summary['idle_p50_ms']:.1f} ms, p99 {summary['idle_p99_ms']:.1f} ms, {summary['idle_rps']:.0f} pages/s")
    print(f"  during a full rerank:  p50 {summary['rerank_p50_ms']:.1f} ms, p99 {summary['rerank_p99_ms']:.1f} ms, {summary['rerank_rps']:.0f} pages/s")
    print(f"  errors: {summary['errors']}")
    for name, met in targets:
        print(f"  {'met   ' if met else 'MISSED'} {name}")
        if not met:
            problem(f"target missed: {name}")
    os.makedirs(os.path.dirname(args.json), exist_ok=True)
    with open(args.json, "w") as handle:
        json.dump({"machine": {"platform": platform.platform(), "cpus": os.cpu_count()}, "catalog": meta, "participants": len(paths),
                   "connections": args.connections, "seconds": args.seconds, "summary": summary,
                   "repeats": [{k: v for k, v in figures.items()} for figures in repeats]}, handle, indent=2)
    log(f"wrote {args.json}")
    return 1 if PROBLEMS else 0


if __name__ == "__main__":
    sys.exit(main())
