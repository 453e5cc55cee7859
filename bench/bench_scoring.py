"""Scoring speed: speeches scored per second over the corpus (deterministic checks only).

Run: .venv/bin/python bench/bench_scoring.py [rounds]
"""

from __future__ import annotations

import sys
import time

from assistant.corpus import load_corpus
from assistant.evalrun import load_cases, score_case_text


def main(rounds: int = 5) -> None:
    corpus = load_corpus()
    cases = [c for c in load_cases() if c.reference]
    texts = {c.reference: next(s.text for s in corpus if s.id == c.reference) for c in cases}
    score_case_text(texts[cases[0].reference], cases[0], corpus=corpus)  # warm: n-gram index, data
    n, chars = 0, 0
    t0 = time.perf_counter()
    for _ in range(rounds):
        for case in cases:
            score_case_text(texts[case.reference], case, corpus=corpus)
            n += 1
            chars += len(texts[case.reference])
    dt = time.perf_counter() - t0
    print(f"{n} speeches in {dt:.2f}s: {n / dt:.1f} speeches/s ({chars / dt / 1000:.0f}k chars/s)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
