"""Sections of eval cases drafted with a drafting switch on and off, on the embedded model:
what the paragraphs come out as.

For each case and role, the first section of that role (`--every`: each one) is drafted
alone, with the same seed in both arms, so where the switch does not constrain the model
both arms write the same. Counted: the paragraphs; those that are only a list (register's
test: 一要…四要 and nothing else); those planned with figures, of which how many are only
the brief's facts (the focus check's test) and how many end on a sentence with a digit;
the situations that string the brief's facts with ；and nothing else (focus's test), and
those that read two or more of them out, as pieces of their own or in one sentence (read
out); the
sections' 汉字 against their planned size (the model's budget, the program's headline
and tail), and their seconds.

    .venv/bin/python bench/bench_sections.py [--switch FRAMED] [--roles review,situation]
        [--every] [--sample 7] [CASE ...]

`--switch` names a boolean of assistant/drafting/write.py (FRAMED, LEAD_BEFORE_LIST,
GRAMMAR, LIST_GRAMMAR, ADAPTIVE_LENGTH, LONG_DRAW_MIN_TOKENS,
SITUATION_TOLD, SITUATION_PLAIN, ONCE_STOPS), or of assistant/plan.py as
plan.NAME (SPLIT_HOW, HEADLINE_PARTS, SITUATION_ROOM, SITUATION_ONE_FACT, SHORT_LEADS,
ACTION_EXTRAS, OPENING_ASKS,
CALL_TAIL); or NAME=N sets a number
(plan.PARAGRAPH_TARGET=120) against the value the code has, in the same two arms.
Counted too: the 汉字 the model wrote and the program supplied (its plan's words copied back
count as the program's), the paragraphs chosen while failing a check (faulty), and what a
speech says once said again in the section (twice: focus's once-only finding, the results'
credit and the meeting's close). A role
may be a plan's role: congress_point, the point on the congress's work. The sections of a case share one drafter. Runs in a temporary ASSISTANT_HOME, without the response cache:
every call is drawn.
"""

from __future__ import annotations

import argparse
import re
import time

from scratch import scratch_home

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
    ap.add_argument("--every", action="store_true", help="every section of a role")
    ap.add_argument("--sample", type=int, default=7)
    ap.add_argument("--model", default=None)
    args = ap.parse_args()

    scratch_home("sections")

    from assistant import plan
    from assistant.checks.focus import _strung
    from assistant.checks.register import _bare_list, _patterns
    from assistant.drafting import Drafter, ensure_store_ready, write
    from assistant.evalrun import load_cases
    from assistant.llm import LLM
    from assistant.outline import build_outline, plan_role
    from assistant.text import han_count

    name, _, value = args.switch.partition("=")
    module, switch = (plan, name[5:]) if name.startswith("plan.") else (write, name)
    current = getattr(module, switch, None)
    if isinstance(current, bool) and not value:
        arms: tuple[object, object] = (True, False)
        labels = ("on", "off")
    elif isinstance(current, int) and not isinstance(current, bool) and value.isdigit():
        arms = (int(value), current)  # the value asked for against the one the code has
        labels = (value, str(current))
    else:
        ap.error(
            f"{args.switch} is not a boolean switch, or NAME=N for a number, of write.py or plan.py"
        )
    cases = {c.name: c for c in load_cases()}
    ensure_store_ready()
    llm = LLM.from_config(model=args.model, provider=None)
    roles = args.roles.split(",")
    print(f"model: {llm.endpoint.model}; switch: {args.switch}; sample {args.sample}")
    print(
        f"{'arm':<5}{'paragraphs':>11}{'only a list':>12}{'with figures':>13}"
        f"{'only facts':>11}{'end on digit':>13}{'strung':>7}{'read out':>9}{'汉字/budget':>13}"
        f"{'model':>7}{'faulty':>7}"
        f"{'program':>8}{'twice':>6}"
        f"{'seconds':>9}"
    )
    for arm, label in zip(arms, labels, strict=True):
        setattr(module, switch, arm)
        n = {"paras": 0, "lists": 0, "figures": 0, "pasted": 0, "ends": 0, "han": 0, "budget": 0}
        n |= {"model": 0, "program": 0, "strung": 0, "read": 0, "faulty": 0, "twice": 0}
        seconds = 0.0
        for name in args.cases:
            brief = cases[name].brief
            outline = build_outline(brief, extra_headlines=[])
            # one drafter a case, as a draft has: what it learns of the model's lengths
            # (write.ADAPTIVE_LENGTH) carries from section to section
            drafter = Drafter(brief, llm, sample=args.sample)
            for role in roles:
                # a role, or a plan's role (congress_point: the point on the congress's work)
                at = [
                    i
                    for i, s in enumerate(outline.sections)
                    if role in (s.role, plan_role(s, brief))
                ]
                for index in at if args.every else at[:1]:
                    section = outline.sections[index]
                    t0 = time.monotonic()
                    text, meta = drafter.section(outline, index)
                    seconds += time.monotonic() - t0
                    records = meta["paragraphs"]
                    n["han"] += han_count(text)
                    n["budget"] += section.planned_han  # the program's lead and tail too
                    n["paras"] += len(records)
                    # the section's own counts: its tail (the call's formula) is the program's
                    n["model"] += meta["model_han"]
                    n["program"] += meta["program_han"]
                    n["lists"] += sum(bool(_bare_list(p["text"], _patterns())) for p in records)
                    n["faulty"] += sum(bool(p.get("failed_checks")) for p in records)
                    # what a speech says once said again in the section (focus's finding)
                    n["twice"] += _said_again(text)
                    if role == "situation":
                        n["strung"] += bool(list(_strung(text, brief)))
                        n["read"] += _read_out(text, brief.situation)
                    for key, value in _figure_counts(records, section.paragraphs, brief).items():
                        n[key] += value
        written = f"{n['han']}/{n['budget']}"
        print(
            f"{label:<5}{n['paras']:>11}{n['lists']:>12}{n['figures']:>13}"
            f"{n['pasted']:>11}{n['ends']:>13}{n['strung']:>7}{n['read']:>9}{written:>13}"
            f"{n['model']:>7}{n['faulty']:>7}"
            f"{n['program']:>8}{n['twice']:>6}"
            f"{seconds:>9.0f}"
        )
    llm.close()
    return 0


