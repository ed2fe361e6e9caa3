#!/usr/bin/env python3
"""The B2B forums of Bofill et al. (JAIR 74, 2022) solved exactly with OR-Tools CP-SAT: which
reading of "break" gives the published optima, and an independent optimum for Liaison's runs.

Each instance (MiniZinc .dzn: nBusiness, nTables, nTotalSlots, nMorningSlots, requested
[| a, b, session |], forbidden slots per business, fixed slot per meeting) becomes: a boolean
x[m, s] for each requested meeting m and each slot s of its session (1 morning = 1..nMorning,
2 afternoon = the rest, 3 either) where neither business is forbidden; each meeting in exactly
one slot (its fixed slot when it has one); each business in at most one meeting per slot; at
most nTables meetings per slot. A business's breaks are counted under one of these readings:

  any        a break is a maximal run of slots without a meeting between two of its meetings
             (the paper's Definition 2.3; forbidden slots count like any other);
  available  as `any`, but a run made only of forbidden slots is no break (Liaison's wording:
             "a run of idle available slots");
  --lunch    with `split`, a run that contains the boundary between slot nMorning and the
             next is no break (morning and afternoon counted apart, like two days).

Fairness d: the largest and smallest break counts differ by at most d, over every business
with a meeting (--fair-all: over every business). The objective is the total of breaks.

Which reading the published optima use (2 workers, 60-120 s each): `any` with the lunch
counted proves forumt-14 = 5 and forumt-14crafd = 4, the published optima, and bounds
forumt-14crafc and -crafe at 4 with 6-7 found (published 5). `available` finds forumt-14 with
1 break and forumt-14crafd with 0, below the published optima, so a run of forbidden slots is a
break in the paper. `--lunch split` proves forum-13crafb = 1 (published 6) and forum-14 = 0
(published 2), so the morning/afternoon boundary is no special case. Fairness is the same over
every business or those with meetings (a business with one meeting has no break). CP-SAT does
not close the forum-13 family in 120 s (bound 0); --check verifies Liaison's schedules there.

    Benchmarks/.venv/bin/python Benchmarks/peers/b2b_cpsat.py ../shared/datasets/b2b-instances/bofill-jair-2022/*.dzn

Prints per instance the optimum (or best and bound) under the chosen reading beside the
published one. With --check FILE (a JSON schedule: {"meetings": [{"a": 1, "b": 2, "slot": 3}]},
businesses and slots 1-based), it instead checks that schedule against every rule and prints its
breaks, spread and idle slots under the chosen reading.
"""
import argparse
import json
import os
import re
import sys

from ortools.sat.python import cp_model

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scripts"))
# The published optima (the paper's Table 3) and instance names, as the Liaison side reads them.
from b2b_bench import PUBLISHED, DZNError, forum_name, parse_dzn, refuse_precedences  # noqa: E402


def read_dzn(path):
    """The fields of a Bofill .dzn file: sizes, meetings (a, b, session; 1-based), forbidden
    slots per business (0 dropped), fixed slot per meeting (None when free)."""
    text = open(path).read()

    def integer(name):
        return int(re.search(rf"\b{name}\s*=\s*(\d+)\s*;", text).group(1))

    def body(name):
        return re.search(rf"\b{name}\s*=\s*(.*?);", text, re.S).group(1)

    try:
        # Like Liaison's converter: a forum that orders meetings needs a rule this model lacks.
        refuse_precedences(parse_dzn(text))
    except DZNError as error:
        sys.exit(f"{path}: {error}")
    rows = [row for row in body("requested").strip().strip("[]").split("|") if row.strip()]
    meetings = [tuple(int(v) for v in row.replace(",", " ").split()) for row in rows]
    forbidden = [{int(v) for v in group.replace(",", " ").split()} - {0}
                 for group in re.findall(r"\{([^}]*)\}", body("forbidden"))]
    fixed = [int(v) or None for v in body("fixed").strip().strip("[]").replace(",", " ").split()]
    instance = {"name": forum_name(path), "businesses": integer("nBusiness"),
                "tables": integer("nTables"), "slots": integer("nTotalSlots"), "morning": integer("nMorningSlots"),
                "meetings": meetings, "forbidden": forbidden, "fixed": fixed or [None] * len(meetings)}
    assert len(meetings) == integer("nMeetings"), "nMeetings disagrees with requested"
    assert len(forbidden) == instance["businesses"], "one forbidden set per business"
    assert len(instance["fixed"]) == len(meetings), "one fixed slot per meeting"
    return instance


def allowed_slots(instance, meeting):
    a, b, session = instance["meetings"][meeting]
    morning, slots = instance["morning"], instance["slots"]
    window = {1: range(1, morning + 1), 2: range(morning + 1, slots + 1)}.get(session, range(1, slots + 1))
    fixed = instance["fixed"][meeting]
    return [s for s in window if (fixed is None or s == fixed)
            and s not in instance["forbidden"][a - 1] and s not in instance["forbidden"][b - 1]]


