"""focus: every part says its own thing once.

What a small model does when it runs out of things to say: a point restates the other
points' headlines (point 四 listing 一是…二是…三是… with points 一–三), a sentence comes
back nearly verbatim in another section, one clause opens or closes sentence after
sentence ("…也能享受到现代化的美好生活" five times running), and the review is the brief's
achievements pasted as a list. Patterns in evals/style.yaml (`focus`), numbers in
evals/checks.yaml.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant.checks.base import (
    PARAGRAPH,
    SPEECH,
    CheckResult,
    Subject,
    compiled,
    register,
    result_from_findings,
    threshold,
)
from assistant.checks.facts import short_term
from assistant.checks.integrity import prose_paragraphs
from assistant.paragraphs import HEADING_START, about_theme, overlapping_headlines
from assistant.text import (
    bigrams,
    chinese_number,
    fact_figures,
    han_count,
    han_only,
    has_figure,
    overlap,
    paragraphs,
    sentences,
    short,
)

NAME = "focus"


@dataclass(frozen=True)
class _Sent:
    text: str
    grams: frozenset[str]
    han: int
    opens_paragraph: bool  # a paragraph's first sentence (排比 across paragraphs is a device)


@dataclass(frozen=True)
class _Patterns:
    clause_split: re.Pattern[str]
    strip_lead: re.Pattern[str]
    task_verb: re.Pattern[str]
    task_unless: re.Pattern[str]
    task_basis: re.Pattern[str]
    once: re.Pattern[str]
    congratulations: re.Pattern[str]
    closed: re.Pattern[str]
    credited: re.Pattern[str]


def _build(data: Any) -> _Patterns:
    return _Patterns(
        re.compile(data["clause_split"]),
        re.compile(data["strip_lead"]),
        re.compile(data["task_verb"]),
        re.compile(data["task_unless"]),
        re.compile(data["task_basis"]),
        re.compile(data["once"]),
        re.compile(data["congratulations"]),
        re.compile(data["closed"]),
        re.compile(data["credited"]),
    )


def _said_once_again(text: str, section: str, before: str, pat: _Patterns) -> Iterator[str]:
    """What a speech says once (its hope for the delegates, style.yaml's `once`) said
    again in one section, or a third time in the speech (白沙 2026, sixteenth full run:
    希望各位代表… three times). A point that asks the delegates to lead in its own matter
    and the congress part's hope are two; `section`: the rest of the text's section,
    `before`: the speech before that."""
    hits = list(pat.once.finditer(text))
    in_section = len(pat.once.findall(section))
    in_speech = in_section + len(pat.once.findall(before))
    for k, m in enumerate(hits):
        if in_section + k >= 1 or in_speech + k >= 2:
            yield f"“{m.group()}”前面已经说过，讲话只说一次：“{short(text[m.start() :], 30)}”"
            return


def _congratulated_twice(text: str, pat: _Patterns) -> Iterator[str]:
    """The speaker's congratulation on behalf of his organ said a second time (白沙 2026,
    eighteenth run: the opening's 我谨代表镇党委…表示热烈的祝贺！ and then the speech's own
    thanks)."""
    hits = list(pat.congratulations.finditer(text))
    if len(hits) >= 2:
        m = hits[1]
        yield f"代表党委表示祝贺的话说了两遍，讲话只说一次：“{short(text[m.start() :], 30)}”"


def _once_only(text: str, before: str, pat: _Patterns) -> Iterator[str]:
    """What a speech says in one sentence said in a second (`before`: what precedes `text`):
    the meeting's successful close (白沙 2026, nineteenth session's run: 共同庆祝…会议圆满闭幕
    after the session sentence's 圆满完成了各项议程，即将胜利闭幕); where the results came from
    (这些成绩的取得，离不开… twice or three times in a review of that run; no reference says it
    even once)."""
    for rx, what in ((pat.closed, "会议圆满闭幕的话"), (pat.credited, "“成绩的取得”")):
        said = any(rx.search(x) for x in sentences(before))
        for x in sentences(text):
            if rx.search(x):
                if said:
                    yield f"{what}说了两遍，讲话只说一次：“{short(x, 30)}”"
                    break
                said = True


def once_pattern() -> re.Pattern[str]:
    """What a speech says once (style.yaml's `once`: 希望各位代表…), for drafting's repair."""
    return _patterns().once


def congratulation() -> re.Pattern[str]:
    """The speaker congratulating on behalf of his organ (代表镇党委…表示热烈的祝贺): what a
    closing speech's own thanks says, which drafting keeps out of the opening before it."""
    return _patterns().congratulations


def _patterns() -> _Patterns:
    return compiled("style.yaml", _build, "focus")


def _sents(paras: Sequence[str]) -> list[_Sent]:
    return [
        _Sent(s, frozenset(bigrams(s)), han_count(s), i == 0)
        for p in paras
        for i, s in enumerate(sentences(p))
    ]


@lru_cache(maxsize=4096)
def _paragraph_sents(paragraph: str) -> tuple[_Sent, ...]:
    return tuple(_sents([paragraph]))


def _context_sents(context: str) -> list[_Sent]:
    # cached per paragraph: the draft so far grows a paragraph at a time and is re-read
    # for every candidate, so only its newest paragraph is ever measured afresh
    return [s for p in paragraphs(context) for s in _paragraph_sents(p)]


def _label(n: int | None) -> str:
    return f"第{chinese_number(n)}点" if n and 0 < n < 100 else "这一点"


# -- the same sentence twice ------------------------------------------------------------------


def _near(a: _Sent, b: _Sent, cut: float) -> bool:
    la, lb = len(a.grams), len(b.grams)
    if not la or not lb or min(la, lb) < cut * max(la, lb):
        return False  # sizes too different for both overlaps to reach `cut`
    shared = len(a.grams & b.grams)
    return shared >= cut * la and shared >= cut * lb


def _twins(new: Sequence[_Sent], earlier: Sequence[_Sent]) -> Iterator[tuple[_Sent, _Sent]]:
    """(sentence, its twin) for sentences of `new` that repeat one of `earlier` or an
    earlier one of `new`."""
    cut = threshold(NAME, "dup_overlap", 0.8)
    minimum = threshold(NAME, "dup_min_han", 12)
    seen = [s for s in earlier if s.han >= minimum]
    for s in new:
        if s.han < minimum:
            continue
        twin = next((t for t in seen if _near(s, t, cut)), None)
        if twin is not None:
            yield s, twin
        seen.append(s)


def _duplicates(new: Sequence[_Sent], earlier: Sequence[_Sent]) -> Iterator[str]:
    for s, twin in _twins(new, earlier):
        yield _twice(s, twin)


def _twice(s: _Sent, twin: _Sent) -> str:
    return f"同一句话说了两遍：“{short(s.text, 30)}”（前文已有“{short(twin.text, 20)}”）"


def repeated_sentences(text: str, context: str = "") -> list[str]:
    """The sentences of `text` this check calls a repeat (of `context` or of an earlier
    sentence of `text`): what the drafting repair drops."""
    earlier = _context_sents(context) if context else []
    return [s.text for s, _ in _twins(_sents(paragraphs(text)), earlier)]


# -- refrains ---------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _clauses(text: str, pat: _Patterns) -> tuple[str, str] | None:
    # cached: the context's last sentences are re-read for every candidate paragraph
    body = pat.strip_lead.sub("", text.strip()).rstrip("。！？；…”’")
    parts = [c for c in pat.clause_split.split(body) if c.strip()]
    if len(parts) < 2:
        return None  # a one-clause sentence repeated is a duplicate, not a refrain
    return han_only(parts[0]), han_only(parts[-1])


def _refrains(sents: Sequence[_Sent], fresh_from: int, pat: _Patterns) -> Iterator[str]:
    """Clauses opening (not counting paragraph openers) or closing `count` sentences within
    `window`; reported only when a sentence at or after `fresh_from` takes part."""
    minimum = threshold(NAME, "refrain_min_han", 6)
    count = int(threshold(NAME, "refrain_count", 3))
    window = int(threshold(NAME, "refrain_window", 8))
    where: dict[tuple[str, str], list[int]] = {}
    for i, s in enumerate(sents):
        pair = _clauses(s.text, pat)
        if pair is None:
            continue
        head, tail = pair
        if len(head) >= minimum and not s.opens_paragraph:
            where.setdefault(("句首", head), []).append(i)
        if len(tail) >= minimum:
            where.setdefault(("句末", tail), []).append(i)
    for (side, clause), idx in where.items():
        hits = [
            idx[k : k + count]
            for k in range(len(idx) - count + 1)
            if idx[k + count - 1] - idx[k] < window
        ]
        if hits and any(i >= fresh_from for run in hits for i in run):
            first = short(sents[idx[0]].text, 30)
            yield f"同一分句“{clause}”在{side}反复出现（{len(idx)}次），像口号式的重复：“{first}”"


# -- headlines restated -----------------------------------------------------------------------


def _restated(
    heading: str, body: Sequence[_Sent], others: Sequence[tuple[str, str]]
) -> list[tuple[str, str]]:
    """(label, sentence) of the other headlines that a sentence of `body` restates."""
    cut = threshold(NAME, "headline_overlap", 0.7)
    all_grams = [bigrams(h) for _, h in others] + [bigrams(heading)]
    common = set.intersection(*all_grams) if len(all_grams) > 1 else set()
    own = bigrams(heading)
    out = []
    for label, other in others:
        distinct = bigrams(other) - own - common  # what only that headline says
        if len(distinct) < 4:
            continue
        hit = next((s for s in body if len(distinct & s.grams) >= cut * len(distinct)), None)
        if hit is not None:
            out.append((label, hit.text))
    return out


def restating_sentences(text: str, heading: str, other_headlines: Sequence[str]) -> list[str]:
    """The sentences of a point's paragraph that restate other points' headlines (what the
    drafting repair drops): 要有效发挥代表主体作用，密切同人民群众的联系；要加强自身建设…"""
    others = [("", h) for h in other_headlines if h]
    if not others:
        return []
    # a paragraph before the points (no heading of its own) restating one of them is failed
    # by the check too (柳塘 2021, twelfth full run: the situation's last sentence said point
    # 四's headline word for word, and stayed)
    return list(dict.fromkeys(t for _, t in _restated(heading, _sents([text]), others)))


def _restatement_finding(label: str, restated: list[tuple[str, str]]) -> str | None:
    if not restated:
        return None
    names = "、".join(lab for lab, _ in restated)
    verb = "又把" + names + "的标题列举了一遍" if len(restated) > 1 else "复述了" + names + "的标题"
    return f"{label}{verb}，没有说自己的内容：“{short(restated[0][1], 30)}”"


# Sections before the points: one that says two or more of the points' headlines tells the
# requirements before they come (汶溪 2024: the opening and the situation each ran through
# 推动高质量发展，加快建设现代化产业体系…打造一流营商环境…办好群众急难愁盼的民生实事).
# No reference section before the points says two of them.
_BEFORE_POINTS = frozenset({"opening", "meeting_opening", "review", "situation"})


def _previews(
    text: str, headlines: Sequence[str], given: Sequence[str] = ()
) -> list[tuple[str, str]]:
    """(label, sentence) of the headlines `text` says ahead of the points, when two or more:
    whole, or their opening clauses run together in one sentence. A sentence that tells one
    of the brief's `given` facts is the brief's, not a preview (沅桥 2014, untuned read: its
    situation, …全面深化改革的第一年, and two headlines that open on 全面深化改革)."""
    others = [("", h) for h in headlines if h]
    if len(others) < 2:
        return []
    sents = [s for s in _sents([text]) if not any(_told_in(s.text, f) for f in given)]
    restated = _restated("", sents, others)
    if len(restated) < 2:
        restated = _openings_run_together(sents, [h for _, h in others]) or restated
    return restated if len(restated) >= 2 else []


def _openings_run_together(
    sents: Sequence[_Sent], headlines: Sequence[str]
) -> list[tuple[str, str]]:
    """One clause that carries the opening clause of two or more headlines (青岩 2024,
    untuned read: 将以推进文旅深度融合、提升基层治理效能和支持镇人大主席团依法履职为己任 for
    要推动文旅深度融合，做靓古镇名片 and the two after it): the points told in one breath."""
    cut = threshold(NAME, "headline_overlap", 0.7)
    firsts = [
        bigrams(re.sub(r"^要", "", han_only(re.split(r"[，；。：]", h)[0]))) for h in headlines
    ]
    common = set.intersection(*firsts)
    firsts = [g - common for g in firsts]
    for s in sents:
        # within one clause: 过去一年，我们坚持党的全面领导，牢牢抓住发展第一要务，… tells what
        # was done clause by clause, not the points in one breath
        for clause in re.split(r"[，；。！？]", s.text):
            grams = bigrams(han_only(clause))
            told = [g for g in firsts if len(g) >= 4 and len(g & grams) >= cut * len(g)]
            if len(told) >= 2:
                return [("", s.text) for _ in told]
    return []


def _previewed(text: str, headlines: Sequence[str], given: Sequence[str] = ()) -> str | None:
    restated = _previews(text, headlines, given)
    if not restated:
        return None
    return f"要求还没讲，这里先把{len(restated)}点要求的标题说了一遍：“{short(restated[0][1], 30)}”"


def previewing_sentences(
    text: str, section_role: str, headlines: Sequence[str], given: Sequence[str] = ()
) -> list[str]:
    """The sentences of a paragraph before the points that say the points' headlines ahead of
    them, when they say two or more (梅岭县 2019, untuned read: the situation's 要坚决打赢脱贫
    攻坚战…；要做大做强茶产业…；要支持和保证人大…): what the drafting repair drops."""
    if section_role not in _BEFORE_POINTS:
        return []
    return list(dict.fromkeys(s for _, s in _previews(text, headlines, given)))


def _speech_previews(subject: Subject) -> Iterator[str]:
    headlines = [q.heading for q in subject.parsed.points() if q.heading]
    given = listed_facts(subject.brief)
    for x in subject.parsed.sections:
        found = _previewed(x.text, headlines, given) if x.role in _BEFORE_POINTS else None
        if found:
            yield found


def _speech_restatements(subject: Subject) -> Iterator[str]:
    points = subject.parsed.points()
    for p in points:
        at = p.text.find(p.heading) if p.heading else -1
        body = p.text[at + len(p.heading) :] if at >= 0 else p.text
        others = [(_label(q.ordinal), q.heading) for q in points if q is not p and q.heading]
        found = _restatement_finding(
            _label(p.ordinal), _restated(p.heading, _sents([body]), others)
        )
        if found:
            yield found


def _given(subject: Subject) -> list[str]:
    """The 汉字 of the brief's own requirements."""
    return [han_only(r) for r in getattr(subject.brief, "requirements", ()) or ()]


def _headed_points(subject: Subject) -> tuple[list[Any], list[bool]]:
    """The points with a headline, and for each whether the headline is the draft's own
    rather than one of the brief's requirements (those are the writer's call)."""
    points = [q for q in subject.parsed.points() if q.heading]
    given = _given(subject)
    mine = [not any(overlap(g, han_only(q.heading)) >= 0.8 for g in given) for q in points]
    return points, mine


def _speech_overlaps(subject: Subject) -> Iterator[str]:
    """Headlines that overlap, one of them at least not the brief's own (the writer's
    requirements are the writer's call)."""
    points, mine = _headed_points(subject)
    seen: set[frozenset[int]] = set()
    for i, j, core in overlapping_headlines([q.heading for q in points]):
        if (mine[i] or mine[j]) and {i, j} not in seen:
            seen.add(frozenset((i, j)))
            yield (
                f"{_label(points[j].ordinal)}的标题又讲了{_label(points[i].ordinal)}的“{core}”，"
                f"两点说的是一件事：“{short(points[j].heading, 30)}”"
            )


def _theme_twice(subject: Subject) -> Iterator[str]:
    """Two points on one of the brief's themes, one at least not the brief's own requirement,
    while another theme has no point and no requirement of the brief's carries it (云岭县 2017,
    seventeenth session's untuned read: 二、坚持精准扶贫，精准脱贫 and 三、聚焦脱贫攻坚, and
    生态文明建设 nowhere): a point spent twice, a theme left out."""
    themes = [t for t in getattr(subject.brief, "themes", ()) or () if han_only(t)]
    given = _given(subject)
    points, mine = _headed_points(subject)
    if len(themes) < 2 or len(points) < 2:
        return
    on = {
        t: [i for i, q in enumerate(points) if about_theme(t, q.heading, strict=True)]
        for t in themes
    }
    # a theme left out: a term (a long theme is a sentence no headline need carry) that no
    # point, no requirement of the brief's and nothing in the speech takes up
    text = han_only(subject.text)
    left = [
        t
        for t in themes
        if short_term(t)
        and not on[t]
        and not any(about_theme(t, g) for g in given)
        and han_only(t) not in text
        and overlap(t, text) < 0.5
    ]
    for theme in themes:
        twice = on[theme]
        if left and len(twice) >= 2 and any(mine[i] for i in twice):
            i, j = twice[:2]
            yield (
                f"{_label(points[i].ordinal)}和{_label(points[j].ordinal)}讲的都是简报的"
                f"“{short(theme, 20)}”，简报的“{short(left[0], 20)}”却没有一点讲"
            )
            return


# -- the brief's list pasted --------------------------------------------------------------------


@lru_cache(maxsize=8)
def _facts(achievements: tuple[str, ...]) -> tuple[tuple[frozenset[str], int], ...]:
    # the same brief is checked against every candidate paragraph: measure its list once
    return tuple((frozenset(bigrams(a)), han_count(a)) for a in achievements if bigrams(a))


def _pasted(chunk: str, achievements: tuple[str, ...], sents: Sequence[_Sent] = ()) -> str | None:
    """`sents`: the chunk's sentences when the caller has measured them already."""
    if len(achievements) < 2:
        return None
    sents = sents or _sents([chunk])
    total = sum(s.han for s in sents)
    if not total:
        return None
    # an achievement is present when nearly all its bigrams are in the chunk (a sentence,
    # or one clause of a longer sentence, taken over nearly verbatim)
    every = frozenset().union(*(s.grams for s in sents))
    cut = threshold(NAME, "pasted_presence", 0.9)
    present = [n for grams, n in _facts(achievements) if len(grams & every) >= cut * len(grams)]
    share = sum(present) / total
    if len(present) >= 2 and share >= threshold(NAME, "pasted_share", 0.85):
        return (
            f"这一段只是把简报的事实逐条罗列（{share:.0%}的字照抄简报），"
            f"要写成讲话的评价和概括：“{short(chunk, 30)}”"
        )
    return None


def listed_facts(brief: object) -> tuple[str, ...]:
    """The brief's facts a paragraph may paste as its whole text: the achievements and the
    situation (枫林 2024: the situation's three facts joined by ；were its first paragraph)."""
    return (
        *(getattr(brief, "achievements", ()) or ()),
        *(getattr(brief, "situation", ()) or ()),
    )


def _strung(chunk: str, brief: object) -> Iterator[str]:
    """Sentences that string two or more of the brief's situation facts together with ；,
    nearly word for word and nearly nothing else (枫林 2024, eleventh full-length run: 2024年
    9月15日是全国人民代表大会成立70周年；街道人大工委是区人大常委会的派出机构，…；党的二十届
    三中全会对…作出部署。): the brief's list read out. A review strings its figures so; the
    situation is told, not listed."""
    facts = tuple(getattr(brief, "situation", ()) or ())
    if len(facts) < 2:
        return
    for sent in re.split(r"(?<=[。！？])", chunk):
        if "；" in sent and _pasted(sent, facts):
            yield f"形势一节把简报的几条情况用分号连成一句照读，要讲清它们对今年工作意味着什么：“{short(sent, 30)}”"
            return


def _speech_pasted(subject: Subject) -> Iterator[str]:
    facts = listed_facts(subject.brief)
    if not facts:
        return
    situation = subject.parsed.text_of("situation") or ""
    strung = list(_strung(situation, subject.brief))
    yield from strung
    review = subject.parsed.text_of("review")
    found = _pasted(review, facts) if review else None
    if found:
        yield found
    for p in prose_paragraphs(subject):
        # a paragraph found once is not found again (the review whole; the situation's
        # strung facts)
        if not (found and p in review) and not (strung and p in situation):
            hit = _pasted(p, facts)
            if hit:
                yield hit


# -- one fact told twice --------------------------------------------------------------------


@lru_cache(maxsize=64)
def _figures(fact: str) -> tuple[str, ...]:
    """A fact's figures, years aside; only facts with two or more count (one small number
    may recur by chance)."""
    found = tuple(fact_figures(fact))
    return found if len(found) >= 2 else ()


def _has_all(text: str, figures: tuple[str, ...]) -> bool:
    return all(has_figure(text, f) for f in figures)


_CLAUSE_CUT = re.compile(r"[，。；！？：]")
_SEGMENT_CUT = re.compile(r"[，。；！？：、]")  # …and the items of a list
# The centre's formulations a speech may say in its opening and again in its call (以习近平
# 新时代中国特色社会主义思想为指导, 全面贯彻落实党的二十大精神): the genre's, not a repeat.
_NATIONAL = re.compile(r"习近平|党中央|总书记|大精神|中国特色社会主义|中全会")


_CONTAINED_MIN = 15  # 汉字: a clause this long said again inside a longer one is said twice
# a subject put before a clause said again: 会议 圆满完成了各项议程 (not 我们: 坚持以人民为中心的
# 发展思想，是…。我们坚持以人民为中心的发展思想，就是要… takes the clause up to develop it)
# …or only a 是 (柳塘 2021, fifteenth full run: …，各级党委和政府正确领导的结果。这些成绩的取得，
# 是各级党委和政府正确领导的结果。)
_SUBJECT = re.compile(r"(?:本次|这次|此次)?(?:会议|大会)|[也都]?是")


def _inside(short: str, long: str, least: int) -> bool:
    """`short` said again inside `long`: both long (枫林 2024: …为推动基层治理和民生实事提供了
    有力保障。这些努力为推动基层治理和民生实事提供了有力保障…), or the shorter a full clause and
    the longer it with a subject put before it (江滨区 2015, untuned read: 圆满完成了各项议程 in
    the program's session sentence, 会议圆满完成了各项议程 by the model three sentences on; a
    reference's 通过法定程序形成决议、决定 taken up again as 并通过… is not a subject added)."""
    if short not in long:
        return False
    if len(short) >= _CONTAINED_MIN:
        return True
    subject = long[: -len(short)] if long.endswith(short) else ""
    return len(short) >= least and bool(_SUBJECT.fullmatch(subject))


def _said(key: str, seen: set[str], least: int) -> bool:
    """`key` is a clause already said: the same, or one inside the other (`_inside`)."""
    if key in seen:
        return True
    return any(_inside(k, key, least) or _inside(key, k, least) for k in seen)


POINT_MARK = re.compile(r"^\s*[一二三四五六七八九十]+、")  # a point's marker: 一、


def _clause_key(clause: str) -> str:
    """A clause's 汉字, without the point's marker (一、全面加强代表工作 is 全面加强代表工作)."""
    return han_only(POINT_MARK.sub("", clause))


def _clause_twice(paragraph: str, before: str = "") -> Iterator[str]:
    """The same clause of `clause_min_han` 汉字 or more twice in one paragraph (松坪乡 2020:
    the program's 圆满完成了各项议程，即将胜利闭幕 written again by the model two sentences
    on); `before` is the paragraph's text before a candidate. No reference paragraph has one."""
    least = int(threshold(NAME, "clause_min_han", 8))
    seen = {_clause_key(c) for c in _CLAUSE_CUT.split(before)}
    for c in _CLAUSE_CUT.split(paragraph):
        key = _clause_key(c)
        if len(key) >= least and _said(key, seen, least):
            yield f"同一段里同一句话说了两遍：“{short(c, 24)}”"
            return
        seen.add(key)


def goes_on_from(context: str, headline: str, section_role: str) -> str:
    """What a paragraph continues in the same paragraph of the speech, from the draft so
    far: the opening's own start, which the program wrote (the session sentence), or a
    point's headline, which its first paragraph goes on from (槐原 2018, tenth full-length
    run: 一、要深入学习贯彻党的十九大精神和宪法… 同时，深入学习贯彻党的十九大精神和宪法，推进全面
    从严治党). '' elsewhere: a clause of the paragraph before may be taken up again (a
    principle named, then developed: the chairs' symposium reference)."""
    last = context.rsplit("\n", 1)[-1] if context else ""
    heads = headline and han_count(last) <= han_count(headline) + 6
    opens = section_role == "opening" or (heads and han_only(headline) in han_only(last))
    return last if opens else ""


def sentences_repeating_a_clause(paragraph: str, before: str = "") -> list[str]:
    """The sentences that say again a clause `_clause_twice` would find, in the paragraph
    or in `before`, what it goes on from (the congress part's standing line said again by
    the model after it: 认真落实审议意见, 希望各位代表依法履职、密切联系群众 in four of the ninth
    full-length run's drafts; a point's headline said again): what the drafting repair
    drops."""
    least = int(threshold(NAME, "clause_min_han", 8))
    seen = {_clause_key(c) for c in _CLAUSE_CUT.split(before)}
    out = []
    for sent in sentences(paragraph):
        keys = [k for c in _CLAUSE_CUT.split(sent) if len(k := _clause_key(c)) >= least]
        if any(_said(k, seen, least) for k in keys):
            out.append(sent)
            continue
        seen.update(keys)
    return out


def _long_clauses(text: str, heads: set[str]) -> set[str]:
    """The clauses and list items of `across_min_han` 汉字 or more a listener would hear
    again: not the centre's formulations, not a headline's own words."""
    least = int(threshold(NAME, "across_min_han", 10))
    return {
        key
        for c in _SEGMENT_CUT.split(text)
        if len(key := han_only(c)) >= least and not _NATIONAL.search(key)
    } - heads


def _head_clauses(headings: Sequence[str]) -> set[str]:
    return {han_only(c) for h in headings for c in _SEGMENT_CUT.split(h)}


def sentences_said_in_section(text: str, siblings: str, headline: str = "") -> list[str]:
    """Sentences of a paragraph that say a long clause another paragraph of its section
    says (双桥乡 2022: 希望各位代表依法履职、密切联系群众 in three paragraphs of the congress
    point; `siblings`: the section's other paragraphs as far as they are known, the standing
    lines of its later ones among them). No paragraph of a reference speech shares a
    clause of 10 汉字 with another of its section (the nearest: 坚持正确的政治方向, 8)."""
    said = _long_clauses(siblings, _head_clauses([headline]))
    if not said:
        return []
    return [x for x in sentences(text) if _long_clauses(x, set()) & said]


def _said_in_section(paras: Sequence[str], heading: str) -> Iterator[str]:
    """A long clause in two paragraphs of one section (see sentences_said_in_section)."""
    heads = _head_clauses([heading])
    seen: set[str] = set()
    for p in paras:
        keys = _long_clauses(p, heads)
        again = keys & seen
        if again:
            yield f"同一节的两段说了同样的话：“{short(max(again, key=len), 24)}”"
            return
        seen |= keys


# A clause of a point's headline said again in its body: no reference says one in any of its
# points' paragraphs; 白沙 2026 (sixteenth full run) said 确保“十五五”开好局、起好步 in two of
# point 一's three paragraphs after its headline, and once more at the end of one of them.
_HEAD_REFRAIN_MIN = 8  # 汉字 of a headline clause, 要 aside


def _headline_keys(headline: str) -> tuple[str, ...]:
    """The headline's clauses a listener would hear again, as 汉字 keys."""
    keys = (han_only(c).lstrip("要") for c in _CLAUSE_CUT.split(HEADING_START.sub("", headline)))
    return tuple(k for k in keys if len(k) >= _HEAD_REFRAIN_MIN and not _NATIONAL.search(k))


def headline_clause_again(text: str, headline: str, siblings: str) -> list[str]:
    """The clauses of `text` that say a clause of its point's headline another paragraph of
    the point says too (`siblings`, its headline left out): the headline as a refrain. What
    the repair cuts from the later paragraph."""
    keys = _headline_keys(headline) if headline else ()
    told = han_only(siblings.replace(headline, "")) if keys else ""
    said = [k for k in keys if k in told]
    if not said:
        return []
    return [c for c in _CLAUSE_CUT.split(text) if any(k in han_only(c) for k in said)]


def _headline_refrains(points: Sequence[Any]) -> Iterator[str]:
    for x in points:
        keys = _headline_keys(x.heading or "")
        body = [han_only(p) for p in paragraphs(x.text.replace(x.heading, "", 1))] if keys else []
        for k in keys:
            if sum(k in p for p in body) >= 2:
                yield f"要点标题里的话在这一点的几段里反复说：“{short(k, 24)}”"
                break


def _clauses_across(parts: Sequence[tuple[str, str]], headings: Sequence[str]) -> Iterator[str]:
    """Two sections sharing clauses (or list items) of `across_min_han` 汉字 or more,
    `across_clauses` of them or more (沙河 2016: points 三 and 四 both said 要加强对人大工作的领导、支持区人大及其
    常委会依法行使职权…定期听取人大工作汇报…, split into sentences differently, so no
    sentence matched): one passage said in two places. The headlines' own clauses are the
    restatement check's."""
    heads = _head_clauses(headings)
    keyed = [_long_clauses(text, heads) for text, _ in parts]
    for i, a in enumerate(keyed):
        for j in range(i + 1, len(keyed)):
            shared = a & keyed[j]
            if len(shared) >= threshold(NAME, "across_clauses", 2):
                first = max(shared, key=len)
                yield f"两节说了同样的话（{len(shared)}个分句相同）：“{short(first, 24)}”"
                return


def _told_in(chunk: str, fact: str) -> bool:
    """A fact without figures told in a chunk: one of its sentences carries most of the
    fact's words (民生实事项目全部完成，群众获得感不断增强)."""
    cut = threshold(NAME, "fact_told", 0.75)
    return any(overlap(fact, s) >= cut for s in sentences(chunk))


def _facts_twice(chunks: Sequence[str], achievements: tuple[str, ...]) -> Iterator[str]:
    """An achievement written out in two places, figures and all (柳塘 2021: the review's
    GDP and income figures again in the situation), or in its words when it has no
    figures (白沙 2026: the review told again inside point 三): the second says nothing new."""
    for fact in achievements:
        if sum(_tells(c, fact) for c in chunks) >= 2:
            yield f"同一项成绩在两处都写了，后一处是重复：“{short(fact, 30)}”"


def facts_told_again(
    text: str,
    context: str,
    achievements: Sequence[str],
    carried: Sequence[str] = (),
    siblings: str = "",
) -> list[str]:
    """Sentences of `text` telling an achievement the speech so far (`context`) has told
    already, at any meeting (枫林 2024, a symposium, sixteenth run: point 三 told 加装电梯14部
    again after the review). One the paragraph's plan gives it (`carried`) only when another
    paragraph of its section (`siblings`) took it (宁川 2015, seventeenth run: the review's
    first paragraph told the second's 工作评议87次 and 6个乡镇人大作了交流发言, and the second
    told them again); told elsewhere, this is its place."""
    told = [f for f in achievements if _tells(siblings if f in carried else context, f)]
    if not told:
        return []
    return [x for x in sentences(text) if any(_tells(x, f) for f in told)]


def _tells(chunk: str, fact: str) -> bool:
    """The chunk tells the fact: all its figures (two or more), or, without them, most of
    its words in one sentence."""
    figures = _figures(fact)
    if figures:
        return _has_all(chunk, figures)
    return han_count(fact) >= 10 and _told_in(chunk, fact)


# A task built on a result (确保粮食总产量稳定在3.1万吨以上, 在…的基础上) is not a
# retelling; 要 as the verb, not in 重要, 主要, 需要
_TASK_WORDS = re.compile(
    r"(?<![重主需只想纲必])要(?![素点])|确保|力争|争取|巩固|持续|防止|基础上|继续"
)


def achievements_retold(text: str, achievements: Sequence[str]) -> list[str]:
    """Sentences of `text` that tell one of the brief's achievements (its figures, or
    most of its words when it has none): outside the review, the year's results told
    again (白沙 2026, full length: the opening's second paragraph told three of the
    review's four before the review did)."""
    picked = _distinctive_figures(tuple(achievements))
    return [
        x
        for x in sentences(text)
        if not _TASK_WORDS.search(x)
        and (
            any(_tells(x, fact) for fact in achievements)
            or sum(has_figure(x, f) for f in picked) >= 2
        )
    ]


@lru_cache(maxsize=64)
def _distinctive_figures(achievements: tuple[str, ...]) -> tuple[str, ...]:
    """The achievements' figures no sentence repeats by chance (a decimal, a percentage or
    two digits and more): two of them in one sentence are the results picked out and told
    again (柳塘 2021, twelfth full run, point 二: 其中最重要的成绩包括地区生产总值增长9.8%、
    农村居民人均可支配收入增长8.3%…, one figure of each of two facts)."""
    figures = {f for a in achievements for f in fact_figures(a)}
    return tuple(sorted(f for f in figures if "." in f or len(f) >= 2))


# A closing speech's sections other than the review: the results are the review's to tell.
# (A symposium's or exchange meeting's points take their examples from the results: the
# street-office and chairs' symposium references do.)
_OUTSIDE_REVIEW = frozenset({"opening", "situation", "requirements", "congress_work", "call"})


def retold_outside_review(
    text: str, brief: Any, section_role: str, carried: Sequence[str] = ()
) -> list[str]:
    """Sentences of a closing speech's section other than the review that tell an
    achievement of the brief again (not one the paragraph's plan gives it to `carried`)."""
    if section_role not in _OUTSIDE_REVIEW or getattr(brief, "occasion", "") != "closing_session":
        return []
    achievements = getattr(brief, "achievements", ()) or ()
    return achievements_retold(text, tuple(a for a in achievements if a not in carried))


# Where the speech sets tasks: an achievement there is the year just ended set again.
_TASK_ROLES = frozenset({"situation", "requirements", "congress_work", "call"})
_LEAD = re.compile(r"^(?:(?:19|20)\d\d年)?(?:全[镇乡县区市]|[\u4e00-\u9fff]{1,4}[镇乡县区市])?")


def _without_figures(text: str) -> str:
    """汉字 only, each figure gone with its unit (312人, 4个): a task may leave one out."""
    return han_only(re.sub(r"\d[\d.]*%?[\u4e00-\u9fff]?", "", text))


@lru_cache(maxsize=64)
def _done_clauses(achievements: tuple[str, ...]) -> tuple[str, ...]:
    """The clauses of the achievements in 汉字 only (a figure may be left out of the task),
    a leading year and place dropped, long enough to be told; measured once per brief, like
    _facts, since every candidate paragraph is read against them."""
    least = int(threshold(NAME, "task_clause_min_han", 6))
    out = []
    for fact in achievements:
        for c in re.split(r"[，；,;]", fact):
            c = _without_figures(_LEAD.sub("", c.strip()))
            if len(c) >= least:
                out.append(c)
    return tuple(out)


def achievements_as_tasks(text: str, achievements: tuple[str, ...], pat: _Patterns) -> list[str]:
    """Sentences of `text` that set a clause of the brief's achievements as a task (确保剩余
    贫困人口全部脱贫，4个贫困村全部出列, after the review said both were done)."""
    done = _done_clauses(achievements)
    if not done:
        return []
    cut = threshold(NAME, "task_overlap", 0.85)
    out = []
    for s in (c for x in sentences(text) for c in x.split("；")):
        m = pat.task_verb.search(s)
        if not m or pat.task_basis.search(s):
            continue
        own = s.rfind("，", 0, m.start()) + 1  # the clause the task opens, and what follows
        if pat.task_unless.search(s[own:]):
            continue
        tail = _without_figures(s[m.end() :])
        if any(overlap(c, tail) >= cut for c in done):
            out.append(s)
    return out


def _tasks_done(
    chunks: Sequence[tuple[str, str]], achievements: tuple[str, ...], pat: _Patterns
) -> Iterator[str]:
    for text, role in chunks:
        if role in _TASK_ROLES:
            for s in achievements_as_tasks(text, achievements, pat)[:1]:
                yield f"已经完成的成绩又当成了今年的任务：“{short(s, 30)}”"
                return


def _report_core(title: str) -> str:
    """镇人民政府工作报告 → 政府工作报告: the words a speech keeps when it names it (汶溪 2024
    listed them again as 政府工作报告、人大常委会工作报告)."""
    core = re.sub(r"^[\u4e00-\u9fff]{0,6}?[镇乡县区市](?=人民|人大|财政)", "", title)
    return re.sub(r"^人民(?=政府)", "", core)[:8]


def _reports_listed(
    sents: Sequence[str], reports: tuple[str, ...], elections: tuple[str, ...] = ()
) -> list[str]:
    """Sentences naming two or more of the session's reports, or telling one of its
    elections as the brief words it (临江 2019: the opening's 补选区人大常委会副主任1名、补选
    区人民政府副区长1名 after the session sentence had told them)."""
    cores = [_report_core(r) for r in reports if han_count(r) >= 4]
    told = [bigrams(e) for e in elections if han_count(e) >= 6]
    cut = threshold(NAME, "election_presence", 0.9)
    return [
        s
        for s in sents
        if (len(cores) >= 2 and sum(c in s for c in cores) >= 2)
        or any(len(g & bigrams(s)) >= cut * len(g) for g in told)
    ]


def reports_again(text: str, context: str, brief: Any) -> list[str]:
    """Sentences of `text` listing the session's reports or telling its elections when
    `context` has done so already. Shared with the drafting repair."""
    business = _business(brief)
    listed = _reports_listed(sentences(text), *business)  # rarely any: the context not split
    return listed if listed and _reports_listed(sentences(context), *business) else []


def _business(brief: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The session's reports and elections, as the brief gives them."""
    return (
        tuple(getattr(brief, "reports", ()) or ()),
        tuple(getattr(brief, "elections", ()) or ()),
    )


def _reports_twice(chunks: Sequence[str], brief: Any) -> Iterator[str]:
    """The session's reports or elections told again after the session sentence (白沙 2026:
    the opening's second paragraph named all three reports again): once is the genre,
    twice is padding."""
    listed = [x for c in chunks for x in _reports_listed(sentences(c), *_business(brief))]
    if len(listed) >= 2:
        yield _business_again(listed[1])


def _business_again(sentence: str) -> str:
    return f"会议审议的报告和选举事项又列举了一遍：“{short(sentence, 30)}”"


# -- two paragraphs opening alike ----------------------------------------------------------------

# A paragraph's opening clause this long (汉字) said again at another paragraph's start, the
# sentence going on much as before, reads as the speech starting over (临江 2019 at scale 0.5:
# 回顾过去一年的成绩，我们取得了一系列的显著成就。 and, two paragraphs on, 回顾过去一年的成绩，
# 我们取得了一系列丰硕的成果。). An opening repeated with new matter after it is the genre's
# parallelism: 决胜收官之年，我们要求稳求进… / 决胜收官之年，我们要用心用情… (xcity 2020),
# 坚持正确的政治方向，首先必须… / …，我们还必须… (the chairs' symposium).
_OPENING_MIN = 6
_RESTART_OVERLAP = 0.6
_ADDRESS = re.compile(r"(?:各位代表|同志们|代表们|各位|[、和])+")


def _lead(text: str) -> str:
    """Up to the first clause mark."""
    return re.split(r"[，。；！？：]", text.strip(), maxsplit=1)[0]


def _opening(paragraph: str) -> str:
    """The paragraph's first clause, when it is long enough to be heard again and is not
    the address (各位代表、同志们，… opens a closing speech's call and its salutation)."""
    first = _lead(paragraph)
    if han_count(first) < _OPENING_MIN or _ADDRESS.fullmatch(first):
        return ""
    return han_only(first)


_ADDRESS_LEAD = re.compile(r"^(?:各位代表、同志们|各位代表|同志们)[，！]")


def _first_clause(paragraph: str) -> str:
    """The paragraph's first clause after its point mark and any address (各位代表，回顾…),
    however short (`_opening` reads the address whole and wants a clause to be heard)."""
    return han_only(_lead(_ADDRESS_LEAD.sub("", POINT_MARK.sub("", paragraph.strip()))))


def _same_openings(paras: Sequence[str], before: Sequence[str] = ()) -> Iterator[str]:
    """Paragraphs of `paras` whose first sentence opens with the clause an earlier one
    opened with and goes on much the same (`before`: paragraphs earlier in the draft)."""
    seen: dict[str, list[str]] = {}
    new = set(paras)
    for p in [*before, *paras]:
        o = _opening(p)
        if not o:
            continue  # no opening to hear again: its sentences are not split
        first = (sentences(p) or [""])[0]
        if p in new and any(overlap(first, x) >= _RESTART_OVERLAP for x in seen.get(o, [])):
            yield f"两段用同一句开头，像又从头讲起：“{short(p, 30)}”"
        seen.setdefault(o, []).append(first)


# Two paragraphs of one section opening with the same words that lead into a part (白沙
# 2026, twelfth full-length run: 回顾过去一年的成绩，… then 回顾过去一年的成效，…): the part
# begun again. Only such lead-ins, and only where the shared words run on past the lead-in
# word: the references open parallel paragraphs with one subject (各乡镇人大、街道人大
# 工委…, three times) or one task (要更加注重重大…), and 过去一年，… / 过去一年，… is the
# genre's own parallel.
_ECHO_PAST = 2
_PART_LEAD = re.compile(
    r"^(?:回顾|展望|总结|纵观|综观|面对|站在|放眼|过去的?(?:一|五)年|这一年|五年来|一年来)"
)


def _echoed_openings(paras: Sequence[str], siblings: Sequence[str] = ()) -> Iterator[str]:
    """Paragraphs of `paras` whose first clause, a part's lead-in, begins with the words of
    the first clause of another paragraph of the section (`siblings`, then those of `paras`
    before it) for `_ECHO_PAST` 汉字 or more past the lead-in word."""
    seen = [o for o in map(_first_clause, siblings) if o]
    for p in paras:
        o = _first_clause(p)
        lead = _PART_LEAD.match(o)
        if not lead:
            continue
        echo = max((os.path.commonprefix([o, x]) for x in seen), key=len, default="")
        if len(echo) >= lead.end() + _ECHO_PAST:
            yield f"一节里两段用同样的话开头（“{echo}…”），像又从头讲起：“{short(p, 30)}”"
        seen.append(o)


def echoed_lead(paragraph: str, siblings: Sequence[str]) -> str:
    """The paragraph's first clause as written, with its comma, when it is a part's
    lead-in another paragraph of the section (`siblings`) already opened with
    (`_echoed_openings`): what the drafting repair cuts (白沙 2026 and 临江 2019, fifteenth
    full run: the review's second paragraph opening 回顾过去一年的成效，… after its first's
    回顾过去一年的工作，…). '' when it is not one."""
    if not next(_echoed_openings([paragraph], siblings), None):
        return ""
    m = re.match(r"[^，。；！？：]+，", paragraph.strip())
    return m.group() if m else ""


# What the year is said to be: 2023年是全面贯彻落实党的二十大精神的开局之年 (what comes
# after 是/进入/迎来, up to 之年)
_YEAR_IS = re.compile(r"(?:是|进入|迎来)了?([^。！？；，]{2,30}?)之年")
_YEAR_KEY = 6  # 汉字 of the designation before 之年 that make it the same one
_YEAR_KEY_MIN = 4  # …and fewer say too little to be one (换届之年 of this year and of 2021)


def _year_key(m: re.Match[str]) -> str:
    """A 是…之年 designation's last 汉字, or '' when too few to be one."""
    key = han_only(m.group(1))[-_YEAR_KEY:]
    return key if len(key) >= _YEAR_KEY_MIN else ""


def _year_keys(text: str) -> list[tuple[str, str]]:
    """(the designation's key, the designation) for each 是…之年 in `text`."""
    return [(key, m.group(1) + "之年") for m in _YEAR_IS.finditer(text) if (key := _year_key(m))]


def _year_twice(paras: Sequence[str], before: Sequence[str] = ()) -> Iterator[str]:
    """What the year is, said in a second paragraph (石岭乡 2023, untuned read: 2023年是全面
    贯彻落实党的二十大精神的开局之年 in the situation's first paragraph, 石岭乡已经进入全面贯彻落实
    党的二十大精神的开局之年 in its second; or twice in one). Said as a refrain at the points' heads, without
    是 (决胜收官之年，我们要…, the 2020 city reference), it is not found. `before`: the
    paragraphs already written."""
    context = "\n".join(before)
    for p in paras:
        again = years_said_again(p, context)
        if again:
            said = again[0].group(1) + "之年"
            yield f"今年是什么样的一年，前面已经讲过，又讲了一遍：“{short(said, 30)}”"
            return
        context += "\n" + p


def years_said_again(text: str, context: str) -> list[re.Match[str]]:
    """The 是…之年 designations in `text` said already in `context` or earlier in `text`
    (白沙 2026, sixteenth full run: 2026年是"十五五"规划开局之年 in the situation's first
    paragraph, 今年是"十五五"规划开局之年 opening its second): what the repair cuts."""
    seen = {k for p in paragraphs(context) for k, _ in _year_keys(p)}
    out = []
    for m in _YEAR_IS.finditer(text):
        key = _year_key(m)
        if key and key in seen:
            out.append(m)
        seen.add(key)
    return out


# -- scopes -----------------------------------------------------------------------------------


def _speech_findings(subject: Subject, pat: _Patterns) -> list[str]:
    sents = _sents(prose_paragraphs(subject))
    out = list(_speech_restatements(subject))
    out.extend(_speech_overlaps(subject))
    out.extend(_theme_twice(subject))
    out.extend(_speech_previews(subject))
    out.extend(_duplicates(sents, ()))
    out.extend(_refrains(sents, 0, pat))
    out.extend(_speech_pasted(subject))
    for p in prose_paragraphs(subject):
        out.extend(_clause_twice(p))
    out.extend(_same_openings(prose_paragraphs(subject)))
    for x in subject.parsed.sections:
        if x.role not in ("title", "outline"):
            out.extend(_echoed_openings(paragraphs(x.text)))
    achievements = tuple(getattr(subject.brief, "achievements", ()) or ())
    parts = [
        (x.text, x.role) for x in subject.parsed.sections if x.role not in ("title", "outline")
    ]
    out.extend(_facts_twice([text for text, _ in parts], achievements))
    # …and twice within the review, paragraph after paragraph (兰河 2022: 420座, 10万元 and
    # 18公里 told again in the review's second paragraph)
    review = [p for text, role in parts if role == "review" for p in paragraphs(text)]
    # (the call may take the year up again as its spur: 同志们，2024年是…关键之年，让我们…)
    out.extend(_year_twice([p for text, role in parts if role != "call" for p in paragraphs(text)]))
    told = set(out)
    out.extend(f for f in _facts_twice(review, achievements) if f not in told)
    out.extend(_tasks_done(parts, achievements, pat))
    out.extend(_reports_twice(prose_paragraphs(subject), subject.brief))
    headings = [x.heading for x in subject.parsed.sections if x.heading]
    out.extend(_clauses_across(parts, headings))
    for x in subject.parsed.sections:
        if x.role not in ("title", "outline"):
            out.extend(_said_in_section(paragraphs(x.text), x.heading))
    out.extend(_headline_refrains(subject.parsed.points()))
    before = ""
    for x in subject.parsed.sections:
        out.extend(_said_once_again(x.text, "", before, pat))
        before += x.text
    out.extend(_congratulated_twice(subject.text, pat))
    out.extend(_once_only("\n".join(prose_paragraphs(subject)), "", pat))
    return out


def _paragraph_findings(subject: Subject, pat: _Patterns) -> list[str]:
    own = _sents(paragraphs(subject.text))
    context = _context_sents(subject.context) if subject.context else ()
    others = [(f"另一点（{short(h, 12)}）", h) for h in subject.other_headlines if h]
    out = []
    found = _restatement_finding("这一段", _restated(subject.headline, own, others))
    if found:
        out.append(found)
    if subject.section_role in _BEFORE_POINTS:
        preview = _previewed(subject.text, subject.other_headlines, listed_facts(subject.brief))
        if preview:
            out.append(preview)
    twins = list(_twins(own, context))
    out.extend(_twice(s, t) for s, t in twins)
    if subject.context:
        out.extend(_same_openings(paragraphs(subject.text), paragraphs(subject.context)))
    if subject.section_role != "call":
        out.extend(_year_twice(paragraphs(subject.text), paragraphs(subject.context or "")))
    out.extend(_echoed_openings(paragraphs(subject.text), paragraphs(subject.siblings or "")))
    # the opening's own start, which the program wrote (the session sentence) and the
    # candidate continues in the same paragraph; a clause of the paragraph before may be
    # taken up again (a principle named, then developed: the chairs' symposium reference)
    before = goes_on_from(subject.context, subject.headline, subject.section_role)
    out.extend(_clause_twice(subject.text, before))
    # a sentence of an earlier paragraph of the section said again is one repeat, already
    # found among the draft's (the section's written paragraphs are in both)
    told = {s.text for s, _ in twins}
    again = [
        x
        for x in sentences_said_in_section(subject.text, subject.siblings, subject.headline)
        if x not in told
    ]
    if again:
        out.append(f"这一节别的段落已经说过这句话：“{short(again[0], 30)}”")
    refrain = headline_clause_again(subject.text, subject.headline, subject.siblings or "")
    if refrain:
        out.append(f"要点标题里的话，这一点的别的段落已经说过：“{short(refrain[0], 30)}”")
    out.extend(_said_once_again(subject.text, subject.siblings, subject.context, pat))
    out.extend(_once_only(subject.text, subject.context or "", pat))
    window = int(threshold(NAME, "refrain_window", 8))
    tail = list(context[-window:])
    out.extend(_refrains([*tail, *own], len(tail), pat))
    achievements = tuple(getattr(subject.brief, "achievements", ()) or ())
    hit = _pasted(subject.text, listed_facts(subject.brief), own)
    if hit:
        out.append(hit)
    elif subject.section_role == "situation":
        out.extend(_strung(subject.text, subject.brief))
    out.extend(_tasks_done([(subject.text, subject.section_role or "")], achievements, pat))
    retold = retold_outside_review(subject.text, subject.brief, subject.section_role or "")
    if retold:
        out.append(f"成绩在回顾一节里讲，这里又讲了：“{short(retold[0], 30)}”")
    if subject.context:
        if not retold:  # (the same repeat, said once)
            out.extend(_facts_twice([subject.context, subject.text], achievements))
        again = reports_again(subject.text, subject.context, subject.brief)
        if again:
            out.append(_business_again(again[0]))
    return out


@register(NAME, scopes=(SPEECH, PARAGRAPH), weight=2.0, writer=True, label="重复与跑题")
def run(subject: Subject) -> CheckResult:
    pat = _patterns()
    if subject.scope == PARAGRAPH:
        findings = _paragraph_findings(subject, pat)
    else:
        findings = _speech_findings(subject, pat)
    return result_from_findings(
        NAME,
        findings,
        ok_reason="各部分各说各的：没有复述其他要点、重复的句子、口号式的反复和照抄的成绩单",
        header=f"发现 {len(findings)} 处重复或复述：",
    )
