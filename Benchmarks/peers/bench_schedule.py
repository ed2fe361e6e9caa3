#!/usr/bin/env python3
"""Liaison's meeting scheduler against Google OR-Tools CP-SAT, on the very same small events,
in the same run.

For each instance ScheduleBench schedules a seeded random event (median time of 3 runs) and
writes the event and Liaison's schedule as JSON. This script checks that schedule against every
hard rule on its own, then solves the same problem exactly with CP-SAT: a boolean x[d,h,s] for
each delegate d, host h and slot s where both are available and the pair scores above 0;
per participant and slot at most its reps, per slot at most the tables, per pair at most one
meeting, per participant at most its maximum; maximize the sum of round(score * 1000) * x, so
scores count in thousandths (the random events' scores have three decimals, so this is exact).
Tables are interchangeable, so seating is not modelled: any slot with no more meetings than
tables can be seated. CP-SAT gets no hint and --seconds, --workers.

It prints, per instance, Liaison's total and time, CP-SAT's best objective, status, time and
bound, and Liaison's total as a share of CP-SAT's best (target >= 99 %); Liaison's own upper
bound relaxes slots, so it must be >= anything CP-SAT finds. Exits 1 if a schedule breaks a
rule, falls below 99 %, or either bound is contradicted; else 0.

    Benchmarks/.venv/bin/python Benchmarks/peers/bench_schedule.py --runner Benchmarks/.build/release/ScheduleBench
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter

from ortools.sat.python import cp_model

# DELEGATESxHOSTS,SLOTS,TABLES,AVAILABILITY,SEED[,MAX_MEETINGS]
DEFAULT_INSTANCES = ["12x18,4,6,0.7,1", "20x30,6,12,0.8,2", "30x45,8,16,0.7,3", "40x60,8,20,0.75,4",
                     "40x60,8,40,1.0,5,8"]
TARGET = 0.99


def slot_set(text):
    """Parses ranges text such as `1-4,7` into a set of slots."""
    slots = set()
    for part in text.split(","):
        low, _, high = part.partition("-")
        slots.update(range(int(low), int(high or low) + 1))
    return slots


def run_liaison(runner, spec, path):
    size, slots, tables, availability, seed, *most = spec.split(",")
    delegates, hosts = size.split("x")
    command = [runner, delegates, hosts, slots, tables, availability, seed, "3", "--instance", path]
    if most:
        command += ["--max-meetings", most[0]]
    run = subprocess.run(command, check=True, capture_output=True, text=True)
    print("  " + run.stdout.strip(), file=sys.stderr)
    with open(path) as file:
        return json.load(file)


def read_event(instance):
    people = {p["company"]: dict(p, slots=slot_set(p["available"])) for p in instance["participants"]}
    delegates = [p["company"] for p in instance["participants"] if p["side"] == "delegate"]
    hosts = [p["company"] for p in instance["participants"] if p["side"] == "host"]
    score = {(d, h): instance["scores"][i][j] for i, d in enumerate(delegates) for j, h in enumerate(hosts)}
    return people, delegates, hosts, score


def violations(instance, people, score):
    """Every hard rule Liaison's schedule breaks, as text (empty when it is valid)."""
    problems, meetings = [], instance["liaison"]["meetings"]
    per_slot, per_person_slot, per_person, pairs, seats = Counter(), Counter(), Counter(), Counter(), Counter()
    for m in meetings:
        d, h, s, t = m.get("a", m.get("delegate")), m.get("b", m.get("host")), m["slot"], m["table"]
        if people.get(d, {}).get("side") != "delegate" or people.get(h, {}).get("side") != "host":
            problems.append(f"{d}-{h} does not pair a delegate with a host")
            continue
        if not 1 <= s <= instance["slots"]:
            problems.append(f"{d}-{h} in slot {s}, outside 1..{instance['slots']}")
        if not 1 <= t <= instance["tables"]:
            problems.append(f"{d}-{h} at table {t}, outside 1..{instance['tables']}")
        for company in (d, h):
            if s not in people[company]["slots"]:
                problems.append(f"{d}-{h} in slot {s}, where {company} is not available")
            per_person_slot[company, s] += 1
            per_person[company] += 1
        if abs(m["score"] - score[d, h]) > 1e-9:
            problems.append(f"{d}-{h} reports score {m['score']}, the matrix says {score[d, h]}")
        per_slot[s] += 1
        pairs[d, h] += 1
        seats[s, t] += 1
    problems += [f"{c} has {n} meetings in slot {s} with {people[c]['reps']} reps"
                 for (c, s), n in per_person_slot.items() if n > people[c]["reps"]]
    problems += [f"{c} has {n} meetings, maximum {people[c]['maxMeetings']}"
                 for c, n in per_person.items() if n > people[c]["maxMeetings"]]
    problems += [f"slot {s} has {n} meetings for {instance['tables']} tables"
                 for s, n in per_slot.items() if n > instance["tables"]]
    problems += [f"{d}-{h} meet {n} times" for (d, h), n in pairs.items() if n > 1]
    problems += [f"table {t} holds {n} meetings in slot {s}" for (s, t), n in seats.items() if n > 1]
    return problems


