"""`ask` benchmark on the labelled writer questions (evals/ask/questions.yaml).

    .venv/bin/python bench/bench_ask.py [--home DIR] [--calibrate] [--json]
    flock /work/model.lock .venv/bin/python bench/bench_ask.py --model qwen2.5-coder-0.5b [--limit N]  (N evenly spaced answerable questions)

Without a model (seconds): how each question is understood and what is gathered, then
  - citation hit@5 by labelled kind: a relevant passage among the first five handed over,
  - completeness for questions that need every listed passage (哪几点, comparisons),
  - not-found precision / recall (positive = "the corpus cannot answer"), per split,
  - --calibrate: the `min_support` threshold that separates the tune split best.
With --model: every answerable question (or the first N) is asked of that model and its
answer grounded; prints the share of answers whose every quotation is verbatim in its
source, as the model wrote it and after grounding, and how many answers quote at all.

Runs in a fresh temporary ASSISTANT_HOME (corpus ingested with the E5 embedder) unless
--home points at a data dir whose store is already built.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

KINDS = ("genre", "speech", "compare", "fact")


def load_questions(path: Path | None = None) -> list[dict]:
    import yaml

    with open(path or REPO / "evals" / "ask" / "questions.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh) or []


def matches(p, r: dict) -> bool:
    return (
        r.get("speech", "*") in ("*", p.speech_id)
        and ("role" not in r or r["role"] == p.role)
        and ("ordinal" not in r or r["ordinal"] == p.ordinal)
    )


def _pr(rows: list[dict], threshold: float | None = None) -> tuple[float, float, int, int, int]:
    """Not-found precision, recall (positive = unanswerable), tp, fp, fn."""
    tp = fp = fn = 0
    for r in rows:
        said = r["not_found"] if threshold is None else (r["hard_nf"] or r["support"] < threshold)
        truth = not r["answerable"]
        tp += said and truth
        fp += said and not truth
        fn += (not said) and truth
    p = tp / (tp + fp) if tp + fp else 1.0
    rc = tp / (tp + fn) if tp + fn else 1.0
    return p, rc, tp, fp, fn


def calibrate(rows: list[dict]) -> float:
    """The threshold with the best not-found F1 on `rows`: the middle of the widest gap."""
    values = sorted({0.0, 1.0, *(r["support"] for r in rows)})
    cands = [(a + b) / 2 for a, b in zip(values, values[1:], strict=False)] or [0.5]

    def f1(t: float) -> float:
        p, r, *_ = _pr(rows, t)
        return 2 * p * r / (p + r) if p + r else 0.0

    best = max(f1(t) for t in cands)
    good = [t for t in cands if f1(t) == best]
    # Among equally good thresholds, the one in the middle of their range.
    return round((min(good) + max(good)) / 2, 3)


def run_plans(questions: list[dict], ctx) -> list[dict]:
    from assistant.ask import plan

    rows = []
    for q in questions:
        t0 = time.perf_counter()
        p = plan(q["question"], ctx)
        ms = (time.perf_counter() - t0) * 1000
        rel = q.get("relevant") or []
        top = p.passages[:5]
        rows.append(
            {
                "id": q["id"],
                "split": q.get("split", "tune"),
                "kind": q.get("kind", "none"),
                "understood_kind": p.understanding.kind,
                "answerable": q.get("answerable", True),
                "hit": bool(rel) and any(matches(x, r) for x in top for r in rel),
                "complete": (
                    all(any(matches(x, r) for x in p.passages) for r in rel)
                    if q.get("all")
                    else None
                ),
                "not_found": not p.found,
                "hard_nf": bool(p.understanding.missing) or not p.passages,
                "support": round(p.support, 3),
                "passages": len(p.passages),
                "ms": round(ms, 1),
            }
        )
    return rows


def report(rows: list[dict], threshold: float) -> dict:
    out: dict = {"threshold": threshold}
    for split in ("tune", "held", "held2", "all"):
        sel = [r for r in rows if split == "all" or r["split"] == split]
        ans = [r for r in sel if r["answerable"]]
        by_kind = {}
        for kind in KINDS:
            ks = [r for r in ans if r["kind"] == kind]
            if ks:
                by_kind[kind] = (sum(r["hit"] for r in ks) / len(ks), len(ks))
        comp = [r for r in ans if r["complete"] is not None]
        p, rc, tp, fp, fn = _pr(sel)
        out[split] = {
            "questions": len(sel),
            "answerable": len(ans),
            "hit@5": sum(r["hit"] for r in ans) / len(ans) if ans else None,
            "hit@5_by_kind": by_kind,
            "complete": (sum(r["complete"] for r in comp) / len(comp), len(comp)) if comp else None,
            "kind_read_right": sum(r["kind"] == r["understood_kind"] for r in ans) / len(ans),
            "not_found_precision": p,
            "not_found_recall": rc,
            "tp_fp_fn": (tp, fp, fn),
        }
    out["misses"] = [r["id"] for r in rows if r["answerable"] and not r["hit"]]
    out["wrong_not_found"] = [r["id"] for r in rows if r["answerable"] and r["not_found"]]
    out["missed_not_found"] = [r["id"] for r in rows if not r["answerable"] and not r["not_found"]]
    out["plan_ms_p50"] = sorted(r["ms"] for r in rows)[len(rows) // 2]
    return out


def run_model(questions: list[dict], ctx, model: str, limit: int | None) -> dict:
    from assistant.ask import ask, plan
    from assistant.grounding import raw_quotes_verbatim
    from assistant.llm import LLM

    llm = LLM.from_config(model=model)
    # Keep what the model wrote before grounding, to measure it as written.
    raw_texts: list[str] = []
    chat = llm.chat

    def recording_chat(*a, **kw):
        result = chat(*a, **kw)
        raw_texts.append(result.text)
        return result

    llm.chat = recording_chat  # type: ignore[method-assign]
    answerable = [q for q in questions if q.get("answerable", True)]
    if limit and limit < len(answerable):
        # Evenly spaced, so every kind of question is in the sample.
        step = len(answerable) / limit
        answerable = [answerable[int(i * step)] for i in range(limit)]
    per: list[dict] = []
    t0 = time.perf_counter()
    try:
        for q in answerable:
            before = len(raw_texts)
            a = ask(q["question"], llm=llm, ctx=ctx)
            raw = raw_texts[before] if len(raw_texts) > before else ""
            p = plan(q["question"], ctx)
            sources = [x.text for x in p.passages]
            n_quotes, n_ok = raw_quotes_verbatim(raw, sources)
            g = a.grounding or {}
            quotes_after = [x for x in g.get("quotes", []) if x["verified"]]
            per.append(
                {
                    "id": q["id"],
                    "found": a.found,
                    "quotes_raw": n_quotes,
                    "quotes_raw_verbatim": n_ok,
                    "raw_all_verbatim": n_ok == n_quotes,
                    "unverified_marked": sum(1 for x in g.get("quotes", []) if not x["verified"]),
                    "quotes_kept": len(quotes_after),
                    "removed_citations": len(g.get("removed_citations", [])),
                    "citations": len(a.citations),
                    "cites_relevant": any(
                        matches(c, r) for c in a.citations for r in q.get("relevant") or []
                    ),
                }
            )
    finally:
        llm.close()
    return _model_summary(per, model, time.perf_counter() - t0)


def _model_summary(per: list[dict], model: str, seconds: float) -> dict:
    n = len(per)
    quoting = [r for r in per if r["quotes_raw"]]
    return {
        "model": model,
        "answers": n,
        "seconds": round(seconds, 1),
        "answers_with_quotes": len(quoting),
        "raw_every_quote_verbatim": sum(r["raw_all_verbatim"] for r in per) / n if n else None,
        "raw_quotes_verbatim": (
            sum(r["quotes_raw_verbatim"] for r in per) / max(1, sum(r["quotes_raw"] for r in per))
        ),
        # After grounding every quotation left in “” is verbatim by construction; the rest
        # were unquoted and marked 【引文未核实】.
        "grounded_every_quote_verbatim": 1.0 if n else None,
        "unverified_marked": sum(r["unverified_marked"] for r in per),
        "removed_citations": sum(r["removed_citations"] for r in per),
        "found": sum(r["found"] for r in per),
        "cites_a_relevant_passage": sum(r["cites_relevant"] for r in per) / n if n else None,
        "per_question": per,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", help="data dir with a built store (default: a fresh one)")
    parser.add_argument("--calibrate", action="store_true", help="fit min_support on tune")
    parser.add_argument("--model", help="also answer with this model (under flock!)")
    parser.add_argument("--limit", type=int, help="with --model: N evenly spaced questions")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    if args.home:
        os.environ["ASSISTANT_HOME"] = args.home
    else:
        os.environ["ASSISTANT_HOME"] = tempfile.mkdtemp(prefix="assistant-bench-ask-")
    os.environ.pop("ASSISTANT_CHROMA_URL", None)

    from assistant.ask import context
    from assistant.embeddings import E5Embedder
    from assistant.store import Store

    store = Store(embedder=E5Embedder())
    store.ingest()
    ctx = context(store)
    questions = load_questions()
    rows = run_plans(questions, ctx)
    figures: dict = {}
    if args.calibrate:
        tune = [r for r in rows if r["split"] == "tune"]
        t = calibrate(tune)
        figures["calibrated_min_support"] = t
        for r in rows:
            r["not_found"] = r["hard_nf"] or r["support"] < t
        threshold = t
    else:
        threshold = ctx.vocab.min_support
    figures["report"] = report(rows, threshold)
    if args.model:
        figures["model"] = run_model(questions, ctx, args.model, args.limit)
    if args.json:
        print(json.dumps({**figures, "rows": rows}, ensure_ascii=False, indent=2))
        return 0
    _print(figures, rows)
    return 0


def _print(figures: dict, rows: list[dict]) -> None:
    rep = figures["report"]
    if "calibrated_min_support" in figures:
        print(f"calibrated min_support on tune: {figures['calibrated_min_support']}")
    print(f"threshold in use: {rep['threshold']}; plan p50 {rep['plan_ms_p50']} ms")
    print("split  n   hit@5  genre  speech compare fact   complete  kind-ok  NF-P   NF-R")
    for split in ("tune", "held", "held2", "all"):
        s = rep[split]
        kinds = [s["hit@5_by_kind"].get(k) for k in KINDS]
        cells = [f"{v[0]:.2f}/{v[1]}" if v else "  -  " for v in kinds]
        comp = s["complete"]
        print(
            f"{split:5}  {s['questions']:2}  {s['hit@5']:.3f}  "
            + " ".join(f"{c:6}" for c in cells)
            + f" {comp[0]:.2f}/{comp[1]:<3} " * bool(comp)
            + f"  {s['kind_read_right']:.2f}    {s['not_found_precision']:.2f}   "
            f"{s['not_found_recall']:.2f}  (tp,fp,fn)={s['tp_fp_fn']}"
        )
    print("misses:", rep["misses"], "wrong not-found:", rep["wrong_not_found"])
    print("missed not-found:", rep["missed_not_found"])
    by = defaultdict(list)
    for r in rows:
        by["answerable" if r["answerable"] else "unanswerable"].append(r["support"])
    print("support answerable:", sorted(by["answerable"])[:8], "…")
    print("support unanswerable:", sorted(by["unanswerable"]))
    m = figures.get("model")
    if m:
        print(
            f"model {m['model']}: {m['answers']} answers in {m['seconds']} s; "
            f"{m['answers_with_quotes']} quote; every quotation verbatim as written: "
            f"{m['raw_every_quote_verbatim']:.2f} (quotations {m['raw_quotes_verbatim']:.2f}); "
            f"after grounding: {m['grounded_every_quote_verbatim']:.2f} "
            f"({m['unverified_marked']} marked 【引文未核实】, {m['removed_citations']} bad markers removed); "
            f"found {m['found']}/{m['answers']}; cites a relevant passage "
            f"{m['cites_a_relevant_passage']:.2f}"
        )


if __name__ == "__main__":
    raise SystemExit(main())
