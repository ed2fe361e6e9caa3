#!/usr/bin/env python3
"""How long an exact method needs to reach the published optimum of the B2B forums of Bofill et
al. (JAIR 74, 2022): the peer of `make bench-b2b`, whose target is that optimum in under 1 s.

Each instance (MiniZinc .dzn, read by b2b_cpsat.read_dzn) is read as Liaison reads it: a pair
requested twice is one meeting; a break is a run of slots without a meeting between two of a
business's meetings, forbidden slots included (the paper's Definition 2.3; the morning and the
afternoon are one day). It becomes a SAT formula in the spirit of the paper's best MaxSAT
encoding (imp12+, Section 4):

- x[m, s]: meeting m in slot s, for the slots of its session that neither business forbids
  (its fixed slot only, when it has one); exactly one per meeting;
- u[p, s]: business p meets in slot s, at most one meeting of p per slot;
- at most nTables meetings per slot, counted over clusters of meetings that share a business
  (at most one of a cluster can be in a slot; the paper's 4.5.2);
- implied: exactly |M_p| of p's u (the paper's (43)); at most 2 nTables businesses meet in a
  slot, and an even number of them (its (44) and 4.5.1);
- a run of p's meetings starts at s when u[p, s] and not u[p, s - 1]; p's breaks are its runs
  minus one; fairness 2 is asked as at most 3 runs (2 breaks) per business, checked afterwards
  against the actual spread (the least count is 0 in every forum here);
- the total of runs at most (businesses with a meeting) + K, by a totalizer.

CaDiCaL 1.5.3 (through python-sat) then solves for K = the published optimum, from scratch; the
schedule it returns is checked rule by rule and its breaks recounted. Prints per instance the
meetings, the optimum, the breaks and spread found, and the seconds from reading the file to the
checked schedule, or "-" when the solver did not finish in --seconds.

    Benchmarks/.venv/bin/python Benchmarks/peers/b2b_sat.py --seconds 120 \\
        ../shared/datasets/b2b-instances/bofill-jair-2022/*.dzn
"""
import argparse
import os
import sys
import threading
import time

from pysat.card import CardEnc, EncType, ITotalizer
from pysat.formula import IDPool
from pysat.solvers import Solver

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [HERE, os.path.join(HERE, "..", "scripts")]
from b2b_cpsat import allowed_slots, check, read_dzn  # noqa: E402
# The published optima of all 20 forums (the paper's Table 3), as the Liaison side of the bench reads them.
from b2b_bench import PUBLISHED, forum_name  # noqa: E402
FAIRNESS = 2


def merged(instance):
    """The instance with each pair requested twice kept once (its first row), as Liaison reads it."""
    seen, rows, fixed = set(), [], []
    for row, slot in zip(instance["meetings"], instance["fixed"]):
        pair = frozenset(row[:2])
        if pair not in seen:
            seen.add(pair)
            rows.append(row)
            fixed.append(slot)
    return dict(instance, meetings=rows, fixed=fixed)


