"""Sections of eval cases drafted with a drafting switch on and off, on the embedded model:
how the paragraphs that carry the brief's figures come out.

For each case and role, the first section of that role is drafted alone (the same seed in
both arms, so where the switch does not constrain the model both arms write the same),
and the paragraphs planned with figures are counted: how many are only the brief's facts
(the focus check's test), how many end on a sentence with a digit, and the section's 汉字
against its budget and its seconds.

    .venv/bin/python bench/bench_sections.py [--switch FRAMED] [--roles review,situation]
        [--sample 7] [CASE ...]

`--switch` names a boolean of assistant/drafting/write.py (FRAMED, GRAMMAR, LIST_GRAMMAR).
Runs in a temporary ASSISTANT_HOME; the response cache is off, so every call is drawn.
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
import time

DEFAULT_CASES = (
    "new-linjiang-closing-2019",
    "new-liutang-huanjie-closing-2021",
    "new-fengyuan-closing-2025-themes",
    "new-huaiyuan-presidium-2018",
    "new-shiqiao-chairs-symposium-2016",
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="*", default=list(DEFAULT_CASES))
    ap.add_argument("--switch", default="FRAMED")
    ap.add_argument("--roles", default="review,situation")
    ap.add_argument("--sample", type=int, default=7)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()

    from assistant import paths

    models_dir = str(paths.models_dir())
    os.environ["ASSISTANT_HOME"] = tempfile.mkdtemp(prefix="bench-sections-")
    os.environ.setdefault("ASSISTANT_MODELS_DIR", models_dir)

    from assistant.checks.focus import _listed_facts, _pasted
    from assistant.drafting import Drafter, ensure_store_ready, write
    from assistant.evalrun import load_cases
    from assistant.llm import LLM
    from assistant.outline import build_outline
    from assistant.text import han_count, sentences

    if not isinstance(getattr(write, args.switch, None), bool):
        ap.error(f"{args.switch} is not a boolean switch of assistant/drafting/write.py")
    cases = {c.name: c for c in load_cases()}
    ensure_store_ready()
    llm = LLM.from_config(model=args.model, provider=None)
    roles = args.roles.split(",")
    print(f"model: {llm.endpoint.model}; switch: write.{args.switch}; sample {args.sample}")
    print(
        f"{'arm':<5}{'with figures':>13}{'only facts':>11}{'end on digit':>13}{'汉字/budget':>13}{'seconds':>9}"
    )
    for arm in (True, False):
        setattr(write, args.switch, arm)
        figures = pasted = ends = han = budget = 0
        seconds = 0.0
        for name in args.cases:
            brief = cases[name].brief
            outline = build_outline(brief, extra_headlines=[])
            for role in roles:
                at = [i for i, s in enumerate(outline.sections) if s.role == role]
                if not at:
                    continue
                plans = outline.sections[at[0]].paragraphs
                t0 = time.monotonic()
                text, meta = Drafter(brief, llm, sample=args.sample).section(outline, at[0])
                seconds += time.monotonic() - t0
                han += han_count(text)
                budget += outline.sections[at[0]].budget
                for p in meta["paragraphs"]:
                    k = p["position"] - 1
                    if k >= len(plans) or not any(re.search(r"\d", f) for f in plans[k].facts):
                        continue
                    figures += 1
                    pasted += bool(_pasted(p["text"], _listed_facts(brief)))
                    last = sentences(p["text"])[-1:] or [""]
                    ends += bool(re.search(r"\d", last[0]))
        label = "on" if arm else "off"
        print(
            f"{label:<5}{figures:>13}{pasted:>11}{ends:>13}{f'{han}/{budget}':>13}{seconds:>9.0f}"
        )
    llm.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
