#!/usr/bin/env python3
"""The sample's events as `make demo` schedules them, written as instances for the compactness peer.

Through the command line, in a fresh database: `liaison init`, `import companies` (the sample's
three files), `event import` (its events.json); then for each event `event schedule EVENT
--min-meetings N` (timed, median of --repeats runs), `event export --format json` and `event show
--format json`. From those two documents alone it writes DIR/EVENT.json in the shape
Benchmarks/peers/bench_compactness.py reads: the event's slots, days and tables, each
participant's available slots and representatives, and Liaison's meetings (pair, slot, the slots
the pair may take, locked or not) with the breaks and idle slots the export reports. Prints,
per event, time, meetings, total score against the bound, breaks and idle slots.

    python3 Benchmarks/scripts/sample_instances.py --liaison .build/release/liaison --sample datasets/ccpit-2025 \\
        --min-meetings 3 --out out/compact toronto-forum-2025 washington-forum-2025 oakland-breakfast-2025

Standard library only. Exits 1 when Liaison's total score is below --min-ratio of its bound.
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_run import LiaisonFailed, child_cpu, liaison  # noqa: E402  (the one way the scripts run the binary)


def slot_list(value, slots):
    """An event file's slot list ("1-4,7" or [1, 2]) as a set; everything when absent."""
    if value is None:
        return set(range(1, slots + 1))
    if isinstance(value, list):
        return set(value)
    out = set()
    for part in str(value).split(","):
        part = part.strip()
        if "-" in part:
            low, high = part.split("-", 1)
            out.update(range(int(low), int(high) + 1))
        elif part:
            out.add(int(part))
    return out


def days_of(event, slots):
    """[[first, last], ...] per day, slots counted across the event."""
    days = event.get("days")
    if not days:
        return [[1, slots]]
    out, first = [], 1
    for day in days:
        out.append([first, first + day["slots"] - 1])
        first += day["slots"]
    return out


def instance(name, export, definition, seconds):
    event = export["event"]
    slots = event.get("slots") or sum(day["slots"] for day in event.get("days", []))
    participants = [{"company": p["id"], "available": sorted(p["available"]), "reps": p.get("reps", 1)}
                    for p in export["participants"]]
    available = {p["company"]: set(p["available"]) for p in participants}
    sessions = {s["name"]: slot_list(s["slots"], slots) for s in definition.get("sessions", [])}
    session_of = {}
    for request in definition.get("requests", []):
        if request.get("session"):
            session_of[frozenset((request["a"], request["b"]))] = sessions[request["session"]]
    locked = {frozenset((lock["a"], lock["b"])) for lock in definition.get("locks", [])}
    meetings = []
    for m in export["meetings"]:
        a, b = m.get("a", m.get("delegate")), m.get("b", m.get("host"))
        pair = frozenset((a, b))
        allowed = available[a] & available[b] & session_of.get(pair, set(range(1, slots + 1)))
        meetings.append({"a": a, "b": b, "slot": m["slot"], "allowed": sorted(allowed), "fixed": pair in locked})
    quality = export["quality"]
    return {"name": name, "slots": slots, "days": days_of(event, slots), "tables": event["tables"],
            "fairness": definition.get("fairness", 2), "participants": participants, "meetings": meetings,
            "seconds": seconds, "totalScore": quality["totalScore"], "upperBound": quality["upperBound"],
            "breaks": quality["breaks"], "idleSlots": quality["idleSlots"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("events", nargs="+")
    parser.add_argument("--liaison", default=".build/release/liaison")
    parser.add_argument("--sample", default="datasets/ccpit-2025")
    parser.add_argument("--companies", nargs="+", default=["cn-delegates.csv", "us-firms.csv", "ca-firms.csv"],
                        help="the sample's company files, in the order `make demo` imports them")
    parser.add_argument("--min-meetings", default="3")
    parser.add_argument("--repeats", type=int, default=3, help="runs of `event schedule` per event (median time)")
    parser.add_argument("--out", required=True, help="where the instances go")
    parser.add_argument("--min-ratio", type=float, default=0.98, help="least total score / bound accepted")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="sample-bench-")
    db = os.path.join(scratch, "liaison.sqlite")
    liaison(args.liaison, "init", "--db", db)
    liaison(args.liaison, "import", "companies", "--db", db, *(os.path.join(args.sample, f) for f in args.companies))
    liaison(args.liaison, "event", "import", "--db", db, os.path.join(args.sample, "events.json"))
    failed = False
    print(f"{'event':<26}{'seconds':>8}{'CPU s':>7}{'meetings':>9}{'score':>10}{'bound':>10}{'ratio':>8}{'breaks':>7}{'max':>4}{'spread':>7}{'idle':>6}")
    for name in args.events:
        times, cpus = [], []
        for _ in range(max(args.repeats, 1)):
            start, cpu = time.perf_counter(), child_cpu()
            liaison(args.liaison, "event", "schedule", name, "--db", db, "--min-meetings", args.min_meetings)
            times.append(time.perf_counter() - start)
            cpus.append(child_cpu() - cpu)
        path = os.path.join(scratch, f"{name}.json")
        liaison(args.liaison, "event", "export", name, "--db", db, "--format", "json", "-o", path)
        with open(path, encoding="utf-8") as file:
            export = json.load(file)
        definition = json.loads(liaison(args.liaison, "event", "show", name, "--db", db, "--format", "json"))
        if isinstance(definition, list):
            definition = definition[0]
        result = instance(name, export, definition, statistics.median(times))
        result["cpuSeconds"] = statistics.median(cpus)
        with open(os.path.join(args.out, f"{name}.json"), "w", encoding="utf-8") as file:
            json.dump(result, file)
        ratio = result["totalScore"] / result["upperBound"] if result["upperBound"] else 1
        failed = failed or ratio < args.min_ratio
        b = result["breaks"]
        print(f"{name:<26}{result['seconds']:>8.3f}{result['cpuSeconds']:>7.3f}{len(result['meetings']):>9}{result['totalScore']:>10.3f}{result['upperBound']:>10.3f}"
              f"{100 * ratio:>7.2f}%{b['total']:>7}{b['max']:>4}{b['spread']:>7}{result['idleSlots']:>6}")
    print(f"(seconds: `liaison event schedule --min-meetings {args.min_meetings}`, whole process, wall and CPU, median of {args.repeats}; "
          f"target: score >= {100 * args.min_ratio:g} % of the bound)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    try:
        main()
    except LiaisonFailed as error:
        sys.exit(str(error))
