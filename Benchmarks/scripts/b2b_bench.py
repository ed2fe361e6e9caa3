#!/usr/bin/env python3
"""The B2B forums of Bofill et al. (JAIR 74, 2022) scheduled by Liaison through its command line.

Each .dzn instance (MiniZinc data: nBusiness, nTables, nTotalSlots, nMorningSlots,
requested = [| a, b, session |...] with session 1 morning, 2 afternoon, 3 either, forbidden
slots per business, fixed slot per meeting, 0 = free) becomes two files a user could write:

- companies.csv: one company per business (B01, B02, ...), in Spain, where the forums were held;
- event.json: an open event ("pairing": "open", any two businesses may meet) of one day with
  sessions morning 1-nMorning and afternoon the rest, every business a participant available in
  the complement of its forbidden slots with maxMeetings its number of requests, every requested
  meeting a must (in its session when it names one), every fixed meeting a lock; a pair requested
  twice is one meeting (Liaison meets a pair once; forum-13crafb asks for 30-53 twice).

Then `liaison init`, `import companies`, `event import`, `event schedule --only-requests` and
`event export --format json`, in a scratch directory. The export is checked here, on its own:
every requested meeting placed once and nothing else, each in its session and in a slot both
businesses are available, no business twice in a slot, no slot above the tables and no two
meetings at one table, locks kept, and the breaks (a run of slots without a meeting between two
of a business's meetings, forbidden slots included, as in the paper) and idle slots recounted
and compared with the export's own quality figures. Prints total breaks against the published
optimum (fairness 2), the spread of break counts, idle slots and the time `event schedule`
took (median of --repeats runs). `event schedule` runs its standard exact search for fewer
breaks; with --exact-seconds N, its exact search for up to N seconds instead (0: none). Exits 1
on any rule broken or figure misreported, 2 when an instance cannot be read or Liaison refuses it.

    python3 Benchmarks/scripts/b2b_bench.py --liaison .build/release/liaison \\
        /work/shared/datasets/b2b-instances/bofill-jair-2022/*.dzn
    python3 Benchmarks/scripts/b2b_bench.py --self-test      # the converter and checker on a tiny instance

Standard library only.
"""
import argparse
import csv
import json
import os
import re
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_run import child_cpu, liaison  # noqa: E402  (the one way the scripts run the binary)


# Proven optimum total breaks under fairness 2 (the paper's Table 3): the 8 forums in the
# datasets folder, and the archive's 12 others (tic-*, ticf-*) when given their files.
PUBLISHED = {"forum-13": 0, "forum-13crafb": 6, "forum-13crafc": 1, "forum-14": 2, "forumt-14": 5,
             "forumt-14crafc": 5, "forumt-14crafd": 4, "forumt-14crafe": 5,
             "tic-12": 0, "tic-12crafc": 0, "tic-13": 0, "tic-13crafb": 0, "tic-13crafc": 4, "tic-14crafa": 0,
             "tic-14crafc": 0, "tic-14crafd": 0, "ticf-13crafa": 0, "ticf-13crafb": 3, "ticf-13crafc": 1,
             "ticf-14crafa": 0}
FAIRNESS = 2


def forum_name(path):
    """An instance's name: its file's, without `.dzn` and without the `.original` the archive gives
    the paper's own forums (`forum-13.original.dzn` is forum-13). A variant made from a forum keeps
    the rest (`forum-13.forb0003`), so it is never compared with that forum's published optimum,
    nor scheduled under its name."""
    name = os.path.basename(path)
    for suffix in (".dzn", ".original"):
        name = name[:-len(suffix)] if name.endswith(suffix) else name
    return name


class DZNError(Exception):
    """An instance this script cannot read, with the line where the trouble is."""


# ---------------------------------------------------------------- reading .dzn

def parse_dzn(text):
    """The assignments of a MiniZinc data file: name -> (line, value), where a value is an int,
    a list of ints, a list of sets of ints (ranges a..b expanded) or a list of rows (2-D array)."""
    stripped = "\n".join(line.split("%", 1)[0] for line in text.split("\n"))
    fields = {}
    for match in re.finditer(r"([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?);", stripped, re.S):
        name, body = match.group(1), match.group(2).strip()
        line = stripped.count("\n", 0, match.start()) + 1
        fields[name] = (line, _value(name, body, line))
    return fields


