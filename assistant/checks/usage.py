"""usage: words wrong for the occasion and the organ, and a speech emptier than any reference.

A reader circles "代表提案" (a 政协 word), "镇人大常委会" (a 乡镇 has no 常委会), "一府一委两院"
in a 镇 speech (a 乡镇 congress supervises only its government) at once. Each wrong term is
an entry in evals/usage.yaml with the reason and the fix, and optional level/occasion
conditions. The second half measures 套话: stock adverbs and evaluations per 100 汉字,
against the densest speech of the bundled corpus (computed once, cached).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant import paths
from assistant.checks.base import (
    PARAGRAPH,
    SPEECH,
    CheckResult,
    Subject,
    compiled,
    load_yaml,
    register,
    result_from_findings,
    threshold,
)
from assistant.paragraphs import THEME_VERBS
from assistant.text import han_count, han_only, paragraphs, sentences, unquote

NAME = "usage"


@dataclass(frozen=True)
class Term:
    id: str
    pattern: re.Pattern[str]
    unless: re.Pattern[str] | None
    levels: frozenset[str]
    occasions: frozenset[str]
    reason: str
    advice: str
    first_session: bool = False  # only in a new congress's first session (换届)
    # only where the paragraph's sentences before this one match it: the subject a
    # sentence without one carries on from (希望各位代表…。…。要自觉接受人大监督…)
    after: re.Pattern[str] | None = None

    def applies(self, level: str | None, occasion: str | None, first: bool = False) -> bool:
        if self.levels and level not in self.levels:
            return False
        if self.first_session and not first:
            return False
        return not (self.occasions and occasion not in self.occasions)


@dataclass(frozen=True)
class _Lexicon:
    terms: tuple[Term, ...]
    stock: re.Pattern[str]
    ranks: tuple[str, ...]
    not_before: str


def _build(data: Any) -> _Lexicon:
    terms = tuple(
        Term(
            id=t["id"],
            pattern=re.compile(t["pattern"]),
            unless=re.compile(t["unless"]) if t.get("unless") else None,
            levels=frozenset(t.get("levels") or ()),
            occasions=frozenset(t.get("occasions") or ()),
            reason=t["reason"],
            advice=t.get("advice", ""),
            first_session=bool(t.get("first_session")),
            after=re.compile(t["after"]) if t.get("after") else None,
        )
        for t in data["terms"]
    )
    # longest first, so 认真贯彻 counts once and not also as 认真
    words = sorted(data["stock_phrases"], key=len, reverse=True)
    own = data.get("own_place") or {}
    return _Lexicon(
        terms,
        re.compile("|".join(map(re.escape, words))),
        tuple(own.get("ranks") or ()),
        own.get("not_before", "[^\\s\\S]"),
    )


def _lexicon() -> _Lexicon:
    return compiled("usage.yaml", _build)


# -- wrong terms --------------------------------------------------------------------------------


def _around(s: str, m: re.Match[str], pad: int = 12) -> str:
    """The match with a little of its sentence either side: enough to find it again."""
    a, b = max(0, m.start() - pad), min(len(s), m.end() + pad)
    return ("…" if a else "") + s[a:b] + ("…" if b < len(s) else "")


def _term_hits(
    text: str, level: str | None, occasion: str | None, first: bool, given: tuple[str, ...] = ()
) -> Iterator[tuple[str, str]]:
    """(sentence, finding) for each sentence a term finds wrong; the sentence as it stands
    in `text`, quotation marks and all. A wrong word the brief itself names its speaker's
    organ or post by (`given`) is the writer's call (an office that styles itself 街道党委)."""
    terms = [t for t in _lexicon().terms if t.applies(level, occasion, first)]
    for para in text.split("\n"):
        before = ""
        for x in sentences(para):
            s = unquote(x)  # 提出“提案” is still 提案
            for t in terms:
                m = t.pattern.search(s)
                if not m or (t.unless and t.unless.search(s)) or _named(s, m, given):
                    continue
                if t.after and not t.after.search(before):
                    continue
                fix = f"，{t.advice}" if t.advice else ""
                yield x, f"用词不当“{m.group()}”：{t.reason}{fix}。原句：“{_around(s, m)}”"
            before += s


