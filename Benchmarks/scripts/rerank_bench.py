#!/usr/bin/env python3
"""The nightly re-ranking: full and incremental `liaison rerank`, and `liaison match` while one runs.

Generates the scenario (`liaison generate`), imports it into a fresh database and builds the
feature snapshot (one `liaison match`), and caches that pristine database under the work directory,
keyed by the generator's parameters and the liaison version, so later runs skip it (--regenerate
forces it). Then, each on its own copy of a database:

  full         `liaison rerank --top K` on a copy of the pristine database (no run yet: every
               ranking row is written), --runs times: wall time, liaison's own run time (`runs`)
               and peak RSS (median and every value);
  incremental  on a copy of a database with a completed full run, an edits CSV (same columns as the
               generated files) changes 1 % of the companies, delegates and hosts in proportion to
               their counts (offers/seeks sector weights or languages, so their revisions grow), is
               imported, then `liaison rerank --incremental --top K` is timed, --runs times; and a
               "hosts only" variant where the same number of edits touch only host firms. Each
               median is reported as a share of the full run's (target < 10 %);
  match        --queries `liaison match ID --format json` over random ids (half delegates, half
               hosts) on a database with a current run, once idle (back to back) and once while a
               full rerank runs in the background, paced to spread over 110 % of a full run's time so
               that they meet every stage of it, the commit included (reranks are relaunched back to
               back until the queries end); every answer must come from the rankings. Median, p99
               and max latency, and how many queries began and ended while a rerank was running.

Prints a summary table and writes a JSON result (--json) with machine info. Standard library only.
Exits 1 when a rerank or an import fails, an incremental run fell back to a full one, a match
failed or answered live, or more than 5 % of the queries did not meet a running rerank; a missed
ratio target is only reported.

    python3 Benchmarks/scripts/rerank_bench.py --small
"""
import argparse
from contextlib import closing
import csv
import json
import os
import platform
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FILES = ("cn-delegates.csv", "us-firms.csv", "ca-firms.csv")
TIME = "/usr/bin/time"
# Peak RSS without /usr/bin/time: a child Python runs the command and reads its own children's usage.
RSS_WRAPPER = ("import resource, subprocess, sys\n"
               "code = subprocess.run(sys.argv[2:]).returncode\n"
               "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))\n"
               "sys.exit(code)\n")
PROBLEMS = []


def log(text):
    print(text, file=sys.stderr, flush=True)


def problem(text):
    PROBLEMS.append(text)
    log("PROBLEM: " + text)


def run(command):
    """Runs a command to completion; its output, or its error and output on failure."""
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result.stdout


def measured(command):
    """Runs a command; (exit code, wall seconds, peak RSS in MiB, stdout, stderr)."""
    handle, rss_file = tempfile.mkstemp(prefix="liaison-rss-")
    os.close(handle)
    try:
        if os.access(TIME, os.X_OK):
            wrapped = [TIME, "-v", "-o", rss_file] + command
        else:
            wrapped = [sys.executable, "-c", RSS_WRAPPER, rss_file] + command
        start = time.perf_counter()
        result = subprocess.run(wrapped, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        with open(rss_file) as file:
            text = file.read()
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text) or re.fullmatch(r"\s*(\d+)\s*", text)
        rss = int(found.group(1)) / 1024 if found else None
        return result.returncode, seconds, rss, result.stdout, result.stderr
    finally:
        os.unlink(rss_file)