def solve_cpsat(instance, people, delegates, hosts, score, seconds, workers):
    model = cp_model.CpModel()
    x = {(d, h, s): model.new_bool_var(f"x_{d}_{h}_{s}")
         for d in delegates for h in hosts if score[d, h] > 0
         for s in sorted(people[d]["slots"] & people[h]["slots"])}
    by_person_slot, by_person, by_slot, by_pair = {}, {}, {}, {}
    for (d, h, s), var in x.items():
        for company in (d, h):
            by_person_slot.setdefault((company, s), []).append(var)
            by_person.setdefault(company, []).append(var)
        by_slot.setdefault(s, []).append(var)
        by_pair.setdefault((d, h), []).append(var)
    for (company, _), group in by_person_slot.items():
        model.add(sum(group) <= people[company]["reps"])
    for company, group in by_person.items():
        model.add(sum(group) <= people[company]["maxMeetings"])
    for group in by_slot.values():
        model.add(sum(group) <= instance["tables"])
    for group in by_pair.values():
        model.add(sum(group) <= 1)
    model.maximize(sum(round(score[d, h] * 1000) * var for (d, h, _), var in x.items()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = workers
    status = solver.solve(model)
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return {"variables": len(x), "status": solver.status_name(status), "seconds": solver.wall_time,
            "best": round(solver.objective_value) if found else None, "bound": solver.best_objective_bound}


def run_instance(args, spec, scratch):
    instance = run_liaison(args.runner, spec, os.path.join(scratch, "instance.json"))
    people, delegates, hosts, score = read_event(instance)
    liaison = instance["liaison"]
    problems = violations(instance, people, score)
    pairs = [(m.get("a", m.get("delegate")), m.get("b", m.get("host"))) for m in liaison["meetings"]]
    total = sum(round(score[pair] * 1000) for pair in pairs if pair in score)
    if abs(total / 1000 - liaison["totalScore"]) > 1e-6:
        problems.append(f"reported total {liaison['totalScore']:.3f}, recomputed {total / 1000:.3f}")
    cp = solve_cpsat(instance, people, delegates, hosts, score, args.seconds, args.workers)

    most = {people[c]["maxMeetings"] for c in people}
    print(f"\n{len(delegates)} x {len(hosts)}, {instance['slots']} slots, {instance['tables']} tables, "
          f"spec {spec} (max meetings {min(most)}-{max(most)}), {len(liaison['meetings'])} meetings by Liaison, "
          f"{cp['variables']} CP-SAT variables")
    print(f"  {'':<10}{'total':>10}{'seconds':>10}{'status':>10}{'bound':>11}")
    print(f"  {'Liaison':<10}{total / 1000:>10.3f}{liaison['seconds']:>10.3f}{'':>10}{liaison['upperBound']:>11.3f}")
    best = "-" if cp["best"] is None else f"{cp['best'] / 1000:.3f}"
    print(f"  {'CP-SAT':<10}{best:>10}{cp['seconds']:>10.2f}{cp['status']:>10}{cp['bound'] / 1000:>11.3f}")
    share = None if not cp["best"] else total / cp["best"]
    if share is not None:
        print(f"  Liaison / CP-SAT best: {share:.2%} (target >= {TARGET:.0%}); "
              f"Liaison's bound - CP-SAT's best: {liaison['upperBound'] - cp['best'] / 1000:+.3f}")
        if share < TARGET:
            problems.append(f"Liaison reaches {share:.2%} of CP-SAT's best, below {TARGET:.0%}")
        if cp["best"] > round(liaison["upperBound"] * 1000) + 1:
            problems.append("CP-SAT found more than Liaison's upper bound: that bound is wrong")
    if total > cp["bound"] + 1e-6:
        problems.append("Liaison beats CP-SAT's proven bound: the CP-SAT model is stricter than Liaison's rules")
    for problem in problems:
        print(f"  FAILED: {problem}")
    return {"spec": spec, "liaison": total / 1000, "seconds": liaison["seconds"], "cp": cp, "share": share,
            "ok": not problems}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runner", required=True, help="the built ScheduleBench executable")
    parser.add_argument("--instances", nargs="+", default=DEFAULT_INSTANCES, metavar="SPEC",
                        help="DELEGATESxHOSTS,SLOTS,TABLES,AVAILABILITY,SEED[,MAX_MEETINGS]")
    parser.add_argument("--seconds", type=float, default=60, help="CP-SAT time limit per instance")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT search workers")
    args = parser.parse_args()
    from ortools import __version__ as ortools_version
    print(f"OR-Tools {ortools_version}; CP-SAT {args.seconds:g} s, {args.workers} workers", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="liaison-schedule-") as scratch:
        rows = [run_instance(args, spec, scratch) for spec in args.instances]
    print(f"\n{'instance':<22}{'Liaison':>10}{'s':>8}{'CP-SAT':>10}{'s':>8}{'status':>10}{'bound':>10}{'share':>9}")
    for r in rows:
        cp, share = r["cp"], "-" if r["share"] is None else f"{r['share']:.2%}"
        best = "-" if cp["best"] is None else f"{cp['best'] / 1000:.3f}"
        print(f"{r['spec']:<22}{r['liaison']:>10.3f}{r['seconds']:>8.3f}{best:>10}{cp['seconds']:>8.2f}"
              f"{cp['status']:>10}{cp['bound'] / 1000:>10.3f}{share:>9}{'' if r['ok'] else '  FAILED'}")
    sys.exit(0 if all(r["ok"] for r in rows) else 1)


if __name__ == "__main__":
    main()
