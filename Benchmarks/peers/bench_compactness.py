#!/usr/bin/env python3
"""How compact Liaison's agendas are, against OR-Tools CP-SAT re-timing the very same meetings.

Each instance is a JSON file written by a Liaison runner (Benchmarks/scripts/sample_instances.py
for the sample's events, through the CLI; ScheduleBench --compact FILE for random ones): the event's slots, days and
tables, each participant's available slots and representatives, and Liaison's meetings (the
pair, its slot, the slots it may take, whether it is locked) with the breaks and idle slots
Liaison reported. This script first checks Liaison's schedule on its own (every meeting in one
of its slots, no participant above its representatives in a slot, no slot above the tables) and
recomputes its breaks and idle slots; then CP-SAT, given --seconds, moves the same meetings
(locked ones stay) under the same rules to minimise Liaison's own objective:
4096 x unfairness + 64 x breaks + idle slots, where a break is a run of slots without a meeting
between two meetings of a day (unavailable slots included, as in Bofill et al.), an idle slot
is an available slot without a meeting between a participant's first and last meeting of a day,
and unfairness is how far the spread of break counts exceeds the fairness asked for (2). With
--objective idle, CP-SAT minimises idle slots alone; with --hint, it starts from Liaison's slots.

    Benchmarks/.venv/bin/python Benchmarks/peers/bench_compactness.py out/compact/*.json --seconds 30

Prints, per instance and in total, breaks and idle slots for Liaison and CP-SAT (target:
Liaison's idle slots at most CP-SAT's). Exits 1 when a schedule breaks a rule or Liaison's
report disagrees with the recount.
"""
import argparse
import json
import sys
from collections import Counter, defaultdict

from ortools.sat.python import cp_model


def day_of(instance):
    days = {}
    for index, (first, last) in enumerate(instance["days"]):
        for slot in range(first, last + 1):
            days[slot] = index
    return days


def measure(instance, slot_of):
    """Per participant: (breaks, idle) of the meetings placed as slot_of says."""
    days = day_of(instance)
    available = {p["company"]: set(p["available"]) for p in instance["participants"]}
    taken = defaultdict(set)
    for index, meeting in enumerate(instance["meetings"]):
        for company in (meeting["a"], meeting["b"]):
            taken[company].add(slot_of[index])
    result = {}
    for company, slots in taken.items():
        breaks = idle = 0
        for day in set(days[s] for s in slots):
            mine = sorted(s for s in slots if days[s] == day)
            for x, y in zip(mine, mine[1:]):
                if y > x + 1:
                    breaks += 1
                    idle += sum(1 for s in range(x + 1, y) if s in available[company])
        result[company] = (breaks, idle)
    return result


def violations(instance, slot_of):
    reps = {p["company"]: p["reps"] for p in instance["participants"]}
    problems, per_slot, per_person = [], Counter(), Counter()
    for index, meeting in enumerate(instance["meetings"]):
        slot = slot_of[index]
        if slot not in meeting["allowed"]:
            problems.append(f"{meeting['a']}-{meeting['b']} in slot {slot}, not one of its slots")
        per_slot[slot] += 1
        for company in (meeting["a"], meeting["b"]):
            per_person[company, slot] += 1
    problems += [f"slot {s} holds {n} meetings for {instance['tables']} tables" for s, n in per_slot.items() if n > instance["tables"]]
    problems += [f"{c} has {n} meetings in slot {s}" for (c, s), n in per_person.items() if n > reps[c]]
    return problems


def totals(instance, slot_of):
    shapes = measure(instance, slot_of)
    breaks = [b for b, _ in shapes.values()]
    return {"breaks": sum(breaks), "idle": sum(i for _, i in shapes.values()),
            "spread": (max(breaks) - min(breaks)) if breaks else 0, "max": max(breaks, default=0)}