def _named(sentence: str, m: re.Match[str], given: tuple[str, ...]) -> bool:
    """Whether the hit lies inside one of the brief's own names written out in the sentence
    (the brief's 街道党委 standing in it; not 街道人大 alone where the brief says 街道人大工委)."""
    return any(
        a <= m.start() and m.end() <= a + len(name)
        for name in given
        if name and m.group() in name
        for a in (x.start() for x in re.finditer(re.escape(name), sentence))
    )


def term_findings(
    text: str,
    level: str | None,
    occasion: str | None,
    first: bool = False,
    given: tuple[str, ...] = (),
) -> Iterator[str]:
    """`first`: the speech closes a new congress's first session (换届); `given`: the
    brief's own names for its speaker (see `_term_hits`)."""
    for _, finding in _term_hits(text, level, occasion, first, given):
        yield finding


# -- 套话 density ---------------------------------------------------------------------------------


def stock_counts(text: str) -> Counter[str]:
    return Counter(_lexicon().stock.findall(text))


def density(text: str) -> float:
    """Stock phrases per 100 汉字."""
    n = han_count(text)
    return 100 * sum(stock_counts(text).values()) / n if n else 0.0


@dataclass(frozen=True)
class CorpusDensity:
    speech_max: float  # the densest reference speech
    paragraph_max: float  # the densest reference paragraph of at least min_han 汉字
    speech_id: str


@lru_cache(maxsize=2)
def _corpus_density(key: tuple[int, float], min_han: float) -> CorpusDensity:
    from assistant.corpus import load_corpus

    speeches = load_corpus([paths.bundled_corpus_dir()])
    if not speeches:
        return CorpusDensity(float("inf"), float("inf"), "")
    top = max(speeches, key=lambda s: density(s.text))
    paras = [p for s in speeches for p in paragraphs(s.text) if han_count(p) >= min_han]
    return CorpusDensity(
        density(top.text), max((density(p) for p in paras), default=float("inf")), top.id
    )


def corpus_density() -> CorpusDensity:
    """The reference figures, recomputed only when the lexicon or the corpus folder changes."""
    folder = paths.bundled_corpus_dir()
    mtime = folder.stat().st_mtime if folder.is_dir() else 0.0
    min_han = threshold(NAME, "density_min_han", 100)
    return _corpus_density((id(load_yaml("usage.yaml")), mtime), min_han)


def _density_finding(text: str, n_han: int, limit: float, what: str) -> str | None:
    d = 100 * sum(stock_counts(text).values()) / n_han
    if d <= limit:
        return None
    top = "、".join(f"“{w}”{n}次" for w, n in stock_counts(text).most_common(5))
    return (
        f"套话偏多：每百字{d:.1f}处，比{what}（{limit:.1f}处）还空；{top}。"
        "删去空泛的修饰，换成具体的事、数字和举措"
    )


def misnamed_own_place(text: str, brief: Any) -> list[str]:
    """The speech's own place named with another rank's word (临江 2019, eleventh full
    run: 临江市必须深入分析… in a speech of 临江区; usage.yaml's own_place): the names,
    unless the brief itself names such a place (a county's city, say)."""
    lex = _lexicon()
    own = getattr(brief, "locality", "") or ""
    rank = next((r for r in lex.ranks if own.endswith(r)), "")
    stem = own[: -len(rank)] if rank else ""
    if len(stem) < 2:
        return []
    given = own + (brief.facts_text() if hasattr(brief, "facts_text") else "")
    given += getattr(brief, "title", "") or ""
    wrong = [stem + r for r in lex.ranks if r != rank and stem + r not in given]
    return [w for w in wrong if misnamed(w).search(text)]


def misnamed(name: str) -> re.Pattern[str]:
    """`name` as a name of the place, not the start of another word (柳塘市 not in 柳塘市场)."""
    return re.compile(re.escape(name) + f"(?!{_lexicon().not_before})")


def _misnamed_findings(text: str, brief: Any) -> Iterator[str]:
    own = getattr(brief, "locality", "")
    for name in misnamed_own_place(text, brief):
        yield f"本地名称写错了建制：讲话说的是{own}，却写成了“{name}”，改为“{own}”"


# The verbs a theme opens a clause with, before the term it names (持续保障和改善民生,
# 优化营商环境, 因地制宜发展新质生产力).
_THEME_VERBS = re.compile(f"^(?:{THEME_VERBS})+")
# Head words too general to tell a term by (发展, 建设, 工作): 推动经济社会发展 is not a
# renaming of 县域经济高质量发展.
_GENERAL_HEADS = frozenset({"发展", "建设", "工作", "改革", "领导", "水平", "能力"})