def _said_again(text: str) -> int:
    """Sentences that say again what a speech says once (focus's once-only patterns: the
    results' credit, the meeting's close), past the first of each."""
    from assistant.checks.focus import _patterns
    from assistant.text import sentences

    pat = _patterns()
    return sum(
        max(0, sum(bool(rx.search(x)) for x in sentences(text)) - 1)
        for rx in (pat.closed, pat.credited)
    )


def _read_out(text: str, facts: tuple[str, ...]) -> bool:
    """The situation's facts read out: two or more of them said nearly word for word each
    as a piece of its own (A；B。 or A。B。) or in one sentence with little else (A，B。)."""
    from assistant.checks.base import threshold
    from assistant.checks.focus import _pasted
    from assistant.text import bigrams, han_count

    if len(facts) < 2:
        return False
    grams = [(f, bigrams(f)) for f in facts if bigrams(f)]
    # the focus check's own measures of a fact present and of a piece that is only facts
    present = threshold("focus", "pasted_presence", 0.9)
    share = threshold("focus", "pasted_share", 0.85)

    def one_fact(piece: str) -> bool:
        own = bigrams(piece)
        return any(
            len(g & own) >= present * len(g) and han_count(f) >= share * han_count(piece)
            for f, g in grams
        )

    pieces = [x for x in re.split(r"[。！？；]", text) if x.strip()]
    sentences = [x for x in re.split(r"(?<=[。！？])", text) if x.strip()]
    return sum(map(one_fact, pieces)) >= 2 or any(_pasted(x, facts) for x in sentences)


def _figure_counts(records: list, plans: tuple, brief: object) -> dict[str, int]:
    """Of a section's paragraphs planned with figures: how many, how many are only the
    brief's facts, how many end on a sentence with a digit."""
    from assistant.checks.focus import _pasted, listed_facts
    from assistant.text import sentences

    n = {"figures": 0, "pasted": 0, "ends": 0}
    for p in records:
        k = p["position"] - 1
        if k >= len(plans) or not any(re.search(r"\d", f) for f in plans[k].facts):
            continue
        n["figures"] += 1
        n["pasted"] += bool(_pasted(p["text"], listed_facts(brief)))
        last = sentences(p["text"])[-1:] or [""]
        n["ends"] += bool(re.search(r"\d", last[0]))
    return n


if __name__ == "__main__":
    raise SystemExit(main())