def counted_gap(instance, business, gap, reading):
    """Whether a run of slots without a meeting (between two meetings) is a break."""
    return reading == "any" or any(s not in instance["forbidden"][business - 1] for s in gap)


def breaks_of(instance, business, slots, reading):
    """Breaks of one business, from its sorted meeting slots (one segment of the day)."""
    return sum(1 for gap in gaps(slots) if counted_gap(instance, business, gap, reading))


def gaps(slots):
    """The runs of slots strictly between consecutive meetings."""
    return [list(range(x + 1, y)) for x, y in zip(slots, slots[1:]) if y > x + 1]


def solve(instance, reading, lunch, fairness, fair_all, seconds, workers):
    model = cp_model.CpModel()
    n, slots = instance["businesses"], instance["slots"]
    x = {}
    for m in range(len(instance["meetings"])):
        options = allowed_slots(instance, m)
        if not options:
            return {"status": "INFEASIBLE (a meeting has no slot)"}
        for s in options:
            x[m, s] = model.new_bool_var(f"x{m}_{s}")
        model.add_exactly_one(x[m, s] for s in options)
    of_business = [[] for _ in range(n + 1)]
    for m, (a, b, _) in enumerate(instance["meetings"]):
        of_business[a].append(m)
        of_business[b].append(m)
    for s in range(1, slots + 1):
        in_slot = [x[m, s] for m in range(len(instance["meetings"])) if (m, s) in x]
        if len(in_slot) > instance["tables"]:
            model.add(sum(in_slot) <= instance["tables"])
    breaks = {}
    for p in range(1, n + 1):
        if not of_business[p]:
            continue
        used = []
        for s in range(1, slots + 1):
            terms = [x[m, s] for m in of_business[p] if (m, s) in x]
            u = model.new_bool_var(f"u{p}_{s}")
            if terms:
                model.add(sum(terms) == u)   # at most one meeting per slot, and u says whether one
            else:
                model.add(u == 0)
            used.append(u)
        segments = [range(1, slots + 1)] if lunch == "counts" else \
            [range(1, instance["morning"] + 1), range(instance["morning"] + 1, slots + 1)]
        if reading == "any":
            # Every business meets at least once per nonempty segment it uses, so its breaks
            # are its runs of consecutive meetings minus one per segment with a meeting: a run
            # starts at s when used[s] and not used[s - 1] (a linear, tight encoding).
            ends, present = [], []
            for segment in segments:
                for s in segment:
                    st = model.new_bool_var(f"st{p}_{s}")
                    if s == segment[0]:
                        model.add(st == used[s - 1])
                    else:
                        # exactly used[s] and not used[s - 1]: an inflated count would let
                        # fairness hide a larger one elsewhere
                        model.add(st >= used[s - 1] - used[s - 2])
                        model.add(st <= used[s - 1])
                        model.add(st <= 1 - used[s - 2])
                    ends.append(st)
                any_here = model.new_bool_var(f"in{p}_{segment[0]}")
                model.add_max_equality(any_here, [used[s - 1] for s in segment])
                present.append(any_here)
            count = model.new_int_var(0, slots, f"breaks{p}")
            model.add(count == sum(ends) - sum(present))
            breaks[p] = count
            continue
        # The `available` reading: within a segment, started[s] says a meeting took place at or
        # before s; open[s] that s is idle after a meeting and the run so far holds a slot the
        # reading counts; a break ends at s when open[s] and used[s + 1].
        ends = []
        for segment in segments:
            started_prev = opened_prev = None
            for s in segment:
                u = used[s - 1]
                st = model.new_bool_var(f"st{p}_{s}")
                if started_prev is None:
                    model.add(st == u)
                else:
                    model.add_max_equality(st, [started_prev, u])
                op = model.new_bool_var(f"op{p}_{s}")
                if started_prev is None:
                    model.add(op == 0)
                elif reading == "any" or s not in instance["forbidden"][p - 1]:
                    model.add_bool_and([u.Not(), started_prev]).only_enforce_if(op)
                    model.add_bool_or([op, u, started_prev.Not()])
                else:
                    model.add_bool_and([u.Not(), opened_prev]).only_enforce_if(op)
                    model.add_bool_or([op, u, opened_prev.Not()])
                if s + 1 in segment:
                    e = model.new_bool_var(f"e{p}_{s}")
                    model.add_bool_and([op, used[s]]).only_enforce_if(e)
                    model.add_bool_or([e, op.Not(), used[s].Not()])
                    ends.append(e)
                started_prev, opened_prev = st, op
        count = model.new_int_var(0, slots, f"breaks{p}")
        model.add(count == sum(ends))
        breaks[p] = count
    counted = list(breaks.values()) if not fair_all else list(breaks.values()) + [model.new_constant(0)] * (n - len(breaks))
    most, least = model.new_int_var(0, slots, "most"), model.new_int_var(0, slots, "least")
    model.add_max_equality(most, counted)
    model.add_min_equality(least, counted)
    model.add(most - least <= fairness)
    model.minimize(sum(breaks.values()))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = workers
    status = solver.solve(model)
    result = {"status": solver.status_name(status), "seconds": solver.wall_time, "bound": solver.best_objective_bound}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        schedule = {m: s for (m, s), var in x.items() if solver.value(var)}
        result["breaks"] = round(solver.objective_value)
        result["schedule"] = schedule
        per = check(instance, schedule, reading, lunch)
        assert not per["problems"], per["problems"]
        assert per["total"] == result["breaks"], (per["total"], result["breaks"])
        result["spread"] = per["spread"]
    return result


