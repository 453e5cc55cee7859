"""Numbering of points: the systems in the corpus, runs of markers and breaks in them.

Systems (named by their first marker): 一是/二是, 第一/第二（，、）, 一、二、, （一）（二）,
一要/二要, 1．2．(also "1." and "1、"). A marker counts only where a point can start:
at a paragraph start, or after the punctuation listed for its system (so "统一是",
"第一场战役", "第一要务" are not markers). Which run is the top level of a speech is
decided by `assistant.structure`; here are the pieces it uses and `check_numbering`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# chinese_number and chinese_numeral are re-exported: callers import them from here.
from assistant.text import CLOSERS, chinese_number, chinese_numeral, normalise_punct


@dataclass(frozen=True)
class NumberingIssue:
    system: str
    message: str
    expected: int
    found: int


@dataclass(frozen=True)
class EnumItem:
    """One numbering marker found in the text."""

    system: str  # one of SYSTEMS, or "排比" for unnumbered parallel points
    ordinal: int
    marker: str  # as written, e.g. "一是", "第二，", "（三）", "1．"
    start: int  # offset of the marker
    line_start: bool  # the marker opens a paragraph


@dataclass(frozen=True)
class Enumeration:
    """A run of markers of one system counting up together (一是, 二是, 三是 …)."""

    system: str
    level: int  # 1 = top-level points of the speech, 2 = sub-points, 3 = sub-sub-points
    items: tuple[EnumItem, ...]

    @property
    def ordinals(self) -> tuple[int, ...]:
        return tuple(item.ordinal for item in self.items)


_FULL_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def numeral_value(s: str) -> int | None:
    """A count or ordinal as a speech writes it: 3, ３, 三, 十二, 两; None if it is neither.

    Digits may run past 99 (the "1．" system and "我讲10点" use them); 汉字 numerals are
    `assistant.text.chinese_numeral`'s 1..99.
    """
    s = s.strip()
    if s.isdigit():
        return int(s.translate(_FULL_DIGITS))
    return chinese_numeral(s)


_NUM = "[一二三四五六七八九十]"
# 首先…其次…第三要: a "第三" run that continues 首先/其次 is not missing its 第一.
_ORDINAL_WORDS = re.compile(r"首先|其次")

# ---------------------------------------------------------------- numbering systems

SYSTEMS: tuple[str, ...] = ("一是", "第一", "一、", "（一）", "一要", "1．")

# system -> (regex on normalised text, what may precede the marker besides a paragraph start)
_MARKERS: dict[str, tuple[re.Pattern[str], str]] = {
    "一是": (re.compile(rf"({_NUM}{{1,3}})是"), "。！？；：，"),
    "第一": (re.compile(rf"第({_NUM}{{1,3}})(?:[，、：．]|(?=要|是))"), "。！？；：，"),
    "一、": (re.compile(rf"({_NUM}{{1,3}})、"), "。！？"),
    "（一）": (re.compile(rf"[（]({_NUM}{{1,3}})[）]"), "。！？；："),
    "一要": (re.compile(rf"({_NUM}{{1,3}})要(?!求|素|务)"), "。！？；：，"),
    "1．": (re.compile(r"([0-9０-９]{1,2})[．.、](?![0-9０-９])"), "。！？；："),
}
_QUOTES_AFTER_BOUNDARY = "”’」』）"
# Markdown before a marker ("**一是…**", "## 一、") still counts as a paragraph start.
MARKUP = "#*_>- \t\u3000"


def clause_markers(text: str, system: str) -> list[re.Match[str]]:
    """The markers of `system` (一要, 一是…) that open a clause of `text`: at its start or
    after one of the system's boundary marks, as `candidates` reads them."""
    pattern, boundary = _MARKERS[system]
    return [m for m in pattern.finditer(text) if m.start() == 0 or text[m.start() - 1] in boundary]


