"""Scoring a speech: every registered check on one text, as a scorecard.

The checks live in assistant/checks/ (one module each, one registry); this module is the
front door the CLI, the eval runner and the tests use, and keeps the `find_*` helpers'
old import path. Every check reads text normalised by `normalize` (full/half-width twins
folded), so a verdict never depends on which punctuation or digit width the writer used.
Checks that need something the caller did not give (a brief, a date, an outline, the
draft's record) are skipped with the reason, never faked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from assistant.checks import REGISTRY, Subject, run_checks
from assistant.checks.base import CheckResult, Scorecard, make_scorecard
from assistant.checks.copying import COPY_RUN_OK, copy_stats
from assistant.checks.facts import find_invented_numbers
from assistant.checks.judge import JudgeError, make_judge, parse_judge
from assistant.checks.leakage import find_leaks
from assistant.checks.length import length_score
from assistant.checks.placeholders import find_placeholders
from assistant.text import han_count, normalize, sentences
from assistant.tifa import TifaHit


def check_names(*, optional: bool = False) -> tuple[str, ...]:
    return tuple(n for n, c in REGISTRY.items() if optional or not c.optional)


CHECKS = check_names()
ALL_CHECKS = check_names(optional=True)


def find_stale_tifa(text: str, date: dt.date | None) -> list[TifaHit]:
    """Formulations not current on `date` (none when the date is unknown)."""
    from assistant import tifa

    return tifa.find_stale(normalize(text), date) if date else []


def score_text(
    text: str,
    *,
    brief: Any = None,
    occasion: str | None = None,
    date: dt.date | None = None,
    corpus: Sequence[Any] | None = None,
    checks: Iterable[str] | None = None,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
    exclude_ids: Iterable[str] = (),
    judge: Any = None,
    outline: Any = None,
    provenance: Mapping[str, Any] | None = None,
    sections: Sequence[tuple[str, str]] | None = None,
) -> Scorecard:
    """Run the checks on `text`; the score is the weighted mean of the checks run.

    A check passes by its own rule unless `thresholds` names it (then score >= threshold);
    the card passes when every check passes, none is fatal, and the score reaches
    thresholds["score"]. Without an explicit outline, a brief gives one (the outline is
    pure: the same brief gives the same budgets the drafter used).
    """
    occasion = occasion or (brief.occasion if brief else None)
    date = date or (brief.date if brief else None)
    if corpus is None:
        from assistant.corpus import load_corpus

        corpus = load_corpus()
    if outline is None and brief is not None:
        from assistant.outline import build_outline

        outline = build_outline(brief)
    names = list(checks) if checks is not None else None
    if judge is not None and names is None:
        names = [*CHECKS, "judge"]
    subject = Subject(
        raw=text,
        brief=brief,
        occasion=occasion,
        date=date,
        corpus=tuple(corpus),
        exclude_ids=frozenset(exclude_ids),
        outline=outline,
        provenance=provenance,
        sections=tuple(sections) if sections is not None else None,
        judge=judge,
    )
    return run_checks(subject, names, weights=weights, thresholds=thresholds)


def read_text(path: str | Path) -> str:
    from assistant.textio import read_text_file

    return read_text_file(Path(path))


__all__ = [
    "ALL_CHECKS",
    "CHECKS",
    "COPY_RUN_OK",
    "CheckResult",
    "JudgeError",
    "Scorecard",
    "TifaHit",
    "copy_stats",
    "find_invented_numbers",
    "find_leaks",
    "find_placeholders",
    "find_stale_tifa",
    "han_count",
    "length_score",
    "make_judge",
    "make_scorecard",
    "normalize",
    "parse_judge",
    "score_text",
    "sentences",
]