def copy_db(source, target):
    """Copies a database (and its WAL, if any) over a fresh target, flushed to disk: else the
    measured command's first fsync would pay for writing back the whole copy."""
    for suffix in ("", "-wal", "-shm", ".rerank-lock"):
        if os.path.exists(target + suffix):
            os.unlink(target + suffix)
    copies = [""] + (["-wal"] if os.path.exists(source + "-wal") and os.path.getsize(source + "-wal") > 0 else [])
    for suffix in copies:
        shutil.copyfile(source + suffix, target + suffix)
        descriptor = os.open(target + suffix, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def remove_db(path):
    for suffix in ("", "-wal", "-shm", ".rerank-lock"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)


def checkpoint(path):
    """Folds the WAL into the database file, so one file is the whole database."""
    try:
        with sqlite3.connect(path) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        connection.close()
    except sqlite3.Error as error:
        log(f"  (checkpoint of {path} failed: {error}; its WAL is copied along)")


def runs_of(liaison, database):
    return json.loads(run([liaison, "runs", "--format", "json", "--db", database]))


def percentile(values, share):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, -(-len(ordered) * share // 100) - 1))] if ordered else None


# -- the catalog ------------------------------------------------------------------------------------

def pristine(args):
    """The cached imported database and data directory for these parameters, built when missing."""
    version = run([args.liaison, "--version"]).strip()
    key = f"seed{args.seed}-d{args.delegates}-us{args.us}-ca{args.ca}-liaison{version}"
    directory = os.path.join(args.work_dir, "cache", key)
    database, data = os.path.join(directory, "pristine.sqlite"), os.path.join(directory, "data")
    if args.regenerate and os.path.isdir(directory):
        shutil.rmtree(directory)
    if os.path.exists(os.path.join(directory, "meta.json")):
        log(f"catalog: cached {directory}")
        with open(os.path.join(directory, "meta.json")) as file:
            return database, data, json.load(file)
    building = directory + ".building"
    shutil.rmtree(building, ignore_errors=True)
    os.makedirs(building)
    total = args.delegates + args.us + args.ca
    log(f"catalog: generating {args.delegates:,} delegates + {args.us:,} US + {args.ca:,} CA firms into {directory}")
    start = time.perf_counter()
    run([args.liaison, "generate", "--seed", str(args.seed), "--delegates", str(args.delegates), "--us", str(args.us),
         "--ca", str(args.ca), "-o", os.path.join(building, "data")])
    generated = time.perf_counter() - start
    start = time.perf_counter()
    imported = run([args.liaison, "import", "companies", "--db", os.path.join(building, "pristine.sqlite")]
                   + [os.path.join(building, "data", name) for name in FILES]).strip().splitlines()[-1]
    import_seconds = time.perf_counter() - start
    # One match builds the feature snapshot, as on a database in use: runs then time ranking only.
    start = time.perf_counter()
    run([args.liaison, "match", "CN-0001", "--db", os.path.join(building, "pristine.sqlite"), "--live"])
    snapshot_seconds = time.perf_counter() - start
    checkpoint(os.path.join(building, "pristine.sqlite"))
    meta = {"key": key, "companies": total, "generate_seconds": generated, "import_seconds": import_seconds,
            "import": imported, "snapshot_seconds": snapshot_seconds}
    with open(os.path.join(building, "meta.json"), "w") as file:
        json.dump(meta, file, indent=2)
    shutil.rmtree(directory, ignore_errors=True)
    os.rename(building, directory)
    log(f"  generated in {generated:.1f} s, imported in {import_seconds:.1f} s ({imported}), snapshot {snapshot_seconds:.1f} s")
    return database, data, meta


def read_catalog(data):
    """The generated files' header and rows, by side."""
    header, delegates, hosts = None, [], []
    for name in FILES:
        with open(os.path.join(data, name), newline="") as file:
            reader = csv.reader(file)
            header = next(reader)
            rows = list(reader)
        (delegates if name.startswith("cn-") else hosts).extend(rows)
    return header, delegates, hosts


def edit_terms(text, rng):
    """A sector:weight;sector list with one term's weight changed (an implicit 1 counts as a weight)."""
    terms = [term for term in text.split(";") if term]
    index = rng.randrange(len(terms))
    sector, _, weight = terms[index].partition(":")
    current = float(weight) if weight else 1.0
    terms[index] = f"{sector}:{rng.choice([w for w in (0.3, 0.45, 0.6, 0.75, 0.9) if abs(w - current) > 1e-9])}"
    return ";".join(terms)


def edit_languages(text):
    """Languages with zh (or en) toggled, staying within the languages the catalog already has."""
    languages = [language for language in text.split(";") if language]
    if "zh" in languages and len(languages) > 1:
        languages.remove("zh")
    elif "zh" not in languages:
        languages.append("zh")
    elif "en" in languages:
        languages.remove("en")
    else:
        languages.append("en")
    return ";".join(languages)


def write_edits(path, header, rows, rng):
    """Writes edited copies of `rows`: half change a sector weight of offers or seeks, half languages."""
    column = {name: header.index(name) for name in ("id", "offers", "seeks", "languages")}
    kinds = {"offers": 0, "seeks": 0, "languages": 0}
    with open(path, "w", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(header)
        for number, original in enumerate(rows):
            row = list(original)
            sides = [side for side in ("offers", "seeks") if row[column[side]]]
            if number % 2 == 0 and sides:
                side = rng.choice(sides)
                row[column[side]] = edit_terms(row[column[side]], rng)
            else:
                side = "languages"
                row[column[side]] = edit_languages(row[column[side]])
            kinds[side] += 1
            writer.writerow(row)
    return kinds


# -- the measurements -------------------------------------------------------------------------------

def rerank(args, database, incremental=False):
    command = [args.liaison, "rerank", "--top", str(args.top), "--db", database] + (["--incremental"] if incremental else [])
    code, seconds, rss, out, err = measured(command)
    if code != 0:
        raise RuntimeError(f"{' '.join(command)} exited {code}:\n{out}{err}")
    current = next(r for r in runs_of(args.liaison, database) if r["isCurrent"])
    return {"seconds": seconds, "peak_rss_mib": rss, "run_seconds": current.get("seconds"), "kind": current["kind"],
            "pairs_scored": current.get("pairsScored"), "rows_written": current.get("rowsWritten"),
            "lists_recomputed": current.get("listsRecomputed"), "message": current.get("message"), "line": out.strip()}


def measure_full(args, catalog, base):
    results = []
    for number in range(args.runs):
        database = os.path.join(args.work_dir, "work", "full.sqlite")
        copy_db(catalog, database)
        log(f"full rerank {number + 1}/{args.runs} ...")
        result = rerank(args, database)
        log(f"  {result['seconds']:.2f} s, peak RSS {result['peak_rss_mib']:.0f} MiB: {result['line']}")
        if result["kind"] != "full":
            problem(f"full rerank {number + 1} recorded as {result['kind']}")
        results.append(result)
        if number == args.runs - 1:
            # The last run's database is the base of the incremental and match measurements.
            checkpoint(database)
            copy_db(database, base)
        remove_db(database)
    return results


def measure_incremental(args, base, label, edits, expected, incremental=True):
    """Imports the edits into a copy of the ranked database, then times a rerank (incremental, or
    with incremental=False the full run it spares), --runs times."""
    kind = "incremental" if incremental else "full"
    results = []
    for number in range(args.runs):
        database = os.path.join(args.work_dir, "work", "incremental.sqlite")
        copy_db(base, database)
        start = time.perf_counter()
        imported = run([args.liaison, "import", "companies", "--db", database, edits]).strip().splitlines()[-1]
        import_seconds = time.perf_counter() - start
        updated = re.search(r"(\d+) updated", imported)
        if not updated or int(updated.group(1)) != expected:
            problem(f"{label}: importing {expected} edits reported '{imported}'")
        log(f"{kind} rerank after edits ({label}) {number + 1}/{args.runs}: {imported} in {import_seconds:.2f} s ...")
        result = rerank(args, database, incremental=incremental)
        result["import_seconds"] = import_seconds
        log(f"  {result['seconds']:.2f} s, peak RSS {result['peak_rss_mib']:.0f} MiB: {result['line']}"
            + (f" [{result['message']}]" if result["message"] else ""))
        if result["kind"] != kind:
            problem(f"{kind} rerank after edits ({label}) {number + 1} ran as {result['kind']}: {result['message']}")
        results.append(result)
        remove_db(database)
    return results


def match_queries(args, database, ids, pace=0.0):
    """Times `liaison match` over the ids, one every `pace` seconds at most (so that they can
    spread over a whole rerank); checks each answer comes from the rankings."""
    latencies, intervals, live, sources, failures = [], [], [], {}, []
    by_side = {"delegate": [], "host": []}
    began = time.perf_counter()
    for number, company in enumerate(ids):
        time.sleep(max(0.0, began + number * pace - time.perf_counter()))
        start = time.perf_counter()
        result = subprocess.run([args.liaison, "match", company, "--db", database, "--format", "json"],
                                capture_output=True, text=True)
        end = time.perf_counter()
        intervals.append((start, end))
        if result.returncode != 0:
            failures.append(f"{company}: exit {result.returncode}: {result.stderr.strip()[:200]}")
            continue
        source = json.loads(result.stdout).get("source", "")
        run_id = re.match(r"rankings of run (\d+)", source)
        if not run_id:
            live.append(f"{company}: {source}")
        else:
            sources[run_id.group(1)] = sources.get(run_id.group(1), 0) + 1
        latencies.append((end - start) * 1000)
        by_side["delegate" if company.startswith("CN-") else "host"].append((end - start) * 1000)
    summary = {"queries": len(ids), "answered": len(latencies), "median_ms": statistics.median(latencies) if latencies else None,
               "p99_ms": percentile(latencies, 99), "max_ms": max(latencies) if latencies else None,
               "median_delegate_ms": statistics.median(by_side["delegate"]) if by_side["delegate"] else None,
               "median_host_ms": statistics.median(by_side["host"]) if by_side["host"] else None,
               "from_rankings": len(latencies) - len(live), "answered_by_run": sources, "not_from_rankings": live[:20],
               "failures": failures[:20], "latencies_ms": [round(value, 2) for value in latencies]}
    return summary, intervals


class BackgroundReranks:
    """Full reranks one after another in a thread, from start() until stop() (then the one running
    ends): the queries always meet a rerank at work, even when one rerank is shorter than them all.
    Each starts without the previous run's lists, so it closes and rewrites every ranking row — the
    heaviest writer the queries can meet — while the previous run stays current for them."""

    def __init__(self, args, database):
        self.database = database
        self.command = [args.liaison, "rerank", "--top", str(args.top), "--db", database]
        self.runs, self.stopping, self.thread = [], threading.Event(), None
        self.started = threading.Event()

    def start(self):
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.thread.start()
        self.started.wait(30)

    def _loop(self):
        while not self.stopping.is_set():
            # Output to a file, not a pipe nobody reads meanwhile: a full pipe would stall the rerank.
            with closing(sqlite3.connect(self.database)) as connection, connection:
                connection.execute("DELETE FROM ranking_lists")
            with tempfile.TemporaryFile(mode="w+") as output:
                start = time.perf_counter()
                process = subprocess.Popen(self.command, stdout=output, stderr=subprocess.STDOUT, text=True)
                self.started.set()
                code = process.wait()
                end = time.perf_counter()
                output.seek(0)
                text = output.read()
            line = next((entry for entry in text.splitlines() if entry.startswith("run ")), text.strip()[-500:])
            self.runs.append({"start": start, "end": end, "seconds": end - start, "exit": code, "line": line})
            if code != 0:
                self.started.set()
                break

    def stop(self):
        self.stopping.set()
        self.thread.join()

    def covering(self, interval):
        """Whether a rerank was running when the interval began and one (the same, or the next) when it ended."""
        return all(any(run["start"] <= instant <= run["end"] for run in self.runs) for instant in interval)


def measure_match(args, base, delegates, hosts, header, full_seconds):
    rng = random.Random(args.seed + 3)
    column = header.index("id")
    half = args.queries // 2
    ids = [row[column] for row in rng.sample(delegates, min(half, len(delegates)))]
    ids += [row[column] for row in rng.sample(hosts, min(args.queries - len(ids), len(hosts)))]
    rng.shuffle(ids)
    database = os.path.join(args.work_dir, "work", "match.sqlite")
    copy_db(base, database)
    run([args.liaison, "match", ids[0], "--db", database, "--format", "json"])  # warm the cache
    log(f"match: {len(ids)} queries, idle ...")
    idle, _ = match_queries(args, database, ids)
    # Spread over a whole rerank, its commit included: as many queries land in its loading,
    # ranking, writing and commit as their share of its time (a rerank slowed by the queries
    # outlasts the full run's time; the last queries then meet the start of the next one).
    pace = 1.1 * full_seconds / len(ids)
    log(f"match: {len(ids)} queries, one every {pace:.2f} s, while full reranks run ...")
    reranks = BackgroundReranks(args, database)
    reranks.start()
    # The queries begin once the rerank has recorded its run, i.e. is at work.
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline and not reranks.runs:
        if any(r["status"] == "running" for r in runs_of(args.liaison, database)):
            break
        time.sleep(0.01)
    start = time.perf_counter()
    try:
        busy, intervals = match_queries(args, database, ids, pace)
    finally:
        reranks.stop()  # the rerank at work finishes; no other starts
    queries_seconds = time.perf_counter() - start
    busy["during_rerank"] = sum(1 for interval in intervals if reranks.covering(interval))
    busy["queries_seconds"] = queries_seconds
    busy["pace_seconds"] = pace
    # Where each query began within the rerank then running, as a share of that rerank's time.
    busy["rerank_shares"] = [round(next(((start - run["start"]) / run["seconds"] for run in reranks.runs
                                         if run["start"] <= start <= run["end"]), -1), 3) for start, _ in intervals]
    busy["reranks"] = [{key: run[key] for key in ("seconds", "exit", "line")} for run in reranks.runs]
    for number, entry in enumerate(reranks.runs):
        log(f"  background rerank {number + 1}: {entry['seconds']:.2f} s: {entry['line']}")
        if entry["exit"] != 0:
            problem(f"background full rerank {number + 1} exited {entry['exit']}: {entry['line']}")
    current = next((r for r in runs_of(args.liaison, database) if r["isCurrent"]), None)
    if not current or current["kind"] != "full" or current["status"] != "done":
        problem(f"after the background reranks the current run is {current}")
    remove_db(database)
    for label, result in (("idle", idle), ("during rerank", busy)):
        for text in result["failures"]:
            problem(f"match ({label}) failed: {text}")
        if result["not_from_rankings"]:
            problem(f"match ({label}): {result['answered'] - result['from_rankings']} answers not from the rankings, "
                    f"e.g. {result['not_from_rankings'][0]}")
    # A query can straddle the moment one background rerank ends and the next starts, when the
    # queries outlast a rerank (small catalogs); a few such are expected, more mean no rerank ran.
    if busy["during_rerank"] < 0.95 * len(ids):
        problem(f"only {busy['during_rerank']} of {len(ids)} match queries began and ended while a rerank was running")
    return idle, busy


# -- report -----------------------------------------------------------------------------------------

def machine(liaison):
    # A database path that does not exist: doctor reports it missing and touches nothing.
    doctor = subprocess.run([liaison, "doctor", "--db", os.path.join(tempfile.gettempdir(), "liaison-bench-none.sqlite")],
                            capture_output=True, text=True).stdout
    lines = dict(re.match(r"(\S+(?: \S+)?)\s{2,}(.*)", line).groups() for line in doctor.splitlines()
                 if re.match(r"(\S+(?: \S+)?)\s{2,}(.*)", line))
    cpu = ""
    try:
        with open("/proc/cpuinfo") as file:
            cpu = next((line.split(":", 1)[1].strip() for line in file if line.startswith("model name")), "")
    except OSError:
        pass
    memory = None
    try:
        with open("/proc/meminfo") as file:
            memory = next((int(line.split()[1]) // 1024 for line in file if line.startswith("MemTotal")), None)
    except OSError:
        pass
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    return {"nproc": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
            "cpu_count": os.cpu_count(), "cpu": cpu, "memory_mib": memory, "platform": platform.platform(),
            "python": platform.python_version(), "liaison": lines.get("liaison"), "blas": lines.get("blas"),
            "blas_library": lines.get("blas library"), "blas_build": lines.get("blas build"),
            "blas_threads": lines.get("blas threads"), "sqlite": lines.get("sqlite"), "commit": commit or None,
            "loadavg_start": os.getloadavg()}


def summarize(results):
    seconds = [r["seconds"] for r in results]
    rss = [r["peak_rss_mib"] for r in results if r["peak_rss_mib"] is not None]
    own = [r["run_seconds"] for r in results if r["run_seconds"] is not None]
    return {"median_seconds": statistics.median(seconds), "seconds": seconds,
            "median_run_seconds": statistics.median(own) if own else None,
            "median_peak_rss_mib": statistics.median(rss) if rss else None, "peak_rss_mib": rss, "runs": results}


def print_summary(result):
    full, catalog, parameters = result["full"], result["catalog"], result["parameters"]
    print(f"\nliaison rerank --top {parameters['top']}: {catalog['delegates']:,} delegates x {catalog['hosts']:,} hosts "
          f"({catalog['us']:,} US + {catalog['ca']:,} CA); {result['machine']['nproc']} cores, "
          f"BLAS {result['machine']['blas']} ({result['machine']['blas_threads']} threads); median of {parameters['runs']}")
    print(f"  {'':<44} {'wall':>8} {'(own)':>8} {'peak RSS':>9} {'vs full':>8}  all runs, wall s")
    rows = [("full, fresh database", full, None)]
    for name, label in (("mixed", "mixed"), ("hosts", "hosts only")):
        entry = result.get(f"incremental_{name}")
        if entry:
            rows.append((f"incremental, {parameters['edit_percent']:g} % {label} "
                         f"({entry['edits']['delegates']}+{entry['edits']['hosts']})", entry, entry["ratio"]))
    for name, label in (("mixed", "mixed"), ("hosts", "hosts only")):
        entry = result.get(f"full_after_{name}")
        if entry:
            rows.append((f"full after the {label} edits, ranked db", entry, entry["ratio"]))
    for label, entry, ratio in rows:
        rss = f"{entry['median_peak_rss_mib']:.0f} MiB" if entry["median_peak_rss_mib"] is not None else "?"
        own = f"{entry['median_run_seconds']:.2f}s" if entry["median_run_seconds"] is not None else "?"
        share = f"{ratio * 100:.1f} %" if ratio is not None else ""
        print(f"  {label:<44} {entry['median_seconds']:7.2f}s {own:>8} {rss:>9} {share:>8}  "
              + ", ".join(f"{value:.2f}" for value in entry["seconds"]))
    for name in ("mixed", "hosts"):
        entry = result.get(f"incremental_{name}")
        if entry:
            first = entry["runs"][0]
            print(f"  {name:<6} incremental/full = {entry['ratio'] * 100:.1f} % (target < 10 %: "
                  f"{'met' if entry['ratio'] < 0.10 else 'MISSED'}); {first['lists_recomputed']:,} lists recomputed, "
                  f"{first['pairs_scored']:,} pairs scored, {first['rows_written']:,} rows written"
                  + (f"; {entry['ratio_to_full_after_edits'] * 100:.1f} % of a full run after the same edits"
                     if "ratio_to_full_after_edits" in entry else ""))
    if "match" in result:
        busy = result["match"]["during_rerank"]
        reranks = busy["reranks"]
        print(f"  liaison match ID --format json, {busy['queries']} queries (half delegates, half hosts), wall ms:")
        print(f"  {'':<44} {'median':>8} {'p99':>8} {'max':>8}  from rankings")
        for label, key in (("idle", "idle"), ("during a full rerank", "during_rerank")):
            entry = result["match"][key]
            print(f"  {label:<44} {entry['median_ms']:8.1f} {entry['p99_ms']:8.1f} {entry['max_ms']:8.1f}  "
                  f"{entry['from_rankings']}/{entry['queries']}")
        durations = ", ".join(f"{entry['seconds']:.1f}" for entry in reranks[:5]) + (", ..." if len(reranks) > 5 else "")
        print(f"  {busy['during_rerank']}/{busy['queries']} queries began and ended while a rerank ran ({len(reranks)} "
              f"background full rerank(s) of the ranked database rewriting every row, back to back: {durations} s)")
        shares = [share for share in busy["rerank_shares"] if share >= 0]
        if shares:
            print(f"  one query every {busy['pace_seconds']:.2f} s: they began from {min(shares) * 100:.0f} % to "
                  f"{max(shares) * 100:.0f} % of the rerank then running (loading, ranking, writing and commit)")
    print(f"  result: {result['json']}")
    if PROBLEMS:
        print("  PROBLEMS:")
        for text in PROBLEMS:
            print(f"    - {text}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--liaison", default=os.path.join(ROOT, ".build", "release", "liaison"), help="the release build of liaison (default: .build/release/liaison)")
    parser.add_argument("--small", action="store_true", help="quick smoke run: 2,000 delegates x 20,000 firms (15,000 US + 5,000 CA)")
    parser.add_argument("--delegates", type=int, help="CN delegates (default 20,000; --small 2,000)")
    parser.add_argument("--us", type=int, help="US firms (default 150,000; --small 15,000)")
    parser.add_argument("--ca", type=int, help="CA firms (default 50,000; --small 5,000)")
    parser.add_argument("--seed", type=int, default=42, help="seed of the generator, the edits and the query ids (default: 42)")
    parser.add_argument("--runs", type=int, default=3, help="measured runs of each rerank (default: 3)")
    parser.add_argument("--top", type=int, default=50, help="rerank --top (default: 50)")
    parser.add_argument("--edit-percent", type=float, default=1.0, help="percent of the companies edited before an incremental run (default: 1)")
    parser.add_argument("--queries", type=int, default=200, help="liaison match queries, idle and during a rerank (default: 200)")
    parser.add_argument("--full-after-edits", action="store_true",
                        help="also time a full (not incremental) rerank after the same edits, on the ranked database: "
                             "what --incremental saves a nightly run")
    parser.add_argument("--skip-incremental", action="store_true")
    parser.add_argument("--skip-match", action="store_true")
    parser.add_argument("--work-dir", default=os.path.join(ROOT, "out", "bench-rerank"),
                        help="the cache of generated databases and the working copies (default: out/bench-rerank)")
    parser.add_argument("--json", default=os.path.join(ROOT, "out", "bench-rerank", "result.json"), help="the result file (default: out/bench-rerank/result.json)")
    parser.add_argument("--regenerate", action="store_true", help="rebuild the cached catalog for these parameters")
    args = parser.parse_args()
    sizes = (2_000, 15_000, 5_000) if args.small else (20_000, 150_000, 50_000)
    args.delegates = sizes[0] if args.delegates is None else args.delegates
    args.us = sizes[1] if args.us is None else args.us
    args.ca = sizes[2] if args.ca is None else args.ca
    args.liaison = os.path.abspath(args.liaison)
    args.work_dir = os.path.abspath(args.work_dir)
    if args.runs < 1 or args.queries < 1 or args.delegates < 1 or args.us + args.ca < 1:
        parser.error("--runs, --queries, --delegates and --us + --ca must be at least 1")
    if not os.access(args.liaison, os.X_OK):
        parser.error(f"{args.liaison} is not an executable; build it with `make release`")
    os.makedirs(os.path.join(args.work_dir, "work"), exist_ok=True)

    result = {"machine": machine(args.liaison), "json": os.path.abspath(args.json),
              "parameters": {"seed": args.seed, "runs": args.runs, "top": args.top, "edit_percent": args.edit_percent,
                             "queries": args.queries, "liaison": args.liaison}}
    started = time.perf_counter()
    try:
        catalog, data, meta = pristine(args)
        header, delegates, hosts = read_catalog(data)
        result["catalog"] = dict(meta, delegates=len(delegates), hosts=len(hosts), us=args.us, ca=args.ca)
        base = os.path.join(args.work_dir, "work", "ranked.sqlite")
        result["full"] = summarize(measure_full(args, catalog, base))

        if not args.skip_incremental:
            total = len(delegates) + len(hosts)
            count = max(1, round(total * args.edit_percent / 100))
            mixed_delegates = round(count * len(delegates) / total)
            rng = random.Random(args.seed + 1)
            variants = [("mixed", rng.sample(delegates, mixed_delegates), rng.sample(hosts, count - mixed_delegates)),
                        ("hosts", [], random.Random(args.seed + 2).sample(hosts, min(count, len(hosts))))]
            for name, edited_delegates, edited_hosts in variants:
                path = os.path.join(args.work_dir, "work", f"edits-{name}.csv")
                kinds = write_edits(path, header, edited_delegates + edited_hosts, random.Random(args.seed + 10))
                entry = summarize(measure_incremental(args, base, f"{name}", path, len(edited_delegates) + len(edited_hosts)))
                entry["edits"] = {"delegates": len(edited_delegates), "hosts": len(edited_hosts), "fields": kinds, "file": path}
                entry["ratio"] = entry["median_seconds"] / result["full"]["median_seconds"]
                result[f"incremental_{name}"] = entry
                if args.full_after_edits:
                    entry = summarize(measure_incremental(args, base, name, path, len(edited_delegates) + len(edited_hosts),
                                                          incremental=False))
                    entry["ratio"] = entry["median_seconds"] / result["full"]["median_seconds"]
                    result[f"full_after_{name}"] = entry
                    result[f"incremental_{name}"]["ratio_to_full_after_edits"] = \
                        result[f"incremental_{name}"]["median_seconds"] / entry["median_seconds"]

        if not args.skip_match:
            idle, busy = measure_match(args, base, delegates, hosts, header, result["full"]["median_seconds"])
            result["match"] = {"idle": idle, "during_rerank": busy}
    except RuntimeError as error:
        problem(str(error))
    finally:
        # The working copies (a ranked full-size database is over 1 GB) go; the cached catalog stays.
        for name in ("ranked", "full", "incremental", "match"):
            remove_db(os.path.join(args.work_dir, "work", f"{name}.sqlite"))
    result["seconds"] = time.perf_counter() - started
    result["machine"]["loadavg_end"] = os.getloadavg()
    result["problems"] = PROBLEMS
    os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
    with open(args.json, "w") as file:
        json.dump(result, file, indent=2)
    if "full" in result:
        print_summary(result)
    else:
        print(f"no result; problems: {PROBLEMS}; see {args.json}")
    return 1 if PROBLEMS else 0


if __name__ == "__main__":
    sys.exit(main())