def candidates(
    text: str, ntext: str, para_spans: Sequence[tuple[int, int]], exclude: Sequence[tuple[int, int]]
) -> list[EnumItem]:
    starts = {a for a, _ in para_spans}
    out: list[EnumItem] = []
    for system, (pattern, boundary) in _MARKERS.items():
        for a, b in para_spans:
            if any(x <= a < y for x, y in exclude):
                continue
            for m in pattern.finditer(ntext, a, b):
                pos = m.start()
                ordinal = numeral_value(m.group(1))
                if not ordinal:
                    continue
                if system == "1．" and pos > a and ntext[pos - 1].isdigit():
                    continue
                line_start = pos in starts
                # Web copies sometimes keep a stray list digit before the marker ("1（一）").
                if not line_start and pos == a + 1 and ntext[a].isdigit() and system != "1．":
                    line_start = True
                # Drafts in Markdown: "**一是…**", "## 一、…" still open the paragraph.
                if not line_start and pos > a and ntext[a:pos].strip(MARKUP) == "":
                    line_start = True
                if not line_start:
                    prev = ntext[pos - 1] if pos > a else ""
                    if prev in _QUOTES_AFTER_BOUNDARY and pos - 2 >= a:
                        prev = ntext[pos - 2] if ntext[pos - 2] in "。！？" else prev
                    if not prev or prev not in boundary:
                        continue
                out.append(EnumItem(system, ordinal, text[m.start() : m.end()], pos, line_start))
    out.sort(key=lambda it: (it.start, SYSTEMS.index(it.system)))
    # "（一）是要…" is one paren marker, not also a 一是; keep the earliest/longest marker per spot.
    dedup: list[EnumItem] = []
    taken: list[tuple[int, int]] = []
    for it in out:
        span = (it.start, it.start + len(it.marker))
        if any(x < span[1] and span[0] < y for x, y in taken):
            continue
        dedup.append(it)
        taken.append(span)
    return dedup


def split_runs(items: Sequence[EnumItem]) -> list[list[EnumItem]]:
    """Split one system's markers (in text order) into runs: a run restarts at 一 or on a drop."""
    runs: list[list[EnumItem]] = []
    for it in items:
        if runs and not (it.ordinal == 1 or it.ordinal < runs[-1][-1].ordinal):
            runs[-1].append(it)
        else:
            runs.append([it])
    return runs


def sentence_start(ntext: str, pos: int, para_start: int) -> bool:
    if pos == para_start:
        return True
    prev = ntext[pos - 1]
    return prev in "。！？：" or (
        prev in CLOSERS and pos - 2 >= para_start and ntext[pos - 2] in "。！？"
    )


def _cn(n: int) -> str:
    """n in 汉字 for a message; digits outside chinese_number's 1..99 (a "我讲0点" typo)."""
    return chinese_number(n) if 0 < n < 100 else str(n)


def _label(system: str, n: int) -> str:
    cn = _cn(n)
    return {
        "一是": f"{cn}是",
        "第一": f"第{cn}",
        "一、": f"{cn}、",
        "（一）": f"（{cn}）",
        "一要": f"{cn}要",
        "1．": f"{n}．",
    }.get(system, str(n))


def numbering_issues(
    enumerations: Sequence[Enumeration],
    *,
    announced: int | None = None,
    text: str | None = None,
) -> list[NumberingIssue]:
    """Breaks in numbering: skipped, repeated or missing ordinals, and an announced count
    ("我讲四点意见") that the top-level points do not match.

    `text`, if given, lets a lone 第三 that continues 首先/其次 pass.
    """
    ntext = normalise_punct(text) if text is not None else None
    issues: list[NumberingIssue] = []
    for en in enumerations:
        if en.system == "排比":
            continue
        items = en.items
        first = items[0]
        if first.ordinal != 1:
            lone_after_words = (
                len(items) == 1
                and ntext is not None
                and _ORDINAL_WORDS.search(ntext, max(0, first.start - 400), first.start) is not None
            )
            if not lone_after_words:
                issues.append(
                    NumberingIssue(
                        en.system,
                        f"编号从“{first.marker}”开始，缺少“{_label(en.system, 1)}”",
                        1,
                        first.ordinal,
                    )
                )
        for prev, cur in zip(items, items[1:], strict=False):
            want = prev.ordinal + 1
            if cur.ordinal == want:
                continue
            if cur.ordinal == prev.ordinal:
                msg = f"“{_label(en.system, prev.ordinal)}”重复出现，后一个应为“{_label(en.system, want)}”"
            elif cur.ordinal > want:
                msg = f"“{_label(en.system, prev.ordinal)}”之后是“{_label(en.system, cur.ordinal)}”，缺少“{_label(en.system, want)}”"
            else:
                msg = f"“{_label(en.system, prev.ordinal)}”之后是“{_label(en.system, cur.ordinal)}”，编号倒退"
            issues.append(NumberingIssue(en.system, msg, want, cur.ordinal))
    top = [en for en in enumerations if en.level == 1]
    if announced is not None and top:
        found = len(top[0].items)
        if found != announced:
            issues.append(
                NumberingIssue(
                    top[0].system,
                    f"开头说讲{_cn(announced)}点，实际列了{_cn(found)}点",
                    announced,
                    found,
                )
            )
    return issues
