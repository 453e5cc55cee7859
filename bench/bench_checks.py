"""Writer checks per drafting candidate: milliseconds a check takes on one paragraph.

Drafting runs every writer check on every candidate paragraph, so each should take a few ms
on a 150–300-字 paragraph. Each reference speech's prose paragraphs are checked in paragraph
scope with the speech before them as context, as the chooser sees a candidate.

Run: .venv/bin/python bench/bench_checks.py [rounds]
"""

from __future__ import annotations

import statistics
import sys
import time

from assistant.checks import PARAGRAPH, REGISTRY, Subject
from assistant.corpus import load_corpus
from assistant.evalrun import load_cases
from assistant.structure import parse_speech
from assistant.text import han_count, paragraphs

WRITER = ("integrity", "focus", "usage", "voice", "register", "politics")


def _candidates() -> list[Subject]:
    """Every 150–300-字 prose paragraph of the references, with the text before it."""
    cases = {c.reference: c for c in load_cases() if c.reference}
    out = []
    for speech in load_corpus():
        case = cases.get(speech.id)
        if case is None:
            continue
        heads = tuple(p.heading for p in parse_speech(speech.text).points())
        done: list[str] = []
        for para in paragraphs(speech.text):
            if 150 <= han_count(para) <= 300:
                out.append(
                    Subject(
                        raw=para, brief=case.brief, occasion=case.occasion, scope=PARAGRAPH,
                        context="\n".join(done), section_role="requirements",
                        other_headlines=heads,
                    )
                )  # fmt: skip
            done.append(para)
    return out


def main(rounds: int = 5) -> None:
    subjects = _candidates()
    for name in WRITER:  # warm the caches (patterns, corpus density)
        REGISTRY[name].run(subjects[0])
    print(f"{len(subjects)} reference paragraphs of 150–300 字, median of {rounds} rounds:")
    for name in WRITER:
        per = []
        for _ in range(rounds):
            start = time.perf_counter()
            for s in subjects:
                REGISTRY[name].run(s)
            per.append((time.perf_counter() - start) / len(subjects) * 1000)
        print(f"  {name:<10} {statistics.median(per):6.2f} ms a paragraph")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
