#!/usr/bin/env python3
"""Process wall time of `liaison match ID` on a database of generated firms, warm OS cache.

Generates the scenario (`liaison generate`), imports it into a fresh database, runs one match
to build the feature snapshot and warm the cache, then times REPEATS runs of each query and
prints the medians. Standard library only.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run(command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--liaison", required=True, help="the release build of liaison")
    parser.add_argument("--delegates", type=int, default=20_000)
    parser.add_argument("--us", type=int, default=120_000)
    parser.add_argument("--ca", type=int, default=60_000)
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="liaison-match-") as directory:
        database = os.path.join(directory, "bench.sqlite")
        data = os.path.join(directory, "data")
        run([args.liaison, "generate", "--seed", "42", "--delegates", str(args.delegates), "--us", str(args.us),
             "--ca", str(args.ca), "-o", data])
        files = [os.path.join(data, name) for name in ("cn-delegates.csv", "us-firms.csv", "ca-firms.csv")]
        run([args.liaison, "import", "companies", "--db", database] + files)
        total = args.delegates + args.us + args.ca
        queries = [["CN-0001"], ["CN-0001", "--country", "CA"], ["US-0001"], ["CN-0001", "--explain", "--format", "json"]]
        start = time.perf_counter()
        run([args.liaison, "match", "--db", database] + queries[0])
        print(f"{total:,} companies; first match (builds the feature snapshot): {time.perf_counter() - start:.2f} s")
        for query in queries:
            times = []
            for _ in range(args.repeats):
                start = time.perf_counter()
                run([args.liaison, "match", "--db", database, "--top", "10"] + query)
                times.append(time.perf_counter() - start)
            print(f"  liaison match {' '.join(query):<40} median {statistics.median(times) * 1000:6.1f} ms"
                  f"  (min {min(times) * 1000:.1f}, max {max(times) * 1000:.1f}, {args.repeats} runs)")


if __name__ == "__main__":
    sys.exit(main())