def _ints(text, name, line):
    out = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        if ".." in item:
            low, high = (_int(x, name, line) for x in item.split("..", 1))
            out.extend(range(low, high + 1))
        else:
            out.append(_int(item, name, line))
    return out


def _int(text, name, line):
    try:
        return int(text.strip())
    except ValueError:
        raise DZNError(f"line {line}: {name}: '{text.strip()}' is not an integer") from None


def _value(name, body, line):
    if re.fullmatch(r"-?\d+", body):
        return int(body)
    if body.startswith("[|"):
        inner = body[2:].rstrip()
        if not inner.endswith("|]"):
            raise DZNError(f"line {line}: {name}: a 2-D array must end with |]")
        inner = inner[:-2]
        return [_ints(row, name, line) for row in inner.split("|") if row.strip().strip(",").strip()]
    if body.startswith("[") and body.endswith("]"):
        inner = body[1:-1].strip()
        if "{" in inner:
            sets = re.findall(r"\{([^}]*)\}", inner)
            return [set(_ints(s, name, line)) for s in sets]
        return _ints(inner, name, line)
    if body.startswith("{") and body.endswith("}"):
        return set(_ints(body[1:-1], name, line))
    raise DZNError(f"line {line}: {name}: cannot read '{body[:40]}'")


def refuse_precedences(fields):
    """Raises DZNError when the forum's `precedences` (parsed by parse_dzn) order any two meetings:
    Liaison has no such rule, so its schedule would not be one of that forum."""
    if "precedences" not in fields:
        return
    line, orders = fields["precedences"]
    if not isinstance(orders, list) or not all(isinstance(o, set) for o in orders):
        raise DZNError(f"line {line}: precedences must hold one set of meetings per requested meeting")
    ordered = next((meeting for meeting, others in enumerate(orders, 1) if others - {0}), None)
    if ordered is not None:
        others = ", ".join(map(str, sorted(orders[ordered - 1] - {0})))
        raise DZNError(f"line {line}: precedences order meeting {ordered} with meeting(s) {others}; Liaison has "
                       "no rule that orders two meetings, so this forum cannot be scheduled as written")


def read_forum(text, name):
    """A forum: sizes, requests [(a, b, session, fixed)], forbidden slots per business (1-based)."""
    fields = parse_dzn(text)

    def get(key, kind):
        if key not in fields:
            raise DZNError(f"{name}: the field {key} is missing")
        line, value = fields[key]
        if kind is int and not isinstance(value, int) or kind is list and not isinstance(value, list):
            raise DZNError(f"line {line}: {key} has the wrong shape")
        return line, value

    businesses, tables = get("nBusiness", int)[1], get("nTables", int)[1]
    slots, morning = get("nTotalSlots", int)[1], get("nMorningSlots", int)[1]
    if businesses < 1 or tables < 1 or slots < 1 or not 0 <= morning <= slots:
        raise DZNError(f"{name}: sizes out of range")
    line, rows = get("requested", list)
    requests = []
    for index, row in enumerate(rows):
        if not isinstance(row, list) or len(row) != 3:
            raise DZNError(f"line {line}: requested row {index + 1} does not hold a, b, session")
        a, b, session = row
        if not (1 <= a <= businesses and 1 <= b <= businesses and a != b and session in (1, 2, 3)):
            raise DZNError(f"line {line}: requested row {index + 1} ({a}, {b}, {session}) is out of range")
        requests.append([a, b, session, None])
    if "nMeetings" in fields and fields["nMeetings"][1] != len(requests):
        raise DZNError(f"line {fields['nMeetings'][0]}: nMeetings is {fields['nMeetings'][1]} but requested has {len(requests)} rows")
    line, forbidden = get("forbidden", list)
    if len(forbidden) != businesses or not all(isinstance(s, set) for s in forbidden):
        raise DZNError(f"line {line}: forbidden must hold one set of slots per business ({businesses})")
    forbidden = [s - {0} for s in forbidden]
    for business, slots_out in enumerate(forbidden, 1):
        if any(not 1 <= s <= slots for s in slots_out):
            raise DZNError(f"line {line}: business {business} forbids a slot outside 1-{slots}")
    if "fixed" in fields:
        line, fixed = fields["fixed"]
        if not isinstance(fixed, list) or len(fixed) != len(requests):
            raise DZNError(f"line {line}: fixed must hold one slot per requested meeting ({len(requests)})")
        for request, slot in zip(requests, fixed):
            if slot:
                if not 1 <= slot <= slots:
                    raise DZNError(f"line {line}: a meeting is fixed to slot {slot}, outside 1-{slots}")
                request[3] = slot
    refuse_precedences(fields)
    return {"name": name, "businesses": businesses, "tables": tables, "slots": slots, "morning": morning,
            "requests": [tuple(r) for r in requests], "forbidden": forbidden}


