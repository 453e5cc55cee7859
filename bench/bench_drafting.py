"""Drafting benchmark on the embedded model: time, length, authorship and the checks.

Prints, for one brief: model load time, per section the paragraphs, calls, 汉字 against
budget; total time against the pure decode time of the same tokens (pipeline overhead);
delivered vs asked length; how much of the text the model wrote; and the eval's verdict
on the draft (writer-level checks included).

    .venv/bin/python bench/bench_drafting.py [--model qwen2.5-coder-1.5b] [--scale 1.0]
        [--candidates 2] [--no-controls] [--brief FILE | --case NAME]

Runs in a temporary ASSISTANT_HOME (the corpus is ingested there first; not timed).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=None, help="embedded model name or .gguf")
    ap.add_argument("--brief", default=str(ROOT / "examples" / "brief-closing.toml"))
    ap.add_argument("--case", default=None, help="an eval case name instead of --brief")
    ap.add_argument("--scale", type=float, default=1.0, help="scale section budgets")
    ap.add_argument("--candidates", type=int, default=None)
    ap.add_argument(
        "--max-repairs",
        type=int,
        default=None,
        help="default: the drafter's (0 on the embedded model)",
    )
    ap.add_argument("--strategy", default="free", choices=("free", "rewrite"))
    ap.add_argument("--no-controls", action="store_true", help="no penalties / logit bias")
    ap.add_argument("--no-grammar", action="store_true", help="no GBNF grammar on the local model")
    ap.add_argument("--eos-bias", type=float, default=None, help="logit bias on ending the turn")
    ap.add_argument(
        "--no-long-draws", action="store_true", help="no long draw after short candidates"
    )
    ap.add_argument("--out", default=None, help="keep the draft here")
    args = ap.parse_args()

    from assistant import paths

    models_dir = str(paths.models_dir())
    tmp = tempfile.mkdtemp(prefix="bench-draft-")
    os.environ["ASSISTANT_HOME"] = tmp
    os.environ.setdefault("ASSISTANT_MODELS_DIR", models_dir)

    from assistant import scoring
    from assistant.brief import load_brief
    from assistant.checks import REGISTRY
    from assistant.drafting import DEFAULT_CANDIDATES, draft_speech, ensure_store_ready, write
    from assistant.evalrun import load_cases
    from assistant.llm import LLM
    from assistant.text import han_count

    if args.case:
        case = next(c for c in load_cases() if c.name == args.case)
        brief, exclude = case.brief, ((case.reference,) if case.reference else ())
    else:
        brief, exclude = load_brief(args.brief), ()
    if args.scale != 1.0:
        # The brief's target moves with the budgets, as in eval run --scale.
        from dataclasses import replace

        brief = replace(brief, length=max(100, int(brief.length * args.scale)))
    if args.no_controls:
        write.CONTROLS.clear()
        write.LOGIT_BIAS_TEXT.clear()
    if args.no_grammar:
        write.GRAMMAR = False
    if args.eos_bias is not None:
        write.EOS_BIAS = args.eos_bias
    if args.no_long_draws:
        write.LONG_DRAW_BELOW = 0.0
    candidates = args.candidates or DEFAULT_CANDIDATES
    ensure_store_ready()
    llm = LLM.from_config(model=args.model, provider=None)
    t0 = time.perf_counter()
    llm.chat([{"role": "user", "content": "你好"}], max_tokens=1, temperature=0.0)
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    draft = draft_speech(
        brief,
        llm=llm,
        out_dir=Path(args.out) if args.out else Path(tmp) / "draft",
        max_repairs=args.max_repairs,
        candidates=candidates,
        exclude_speech_ids=exclude,
        strategy=args.strategy,
    )
    total_s = time.perf_counter() - t0
    outline = draft.outline

    print(f"model: {llm.endpoint.model}  (server start + load: {load_s:.1f} s)")
    print(
        f"strategy: {args.strategy}; candidates: {candidates}; controls: {dict(write.CONTROLS) or 'off'}; grammar: {write.GRAMMAR}; eos bias: {write.EOS_BIAS}; long draws below {write.LONG_DRAW_BELOW:.0%}"
    )
    print(
        f"{'section':<24}{'paras':>6}{'calls':>6}{'rewr':>5}{'compl tok':>10}{'汉字':>6}{'budget':>7}"
    )
    decode_rates, completion = [], 0
    long_drawn = long_chosen = 0
    for rec, sec in zip(draft.doc.sections, outline.sections, strict=True):
        v = rec.versions[-1]
        paras = v.get("paragraphs", [])
        calls = [c for p in paras for c in p["calls"]]
        for c in calls:
            completion += c["completion_tokens"]
            if c["seconds"] > 0 and c["completion_tokens"] > 5 and not c["cached"]:
                decode_rates.append(c["completion_tokens"] / c["seconds"])
        rewrites = sum(p["rewrites"] for p in paras)
        for p in paras:
            longs = [c for c in p["calls"] if c.get("long")]
            long_drawn += len(longs)
            chosen = p.get("chosen", 0) - 1
            long_chosen += any(c.get("candidate") == chosen for c in longs)
        ct = sum(c["completion_tokens"] for c in calls)
        print(
            f"{rec.id:<24}{len(paras):>6}{len(calls):>6}{rewrites:>5}{ct:>10}"
            f"{han_count(rec.text):>6}{sec.budget:>7}"
        )
    rate = statistics.median(decode_rates) if decode_rates else 0.0
    pure = completion / rate if rate else float("nan")
    delivered = han_count(draft.text)
    asked = brief.length
    a = draft.authorship
    share = a["program_han"] / max(1, a["model_han"] + a["program_han"])
    print(f"total: {total_s:.1f} s for {completion} completion tokens")
    print(f"median call rate (tokens/s incl. prompt): {rate:.1f}; pure time {pure:.1f} s")
    print(f"overhead ratio (total / pure): {total_s / pure:.2f}")
    print(f"length: delivered {delivered} 汉字 vs asked {asked:.0f} ({delivered / asked:.0%})")
    print(f"字/s delivered: {delivered / total_s:.1f} (decode limit ≈ 27 字/s on an idle machine)")
    print(
        f"authorship: model {a['model_han']} 汉字, program {a['program_han']} ({share:.0%}), "
        f"marks {a['marks']}, repaired paragraphs {a['repaired_paragraphs']}"
    )
    print(f"long draws (after short candidates): {long_drawn} drawn, {long_chosen} chosen")
    card = scoring.score_text(
        draft.text, brief=brief, outline=outline, provenance=a, exclude_ids=exclude
    )
    print(f"eval: score {card.score:.3f}, {'passed' if card.passed else 'failed'}")
    for c in card.checks:
        tag = "W" if REGISTRY[c.name].writer else " "
        first = c.reason.split("\n")[0][:90]
        print(f"  {tag} {c.name:<18}{'pass' if c.passed else 'FAIL'} {c.score:.2f}  {first}")
    print(f"draft: {draft.dir}")
    llm.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
