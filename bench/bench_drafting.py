"""Drafting benchmark on the embedded model: where the time goes.

Prints time to outline, per-section prompt tokens, prompt-processing and decode
tokens/s, total time, the ratio of total time to the pure decode time of the same
number of tokens (pipeline overhead), and delivered vs asked length in 汉字.

    .venv/bin/python bench/bench_drafting.py [--model qwen2.5-coder-1.5b] [--scale 1.0]

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
    ap.add_argument(
        "--model", default=None, help="embedded model name or .gguf (default: the default)"
    )
    ap.add_argument("--brief", default=str(ROOT / "examples" / "brief-closing.toml"))
    ap.add_argument("--scale", type=float, default=1.0, help="scale section budgets")
    ap.add_argument("--max-repairs", type=int, default=2)
    args = ap.parse_args()

    from assistant import paths

    models_dir = str(paths.models_dir())
    tmp = tempfile.mkdtemp(prefix="bench-draft-")
    os.environ["ASSISTANT_HOME"] = tmp
    os.environ.setdefault("ASSISTANT_MODELS_DIR", models_dir)

    from assistant.brief import load_brief
    from assistant.drafting import (
        build_outline,
        draft_speech,
        ensure_store_ready,
        propose_headlines,
    )
    from assistant.llm import LLM
    from assistant.structure import han_count

    brief = load_brief(args.brief)
    ensure_store_ready()
    llm = LLM.from_config(model=args.model, provider=None)
    # Warm the server so model load time is reported apart from drafting.
    t0 = time.perf_counter()
    llm.chat([{"role": "user", "content": "你好"}], max_tokens=1, temperature=0.0)
    load_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    outline = build_outline(brief, extra_headlines=propose_headlines(brief, llm))
    outline_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    draft = draft_speech(
        brief,
        llm=llm,
        out_dir=Path(tmp) / "draft",
        outline=outline,
        budget_factor=args.scale,
        max_repairs=args.max_repairs,
    )
    total_s = time.perf_counter() - t0

    print(f"model: {llm.endpoint.model}  (server start + load: {load_s:.1f} s)")
    print(f"outline: {outline_s:.2f} s, {len(outline.sections)} sections")
    print(
        f"{'section':<22}{'calls':>6}{'prompt tok':>11}{'compl tok':>10}{'pp tok/s':>10}{'dec tok/s':>10}{'汉字':>6}{'budget':>7}"
    )
    decode_rates, pp_rates = [], []
    completion = 0
    for rec, sec in zip(draft.doc.sections, outline.sections, strict=True):
        v = rec.versions[-1]
        calls = v.get("calls", [])
        for c in calls:
            completion += c["completion_tokens"]
            ft = c["first_token_seconds"] or 0.0
            if ft > 0:
                pp_rates.append(c["prompt_tokens"] / ft)
            if c["seconds"] - ft > 0 and c["completion_tokens"] > 1:
                decode_rates.append(c["completion_tokens"] / (c["seconds"] - ft))
        pt = sum(c["prompt_tokens"] for c in calls)
        ct = sum(c["completion_tokens"] for c in calls)
        pp = (
            f"{calls[-1]['prompt_tokens'] / calls[-1]['first_token_seconds']:.0f}"
            if calls and calls[-1]["first_token_seconds"]
            else "-"
        )
        dec = (
            f"{calls[-1]['completion_tokens'] / (calls[-1]['seconds'] - calls[-1]['first_token_seconds']):.1f}"
            if calls and calls[-1]["seconds"] > calls[-1]["first_token_seconds"]
            else "-"
        )
        print(
            f"{rec.id:<22}{len(calls):>6}{pt:>11}{ct:>10}{pp:>10}{dec:>10}{han_count(rec.text):>6}{sec.budget:>7}"
        )
    decode = statistics.median(decode_rates) if decode_rates else 0.0
    pure_decode_s = completion / decode if decode else float("nan")
    delivered = han_count(draft.text)
    asked = int(brief.length * args.scale)
    print(f"total: {total_s:.1f} s for {completion} completion tokens")
    print(
        f"median prompt processing: {statistics.median(pp_rates) if pp_rates else 0:.0f} tok/s (incl. cache reuse)"
    )
    print(f"median decode: {decode:.1f} tok/s; pure decode time {pure_decode_s:.1f} s")
    print(f"overhead ratio (total / pure decode): {total_s / pure_decode_s:.2f}")
    print(f"length: delivered {delivered} 汉字 vs asked {asked} ({delivered / asked:.0%})")
    print(f"draft: {draft.dir}")
    llm.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
