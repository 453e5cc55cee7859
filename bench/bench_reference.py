"""Calibrating the comparison with a reference speech (assistant/reference.py).

Prints, over the corpus:
1. raw embedder cosines of same-role sections of two *different* speeches, and of each
   point's best match among another speech's points: where `reference.baseline_cosine`
   and `reference.cover_min` in evals/checks.yaml come from;
2. the figures of every reference against itself (all 1.0) and against every other speech
   of its occasion (the floor a draft on the same occasion gets for nothing);
3. the time one comparison takes with nothing cached (the table's seconds reuse vectors).

Run: .venv/bin/python bench/bench_reference.py [--lexical]
"""

from __future__ import annotations

import itertools
import statistics
import sys
import time

from assistant.corpus import load_corpus
from assistant.reference import (
    EmbeddingSimilarity,
    Similarity,
    _role_texts,
    compare_texts,
    default_similarity,
)
from assistant.structure import parse_speech
from assistant.text import normalize


def quantiles(values: list[float]) -> str:
    v = sorted(values)
    at = lambda q: v[min(len(v) - 1, int(q * len(v)))]  # noqa: E731
    return (
        f"n={len(v)} mean={statistics.mean(v):.3f} p10={at(0.1):.3f} "
        f"p50={at(0.5):.3f} p90={at(0.9):.3f} max={v[-1]:.3f}"
    )


def calibration(corpus) -> None:
    raw = EmbeddingSimilarity(baseline=0.0)
    parsed = {s.id: parse_speech(normalize(s.text), s.occasion) for s in corpus}
    same_role, best_point = [], []
    for a, b in itertools.combinations(corpus, 2):
        ra, rb = _role_texts(parsed[a.id]), _role_texts(parsed[b.id])
        for role in set(ra) & set(rb):
            same_role.append(raw.cosine(ra[role], rb[role]))
        for x in parsed[a.id].points():
            scores = [raw.cosine(x.text, y.text) for y in parsed[b.id].points()]
            if scores:
                best_point.append(max(scores))
    print("raw cosine, same role in two different speeches:", quantiles(same_role))
    print("raw cosine, a point's best match in another speech:", quantiles(best_point))


def floors(corpus, sim: Similarity) -> None:
    keys = ("alignment", "content", "points", "coverage", "balance", "overall")
    print(f"\nfigures ({sim.method}); checks not included (no brief here)")
    print("reference\tagainst\t" + "\t".join(keys) + "\tseconds")
    for ref in corpus:
        for other in corpus:
            if other.occasion != ref.occasion:
                continue
            t0 = time.perf_counter()
            f = compare_texts(other.text, ref.text, occasion=ref.occasion, similarity=sim)
            dt = time.perf_counter() - t0
            cells = "\t".join(
                "—" if f["figures"][k] is None else f"{f['figures'][k]:.3f}" for k in keys
            )
            who = "itself" if other.id == ref.id else other.id
            print(f"{ref.id}\t{who}\t{cells}\t{dt:.1f}")


def main() -> None:
    corpus = load_corpus()
    lexical = "--lexical" in sys.argv
    if not lexical:
        calibration(corpus)
    sim = Similarity() if lexical else default_similarity()
    floors(corpus, sim)
    # One comparison with nothing cached (the table above reuses vectors).
    EmbeddingSimilarity._cache.clear()
    a, b = corpus[1], corpus[3]
    t0 = time.perf_counter()
    compare_texts(a.text, b.text, occasion=b.occasion, similarity=sim)
    print(f"\none comparison, nothing cached ({sim.method}): {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
