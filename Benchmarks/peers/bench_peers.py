#!/usr/bin/env python3
"""Liaison's top-k kernel against faiss-cpu (IndexFlatIP, exact) and numpy (blocked matmul +
argpartition), on the very same matrices, in the same run.

For each case it writes one dataset (synthetic sector vectors: nonnegative, 3-8 nonzero
sectors per row, skewed sector popularity, L2-normalized), runs the three, checks that they
return the same top-k sets (ties allowed), and prints each one's median time, pairs/s, and
Liaison's time as a ratio of each peer's; plus Liaison's effective GFLOP/s and its share of a
plain tiled sgemm of the same product through the same BLAS.

Run through `make bench-peers`, which builds the Liaison runner and the venv with the peers.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

# Peers get the same thread count as Liaison; set before numpy and faiss load their BLAS/OpenMP.
THREADS = os.environ.get("BENCH_THREADS", "2")
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = THREADS

import faiss  # noqa: E402
import numpy as np  # noqa: E402


def sector_vectors(rng, rows, dim):
    """Nonnegative rows with 3-8 nonzero sectors drawn from a Zipf-like popularity, L2-normalized."""
    popularity = 1.0 / np.arange(1, dim + 1) ** 1.1
    popularity /= popularity.sum()
    matrix = np.zeros((rows, dim), dtype=np.float32)
    nonzero = rng.integers(3, 9, size=rows)
    for row in range(rows):
        sectors = rng.choice(dim, size=nonzero[row], replace=False, p=popularity)
        matrix[row, sectors] = rng.random(nonzero[row], dtype=np.float32) + 0.05
    matrix /= np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix


def timed(repeats, body):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = body()
        times.append(time.perf_counter() - start)
    return statistics.median(times), times, result


def faiss_topk(queries, candidates, k):
    index = faiss.IndexFlatIP(candidates.shape[1])
    index.add(candidates)
    return index.search(queries, k)[1]


def numpy_topk(queries, candidates, k, block=2048):
    result = np.empty((queries.shape[0], k), dtype=np.int64)
    for start in range(0, queries.shape[0], block):
        scores = queries[start:start + block] @ candidates.T
        top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
        order = np.argsort(-np.take_along_axis(scores, top, axis=1), axis=1, kind="stable")
        result[start:start + block] = np.take_along_axis(top, order, axis=1)
    return result


def disagreements(name, found, reference, queries, candidates, k, tolerance=1e-5):
    """Queries whose top-k sets differ from the reference by more than ties at the k-th score."""
    bad = 0
    for query in range(queries.shape[0]):
        a, b = set(found[query].tolist()), set(reference[query].tolist())
        if a == b:
            continue
        exact = candidates[list(a | b)].astype(np.float64) @ queries[query].astype(np.float64)
        scores = dict(zip(list(a | b), exact))
        kth = min(scores[i] for i in b)
        if any(abs(scores[i] - kth) > tolerance for i in a ^ b):
            bad += 1
            if bad <= 3:
                print(f"  {name} differs on query {query}: {sorted(a - b)} vs {sorted(b - a)}", file=sys.stderr)
    return bad


def run_case(args, queries_count, candidates_count, dim, k):
    rng = np.random.default_rng(args.seed + dim)
    queries = sector_vectors(rng, queries_count, dim)
    candidates = sector_vectors(rng, candidates_count, dim)
    with tempfile.TemporaryDirectory(prefix="liaison-peers-") as scratch:
        directory = os.path.join(args.keep, f"d{dim}") if args.keep else scratch
        os.makedirs(directory, exist_ok=True)
        queries.tofile(os.path.join(directory, "queries.f32"))
        candidates.tofile(os.path.join(directory, "candidates.f32"))
        with open(os.path.join(directory, "meta.json"), "w") as meta:
            json.dump({"queries": queries_count, "candidates": candidates_count, "dim": dim, "k": k}, meta)
        run = subprocess.run([args.runner, directory, THREADS, str(args.repeats)], check=True,
                             capture_output=True, text=True)
        liaison = json.loads(run.stdout)
        print("  " + run.stderr.strip(), file=sys.stderr)
        liaison_topk = np.fromfile(os.path.join(directory, "liaison_topk.i32"), dtype=np.int32).reshape(queries_count, k)

    faiss_median, faiss_runs, faiss_result = timed(args.repeats, lambda: faiss_topk(queries, candidates, k))
    numpy_median, numpy_runs, numpy_result = timed(args.numpy_repeats, lambda: numpy_topk(queries, candidates, k))
    print(f"  faiss runs {[round(t, 3) for t in faiss_runs]}, numpy runs {[round(t, 3) for t in numpy_runs]}", file=sys.stderr)

    wrong = {
        "faiss": disagreements("faiss", faiss_result, liaison_topk, queries, candidates, k),
        "numpy": disagreements("numpy", numpy_result, liaison_topk, queries, candidates, k),
    }
    pairs = queries_count * candidates_count
    liaison_median = liaison["search_median_s"]
    print(f"\n{queries_count:,} x {candidates_count:,}, d = {dim}, k = {k}, {THREADS} threads "
          f"(medians of {args.repeats}; numpy of {args.numpy_repeats})")
    print(f"  {'':<28}{'median s':>10}{'pairs/s':>14}{'Liaison / peer':>16}")
    rows = [("Liaison (GEMM + fused top-k)", liaison_median), ("faiss-cpu IndexFlatIP", faiss_median),
            ("numpy blocked + argpartition", numpy_median)]
    for name, median in rows:
        ratio = "" if name.startswith("Liaison") else f"{liaison_median / median:.2f}"
        print(f"  {name:<28}{median:>10.3f}{pairs / median:>14.3e}{ratio:>16}")
    print(f"  Liaison {liaison['search_gflops']:.1f} GFLOP/s; plain tiled sgemm of the same product "
          f"{liaison['multiply_gflops']:.1f} GFLOP/s ({liaison['multiply_median_s']:.3f} s); "
          f"share {liaison['search_gflops'] / liaison['multiply_gflops']:.1%}")
    print(f"  Liaison kernel memory beyond its inputs and outputs: {liaison['kernel_extra_mib']:.1f} MiB")
    print(f"  top-{k} sets equal to Liaison's (ties allowed): faiss {queries_count - wrong['faiss']}/{queries_count}, "
          f"numpy {queries_count - wrong['numpy']}/{queries_count}")
    return all(count == 0 for count in wrong.values())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runner", required=True, help="the built KernelPeerRun executable")
    parser.add_argument("--queries", type=int, default=20000)
    parser.add_argument("--candidates", type=int, default=200000)
    parser.add_argument("--dims", default="64,192")
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--numpy-repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20251205)
    parser.add_argument("--keep", help="keep each case's dataset in KEEP/d<dim> (for KernelTuning)")
    args = parser.parse_args()
    print(f"faiss {faiss.__version__}, numpy {np.__version__}", file=sys.stderr)
    agree = [run_case(args, args.queries, args.candidates, int(dim), args.k) for dim in args.dims.split(",")]
    sys.exit(0 if all(agree) else 1)


if __name__ == "__main__":
    main()