def check(instance, schedule, reading, lunch):
    """Every rule a schedule {meeting: slot} breaks, and its breaks, spread and idle slots."""
    problems = []
    n, slots = instance["businesses"], instance["slots"]
    busy, per_slot = {}, {}
    for m, s in schedule.items():
        if s not in allowed_slots(instance, m):
            problems.append(f"meeting {m + 1} {instance['meetings'][m][:2]} in slot {s}, outside its allowed slots")
        for p in instance["meetings"][m][:2]:
            busy.setdefault(p, []).append(s)
        per_slot[s] = per_slot.get(s, 0) + 1
    missing = [m + 1 for m in range(len(instance["meetings"])) if m not in schedule]
    if missing:
        problems.append(f"meetings not placed: {missing[:10]}")
    problems += [f"slot {s} holds {c} meetings for {instance['tables']} tables" for s, c in per_slot.items()
                 if c > instance["tables"]]
    counts, idle = {}, 0
    for p, taken in busy.items():
        if len(set(taken)) < len(taken):
            problems.append(f"business {p} meets twice in one slot")
        taken = sorted(set(taken))
        counts[p] = breaks_of(instance, p, taken, reading) if lunch == "counts" else split_breaks(instance, p, taken, reading)
        idle += sum(1 for gap in gaps(taken) for s in gap if s not in instance["forbidden"][p - 1])
    values = list(counts.values())
    return {"problems": problems, "total": sum(values), "max": max(values, default=0),
            "spread": max(values, default=0) - min(values, default=0), "idle": idle}


def split_breaks(instance, p, taken, reading):
    """Breaks when the morning and the afternoon are counted apart."""
    morning = instance["morning"]
    total = 0
    for half in ([s for s in taken if s <= morning], [s for s in taken if s > morning]):
        total += breaks_of(instance, p, half, reading)
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("instances", nargs="+", help=".dzn files")
    parser.add_argument("--reading", choices=["any", "available"], default="any", help="which idle runs are breaks")
    parser.add_argument("--lunch", choices=["counts", "split"], default="counts",
                        help="whether a run across the morning/afternoon boundary is a break")
    parser.add_argument("--fairness", type=int, default=2, help="largest allowed difference of break counts")
    parser.add_argument("--fair-all", action="store_true", help="fairness over every business, not only those meeting")
    parser.add_argument("--seconds", type=float, default=60, help="CP-SAT time limit per instance")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT search workers")
    parser.add_argument("--check", metavar="FILE", help="check a JSON schedule of the (single) instance instead")
    args = parser.parse_args()
    if args.check:
        instance = read_dzn(args.instances[0])
        with open(args.check) as file:
            data = json.load(file)
        index = {}
        for m, (a, b, _) in enumerate(instance["meetings"]):
            index[min(a, b), max(a, b)] = m
        schedule = {}
        for meeting in data["meetings"]:
            a, b = int(meeting["a"]), int(meeting["b"])
            schedule[index[min(a, b), max(a, b)]] = int(meeting["slot"])
        result = check(instance, schedule, args.reading, args.lunch)
        print(json.dumps(result))
        sys.exit(1 if result["problems"] else 0)
    ok = True
    print(f"reading {args.reading}, lunch {args.lunch}, fairness {args.fairness} over "
          f"{'every business' if args.fair_all else 'businesses with meetings'}")
    print(f"{'instance':<16}{'published':>10}{'CP-SAT':>8}{'bound':>8}{'spread':>8}{'status':>10}{'seconds':>9}")
    for path in args.instances:
        instance = read_dzn(path)
        result = solve(instance, args.reading, args.lunch, args.fairness, args.fair_all, args.seconds, args.workers)
        published = PUBLISHED.get(instance["name"])
        found = result.get("breaks")
        print(f"{instance['name']:<16}{published if published is not None else '-':>10}"
              f"{found if found is not None else '-':>8}{result.get('bound', float('nan')):>8.0f}"
              f"{result.get('spread', '-'):>8}{result['status']:>10}{result.get('seconds', 0):>9.2f}")
        if published is not None and result["status"] == "OPTIMAL" and found != published:
            ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
