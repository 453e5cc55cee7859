"""Choosing among candidate paragraphs: the registry's paragraph checks rank them.

Pure given the candidates: the same checks the eval runs (integrity, focus, register,
voice, usage, politics, invented facts, leakage, copying, 提法, length…) read each
candidate where it would stand in the draft; the best is the one with no fatal finding,
the fewest failed checks and missing brief facts, then the highest score. What is still
wrong is named, so the rewrite prompt can say it and the record can show it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assistant.checks import PARAGRAPH, Subject, run_checks
from assistant.checks.base import Scorecard
from assistant.checks.facts import quoted_terms
from assistant.plan import ParagraphPlan
from assistant.text import chinese_number, fact_figures, han_only, has_figure, overlap


@dataclass(frozen=True)
class Verdict:
    index: int
    card: Scorecard
    missing: tuple[str, ...]  # brief facts the paragraph should carry and does not
    empty: bool

    @property
    def failed(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.card.checks if not c.passed)

    @property
    def fatal(self) -> int:
        return len(self.card.fatal)

    @property
    def acceptable(self) -> bool:
        return not self.empty and not self.failed and not self.missing

    @property
    def key(self) -> tuple[int, int, float]:
        """Smaller is better: no text, then political errors, then the number of failed
        checks and missing facts, then the weighted score."""
        return (
            int(self.empty) * 100 + self.fatal,
            len(self.failed) + len(self.missing),
            -self.card.score,
        )

    def problems(self) -> list[str]:
        """What is wrong, in words the model can act on."""
        out: list[str] = []
        if self.empty:
            out.append("没有写出完整的句子：请写一个完整的自然段")
        for c in self.card.checks:
            if not c.passed:
                out.extend(c.findings or (c.reason.split("\n")[0],))
        if self.missing:
            out.append("没有写进简报中的这些事实（数字照抄）：" + "；".join(self.missing))
        return list(dict.fromkeys(out))


def missing_facts(text: str, facts: Sequence[str]) -> tuple[str, ...]:
    """The facts whose figures (or, without figures, whose words) the text lacks. Years
    frame a fact but a speech may say 去年/一年来 instead: they are not required."""
    out = []
    for fact in facts:
        if fact_figures(fact):
            ok = figures_told(fact, text)
        else:
            names = re.findall(r"《([^》]+)》", fact)
            # Without figures a fact is written when most of its wording is there
            # (这一年 for 过去一年 is the same fact, not a missing one; at 0.7 白沙 2026's
            # 人居环境整治也取得了明显的进展，集镇面貌得到了明显改观 was taken for missing
            # and the brief's sentence pasted after it).
            ok = all(n in text for n in names) if names else overlap(fact, text) >= 0.6
            # …and the terms it quotes as they stand (brief_coverage's test: 决胜“十三五”)
            ok = ok and all(han_only(q) in han_only(text) for q in quoted_terms(fact))
        if not ok:
            out.append(fact)
    return tuple(out)


def still_untold(facts: Sequence[str], context: str) -> tuple[str, ...]:
    """The facts the draft before this paragraph (`context`) has not told: those told
    already, every figure of them (a fact without figures is never taken as told: its
    words may be scattered over a long context), are not asked of it again."""
    if not context:
        return tuple(facts)
    return tuple(f for f in facts if not figures_told(f, context))


def figures_told(fact: str, text: str) -> bool:
    """Whether the text gives every figure of the fact (whole, or a small count in words);
    False for a fact without figures."""
    numbers = fact_figures(fact)
    return bool(numbers) and all(figure_told(n, fact, text) for n in numbers)


def figure_told(figure: str, fact: str, text: str) -> bool:
    """Whether the text gives this figure of the fact: whole, or a small count in words."""
    return has_figure(text, figure) or _in_words(figure, fact, text)


def _in_words(figure: str, fact: str, text: str) -> bool:
    """A small count written in words with its measure word (建成代表之家1个 → 一个代表之家):
    the same fact, not a missing one to paste back beside it."""
    if "." in figure or not 0 < int(figure) <= 10:
        return False
    words = chinese_number(int(figure)) + ("两" if figure == "2" else "")
    units = re.findall(rf"(?<![\d.]){figure}([^\d\W])", fact)
    if any(f"{w}{u}" in text for w in words for u in units):
        return True
    # …or before the thing counted, with a measure word of its own (建成镇人大代表之家1个 →
    # 建成了一座镇人大代表之家, 槐原 2018: the repair pasted the fact again after it)
    for run in re.findall(rf"([\u4e00-\u9fff]{{4,}})(?<![\d.]){figure}(?![\d.])", fact):
        # the thing counted: the last four or more 汉字 before the figure
        tails = (run[-n:] for n in range(len(run), 3, -1))
        if any(re.search(rf"[{words}][\u4e00-\u9fff]?{t}", text) for t in tails):
            return True
    return False


@dataclass(frozen=True)
class Place:
    """Where a candidate paragraph would stand: what the checks need to read it there."""

    brief: Any
    corpus: tuple[Any, ...] | None
    exclude_ids: frozenset[str]
    context: str
    section_role: str
    headline: str = ""
    other_headlines: tuple[str, ...] = ()
    siblings: str = ""  # the section's other paragraphs as far as known (see Subject)


def judge(candidate: str, plan: ParagraphPlan, place: Place, index: int = 0) -> Verdict:
    brief = place.brief
    subject = Subject(
        raw=candidate,
        brief=brief,
        occasion=brief.occasion,
        date=brief.date,
        corpus=place.corpus,
        exclude_ids=place.exclude_ids,
        scope=PARAGRAPH,
        context=place.context,
        section_role=place.section_role,
        headline=place.headline,
        other_headlines=place.other_headlines,
        siblings=place.siblings,
        budget=plan.room,
    )
    card = run_checks(subject)
    facts = still_untold(plan.facts, place.context)
    return Verdict(index, card, missing_facts(candidate, facts), not candidate.strip())


def choose(candidates: Sequence[str], plan: ParagraphPlan, place: Place) -> list[Verdict]:
    """Verdicts for every candidate, best first."""
    verdicts = [judge(c, plan, place, i) for i, c in enumerate(candidates)]
    return sorted(verdicts, key=lambda v: (v.key, v.index))