# ---------------------------------------------------------------- forum -> Liaison files

def distinct(forum):
    """The requests once per pair, in file order (the first row of a pair wins): a forum may ask
    for the same two businesses twice (forum-13crafb: 30-53), and Liaison meets a pair once."""
    seen, out = set(), []
    for request in forum["requests"]:
        pair = frozenset(request[:2])
        if pair not in seen:
            seen.add(pair)
            out.append(request)
    return out


def repeated(forum):
    counts = Counter(frozenset(r[:2]) for r in forum["requests"])
    return sorted(tuple(sorted(pair)) for pair, n in counts.items() if n > 1)


def company(forum, number):
    return "B" + str(number).zfill(len(str(forum["businesses"])))


def ranges(slots):
    """1,2,3,5 -> '1-3,5' (the event file's slot list)."""
    out, run = [], []
    for slot in sorted(slots):
        if run and slot == run[-1] + 1:
            run.append(slot)
        else:
            if run:
                out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
            run = [slot]
    if run:
        out.append(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]))
    return ",".join(out)


def sessions(forum):
    out = []
    if forum["morning"] >= 1:
        out.append({"name": "morning", "slots": f"1-{forum['morning']}"})
    if forum["morning"] < forum["slots"]:
        out.append({"name": "afternoon", "slots": f"{forum['morning'] + 1}-{forum['slots']}"})
    return out


def session_name(forum, code):
    """The session a request needs: 1 morning, 2 afternoon, 3 either (None)."""
    if code == 1:
        return "morning"
    if code == 2:
        return "afternoon"
    return None