class Formula:
    """The clauses of one instance and the variables a schedule is read from."""

    def __init__(self, instance, optimum):
        self.instance, self.pool, self.clauses = instance, IDPool(), []
        slots, tables = instance["slots"], instance["tables"]
        meetings = instance["meetings"]
        self.x = {}
        self.of = [[] for _ in range(instance["businesses"] + 1)]
        for m, (a, b, _) in enumerate(meetings):
            self.of[a].append(m)
            self.of[b].append(m)
            options = allowed_slots(instance, m)
            if not options:
                raise ValueError(f"meeting {a}-{b} has no slot")
            literals = [self.var("x", m, s) for s in options]
            self.x.update({(m, s): v for s, v in zip(options, literals)})
            self.clauses.append(literals)
            self.at_most_one(literals)
        self.tables(slots, tables)
        starts, users = [], {s: [] for s in range(1, slots + 1)}
        businesses = [p for p in range(1, instance["businesses"] + 1) if self.of[p]]
        for p in businesses:
            used = []
            for s in range(1, slots + 1):
                terms = [self.x[m, s] for m in self.of[p] if (m, s) in self.x]
                u = self.var("u", p, s)
                used.append(u)
                if not terms:
                    self.clauses.append([-u])
                    continue
                self.clauses.append([-u] + terms)
                self.clauses.extend([-t, u] for t in terms)
                self.at_most_one(terms)
                users[s].append(u)
            self.card(CardEnc.equals(used, len(self.of[p]), vpool=self.pool, encoding=EncType.cardnetwrk))
            runs = []
            for s, u in enumerate(used):
                start = self.var("start", p, s)
                runs.append(start)
                self.clauses.append([-u, start] if s == 0 else [-u, used[s - 1], start])
            self.card(CardEnc.atmost(runs, FAIRNESS + 1, vpool=self.pool, encoding=EncType.seqcounter))
            starts += runs
        for s, literals in users.items():
            if len(literals) > 1:
                counter = self.totalizer(literals, min(len(literals), 2 * tables + 1))
                if len(literals) > 2 * tables:
                    self.clauses.append([-counter.rhs[2 * tables]])
                # An odd number meeting is impossible: "more than 2i" implies "more than 2i + 1".
                self.clauses.extend([-counter.rhs[i], counter.rhs[i + 1]] for i in range(0, len(counter.rhs) - 1, 2))
        self.card(CardEnc.atmost(starts, len(businesses) + optimum, vpool=self.pool, encoding=EncType.kmtotalizer))

    def var(self, *name):
        return self.pool.id(name)

    def card(self, formula):
        self.clauses.extend(formula.clauses)

    def at_most_one(self, literals):
        if len(literals) > 1:
            encoding = EncType.pairwise if len(literals) < 7 else EncType.seqcounter
            self.card(CardEnc.atmost(literals, 1, vpool=self.pool, encoding=encoding))

    def totalizer(self, literals, bound):
        counter = ITotalizer(lits=literals, ubound=bound, top_id=self.pool.top)
        self.pool.occupy(self.pool.top + 1, counter.top_id)
        self.pool.top = counter.top_id
        self.clauses.extend(counter.cnf.clauses)
        return counter

    def tables(self, slots, tables):
        # Greedy clusters: the business with the most meetings not yet clustered takes them all.
        left, clusters = set(range(len(self.instance["meetings"]))), []
        while left:
            p = max(range(1, len(self.of)), key=lambda q: sum(m in left for m in self.of[q]))
            clusters.append([m for m in self.of[p] if m in left])
            left -= set(clusters[-1])
        for s in range(1, slots + 1):
            active = []
            for c, cluster in enumerate(clusters):
                members = [self.x[m, s] for m in cluster if (m, s) in self.x]
                if len(members) == 1:
                    active.append(members[0])
                elif members:
                    v = self.var("cluster", c, s)
                    self.clauses.extend([-t, v] for t in members)
                    active.append(v)
            if len(active) > tables:
                self.card(CardEnc.atmost(active, tables, vpool=self.pool, encoding=EncType.seqcounter))

    def schedule(self, model):
        true = {v for v in model if v > 0}
        return {m: s for (m, s), v in self.x.items() if v in true}


def checked_breaks(instance, schedule):
    """The schedule's total breaks and spread, after b2b_cpsat's check of every rule (the paper's
    reading: forbidden slots count, the lunch is no break); raises on a broken one."""
    checked = check(instance, schedule, "any", "counts")
    if checked["problems"]:
        raise AssertionError("; ".join(checked["problems"]))
    return checked["total"], checked["spread"]


def solve(path, seconds):
    started = time.monotonic()
    instance = merged(read_dzn(path))
    optimum = PUBLISHED.get(instance["name"])
    formula = Formula(instance, optimum)
    with Solver(name="cadical153", bootstrap_with=formula.clauses) as solver:
        timer = threading.Timer(max(0.0, seconds - (time.monotonic() - started)), solver.interrupt)
        timer.start()
        found = solver.solve_limited(expect_interrupt=True)
        timer.cancel()
        if found is None:
            return instance, optimum, None, None
        if not found:
            return instance, optimum, "none", None
        breaks = checked_breaks(instance, formula.schedule(solver.get_model()))
    return instance, optimum, breaks, time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--seconds", type=float, default=120, help="give up on an instance after this long")
    args = parser.parse_args()
    print(f"{'instance':18s} {'meetings':>8s} {'optimum':>7s} {'breaks':>6s} {'spread':>6s} {'seconds':>8s}")
    for path in args.files:
        if forum_name(path) not in PUBLISHED:
            print(f"{forum_name(path):18s} no published optimum: this peer is told it, so it has nothing to solve for")
            continue
        instance, optimum, breaks, elapsed = solve(path, args.seconds)
        if breaks is None:
            total, spread, shown = "-", "-", f"> {args.seconds:g}"
        elif breaks == "none":
            total, spread, shown = "none", "-", "-"
        else:
            (total, spread), shown = breaks, f"{elapsed:.2f}"
        print(f"{instance['name']:18s} {len(instance['meetings']):8d} {optimum:7d} {total!s:>6s} {spread!s:>6s} {shown:>8s}",
              flush=True)


if __name__ == "__main__":
    main()
