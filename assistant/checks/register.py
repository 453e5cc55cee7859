"""register: a speech is spoken, not a report or a memo.

Report style read aloud sounds like a document: colon-headed items ("一是深化民主协商：…",
"（一）加强学习："), "具体来说", "以下几个方面", Markdown left over from the model, runs of
一是…十是, and a 一是 list restarting inside a 一是 list. A headline left as a mark
(【待补：第二点要求的标题句】) is also flagged when the brief's themes could supply it.
Patterns in evals/style.yaml (`register`), the run limit in evals/checks.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
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
from assistant.text import chinese_number, chinese_numeral, han_count, paragraphs, short

NAME = "register"


@dataclass(frozen=True)
class _Patterns:
    colon_item: re.Pattern[str]
    phrases: tuple[tuple[re.Pattern[str], str], ...]
    lead_ins: tuple[re.Pattern[str], ...]  # the phrases that only lead into a list
    markdown: re.Pattern[str]
    inline_marker: re.Pattern[str]
    bare_list_marker: re.Pattern[str]
    headline_mark: re.Pattern[str]
    foreign_word: re.Pattern[str]
    item_modal: re.Pattern[str]
    item_subject: re.Pattern[str]


def _build(data: Any) -> _Patterns:
    return _Patterns(
        colon_item=re.compile(data["colon_item"], re.M),
        # (re.M: a phrase anchored at a sentence's start matches at a paragraph's start too;
        # without it, 首先要…然后…最后 opening a paragraph of 宁川 2015 passed)
        phrases=tuple((re.compile(p["pattern"], re.M), p["reason"]) for p in data["phrases"]),
        lead_ins=tuple(re.compile(p["pattern"], re.M) for p in data["phrases"] if p.get("lead_in")),
        markdown=re.compile(data["markdown"], re.M),
        inline_marker=re.compile(data["inline_marker"], re.M),
        bare_list_marker=re.compile(data["bare_list_marker"]),
        headline_mark=re.compile(data["headline_mark"]),
        foreign_word=re.compile(data["foreign_word"]),
        item_modal=re.compile(data["item_modal"]),
        item_subject=re.compile(data["item_subject"]),
    )


def _patterns() -> _Patterns:
    return compiled("style.yaml", _build, "register")


def list_lead_in(sentence: str) -> re.Match[str] | None:
    """Where a sentence carries one of the phrases that only lead into a list (需要做好
    几件事, 从下面几方面着手): what the drafting repair cuts when no candidate avoids it."""
    return next((m for rx in _patterns().lead_ins if (m := rx.search(sentence))), None)


def _at(text: str, m: re.Match[str], after: int = 16) -> str:
    line = text[m.start() : m.end() + after].strip().split("\n")[0]
    return short(line, 30)


def _memo_style(text: str, pat: _Patterns) -> Iterator[str]:
    for m in pat.colon_item.finditer(text):
        yield f"冒号式小标题是材料写法，讲话要用完整的标题句：“{_at(text, m)}”"
    for rx, reason in pat.phrases:
        for m in rx.finditer(text):
            yield f"“{m.group()}”：{reason}。原文：“{_at(text, m)}”"
    for m in pat.markdown.finditer(text):
        yield f"残留的排版符号“{m.group().strip()}”，讲话稿是纯文字：“{_at(text, m)}”"


# -- lists ---------------------------------------------------------------------------------------


def _runs(ordinals: Sequence[int]) -> list[list[int]]:
    """Cut a marker sequence where it restarts at 1 (一是…三是 | 一是…二是)."""
    runs: list[list[int]] = []
    for n in ordinals:
        if n == 1 or not runs:
            runs.append([n])
        else:
            runs[-1].append(n)
    return runs


def _ordinals(block: str, pat: _Patterns) -> dict[str, list[int]]:
    """The inline markers of a block by kind: {"是": [1, 2, 3], "要": [1, 2, 1, 2, 3],
    "第": [1, 2, 3]} (第一，第二，第三，)."""
    by_kind: dict[str, list[int]] = {}
    for m in pat.inline_marker.finditer(block):
        n = chinese_numeral(m.group(1) or m.group(3))
        if n:
            kind = m.group(2) or "第"
            # 五需…六应, 五既要…七一定要: the run of 一要 carried on in other words (丰源 2025,
            # eleventh and twelfth runs), counted only as its next item (十一也要 alone is the
            # National Day holiday, not an eleventh demand)
            if kind in ("需", "须", "应") or len(kind) > 1:
                run = by_kind.get("要", [])
                if not run or run[-1] != n - 1:
                    continue
                kind = "要"
            by_kind.setdefault(kind, []).append(n)
    return by_kind


def _marker(kind: str, n: int) -> str:
    return f"第{chinese_number(n)}" if kind == "第" else f"{chinese_number(n)}{kind}"


def _long_runs(block: str, pat: _Patterns) -> int:
    """How many runs of three or more 一要…三要 (or 第一要…第三要, 第一，…第三，) the block
    holds. Runs of 一是 are not counted: a review point lists what was done that way,
    paragraph after paragraph (the 县's 乡镇街道人大工作座谈会 reference). 槐原 2018
    (twentieth run) listed 一要…四要 and then 第一要…第四要 in one point."""
    least = int(threshold(NAME, "run_items", 3))
    by_kind = _ordinals(block, pat)
    return sum(
        1 for kind in ("要", "第") for run in _runs(by_kind.get(kind, [])) if len(run) >= least
    )


def _repeated_runs(block: str, pat: _Patterns, so_far: str = "") -> Iterator[str]:
    """A second 一要…三要 run in one point (白沙 2026, point 二: 一要…六要, then 一要…四要 in
    the next paragraph): one run develops a point, two read as a document's item list. The
    reference speeches have at most one per point (高都 2023). `so_far` is the point's text
    before a candidate paragraph `block`."""
    before = _long_runs(so_far, pat)
    total = _long_runs(f"{so_far}\n{block}", pat)
    if total > before and total >= 2:  # 四要…六要 after 一要…三要 carries one run on
        yield f"同一点里第{chinese_number(total)}次“一要、二要……”连列，这一点读起来像条目清单：“{short(block, 30)}”"


def _list_findings(block: str, pat: _Patterns, limit: int) -> Iterator[str]:
    """Runs of inline markers (一是/一要) in one block: too long, or nested."""
    for kind, ordinals in _ordinals(block, pat).items():
        # 一要… and 第一，…: demands, which the references run to three (高都 2023) inside a
        # paragraph; 一是…: also what was done, which a review runs to six (the 县's 座谈会
        # reference)
        strict = kind in ("要", "第")
        most = min(limit, int(threshold(NAME, "max_yao_run", 4))) if strict else limit
        for run in _runs(ordinals):
            if max(run) > most:
                yield (
                    f"{_marker(kind, 1)}……{_marker(kind, max(run))}连列{max(run)}项，"
                    f"像材料不像讲话，归并成三五点：“{short(block, 30)}”"
                )
        # 一是A：一是a，二是b；二是B — a list restarting before its first item is done.
        # (A repeated 三是 alone is a numbering slip, which the structure check reports.)
        if any(a == b == 1 for a, b in zip(ordinals, ordinals[1:], strict=False)):
            one, two = _marker(kind, 1), _marker(kind, 2)
            yield f"“{one}”里又套了一层“{one}、{two}”，层次混乱：“{short(block, 30)}”"


def _orphan_runs(block: str, pat: _Patterns, before: str = "") -> Iterator[str]:
    """A run that starts past one with no first before it (兰河 2022: 要从四个方面入手。第二方面，
    …第三方面，…最后方面，…): the listener waits for the first that was never said."""
    earlier = _ordinals(before, pat) if before else {}
    for kind, ordinals in _ordinals(block, pat).items():
        # 首先要…其次要…第三要… counts on from the first two (the chairs' symposium reference)
        counted_on = kind == "第" and ordinals[0] == 3 and "其次" in block
        if ordinals[0] > 1 and 1 not in earlier.get(kind, []) and not counted_on:
            yield (
                f"从“{_marker(kind, ordinals[0])}”讲起，前面没有“{_marker(kind, 1)}”，"
                f"层次残缺：“{short(block, 30)}”"
            )


def _orphans(subject: Subject, pat: _Patterns) -> Iterator[str]:
    """Orphan runs per requirement point and per paragraph of the other sections (a list
    may run on from the section's earlier paragraphs); for a candidate, against the draft
    so far (a reference's 三是 may open a paragraph of its own, its 一是 several before)."""
    if subject.scope == PARAGRAPH:
        yield from _orphan_runs(subject.text, pat, subject.context)
        return
    for section in subject.parsed.sections:
        if section.ordinal is not None:  # the point's own marker (第二，要…) is not a run
            yield from _orphan_runs(_point_body(section), pat)
            continue
        paras = paragraphs(section.text)
        for k, para in enumerate(paras):
            yield from _orphan_runs(para, pat, "\n".join(paras[:k]))


def opens_list(paragraph: str) -> bool:
    """Whether the paragraph's first words are a list marker (一要…, 第一，…, 首先…)."""
    return bool(_patterns().bare_list_marker.match(paragraph))


def _bare_list(paragraph: str, pat: _Patterns) -> str | None:
    """A paragraph that is nothing but a list: it opens with a marker and marked clauses
    carry nearly all of it (第一，…。第二，…。……第五，…。)."""
    clauses = [c for c in re.split(r"(?<=[。；！？])", paragraph.strip()) if c.strip()]
    marked = [c for c in clauses if pat.bare_list_marker.match(c)]
    if not clauses or not pat.bare_list_marker.match(clauses[0]):
        return None
    share = sum(han_count(c) for c in marked) / max(1, han_count(paragraph))
    if len(marked) >= threshold(NAME, "bare_list_items", 3) and share >= threshold(
        NAME, "bare_list_share", 0.8
    ):
        return f"整段只是{len(marked)}个条目，没有领起也没有展开，像材料不像讲话：“{short(paragraph, 30)}”"
    return None


_SEMI = re.compile(r"(?<!”)；(?!“)")  # not between quoted items (“…”；“…”)


def _semicolon_list(paragraph: str) -> str | None:
    """One sentence stringing `semicolon_items` tasks or more with ； (双桥乡 2022: the
    situation as 加快推动乡村振兴…；坚持绿色发展…；加强人才队伍建设…；…, six in all): a
    work plan's list read out. No reference sentence has more than five."""
    least = int(threshold(NAME, "semicolon_items", 6))
    for sent in re.split(r"(?<=[。！？])", paragraph):
        items = len(_SEMI.findall(sent)) + 1
        if items >= least:
            return f"一句话用分号串起{items}项任务，像工作要点的条目：“{short(sent, 30)}”"
    return None


# Where a paragraph must say who is to act or that they must (要…): a point's, the congress's.
_ITEM_ROLES = frozenset({"requirements", "congress_work"})


def _bare_items(paragraph: str, pat: _Patterns) -> str | None:
    """A paragraph of `bare_items` work items or more, none with a subject or a modal
    (凤岗区 2020: 明确责任，…；跟踪问效，…；让每项任务都有人抓、有人管，…): a work plan's
    entries read out. Every reference paragraph of a point says 要 or whose work it is."""
    items = [c.strip() for c in re.split(r"[；。！？]", paragraph) if c.strip()]
    if len(items) < int(threshold(NAME, "bare_items", 3)) or pat.item_modal.search(paragraph):
        return None
    if any(pat.item_subject.match(c) for c in items):
        return None
    return f"整段{len(items)}项做法都没有主语，也没有“要”，像工作要点的条目，讲话说“要…”：“{short(paragraph, 30)}”"


def _item_paragraphs(subject: Subject) -> list[str]:
    """The paragraphs of the points and the congress work (a candidate: if it is one)."""
    if subject.scope == PARAGRAPH:
        return [subject.text] if subject.section_role in _ITEM_ROLES else []
    return [p for s in subject.parsed.sections if s.role in _ITEM_ROLES for p in paragraphs(s.text)]


def _point_body(section: Any) -> str:
    """A requirement point's text without its own marker (第二，要…)."""
    at = section.text.find(section.marker) if section.marker else -1
    return section.text[at + len(section.marker) :] if at >= 0 else section.text


def _list_blocks(subject: Subject) -> list[str]:
    """Where a run of 一是… is counted: each requirement point (its own marker removed, so
    sub-points in several paragraphs are one run), each other paragraph, or the candidate."""
    if subject.scope == PARAGRAPH:
        return [subject.text]
    blocks: list[str] = []
    for section in subject.parsed.sections:
        if section.ordinal is not None:
            blocks.append(_point_body(section))
        else:
            blocks.extend(paragraphs(section.text))
    return blocks


def _point_runs(subject: Subject, pat: _Patterns) -> Iterator[str]:
    """Repeated runs per requirement point; for a candidate, against its point so far."""
    if subject.scope == PARAGRAPH:
        headline = subject.headline.strip()
        at = subject.context.rfind(headline) if headline else -1
        if subject.section_role == "requirements" and at >= 0:
            yield from _repeated_runs(subject.text, pat, subject.context[at + len(headline) :])
        return
    for section in subject.parsed.points():
        yield from _repeated_runs(section.text, pat)


def _foreign_words(text: str, subject: Subject, pat: _Patterns) -> Iterator[str]:
    """English words in a Chinese speech, unless the brief itself uses them."""
    brief = subject.brief
    given = " ".join(str(v) for v in vars(brief).values()).lower() if brief is not None else ""
    seen = set()
    for m in pat.foreign_word.finditer(text):
        word = m.group()
        if len(word) >= 3 and word.lower() not in given and word not in seen:
            seen.add(word)
            yield f"夹杂英文“{word}”，讲话稿用中文：“{_at(text, m)}”"


def _headline_marks(text: str, subject: Subject, pat: _Patterns) -> Iterator[str]:
    themes = tuple(getattr(subject.brief, "themes", ()) or ())
    if not themes:
        return  # nothing to propose a headline from: the mark is honest
    for m in pat.headline_mark.finditer(text):
        yield (
            f"标题句留了空（{m.group()}），可以从简报的主题"
            f"“{'”“'.join(themes[:3])}”拟出一句完整的标题句"
        )


@register(NAME, scopes=(SPEECH, PARAGRAPH), weight=1.5, writer=True, label="讲话体")
def run(subject: Subject) -> CheckResult:
    pat = _patterns()
    text = subject.text
    limit = int(threshold(NAME, "max_run", 6))
    findings = list(_memo_style(text, pat))
    for block in _list_blocks(subject):
        findings.extend(_list_findings(block, pat, limit))
    findings.extend(_point_runs(subject, pat))
    findings.extend(_orphans(subject, pat))
    paras = [subject.text] if subject.scope == PARAGRAPH else paragraphs(text)
    findings.extend(f for f in (_bare_list(p, pat) for p in paras) if f)
    findings.extend(f for f in map(_semicolon_list, paras) if f)
    findings.extend(f for f in (_bare_items(p, pat) for p in _item_paragraphs(subject)) if f)
    findings.extend(_headline_marks(text, subject, pat))
    findings.extend(_foreign_words(text, subject, pat))
    return result_from_findings(
        NAME,
        findings,
        ok_reason="是讲话的写法：没有冒号小标题、报告套语、排版符号和冗长列举",
        header=f"发现 {len(findings)} 处材料体写法：",
    )
