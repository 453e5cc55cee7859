"""Leakage: places, people, figures and slogans of other corpus speeches in a draft.

Names and figures of other localities seen in retrieved exemplars must never reach a
draft for another place (DOMAIN.md). The lexicon is each corpus speech's metadata plus
evals/leakage.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from assistant import tifa
from assistant.checks.base import CheckResult, Subject, load_yaml, register
from assistant.text import normalize, place_stem


@dataclass(frozen=True)
class LeakTerm:
    text: str
    speech_id: str
    kind: str  # place | person | figure | phrase
    pattern: re.Pattern[str]


def _leak_pattern(term: str, kind: str) -> re.Pattern[str]:
    variants = [term, place_stem(term)] if kind == "place" else [term]
    alts = "|".join(re.escape(v) for v in sorted(set(variants), key=len, reverse=True))
    if kind == "figure":  # 36万 must not match inside 136万 or 36.5万
        return re.compile(rf"(?<![\d.])(?:{alts})(?![\d.])")
    return re.compile(alts)


def leak_lexicon(corpus: Iterable[Any]) -> list[LeakTerm]:
    """Names, people, figures and slogans specific to each corpus speech."""
    extra = load_yaml("leakage.yaml") or {}
    terms: list[LeakTerm] = []
    for speech in corpus:
        sid = speech.id
        entries: list[tuple[str, str]] = []
        if getattr(speech, "locality", None):
            entries.append((speech.locality, "place"))
        if getattr(speech, "speaker", None):
            entries.append((speech.speaker, "person"))
        data = extra.get(sid) or {}
        for key, kind in (
            ("places", "place"),
            ("people", "person"),
            ("figures", "figure"),
            ("phrases", "phrase"),
        ):
            entries += [(str(v), kind) for v in data.get(key) or ()]
        for text, kind in dict.fromkeys(entries):
            text = normalize(text)
            terms.append(LeakTerm(text, sid, kind, _leak_pattern(text, kind)))
    return terms


def _same_place(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    return place_stem(a) == place_stem(b)


def find_leaks(
    text: str, brief: Any, corpus: Iterable[Any], exclude_ids: Iterable[str] = ()
) -> list[str]:
    """Other corpus speeches' places, people, figures and slogans found in `text`.

    Terms that the brief itself mentions, terms of speeches for the brief's own locality and
    of speeches in `exclude_ids` (e.g. the reference being scored) are not leaks.
    """
    text = normalize(text)
    corpus = list(corpus)
    excluded = set(exclude_ids)
    if brief is not None:
        excluded |= {
            s.id for s in corpus if _same_place(getattr(s, "locality", None), brief.locality)
        }
    facts = normalize(brief.facts_text()) if brief is not None else ""
    found: list[str] = []
    for term in leak_lexicon(corpus):
        if term.speech_id in excluded or term.text in found:
            continue
        if facts and term.pattern.search(facts):
            continue
        if term.pattern.search(text):
            found.append(term.text)
    return found


def _leak_details(text: str, leaks: Sequence[str], corpus: Iterable[Any]) -> list[str]:
    lex = {t.text: t for t in leak_lexicon(corpus)}
    out = []
    for leak in leaks:
        term = lex.get(leak)
        m = term.pattern.search(text) if term else None
        where = f"：{tifa.sentence_at(text, m.start(), m.end(), 50)}" if m else ""
        source = f"（来自 {term.speech_id}）" if term else ""
        out.append(f"“{leak}”{source}{where}")
    return out


@register("leakage", needs=("corpus",), scopes=("speech", "paragraph"), weight=2.0, label="串稿")
def check_leakage(s: Subject) -> CheckResult:
    leaks = find_leaks(s.raw, s.brief, s.corpus or (), s.exclude_ids)
    if not leaks:
        return CheckResult("leakage", True, 1.0, "没有出现语料中其他地方的地名、人名、数字或口号")
    details = _leak_details(s.text, leaks, s.corpus or ())
    findings = tuple(f"出现了其他地方讲话特有的名称或数字{d}，必须删去" for d in details)
    lines = ["出现了其他讲话特有的名称或数字："] + ["- " + d for d in details]
    return CheckResult(
        "leakage", False, max(0.0, 1 - 0.34 * len(leaks)), "\n".join(lines), findings
    )
