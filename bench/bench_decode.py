"""Decoding speed of one paragraph's prompt on the embedded model, arm by arm: the drafting's
own controls (penalties, logit bias, the GBNF grammar), the same without the grammar, and
without the logit bias too. Prints tokens/s after the first token (decode speed) and the
seconds a call took; asserts nothing.

Runs the real embedded model: wrap it in `flock /work/model.lock` on a shared machine.

    .venv/bin/python bench/bench_decode.py [--case new-huaiyuan-presidium-2018] [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics

from scratch import scratch_home


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--case", default="new-huaiyuan-presidium-2018")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()

    scratch_home("decode")

    from assistant.drafting import write
    from assistant.evalrun import load_cases
    from assistant.llm import LLM
    from assistant.outline import build_outline

    brief = {c.name: c for c in load_cases()}[args.case].brief
    outline = build_outline(brief, extra_headlines=[])
    index = next(i for i, s in enumerate(outline.sections) if s.role == "requirements")
    section = outline.sections[index]
    plan = section.paragraphs[0]
    messages = write.render(
        brief, outline, section, 1, plan, exemplars="", previous="", lead=section.lead
    )
    llm = LLM.from_config(model=args.model, provider=None)
    bias = write.logit_bias(llm)
    grammar = write.text_grammar(brief)
    arms = {
        "drafting (grammar, bias)": {"logit_bias": bias, "extra_body": {"grammar": grammar}},
        "no grammar": {"logit_bias": bias},
        "neither": {},
    }
    room = write.max_tokens_for(plan.budget, llm)
    # the prompt processed once before the arms, so every call below reuses it
    llm.chat(messages, max_tokens=4, use_cache=False)
    speeds: dict[str, list[float]] = {a: [] for a in arms}
    seconds: dict[str, list[float]] = {a: [] for a in arms}
    tokens: dict[str, list[int]] = {a: [] for a in arms}
    for run in range(args.runs):
        for arm, extra in arms.items():
            r = llm.chat(
                messages,
                temperature=0.7,
                max_tokens=room,
                seed=1000 + run,
                use_cache=False,
                **write.CONTROLS,
                **extra,
            )
            speeds[arm].append(r.tokens_per_second)
            seconds[arm].append(r.seconds)
            tokens[arm].append(r.completion_tokens)
    print(f"model: {llm.endpoint.model}; case {args.case}; {args.runs} runs an arm; {room} max")
    print(f"{'arm':<26}{'tokens/s':>10}{'seconds':>9}{'tokens':>8}")
    for arm in arms:
        print(
            f"{arm:<26}{statistics.median(speeds[arm]):>10.1f}"
            f"{statistics.median(seconds[arm]):>9.1f}{statistics.median(tokens[arm]):>8.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