def write_files(forum, directory):
    """companies.csv and event.json for the forum; returns their paths."""
    os.makedirs(directory, exist_ok=True)
    companies = os.path.join(directory, "companies.csv")
    with open(companies, "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        # The instances say nothing of what the businesses do; Liaison wants a profile, and only
        # the requests are scheduled, so every business gets the same neutral one.
        writer.writerow(["id", "name", "country", "city", "offers", "description"])
        for number in range(1, forum["businesses"] + 1):
            writer.writerow([company(forum, number), f"Business {number} of {forum['name']}", "ES", "Girona", "agriculture-food",
                             f"Business {number} of the B2B forum instance {forum['name']} (Bofill et al.)"])
    counts = Counter()
    for a, b, _, _ in distinct(forum):
        counts[a] += 1
        counts[b] += 1
    everything = set(range(1, forum["slots"] + 1))
    event = {
        "id": forum["name"], "name": f"B2B forum {forum['name']}", "city": "Girona", "country": "ES",
        "timeZone": "Europe/Madrid", "pairing": "open", "slotMinutes": 20, "tables": forum["tables"],
        "days": [{"date": "2025-05-20", "start": "09:00", "slots": forum["slots"]}],
        "sessions": sessions(forum),
        "participants": [{"company": company(forum, n), "maxMeetings": counts[n],
                          "available": ranges(everything - forum["forbidden"][n - 1])}
                         for n in range(1, forum["businesses"] + 1)],
        "requests": [], "locks": [],
    }
    for a, b, code, fixed in distinct(forum):
        request = {"a": company(forum, a), "b": company(forum, b), "must": True}
        if session_name(forum, code):
            request["session"] = session_name(forum, code)
        event["requests"].append(request)
        if fixed:
            event["locks"].append({"a": company(forum, a), "b": company(forum, b), "slot": fixed})
    path = os.path.join(directory, "event.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(event, file, indent=1)
    return companies, path


# ---------------------------------------------------------------- checking an export

def session_slots(forum, code):
    if code == 1:
        return set(range(1, forum["morning"] + 1))
    if code == 2:
        return set(range(forum["morning"] + 1, forum["slots"] + 1))
    return set(range(1, forum["slots"] + 1))


def shape(forum, meetings):
    """Per business that meets: (breaks, idle slots). A break is a run of slots without a meeting
    between two meetings (forbidden slots included); idle slots are the available ones in them."""
    slots_of = defaultdict(list)
    for m in meetings:
        slots_of[m["a"]].append(m["slot"])
        slots_of[m["b"]].append(m["slot"])
    number = {company(forum, n): n for n in range(1, forum["businesses"] + 1)}
    result = {}
    for who, slots in slots_of.items():
        slots.sort()
        breaks = idle = 0
        for x, y in zip(slots, slots[1:]):
            if y > x + 1:
                breaks += 1
                idle += sum(1 for s in range(x + 1, y) if s not in forum["forbidden"][number[who] - 1])
        result[who] = (breaks, idle)
    return result


def check(forum, export):
    """Every rule, from the export's meetings alone; returns (problems, figures)."""
    problems = []
    meetings = export.get("meetings", [])
    for m in meetings:
        if "a" not in m or "b" not in m:
            problems.append(f"a meeting without a and b: {m}")
            return problems, {}
    number = {company(forum, n): n for n in range(1, forum["businesses"] + 1)}
    wanted = Counter(frozenset((company(forum, a), company(forum, b))) for a, b, _, _ in distinct(forum))
    request_of = {frozenset((company(forum, a), company(forum, b))): (code, fixed) for a, b, code, fixed in distinct(forum)}
    placed = Counter(frozenset((m["a"], m["b"])) for m in meetings)
    for pair, count in wanted.items():
        if placed[pair] < count:
            problems.append(f"request {'-'.join(sorted(pair))} not placed")
    for pair, count in placed.items():
        if count > wanted[pair]:
            problems.append(f"meeting {'-'.join(sorted(pair))} placed {count} times, requested {wanted[pair]}")
    per_slot, seat, busy = Counter(), Counter(), Counter()
    for m in meetings:
        a, b, slot, table = m["a"], m["b"], m["slot"], m.get("table")
        if a not in number or b not in number:
            problems.append(f"meeting {a}-{b}: not a business of the forum")
            continue
        if not 1 <= slot <= forum["slots"]:
            problems.append(f"meeting {a}-{b} in slot {slot}, outside 1-{forum['slots']}")
        for who in (a, b):
            if slot in forum["forbidden"][number[who] - 1]:
                problems.append(f"{who} meets in slot {slot}, which it cannot")
            busy[who, slot] += 1
        code, fixed = request_of.get(frozenset((a, b)), (3, None))
        if slot not in session_slots(forum, code):
            problems.append(f"meeting {a}-{b} in slot {slot}, outside its session ({session_name(forum, code)})")
        if fixed and slot != fixed:
            problems.append(f"meeting {a}-{b} is locked to slot {fixed} but placed in {slot}")
        per_slot[slot] += 1
        if table is None or not 1 <= table <= forum["tables"]:
            problems.append(f"meeting {a}-{b} at table {table}, outside 1-{forum['tables']}")
        seat[slot, table] += 1
    problems += [f"{who} has {n} meetings in slot {slot}" for (who, slot), n in busy.items() if n > 1]
    problems += [f"slot {slot} holds {n} meetings for {forum['tables']} tables" for slot, n in per_slot.items() if n > forum["tables"]]
    problems += [f"table {table} holds {n} meetings in slot {slot}" for (slot, table), n in seat.items() if n > 1]
    shapes = shape(forum, meetings)
    counts = [b for b, _ in shapes.values()]
    figures = {"placed": sum(min(placed[p], c) for p, c in wanted.items()), "requests": len(wanted),
               "breaks": sum(counts), "max": max(counts, default=0),
               "spread": (max(counts) - min(counts)) if counts else 0, "idle": sum(i for _, i in shapes.values())}
    quality = export.get("quality", {})
    reported = quality.get("breaks", {})
    if (reported.get("total"), reported.get("max"), reported.get("spread"), quality.get("idleSlots")) != \
            (figures["breaks"], figures["max"], figures["spread"], figures["idle"]):
        problems.append(f"the export says breaks {reported} and idle slots {quality.get('idleSlots')}; recounted "
                        f"total {figures['breaks']}, max {figures['max']}, spread {figures['spread']}, idle {figures['idle']}")
    return problems, figures


# ---------------------------------------------------------------- running Liaison

def run_forum(args, forum, scratch):
    directory = os.path.join(scratch, forum["name"])
    companies, event = write_files(forum, directory)
    db = os.path.join(directory, "liaison.sqlite")
    if os.path.exists(db):
        os.remove(db)
    liaison(args.liaison, "init", "--db", db)
    liaison(args.liaison, "import", "companies", "--db", db, companies)
    liaison(args.liaison, "event", "import", "--db", db, event)
    times, cpus = [], []
    for _ in range(max(args.repeats, 1)):
        start, cpu = time.perf_counter(), child_cpu()
        liaison(args.liaison, "event", "schedule", forum["name"], "--db", db, *(["--only-requests"] if args.only_requests else []),
                *(["--exact-seconds", str(args.exact_seconds)] if args.exact_seconds is not None else []))
        times.append(time.perf_counter() - start)
        cpus.append(child_cpu() - cpu)
    path = os.path.join(directory, "schedule.json")
    liaison(args.liaison, "event", "export", forum["name"], "--db", db, "--format", "json", "-o", path)
    with open(path, encoding="utf-8") as file:
        export = json.load(file)
    return export, statistics.median(times), statistics.median(cpus)


# ---------------------------------------------------------------- self-test

TINY = """% a hand-written forum: 4 businesses, 2 tables, 5 slots (2 morning)
nBusiness = 4;
nMeetings = 4;
nTables = 2;
nTotalSlots = 5;
nMorningSlots = 2;
requested = [|1, 2, 1,
|1, 3, 2,
|2, 4, 3,
|3, 4, 3|];
forbidden = [{0}, {0,4}, {}, {1..2}];
fixed = [0, 0, 0, 5];
precedences = [{}, {}, {}, {}];
"""


def self_test():
    """The converter and the checker on TINY: what the files say, and that each kind of broken
    schedule is caught for what it breaks. Raises AssertionError on the first difference."""
    forum = read_forum(TINY, "tiny")
    assert (forum["businesses"], forum["tables"], forum["slots"], forum["morning"]) == (4, 2, 5, 2)
    assert forum["requests"] == [(1, 2, 1, None), (1, 3, 2, None), (2, 4, 3, None), (3, 4, 3, 5)], forum["requests"]
    assert forum["forbidden"] == [set(), {4}, set(), {1, 2}], forum["forbidden"]
    with tempfile.TemporaryDirectory() as scratch:
        companies, path = write_files(forum, scratch)
        with open(companies, newline="", encoding="utf-8") as file:
            rows = list(csv.DictReader(file))
        with open(path, encoding="utf-8") as file:
            event = json.load(file)
    assert [r["id"] for r in rows] == ["B1", "B2", "B3", "B4"] and {r["country"] for r in rows} == {"ES"}
    assert event["pairing"] == "open" and event["tables"] == 2 and event["days"][0]["slots"] == 5
    assert event["sessions"] == [{"name": "morning", "slots": "1-2"}, {"name": "afternoon", "slots": "3-5"}]
    people = {p["company"]: (p["maxMeetings"], p["available"]) for p in event["participants"]}
    assert people == {"B1": (2, "1-5"), "B2": (2, "1-3,5"), "B3": (2, "1-5"), "B4": (2, "3-5")}, people
    assert event["requests"] == [{"a": "B1", "b": "B2", "must": True, "session": "morning"},
                                 {"a": "B1", "b": "B3", "must": True, "session": "afternoon"},
                                 {"a": "B2", "b": "B4", "must": True}, {"a": "B3", "b": "B4", "must": True}]
    assert event["locks"] == [{"a": "B3", "b": "B4", "slot": 5}]
    assert ranges({1, 2, 3, 5, 7, 8}) == "1-3,5,7-8"

    def export(meetings):
        shapes = shape(forum, meetings)
        counts = [b for b, _ in shapes.values()]
        return {"meetings": meetings, "quality": {"breaks": {"total": sum(counts), "max": max(counts),
                                                             "spread": max(counts) - min(counts)},
                                                  "idleSlots": sum(i for _, i in shapes.values())}}

    def meeting(a, b, slot, table):
        return {"a": a, "b": b, "slot": slot, "table": table}
    good = [meeting("B1", "B2", 1, 1), meeting("B1", "B3", 4, 1), meeting("B2", "B4", 3, 1), meeting("B3", "B4", 5, 1)]
    problems, figures = check(forum, export(good))
    assert not problems, problems
    # B1 meets in 1 and 4 (slots 2, 3 idle), B2 in 1 and 3 (2 idle), B3 in 4 and 5, B4 in 3 and 5 (4 idle).
    assert (figures["breaks"], figures["max"], figures["spread"], figures["idle"], figures["placed"]) == (3, 1, 1, 4, 4), figures
    broken = {
        "not placed": (good[:3], "not placed"),
        "outside its session": ([good[0], meeting("B1", "B3", 2, 1), good[2], good[3]], "outside its session"),
        "forbidden slot": ([good[0], good[1], meeting("B2", "B4", 4, 2), good[3]], "which it cannot"),
        "twice in a slot": ([good[0], meeting("B1", "B3", 5, 2), good[2], good[3]], "meetings in slot"),
        "one table twice": ([good[0], meeting("B1", "B3", 3, 1), good[2], good[3]], "table 1 holds 2"),
        "no such table": ([good[0], good[1], good[2], meeting("B3", "B4", 5, 3)], "outside 1-2"),
        "lock moved": ([good[0], meeting("B1", "B3", 5, 1), good[2], meeting("B3", "B4", 4, 1)], "locked"),
        "placed twice": (good + [meeting("B1", "B2", 2, 1)], "placed 2 times"),
    }
    for what, (meetings, words) in broken.items():
        problems, _ = check(forum, export(meetings))
        assert any(words in p for p in problems), f"{what}: the check said {problems}, not '{words}'"
    lied = export(good)
    lied["quality"]["idleSlots"] = 0
    assert any("the export says" in p for p in check(forum, lied)[0]), "a misreported idle count passed the check"
    for bad in ["nBusiness = 2;\nnTables = 1;\nnTotalSlots = 2;\nnMorningSlots = 1;\nrequested = [|1, 3, 1|];\nforbidden = [{0},{0}];",
                "nBusiness = 2;\nnTables = 1;\nnTotalSlots = 2;\nnMorningSlots = 1;\nrequested = [|1, 2, 1|];\nforbidden = [{0}];",
                "nBusiness = 2;\nnTables = 1;\nnTotalSlots = 2;\nnMorningSlots = 1;\nrequested = [|1, 2, 4|];\nforbidden = [{0},{0}];",
                "nBusiness = x;",
                TINY.replace("precedences = [{}, {}, {}, {}]", "precedences = [{}, {}, {1}, {}]")]:
        try:
            read_forum(bad, "bad")
        except DZNError:
            continue
        raise AssertionError(f"read a bad instance without complaint: {bad!r}")
    twice = read_forum(TINY.replace("nMeetings = 4;", "nMeetings = 5;").replace("|3, 4, 3|]", "|3, 4, 3,\n|2, 1, 3|]")
                       .replace("fixed = [0, 0, 0, 5]", "fixed = [0, 0, 0, 5, 0]"), "twice")
    assert len(twice["requests"]) == 5 and repeated(twice) == [(1, 2)] and distinct(twice) == forum["requests"]
    with tempfile.TemporaryDirectory() as scratch:
        with open(write_files(twice, scratch)[1], encoding="utf-8") as file:
            assert json.load(file)["requests"] == event["requests"], "a repeated pair is not one request"
    assert not check(twice, export(good))[0], "a repeated pair asks for a second meeting"
    assert [forum_name(p) for p in ["d/forum-13.original.dzn", "forum-13.forb0003.dzn", "tic-12.dzn"]] == \
        ["forum-13", "forum-13.forb0003", "tic-12"]
    print("self-test: the .dzn converter and the export checker behave on a tiny hand-written forum")


# ---------------------------------------------------------------- main

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("instances", nargs="*", help=".dzn files")
    parser.add_argument("--liaison", default=".build/release/liaison", help="the liaison binary")
    parser.add_argument("--repeats", type=int, default=3, help="runs of `event schedule` per forum (median time)")
    parser.add_argument("--scratch", help="keep the generated files and databases here (default: a temporary directory)")
    parser.add_argument("--no-only-requests", dest="only_requests", action="store_false",
                        help="schedule without --only-requests (musts, then score)")
    parser.add_argument("--exact-seconds", type=float, default=None,
                        help="pass --exact-seconds to `event schedule`: an exact search for fewer breaks, this long at "
                             "most (0: none; without it, the standard search)")
    parser.add_argument("--self-test", action="store_true", help="check the converter and checker on a tiny instance, then go on")
    args = parser.parse_args()
    self_test()
    if not args.instances:
        return 0
    scratch = args.scratch or tempfile.mkdtemp(prefix="b2b-bench-")
    print(f"{'instance':<16}{'placed':>10}{'rules':>8}{'breaks':>8}{'optimum':>9}{'spread':>8}{'idle':>6}"
          f"{'seconds':>9}{'CPU s':>7}  (`event schedule`, whole process, median of {args.repeats})")
    status, sums = 0, Counter()
    for path in args.instances:
        name = forum_name(path)
        try:
            with open(path, encoding="utf-8") as file:
                forum = read_forum(file.read(), name)
            export, median, cpu = run_forum(args, forum, scratch)
        except (OSError, DZNError, RuntimeError, json.JSONDecodeError) as error:
            print(f"{name}: {error}")
            status = max(status, 2)
            continue
        problems, figures = check(forum, export)
        optimum = PUBLISHED.get(name)
        print(f"{name:<16}{figures.get('placed', 0):>5}/{len(distinct(forum)):<4}{'ok' if not problems else 'FAILED':>8}"
              f"{figures.get('breaks', '-'):>8}{'-' if optimum is None else optimum:>9}{figures.get('spread', '-'):>8}"
              f"{figures.get('idle', '-'):>6}{median:>9.3f}{cpu:>7.3f}")
        for problem in problems[:10]:
            print(f"  {problem}")
        for a, b in repeated(forum):
            print(f"  note: businesses {a} and {b} are requested more than once; Liaison meets a pair once")
        if problems:
            status = 1 if status != 2 else 2
            continue
        sums.update({"breaks": figures["breaks"], "optimum": optimum or 0, "seconds": median, "under 1 s": int(median < 1),
                     "at optimum": int(optimum is not None and figures["breaks"] <= optimum),
                     "fair": int(figures["spread"] <= FAIRNESS), "forums": 1})
    print(f"total: breaks {sums['breaks']} against {sums['optimum']} published; at the optimum {sums['at optimum']}/{sums['forums']}, "
          f"spread <= {FAIRNESS} {sums['fair']}/{sums['forums']}, under 1 s {sums['under 1 s']}/{sums['forums']}; "
          f"{sums['seconds']:.2f} s scheduling in all")
    if not args.scratch:
        print(f"files and exports: {scratch}")
    return status


if __name__ == "__main__":
    sys.exit(main())
