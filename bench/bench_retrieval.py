"""Retrieval benchmark: ingest times, query latency and quality per method on the labelled set.

    .venv/bin/python bench/bench_retrieval.py [--max-han N] [--json]

Runs in a fresh temporary ASSISTANT_HOME, so the cold ingest really is cold (the store is
empty and the embedding model not yet loaded in this process). Prints:
  - cold ingest of the whole corpus (model load + chunking + embedding + writing),
  - re-ingest of the unchanged corpus, in process and as `assistant corpus ingest` (a new process),
  - query latency p50/p95 per method over the labelled queries, after the model is loaded,
  - recall@5 and MRR@5 per method (dense, lexical, hybrid), by speech and by speech+role.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    at = (len(ordered) - 1) * p
    lo, hi = int(at), min(int(at) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (at - lo)


def _bootstrap_diff(a: list[float], b: list[float], rounds: int = 5000) -> tuple[float, float]:
    """95% paired-bootstrap interval of mean(a) - mean(b) over queries (fixed seed)."""
    rng = random.Random(0)
    n = len(a)
    diffs = sorted(
        sum(a[i] - b[i] for i in (rng.randrange(n) for _ in range(n))) / n for _ in range(rounds)
    )
    return (round(diffs[int(rounds * 0.025)], 3), round(diffs[int(rounds * 0.975)], 3))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-han", type=int, default=None, help="chunk size to try (汉字)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-cli", action="store_true", help="skip the CLI re-ingest timing")
    args = parser.parse_args()

    home = tempfile.mkdtemp(prefix="assistant-bench-")
    os.environ["ASSISTANT_HOME"] = home
    os.environ.pop("ASSISTANT_CHROMA_URL", None)
    os.environ.pop("ASSISTANT_EMBEDDINGS_MODEL", None)

    from assistant.embeddings import E5Embedder
    from assistant.retrieval import METHODS, evaluate, load_queries, retrieve
    from assistant.store import CHUNK_MAX_HAN, Store

    max_han = args.max_han or CHUNK_MAX_HAN
    figures: dict[str, object] = {"max_han": max_han, "home": home}

    store = Store(embedder=E5Embedder(), max_han=max_han)
    t0 = time.perf_counter()
    cold = store.ingest()
    figures["cold_ingest_s"] = time.perf_counter() - t0
    figures["speeches"] = len(cold.added)
    figures["chunks"] = cold.chunks_total

    t0 = time.perf_counter()
    warm = Store(embedder=E5Embedder(), max_han=max_han).ingest()
    figures["reingest_unchanged_s"] = time.perf_counter() - t0
    assert warm.chunks_embedded == 0, "an unchanged corpus must not be re-embedded"

    if not args.no_cli and max_han == CHUNK_MAX_HAN:
        exe = Path(sys.executable).parent / "assistant"
        cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "assistant"]
        t0 = time.perf_counter()
        subprocess.run([*cmd, "corpus", "ingest"], check=True, capture_output=True)
        figures["reingest_unchanged_cli_s"] = time.perf_counter() - t0

    queries = load_queries()
    figures["queries"] = len(queries)
    retrieve("热身查询：人大代表", 5, method="hybrid", store=store)  # load model and BM25 index

    per_method: dict[str, dict[str, float]] = {}
    rr_roles: dict[str, list[float]] = {}
    for method in METHODS:
        latencies = []
        for q in queries:
            t0 = time.perf_counter()
            retrieve(q.query, 5, method=method, store=store)
            latencies.append((time.perf_counter() - t0) * 1000)
        result = evaluate(method, queries, store=store, k=5)
        rr_roles[method] = [1.0 / r if r else 0.0 for _, _, r in result.ranks]
        per_method[method] = {
            "recall@5": result.recall,
            "mrr@5": result.mrr,
            "recall@5_role": result.recall_roles,
            "mrr@5_role": result.mrr_roles,
            "p50_ms": statistics.median(latencies),
            "p95_ms": _percentile(latencies, 0.95),
            "misses": list(result.misses),
        }
    figures["methods"] = per_method
    figures["mrr_role_diff_ci95"] = {
        f"{a}-{b}": _bootstrap_diff(rr_roles[a], rr_roles[b])
        for a, b in (("hybrid", "lexical"), ("hybrid", "dense"), ("lexical", "dense"))
    }

    if args.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return 0
    print(f"corpus: {figures['speeches']} speeches, {figures['chunks']} chunks (≤ {max_han} 汉字)")
    print(f"cold ingest (model load + embed all):   {figures['cold_ingest_s']:.2f} s")
    print(f"re-ingest, unchanged (in process):      {figures['reingest_unchanged_s']:.3f} s")
    if "reingest_unchanged_cli_s" in figures:
        print(
            f"re-ingest, unchanged (`assistant corpus ingest`, new process): "
            f"{figures['reingest_unchanged_cli_s']:.2f} s"
        )
    print(f"labelled queries: {len(queries)}  (k = 5)")
    print(
        f"{'method':<8} {'recall@5':>9} {'MRR':>6} {'recall@5+role':>14} {'MRR+role':>9} "
        f"{'p50 ms':>7} {'p95 ms':>7}  misses"
    )
    for method, m in per_method.items():
        print(
            f"{method:<8} {m['recall@5']:>9.3f} {m['mrr@5']:>6.3f} {m['recall@5_role']:>14.3f} "
            f"{m['mrr@5_role']:>9.3f} {m['p50_ms']:>7.1f} {m['p95_ms']:>7.1f}  "
            f"{','.join(m['misses']) or '-'}"
        )
    print("MRR@5 (speech+role) differences, 95% paired bootstrap over queries:")
    for pair, (lo, hi) in figures["mrr_role_diff_ci95"].items():
        print(f"  {pair:<16} [{lo:+.3f}, {hi:+.3f}]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
