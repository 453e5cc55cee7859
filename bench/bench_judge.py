"""Judge agreement: does the LLM judge rank a reference speech above a damaged copy of it?

For every corpus speech that is an eval case's reference, four perturbations, each the kind
of damage a small drafting model does:
  cut_points    every requirement point cut to its headline
  shuffle       the sentences of each paragraph shuffled
  paste_review  the review section (else situation, else opening) replaced by the brief's
                facts pasted as a numbered list
  repeat        one sentence repeated five times in a row
The judge (prompts/judge.md, temperature 0) scores the original and the perturbed text;
pairwise accuracy is how often the original scores higher (a tie, or an answer the judge
could not produce readably, counts one half). 0.5 is chance.

On two CPU cores a whole speech is too slow to judge, so each pair is judged on an
excerpt of at most --limit 汉字: the same window of both texts, starting at a paragraph
shortly before the first changed character and ending at a sentence end.

    .venv/bin/python bench/bench_judge.py --model qwen2.5-coder-0.5b [--limit 1000]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.text import han_count, normalize, sentences

# -- perturbations: (text, parsed speech, brief, rng, limit) -> damaged text, or None -------


def _replace(text: str, a: int, b: int, new: str) -> str:
    return text[:a] + new + text[b:]


def cut_points(text: str, parsed: Any, brief: Any, rng: random.Random, limit: int) -> str | None:
    points = [s for s in parsed.points() if text[s.start : s.end] == s.text]
    if not points:
        return None
    for s in sorted(points, key=lambda s: s.start, reverse=True):
        head = sentences(s.text)[0] if sentences(s.text) else s.heading
        text = _replace(text, s.start, s.end, head)
    return text


def shuffle(text: str, parsed: Any, brief: Any, rng: random.Random, limit: int) -> str | None:
    out = []
    for para in text.split("\n"):
        sents = sentences(para)
        if len(sents) >= 3 and "".join(sents) == para.strip():
            order = sents[:]
            while order == sents:
                rng.shuffle(order)
            para = "".join(order)
        out.append(para)
    damaged = "\n".join(out)
    return damaged if damaged != text else None


def paste_review(text: str, parsed: Any, brief: Any, rng: random.Random, limit: int) -> str | None:
    items = list(brief.achievements) or [*brief.situation, *brief.themes]
    if not items:
        return None
    for role in ("review", "situation", "opening"):
        found = [s for s in parsed.by_role(role) if text[s.start : s.end] == s.text]
        if found:
            s = found[-1] if role == "opening" else found[0]
            listing = "\n".join(f"{i}. {item}" for i, item in enumerate(items, 1))
            return _replace(text, s.start, s.end, listing)
    return None


def repeat(text: str, parsed: Any, brief: Any, rng: random.Random, limit: int) -> str | None:
    # A sentence well inside the first excerpt, so the judge sees all five copies.
    pos, han = 0, 0
    candidates = []
    for para_start, para in _paragraphs(text):
        for sent in sentences(para):
            i = text.find(sent, max(pos, para_start))
            pos = i + len(sent)
            han += han_count(sent)
            if 0.2 * limit <= han <= 0.5 * limit and 15 <= han_count(sent) <= 60:
                candidates.append((i, sent))
    if not candidates:
        return None
    i, sent = candidates[len(candidates) // 2]
    return _replace(text, i + len(sent), i + len(sent), sent * 4)


PERTURBATIONS: dict[str, Callable[..., str | None]] = {
    "cut_points": cut_points,
    "shuffle": shuffle,
    "paste_review": paste_review,
    "repeat": repeat,
}


def _paragraphs(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


# -- excerpts ----------------------------------------------------------------------------


def window_start(text: str, changed_at: int, limit: int) -> int:
    """A paragraph start before `changed_at` with at most a third of the window before it."""
    start = 0
    for p_start, _ in _paragraphs(text):
        if p_start > changed_at:
            break
        if han_count(text[p_start:changed_at]) <= limit // 3:
            return p_start
        start = p_start
    return start


def excerpt(text: str, start: int, limit: int) -> tuple[str, bool]:
    """Whole sentences from `start` up to `limit` 汉字; (excerpt, whether it was cut)."""
    paras: list[str] = []
    han = 0
    for _, para in _paragraphs(text[start:]):
        kept = []
        for sent in sentences(para):
            han += han_count(sent)
            if han > limit:
                paras.append("".join(kept))
                return "\n".join(p for p in paras if p), True
            kept.append(sent)
        paras.append("".join(kept))
    return "\n".join(p for p in paras if p), start > 0


# -- the measurement ---------------------------------------------------------------------


@dataclass
class Pair:
    speech: str
    perturbation: str
    original: float | None
    perturbed: float | None

    @property
    def credit(self) -> float:
        if self.original is None or self.perturbed is None:
            return 0.5  # no readable verdict: no information either way
        if self.original == self.perturbed:
            return 0.5
        return 1.0 if self.original > self.perturbed else 0.0


def sign_test_p(pairs: list[Pair]) -> float:
    """One-sided p of at least this many wins among decided pairs if the judge were guessing."""
    wins = sum(1 for p in pairs if p.credit == 1.0)
    decided = sum(1 for p in pairs if p.credit != 0.5)
    if not decided:
        return 1.0
    return sum(math.comb(decided, k) for k in range(wins, decided + 1)) / 2**decided


def build_pairs(limit: int, only: set[str] | None, kinds: tuple[str, ...]) -> list[dict[str, Any]]:
    from assistant.corpus import load_corpus
    from assistant.evalrun import load_cases
    from assistant.structure import parse_speech

    speeches = {s.id: s for s in load_corpus()}
    jobs = []
    for case in load_cases():
        if not case.reference or case.reference not in speeches:
            continue
        if only and case.reference not in only:
            continue
        text = normalize(speeches[case.reference].text).strip()
        parsed = parse_speech(text, case.occasion)
        for kind in kinds:
            rng = random.Random(f"{case.reference}/{kind}")
            damaged = PERTURBATIONS[kind](text, parsed, case.brief, rng, limit)
            if damaged is None or damaged == text:
                continue
            changed = len(os.path.commonprefix([text, damaged]))
            start = window_start(text, changed, limit)
            orig, cut_a = excerpt(text, start, limit)
            pert, cut_b = excerpt(damaged, start, limit)
            if orig == pert:
                continue  # the damage fell outside the window
            jobs.append(
                {
                    "speech": case.reference,
                    "kind": kind,
                    "case": case,
                    "original": orig,
                    "perturbed": pert,
                    "truncated": cut_a or cut_b,
                }
            )
    return jobs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="judge model (default: the configured one)")
    ap.add_argument("--provider", default=None)
    ap.add_argument("--limit", type=int, default=1000, help="汉字 per excerpt (default 1000)")
    ap.add_argument("--speeches", default="", help="comma-separated corpus ids (default: all)")
    ap.add_argument("--perturbations", default=",".join(PERTURBATIONS), help="comma-separated")
    ap.add_argument("--cache", action="store_true", help="use the response cache (re-runs free)")
    ap.add_argument("--json", type=Path, default=None, help="also write the pairs here")
    args = ap.parse_args()
    # A plain `kill` must still stop the embedded model's server (atexit runs on SystemExit).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    kinds = tuple(k for k in args.perturbations.split(",") if k)
    bad = set(kinds) - set(PERTURBATIONS)
    if bad:
        ap.error(f"unknown perturbations: {', '.join(sorted(bad))}")

    from assistant import paths
    from assistant.checks.judge import JudgeError, make_judge
    from assistant.config import resolve_endpoint
    from assistant.errors import ModelError
    from assistant.llm import LLM, ResponseCache
    from assistant.prompts import load_prompt

    os.environ.setdefault("ASSISTANT_MODELS_DIR", str(paths.models_dir()))
    endpoint = resolve_endpoint(model=args.model, provider=args.provider)
    llm = LLM(endpoint, cache=ResponseCache.default() if args.cache else None)
    judge = make_judge(llm, temperature=0.0)
    only = {s for s in args.speeches.split(",") if s} or None
    jobs = build_pairs(args.limit, only, kinds)

    t0 = time.perf_counter()
    llm.chat([{"role": "user", "content": "你好"}], max_tokens=1, temperature=0.0)
    load_s = time.perf_counter() - t0
    print(
        f"judge: {endpoint.model} ({endpoint.provider}), prompt {load_prompt('judge').ref}, "
        f"temperature 0; server start + load {load_s:.1f} s",
        flush=True,
    )
    truncated = sum(1 for j in jobs if j["truncated"])
    print(
        f"{len(jobs)} pairs; each judged on the same excerpt of both texts, at most "
        f"{args.limit} 汉字 ({truncated} of {len(jobs)} pairs truncated: the window starts "
        "shortly before the first change)",
        flush=True,
    )

    memo: dict[str, float | None] = {}
    errors: list[str] = []

    def verdict(text: str, case: Any) -> float | None:
        if text not in memo:
            try:
                memo[text] = judge(text, case.brief, case.occasion).score
            except JudgeError as exc:
                memo[text] = None
                errors.append(str(exc))
        return memo[text]

    pairs: list[Pair] = []
    t1 = time.perf_counter()

    def dump() -> None:
        # Written after every pair, so a run cut short still leaves its figures.
        if args.json:
            data = {
                "model": endpoint.model,
                "limit": args.limit,
                "seconds": round(time.perf_counter() - t1, 1),
                "cached_calls": sum(1 for c in llm.calls if c.cached),
                "pairs": [p.__dict__ for p in pairs],
                "errors": errors,
            }
            args.json.write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")

    try:
        for n, job in enumerate(jobs, 1):
            a = verdict(job["original"], job["case"])
            b = verdict(job["perturbed"], job["case"])
            pairs.append(Pair(job["speech"], job["kind"], a, b))
            dump()
            fa = "—" if a is None else f"{a:.3f}"
            fb = "—" if b is None else f"{b:.3f}"
            print(
                f"[{n}/{len(jobs)}] {job['speech']:<24}{job['kind']:<14}"
                f"original {fa}  perturbed {fb}  ({time.perf_counter() - t1:.0f} s)",
                flush=True,
            )
    except ModelError as exc:
        print(f"stopped: {exc}", file=sys.stderr)
    finally:
        llm.close()
    judge_s = time.perf_counter() - t1

    print()
    print(
        f"{'perturbation':<14}{'pairs':>6}{'accuracy':>10}{'ties':>6}{'unread':>8}"
        f"{'orig':>7}{'pert':>7}{'p(chance)':>11}"
    )
    for kind in (*kinds, "overall"):
        group = [p for p in pairs if kind in ("overall", p.perturbation)]
        if not group:
            continue
        acc = sum(p.credit for p in group) / len(group)
        ties = sum(1 for p in group if p.original is not None and p.original == p.perturbed)
        unread = sum(1 for p in group if p.original is None or p.perturbed is None)
        orig = [p.original for p in group if p.original is not None]
        pert = [p.perturbed for p in group if p.perturbed is not None]
        mo = f"{sum(orig) / len(orig):.3f}" if orig else "—"
        mp = f"{sum(pert) / len(pert):.3f}" if pert else "—"
        print(
            f"{kind:<14}{len(group):>6}{acc:>10.2f}{ties:>6}{unread:>8}{mo:>7}{mp:>7}"
            f"{sign_test_p(group):>11.3f}"
        )
    calls = len(memo)
    used = [c for c in llm.calls[1:] if not c.cached]  # without the warm-up call
    prompt_tok = sum(c.prompt_tokens for c in used)
    compl_tok = sum(c.completion_tokens for c in used)
    print(
        f"\nmodel {endpoint.model}: {calls} judge calls in {judge_s:.0f} s "
        f"({judge_s / max(1, calls):.1f} s per call; {prompt_tok} prompt and {compl_tok} "
        f"completion tokens; {calls - len(used)} answers from the cache); chance is 0.50"
    )
    if errors:
        print(f"{len(errors)} unreadable answers, e.g.: {errors[0]}")
    dump()
    return 0


if __name__ == "__main__":
    sys.exit(main())