def theme_terms(themes: Any) -> list[str]:
    """The terms a brief's themes name, each clause without the verbs it opens on
    (营商环境, 老工业区转型, 新质生产力 of 因地制宜发展新质生产力): four 汉字 or more."""
    out = []
    for theme in themes or ():
        for clause in re.split(r"[，；、。]", str(theme)):
            term = _THEME_VERBS.sub("", han_only(clause))
            if len(term) >= 4 and not term.startswith(("和", "与", "及")):
                out.append(term)
    return list(dict.fromkeys(out))


def renamed_terms(headline: str, terms: Any) -> list[tuple[str, str]]:
    """(term, clause) where a headline names a brief's term by its head word with other
    words before it (凤岗区 2020, untuned read: the model's 三、坚持老工业区转型，打造现代商业
    环境 for the brief's theme 营商环境): the brief's 提法 changed where every reader sees it.
    A term kept in part (乡村振兴 for 乡村全面振兴) is not renamed."""
    out = []
    for clause in re.split(r"[，；。！]", headline):
        han = han_only(clause)
        for term in terms:
            head = term[-2:]
            if term in han or head in _GENERAL_HEADS or not han.endswith(head):
                continue
            before = han[: -len(head)][-2:]
            if len(before) == 2 and before not in term and term[:2] not in han:
                out.append((term, clause.strip()))
    return out


def _renamed_findings(subject: Subject) -> Iterator[str]:
    """The model's point headlines (not the brief's own requirements) renaming a theme."""
    brief = subject.brief
    if subject.scope != SPEECH or brief is None:
        return
    terms = theme_terms(getattr(brief, "themes", ()))
    if not terms:
        return
    given = {han_only(r) for r in getattr(brief, "requirements", ()) or ()}
    for section in subject.parsed.points():
        if han_only(section.heading) in given:
            continue
        for term, clause in renamed_terms(section.heading, terms):
            yield (
                f"改了简报的提法：简报说“{term}”，要点标题写成了“{clause}”，照简报的说法写“{term}”"
            )


def misused_sentences(text: str, brief: Any) -> list[str]:
    """The sentences of `text` a term of the lexicon finds wrong for this brief's level,
    occasion and session (what the drafting repair drops when no candidate is free of them)."""
    level, occasion = getattr(brief, "level", None), getattr(brief, "occasion", None)
    first = _first_session(brief)
    hits = _term_hits(text, level, occasion, first, _given(brief))
    return list(dict.fromkeys(x for x, _ in hits))


def _given(brief: Any) -> tuple[str, ...]:
    """The brief's own names for its speaker: post and organ."""
    speaker = getattr(brief, "speaker", None)
    return tuple(filter(None, (getattr(speaker, "role", ""), getattr(speaker, "organ", ""))))


def _first_session(brief: Any) -> bool:
    """The speech closes a new congress's first session (换届)."""
    return getattr(getattr(brief, "session", None), "meeting", None) == 1


@register(NAME, scopes=(SPEECH, PARAGRAPH), weight=1.5, writer=True, label="用词与套话")
def run(subject: Subject) -> CheckResult:
    first = _first_session(subject.brief)
    given = _given(subject.brief)
    findings = list(term_findings(subject.text, subject.level, subject.occasion, first, given))
    findings.extend(_misnamed_findings(subject.text, subject.brief))
    findings.extend(_renamed_findings(subject))
    ref = corpus_density()
    n_han = han_count(subject.text)  # counted once: counting is the costly part here
    if n_han < threshold(NAME, "density_min_han", 100):
        found = None  # too short for a density to mean anything
    elif subject.scope == SPEECH:
        found = _density_finding(
            subject.text, n_han, ref.speech_max, f"最空的参考讲话 {ref.speech_id}"
        )
    else:
        found = _density_finding(subject.text, n_han, ref.paragraph_max, "参考讲话里最空的一段")
    if found:
        findings.append(found)
    return result_from_findings(
        NAME,
        findings,
        ok_reason="用词合乎场合与机关，套话不比参考讲话多",
        header=f"发现 {len(findings)} 处用词问题：",
    )