def retime(instance, seconds, workers, objective, hint):
    model = cp_model.CpModel()
    meetings = instance["meetings"]
    x = {}
    for index, meeting in enumerate(meetings):
        options = [meeting["slot"]] if meeting["fixed"] else meeting["allowed"]
        for slot in options:
            x[index, slot] = model.new_bool_var(f"x{index}_{slot}")
        model.add_exactly_one(x[index, slot] for slot in options)
        if hint:
            for slot in options:
                model.add_hint(x[index, slot], slot == meeting["slot"])
    by_slot, by_person = defaultdict(list), defaultdict(list)
    for (index, slot), var in x.items():
        by_slot[slot].append(var)
        for company in (meetings[index]["a"], meetings[index]["b"]):
            by_person[company, slot].append(var)
    for group in by_slot.values():
        model.add(sum(group) <= instance["tables"])
    reps = {p["company"]: p["reps"] for p in instance["participants"]}
    available = {p["company"]: set(p["available"]) for p in instance["participants"]}
    for (company, _), group in by_person.items():
        model.add(sum(group) <= reps[company])
    people = sorted({m["a"] for m in meetings} | {m["b"] for m in meetings})
    breaks, idle_terms = {}, []
    for company in people:
        count_terms = []
        for first, last in instance["days"]:
            used = []
            for slot in range(first, last + 1):
                u = model.new_bool_var(f"u_{company}_{slot}")
                group = by_person.get((company, slot), [])
                if group:
                    for var in group:
                        model.add_implication(var, u)
                    model.add(sum(group) >= u)
                else:
                    model.add(u == 0)
                used.append(u)
            # Runs: a run starts where a used slot follows an unused one (exactly).
            starts = []
            for i, u in enumerate(used):
                s = model.new_bool_var(f"st_{company}_{first + i}")
                if i == 0:
                    model.add(s == u)
                else:
                    model.add(s >= u - used[i - 1])
                    model.add(s <= u)
                    model.add(s <= 1 - used[i - 1])
                starts.append(s)
            present = model.new_bool_var(f"in_{company}_{first}")
            model.add_max_equality(present, used)
            count_terms += starts + [-present]
            # Idle: available, unused, with a meeting before and after in the day.
            before, after = [], [None] * len(used)
            for i, u in enumerate(used):
                b = model.new_bool_var(f"pre_{company}_{first + i}")
                model.add_max_equality(b, [u] + ([before[-1]] if before else []))
                before.append(b)
            for i in reversed(range(len(used))):
                a = model.new_bool_var(f"suf_{company}_{first + i}")
                model.add_max_equality(a, [used[i]] + ([after[i + 1]] if i + 1 < len(used) else []))
                after[i] = a
            for i, u in enumerate(used):
                if first + i not in available[company]:
                    continue
                idle = model.new_bool_var(f"idle_{company}_{first + i}")
                model.add(idle >= before[i] + after[i] - u - 1)
                model.add(idle <= before[i])
                model.add(idle <= after[i])
                model.add(idle <= 1 - u)
                idle_terms.append(idle)
        count = model.new_int_var(0, instance["slots"], f"breaks_{company}")
        model.add(count == sum(count_terms))
        breaks[company] = count
    most = model.new_int_var(0, instance["slots"], "most")
    least = model.new_int_var(0, instance["slots"], "least")
    model.add_max_equality(most, list(breaks.values()))
    model.add_min_equality(least, list(breaks.values()))
    unfair = model.new_int_var(0, instance["slots"], "unfair")
    model.add(unfair >= most - least - instance.get("fairness", 2))
    if objective == "idle":
        model.minimize(sum(idle_terms))
    else:
        model.minimize(4096 * unfair + 64 * sum(breaks.values()) + sum(idle_terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = workers
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return {"status": solver.status_name(status)}
    slot_of = [next(s for s in ([m["slot"]] if m["fixed"] else m["allowed"]) if solver.value(x[i, s])) for i, m in enumerate(meetings)]
    problems = violations(instance, slot_of)
    assert not problems, problems
    return dict(totals(instance, slot_of), status=solver.status_name(status), seconds=solver.wall_time)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("instances", nargs="+", help="instance JSON files written by a Liaison runner")
    parser.add_argument("--seconds", type=float, default=30, help="CP-SAT time limit per instance")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT search workers")
    parser.add_argument("--objective", choices=["liaison", "idle"], default="liaison",
                        help="what CP-SAT minimises: Liaison's objective, or idle slots alone")
    parser.add_argument("--hint", action="store_true", help="start CP-SAT from Liaison's slots (it can then only improve on them)")
    args = parser.parse_args()
    from ortools import __version__ as ortools_version
    print(f"OR-Tools {ortools_version}; CP-SAT {args.seconds:g} s, {args.workers} workers, objective {args.objective}"
          f"{', from Liaison' + chr(39) + 's slots' if args.hint else ''}")
    print(f"{'instance':<28}{'meetings':>9}{'Liaison breaks':>16}{'idle':>6}{'CP-SAT breaks':>15}{'idle':>6}{'status':>10}")
    ok, sums = True, Counter()
    for path in args.instances:
        with open(path) as file:
            instance = json.load(file)
        slot_of = [m["slot"] for m in instance["meetings"]]
        problems = violations(instance, slot_of)
        mine = totals(instance, slot_of)
        if mine["breaks"] != instance["breaks"]["total"] or mine["idle"] != instance["idleSlots"]:
            problems.append(f"Liaison reported breaks {instance['breaks']['total']} and idle {instance['idleSlots']}, "
                            f"recounted {mine['breaks']} and {mine['idle']}")
        cp = retime(instance, args.seconds, args.workers, args.objective, args.hint)
        name = instance.get("name", path)
        print(f"{name:<28}{len(instance['meetings']):>9}{mine['breaks']:>16}{mine['idle']:>6}"
              f"{cp.get('breaks', '-'):>15}{cp.get('idle', '-'):>6}{cp['status']:>10}")
        for problem in problems:
            print(f"  FAILED: {problem}")
        ok = ok and not problems
        if "breaks" not in cp:
            # No solution within the time: the totals compare only the instances CP-SAT solved.
            print(f"  CP-SAT found no schedule in {args.seconds:g} s; left out of the totals")
            continue
        sums.update({"liaison breaks": mine["breaks"], "liaison idle": mine["idle"],
                     "cp breaks": cp["breaks"], "cp idle": cp["idle"], "compared": 1})
    print(f"{'total (' + str(sums['compared']) + ' compared)':<28}{'':>9}{sums['liaison breaks']:>16}{sums['liaison idle']:>6}"
          f"{sums['cp breaks']:>15}{sums['cp idle']:>6}")
    print(f"Liaison's idle slots / CP-SAT's: {sums['liaison idle'] / max(sums['cp idle'], 1):.2f} (target <= 1); "
          f"breaks: {sums['liaison breaks'] / max(sums['cp breaks'], 1):.2f}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
