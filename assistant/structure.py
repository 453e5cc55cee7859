"""Speech structure: one parser that cuts a speech into ordered, role-labelled sections.

Used by ingest (chunks carry a role), drafting (exemplar shares per role) and eval
(a draft must have the parts DOMAIN.md's anatomy requires, numbered without breaks).

How it reads a speech, in the order a writer would:

1. Paragraphs. Web copies sometimes join paragraphs with single spaces on one line;
   `split_paragraphs` cuts there too (see `paragraph_spans`).
2. Title lines (short, no sentence end) before the 称谓; an outline block
   (提纲 … 正文：) if the file carries one; the first 称谓 line is `salutation`.
3. The requirements body: the top-level enumeration (一是/第一/一、/（一）/一要/1．),
   chosen as the run of paragraph-initial markers not nested inside another such run.
   A speech whose points are unnumbered but parallel (003: four paragraphs opening
   "决胜收官之年，我们要…") gets them as points of the system "排比". The lead-in
   ("下面，我讲四点意见：") opens the block; the block ends at the next paragraph that
   re-addresses the audience (各位代表、同志们…), calls (让我们…) or closes.
4. Everything else is cut into sentence runs and labelled by the cue tables below,
   scored per run; a few cues (致谢, 结束语) cut a paragraph at sentence level.

Conventions (documented because other modules rely on them):
- Every top-level enumerated point is a `requirements` section with `ordinal` = the
  number its marker says (so a break 一是/三是 shows as ordinals 1, 3), `marker` = the
  marker as written, `heading` = the point's first sentence without the marker.
  The lead-in is a `requirements` section with ordinal None.
- Non-point sections have ordinal None and heading "".
- Only the first 称谓 is `salutation`; later re-addresses (各位代表，同志们！) belong to
  the section they introduce.
- `Section.text` is the verbatim slice `text[start:end]`, stripped of surrounding
  whitespace; between consecutive sections there is only whitespace, so no text is lost.
- All regexes run on a copy where half-width ,:;!?() are mapped to full-width; the
  mapping is one char to one char, so offsets are shared with the original.

Text cutting lives in `assistant.paragraphs`, marker systems and break checks in
`assistant.numbering`, 汉字 counts and numerals in `assistant.text`; this module picks the
top level and labels roles, and re-exports the API other modules use (`ROLES`,
`parse_speech`, `find_enumerations`, `check_numbering`, `split_paragraphs`, `han_count`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from assistant.numbering import (
    MARKUP,
    SYSTEMS,
    Enumeration,
    EnumItem,
    NumberingIssue,
    candidates,
    numbering_issues,
    numeral_value,
    sentence_start,
    split_runs,
)
from assistant.paragraphs import (
    HEADING_START,
    VOCATIVE,
    VOCATIVE_ONLY,
    WS,
    paragraph_spans,
    sentence_spans,
    split_paragraphs,
)
from assistant.text import chinese_number, chinese_numeral, han_count, normalise_punct

# Re-exported: other modules import these from here.
__all__ = [
    "CLOSING_ORDER",
    "MEETING_ORDER",
    "ROLES",
    "SYSTEMS",
    "EnumItem",
    "Enumeration",
    "NumberingIssue",
    "ParsedSpeech",
    "Section",
    "check_numbering",
    "chinese_number",
    "chinese_numeral",
    "find_enumerations",
    "han_count",
    "parse_speech",
    "split_paragraphs",
]

# ---------------------------------------------------------------- taxonomy

ROLES: tuple[str, ...] = (
    "title",
    "outline",  # a 提纲 printed before the 正文 (street-symposium)
    "salutation",
    "opening",
    "thanks",
    "review",
    "situation",
    "requirements",
    "congress_work",
    "call",
    "closing",
    "other",
)

ROLE_LABELS: dict[str, str] = {
    "title": "标题",
    "outline": "提纲",
    "salutation": "称谓",
    "opening": "开场（会议完成与评价）",
    "thanks": "致谢/祝贺",
    "review": "回顾",
    "situation": "形势/定位",
    "requirements": "要求",
    "congress_work": "对人大工作的要求",
    "call": "号召",
    "closing": "结束语",
    "other": "其他",
}

# DOMAIN.md "Anatomy": the order of a 闭幕式讲话.
CLOSING_ORDER: tuple[str, ...] = (
    "title",
    "salutation",
    "opening",
    "thanks",
    "review",
    "situation",
    "requirements",
    "congress_work",
    "call",
    "closing",
)
# 座谈会 / 交流会 / 主席团工作会: 同志们：, purpose, "我讲四点意见", points, short call.
MEETING_ORDER: tuple[str, ...] = (
    "title",
    "salutation",
    "opening",
    "requirements",
    "call",
    "closing",
)
# Roles a closing-session draft must have (the rest are optional in the anatomy).
CLOSING_REQUIRED: tuple[str, ...] = ("salutation", "opening", "requirements", "call")

CLOSING_OCCASIONS = frozenset({"closing_session", "closing", "闭幕式", "闭幕会"})

# ---------------------------------------------------------------- data values


@dataclass(frozen=True)
class Section:
    role: str
    ordinal: int | None
    heading: str
    text: str
    marker: str = ""
    start: int = 0  # offsets of `text` in the parsed string
    end: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "role": self.role,
            "ordinal": self.ordinal,
            "heading": self.heading,
            "text": self.text,
        }


@dataclass(frozen=True)
class ParsedSpeech:
    sections: tuple[Section, ...]
    numbering: tuple[NumberingIssue, ...]
    enumerations: tuple[Enumeration, ...] = field(default=(), compare=False)
    announced: int | None = None  # "我讲四点意见" → 4

    def roles(self) -> list[str]:
        """The role sequence with consecutive repeats collapsed."""
        out: list[str] = []
        for section in self.sections:
            if not out or out[-1] != section.role:
                out.append(section.role)
        return out

    def points(self) -> list[Section]:
        """The top-level requirement points, in order."""
        return [s for s in self.sections if s.role == "requirements" and s.ordinal is not None]

    def by_role(self, role: str) -> list[Section]:
        return [s for s in self.sections if s.role == role]

    def text_of(self, role: str) -> str:
        return "\n".join(s.text for s in self.by_role(role))


# ---------------------------------------------------------------- cue tables
# Each entry: (regex, weight). A run of sentences takes the role with the highest total
# (each match counts). Keep these easy to audit: they are what a writer looks for.

# The call's lead-up (展望石桥的未来，…): a call cue, and where the points' body ends.
LEADUP = r"展望[^。！？，]{0,12}(?:未来|明天|前景)"

ROLE_CUES: dict[str, tuple[tuple[str, int], ...]] = {
    "opening": (
        (r"圆满完成|顺利完成|完成了?各项", 3),
        (r"即将(?:胜利)?闭幕|就要胜利闭幕|胜利闭幕", 3),
        # 召开这次座谈会，主要是为了回顾过去一年… is the opening saying what the meeting is
        # for (枫林 2024, fifteenth full run: at 3 its 回顾, 一年来, 成绩 made it the review)
        (r"(?:召开|举行)了?(?:这次|本次|此次)", 5),
        (r"决定召开|组织召开|在这里召开|召开[^。]{0,30}(?:会议|座谈会|交流会|工作会)", 2),
        (r"是一次[^。]{1,40}的(?:大会|会议)", 2),
        (r"会议期间|(?:这次|本次|此次)(?:大会|会议|座谈会|交流会)|大会开得", 1),
        (r"(?:^|[。！])(?:今天|刚才|前面)", 2),
        (r"审议(?:通过|批准)|表决通过|选举产生|完成选举", 1),
    ),
    "review": (
        (r"回首|回顾|回望", 2),
        (r"过去的?一年|一年来|这一年|过去五年|过去的?五年|去年以来", 2),
        (r"取得了?[^。，]{0,12}(?:成绩|成效|进展|胜利|成果)", 2),
        (r"成绩|成效", 1),
        (r"扎实(?:开展|推进|抓好|做好|践行)", 1),
        (r"(?:实现|完成|解决|打赢|打响|跑出|筑牢)了", 1),
    ),
    "situation": (
        (r"(?:^|[。！？])(?:\d{4}|20[xX×]{2}|今|明)年是", 3),
        (r"之年|关键的?一年|重要一年|的一年", 1),
        (r"当前|目前|接下来|下一步|面临|新形势|新征程|新阶段|展望|起跑线|站在新的|今年以来", 1),
    ),
    "congress_work": (
        (r"人民代表大会制度", 2),
        (r"(?:支持|领导|重视|尊重)[^。，]{0,8}人大", 2),
        (r"一府一委两院|一府两院", 3),
        (r"接受[^。，]{0,8}监督", 2),
        (r"各级党委要|各级各部门要|(?:广大|全体)(?:人大)?代表要|人大代表要", 2),
    ),
    "call": (
        (r"让我们", 3),
        # the lead-up to the call (展望石桥的未来，我们充满希望。 alone before 让我们…, 石桥 2016,
        # fifteenth full run: read as the last point's, and failed as a thin paragraph there)
        (r"(?:^|[。！])" + LEADUP, 3),
        (r"团结在[^。]{0,40}周围", 3),
        (r"而(?:努力|不懈|共同)?奋斗|奋力谱写|新的更大的贡献|新篇章|新局面而", 2),
        (r"积力所举|众智所为", 2),
    ),
}

# Cut a paragraph at sentence level: these sentences are their own section.
THANKS_CUE = re.compile(
    r"(?:(?:在此|首先|借此机会|最后)[，]?)?我代表[^。！？]{0,40}?(?:向|对)[^。！？]{0,120}?"
    r"(?:表示|致以)[^。！？]{0,12}?(?:祝贺|感谢|谢意|敬意|欢迎|慰问|问候)"
)
THANKS_CONTINUATION = re.compile(
    r"^(?:向|对)[^。！？]{0,120}(?:表示|致以)[^。！？]{0,12}(?:祝贺|感谢|谢意|敬意|欢迎|慰问|问候)"
)
CLOSING_CUE = re.compile(
    r"^(?:最后[，]?)?(?:谢谢|宣布[^。！]{0,40}闭幕|现在[，]?我宣布|预祝|(?:再次)?祝(?:愿)?[^。！]{0,40}"
    r"(?:身体健康|工作顺利|万事如意|新年快乐|新年更好|阖家幸福))"
)
# "下面，我讲四点意见：" / "借此机会，我再提四点希望和要求" / "下面我再强调三点"
LEAD_IN_CUE = re.compile(
    r"我[^。！？]{0,8}?(?:讲|提|谈|强调|说)[^。！？]{0,12}?"
    r"(?P<n>[一二三四五六七八九十两几]+|\d+)(?:点|个方面|条)"
)
# Lines that are not speech: a bracketed attribution "(某某镇党办)", editor/source lines.
OTHER_CUE = re.compile(
    r"^(?:[（【\[][^。！？]{1,40}[）】\]]|(?:责任编辑|编辑|来源|免责声明|作者)：.*)$"
)
OUTLINE_START = re.compile(r"^提纲[：]?$")
OUTLINE_END = re.compile(r"^正文[：]?$")

_COMPILED_CUES = {
    role: tuple((re.compile(p), w) for p, w in cues) for role, cues in ROLE_CUES.items()
}

# ---------------------------------------------------------------- the analysis


@dataclass
class _Layout:
    ntext: str
    paras: list[tuple[int, int]]
    title_end: int = 0  # paragraphs [0, title_end) are title lines
    outline: tuple[int, int] | None = None  # paragraph index range
    salutation: tuple[int, int] | None = None  # char span
    points: list[EnumItem] = field(default_factory=list)
    top_system: str = ""
    block_start: int | None = None  # char offset (lead-in or first point)
    block_end: int | None = None
    lead_in: tuple[int, int] | None = None
    point_starts: list[int] = field(default_factory=list)  # section starts of the points
    announced: int | None = None
    enumerations: list[Enumeration] = field(default_factory=list)


def _para_index(paras: Sequence[tuple[int, int]], pos: int) -> int:
    for i, (a, b) in enumerate(paras):
        if a <= pos < b or (i + 1 < len(paras) and pos < paras[i + 1][0]):
            return i
    return len(paras) - 1


# …a paragraph of its own before 让我们… (展望石桥的未来，我们充满希望。)
_LEADUP = re.compile("^" + LEADUP)


def _ends_body(ntext: str, a: int, b: int) -> bool:
    """Does this paragraph leave the requirements body (re-address, the call or its
    lead-up, 结束语)?"""
    p = ntext[a:b]
    return bool(
        VOCATIVE.match(p) or p.startswith("让我们") or _LEADUP.match(p) or CLOSING_CUE.match(p)
    )


def _block_end_after(layout: _Layout, pos: int) -> int:
    ntext, paras = layout.ntext, layout.paras
    k = _para_index(paras, pos)
    for a, b in paras[k + 1 :]:
        if _ends_body(ntext, a, b):
            return a
    return len(ntext)


def _analyse(text: str) -> _Layout:
    ntext = normalise_punct(text)
    paras = paragraph_spans(text)
    lay = _Layout(ntext=ntext, paras=paras)
    _head(lay)
    exclude: list[tuple[int, int]] = []
    if lay.title_end:
        exclude.append((paras[0][0], paras[lay.title_end - 1][1]))
    if lay.outline:
        exclude.append((paras[lay.outline[0]][0], paras[lay.outline[1] - 1][1]))
    cands = candidates(text, ntext, paras, exclude)
    free = _free_runs(lay, cands)
    if free:
        top, top_end = max(free, key=lambda x: (sum(it.line_start for it in x[0]), x[0][0].start))
        lay.points = top
        lay.top_system = top[0].system
        lay.block_end = top_end
    elif not _inline_points(lay, cands):
        _parallel_points(lay)

    if lay.points:
        # A point's section starts at its paragraph when only Markdown precedes the marker.
        for it in lay.points:
            pa = paras[_para_index(paras, it.start)][0]
            ok = pa < it.start and ntext[pa : it.start].strip(MARKUP) == ""
            lay.point_starts.append(pa if ok else it.start)
        _find_lead_in(lay)
        lay.block_start = lay.lead_in[0] if lay.lead_in else lay.point_starts[0]
    lay.enumerations = _levels(lay, cands)
    return lay


def _head(lay: _Layout) -> None:
    """The title lines (short, no sentence end, before the 称谓 or the first sentence), an
    outline after them, and the salutation."""
    ntext, paras = lay.ntext, lay.paras
    i = 0
    while i < len(paras):
        a, b = paras[i]
        p = ntext[a:b]
        if VOCATIVE.match(p) or OUTLINE_START.match(p):
            break
        if b - a > 60 or any(c in p for c in "。！？") or p[-1] in "：":
            break
        if HEADING_START.match(p.lstrip(MARKUP)):
            break
        i += 1
    lay.title_end = i
    if i < len(paras) and OUTLINE_START.match(ntext[paras[i][0] : paras[i][1]]):
        for j in range(i + 1, len(paras)):
            if OUTLINE_END.match(ntext[paras[j][0] : paras[j][1]]):
                lay.outline = (i, j + 1)
                i = j + 1
                break
    if i < len(paras):
        a, b = paras[i]
        m = VOCATIVE.match(ntext[a:b])
        if m:
            end = a + m.end()
            while end < b and ntext[end] in "：！，。 ":
                end += 1
            lay.salutation = (a, end)


def _free_runs(lay: _Layout, cands: Sequence[EnumItem]) -> list[tuple[list[EnumItem], int]]:
    """Top-level runs of markers, each with where its block ends: at least two at a
    paragraph's start (the others opening a sentence), inside no other such run."""
    ntext, paras = lay.ntext, lay.paras
    by_system: dict[str, list[EnumItem]] = {}
    for it in cands:
        by_system.setdefault(it.system, []).append(it)
    qualifying: list[list[EnumItem]] = []
    for items in by_system.values():
        for run in split_runs(items):
            kept = [
                it
                for it in run
                if it.line_start
                or sentence_start(ntext, it.start, paras[_para_index(paras, it.start)][0])
            ]
            if sum(it.line_start for it in kept) >= 2:
                qualifying.append(kept)

    def contains(outer: list[EnumItem], inner: list[EnumItem], outer_end: int) -> bool:
        if outer is inner or outer[0].start >= inner[0].start or inner[-1].start >= outer_end:
            return False
        return not any(inner[0].start < it.start <= inner[-1].start for it in outer)

    ends = [_block_end_after(lay, run[-1].start) for run in qualifying]
    return [
        (run, end)
        for run, end in zip(qualifying, ends, strict=True)
        if not any(contains(o, run, oe) for o, oe in zip(qualifying, ends, strict=True))
    ]


def _inline_points(lay: _Layout, cands: Sequence[EnumItem]) -> bool:
    """Points written inside one paragraph ("下面我讲三点。一是…。二是…。三是…。"): accepted
    only right after a lead-in that announces them, since inline 一是/二是 are usually
    sub-points of something else."""
    ntext, paras = lay.ntext, lay.paras
    by_system: dict[str, list[EnumItem]] = {}
    for it in cands:
        by_system.setdefault(it.system, []).append(it)
    for items in by_system.values():
        for run in split_runs(items):
            kept = [
                it
                for it in run
                if sentence_start(ntext, it.start, paras[_para_index(paras, it.start)][0])
            ]
            if len(kept) < 2 or kept[0].ordinal != 1:
                continue
            k = _para_index(paras, kept[0].start)
            before = [
                sp
                for sp in sentence_spans(ntext, paras[k][0], kept[0].start)
                if ntext[sp[0] : sp[1]].strip()
            ]
            if not before and k > 0:
                before = sentence_spans(ntext, *paras[k - 1])
            if before and LEAD_IN_CUE.search(ntext, *before[-1]):
                lay.points = kept
                lay.top_system = kept[0].system
                lay.block_end = _block_end_after(lay, kept[-1].start)
                return True
    return False


def _parallel_points(lay: _Layout) -> None:
    """Unnumbered points: ≥3 consecutive paragraphs opening with the same short clause."""
    ntext, paras = lay.ntext, lay.paras
    leads: list[str | None] = []
    for a, b in paras:
        m = re.match(r"([^，。！？：、]{2,12})，", ntext[a:b])
        lead = m.group(1) if m and not VOCATIVE.match(ntext[a:b]) else None
        leads.append(lead)
    best: tuple[int, int] | None = None
    i = lay.title_end
    while i < len(paras):
        j = i
        while leads[i] and j + 1 < len(paras) and leads[j + 1] == leads[i]:
            j += 1
        if leads[i] and j - i + 1 >= 3 and (best is None or j - i > best[1] - best[0]):
            best = (i, j)
        i = j + 1
    if best is None:
        return
    lay.points = [
        EnumItem("排比", n + 1, "", paras[k][0], True)
        for n, k in enumerate(range(best[0], best[1] + 1))
    ]
    lay.top_system = "排比"
    lay.block_end = _block_end_after(lay, paras[best[1]][0])


def _find_lead_in(lay: _Layout) -> None:
    ntext, paras = lay.ntext, lay.paras
    first = lay.point_starts[0]
    k = _para_index(paras, first)
    # the sentence(s) just before the first point: same paragraph, or the previous one
    region_start = paras[k][0] if first > paras[k][0] else (paras[k - 1][0] if k > 0 else first)
    if lay.salutation and region_start < lay.salutation[1]:
        region_start = lay.salutation[1]
    for s, e in reversed(sentence_spans(ntext, region_start, first)):
        m = LEAD_IN_CUE.search(ntext, s, e)
        if m:
            start = s
            while start < e and ntext[start] in WS + "\n":
                start += 1
            lay.lead_in = (start, first)
            lay.announced = numeral_value(m.group("n"))
            return
        if ntext[s:e].strip():
            # only the sentence right before the points can be their lead-in
            return


def _levels(lay: _Layout, cands: Sequence[EnumItem]) -> list[Enumeration]:
    """Group every marker into runs and give each run its level."""
    out: list[Enumeration] = []
    top_starts = {p.start for p in lay.points}
    rest = [it for it in cands if it.start not in top_starts]
    if lay.points:
        out.append(Enumeration(lay.top_system, 1, tuple(lay.points)))
        starts = [p.start for p in lay.points]
        end = lay.block_end if lay.block_end is not None else len(lay.ntext)
        bounds = [*starts[1:], end]
        for s, e in zip(starts, bounds, strict=True):
            out.extend(nest_runs(rest, s, e, 2))
        out.extend(nest_runs(rest, 0, starts[0], 2))  # sub-lists in the opening or review
        out.extend(nest_runs(rest, end, len(lay.ntext), 2))
    else:
        out.extend(nest_runs(rest, 0, len(lay.ntext), 2))
    out.sort(key=lambda e: (e.items[0].start, e.level))
    return out


def nest_runs(items: Sequence[EnumItem], a: int, b: int, level: int) -> list[Enumeration]:
    """Runs among the markers in [a, b): the outermost get `level`, those inside their
    items one more. Runs of one system are siblings; a run of another system that lies
    within one item (the last item reaching to b) is nested in it."""
    inside = [it for it in items if a <= it.start < b]
    if not inside:
        return []
    runs: list[list[EnumItem]] = []
    for system in SYSTEMS:
        runs.extend(split_runs([it for it in inside if it.system == system]))

    def contains(outer: list[EnumItem], inner: list[EnumItem]) -> bool:
        if outer[0].system == inner[0].system or outer[0].start >= inner[0].start:
            return False
        return not any(inner[0].start < it.start <= inner[-1].start for it in outer)

    outer_runs = [r for r in runs if not any(contains(o, r) for o in runs)]
    taken = {it.start for r in outer_runs for it in r}
    remaining = [it for it in inside if it.start not in taken]
    out: list[Enumeration] = []
    for run in outer_runs:
        out.append(Enumeration(run[0].system, level, tuple(run)))
        bounds = [it.start for it in run[1:]] + [b]
        for item, e in zip(run, bounds, strict=True):
            out.extend(nest_runs(remaining, item.start + 1, e, level + 1))
    return out


def check_numbering(
    enumerations: Sequence[Enumeration] | str,
    *,
    announced: int | None = None,
    text: str | None = None,
) -> list[NumberingIssue]:
    """Numbering breaks of a speech (pass its text) or of enumerations from
    `find_enumerations` (then `announced` and `text` as in `numbering_issues`)."""
    if isinstance(enumerations, str):
        lay = _analyse(enumerations)
        return numbering_issues(lay.enumerations, announced=lay.announced, text=enumerations)
    return numbering_issues(enumerations, announced=announced, text=text)


def find_enumerations(text: str) -> list[Enumeration]:
    """All numbering runs in a speech, level 1 = the top-level points, 2+ = sub-points."""
    return list(_analyse(text).enumerations)


# ---------------------------------------------------------------- role classification


def _score(ntext: str, a: int, b: int, allowed: Sequence[str]) -> tuple[str | None, int]:
    chunk = ntext[a:b]
    best: tuple[str | None, int] = (None, 0)
    for role in allowed:
        total = sum(w * len(p.findall(chunk)) for p, w in _COMPILED_CUES.get(role, ()))
        if total > best[1]:
            best = (role, total)
    return best


def _is_closing_occasion(occasion: str | None, ntext: str) -> bool:
    if occasion:
        return occasion in CLOSING_OCCASIONS or "closing" in occasion or "闭幕" in occasion
    return "闭幕" in ntext[:800]


@dataclass
class _Unit:
    start: int
    end: int
    role: str
    ordinal: int | None = None
    marker: str = ""
    forced: bool = False  # role fixed by a sentence-level cue or the layout


def _classify_region(
    lay: _Layout, a: int, b: int, allowed: Sequence[str], default: str, sticky: bool = True
) -> list[_Unit]:
    """Units for the free text between a and b (outside title, outline and the points).

    A run with no cue continues the previous role when `sticky` (before the points: an
    uncued paragraph of a review is still review); after the points it gets `default`
    (the call), since 对人大工作的要求 always names 人大 and would show a cue.
    """
    ntext = lay.ntext
    units: list[_Unit] = []
    for pa, pb in lay.paras:
        s, e = max(pa, a), min(pb, b)
        if s >= e:
            continue
        if VOCATIVE_ONLY.match(ntext[s:e]):
            # A bare re-address belongs to what follows.
            units.append(_Unit(s, e, "__forward__"))
            continue
        if s == pa and e == pb and OTHER_CUE.match(ntext[s:e]):
            units.append(_Unit(s, e, "other", forced=True))
            continue
        run_start = s
        sentences = sentence_spans(ntext, s, e)
        for ss, se in sentences:
            sent = ntext[ss:se]
            forced_role: str | None = None
            cut = ss
            m = THANKS_CUE.search(sent)
            if m:
                forced_role, cut = "thanks", ss + m.start()
            elif (
                THANKS_CONTINUATION.match(sent)
                and units
                and units[-1].role == "thanks"
                and run_start == ss
            ):
                forced_role = "thanks"
            elif CLOSING_CUE.match(VOCATIVE.sub("", sent).lstrip("，！、")):
                forced_role = "closing"
            if forced_role is None:
                continue
            if cut > run_start:
                units.append(_Unit(run_start, cut, ""))
            units.append(_Unit(cut, se, forced_role, forced=True))
            run_start = se
        if run_start < e:
            units.append(_Unit(run_start, e, ""))
    # Score the free runs; a run with no cue continues the previous role.
    last: str | None = None
    for u in units:
        if u.forced or u.role == "__forward__":
            if u.forced:
                last = u.role if u.role != "thanks" else last
            continue
        role, score = _score(ntext, u.start, u.end, allowed)
        if role is None:
            role = last if sticky and last in allowed else default
        u.role = role
        last = role
    return units


def parse_speech(text: str, occasion: str | None = None) -> ParsedSpeech:
    """Segment a speech into role-labelled sections and report numbering breaks."""
    lay = _analyse(text)
    ntext, paras = lay.ntext, lay.paras
    units: list[_Unit] = []
    pos = 0
    if lay.title_end:
        end = paras[lay.title_end - 1][1]
        units.append(_Unit(paras[0][0], end, "title", forced=True))
        pos = end
    if lay.outline:
        a, b = paras[lay.outline[0]][0], paras[lay.outline[1] - 1][1]
        if a > pos:
            units.extend(_classify_region(lay, pos, a, ("opening",), "other"))
        units.append(_Unit(a, b, "outline", forced=True))
        pos = b
    if lay.salutation:
        a, b = lay.salutation
        units.append(_Unit(a, b, "salutation", forced=True))
        pos = b

    closing_occasion = _is_closing_occasion(occasion, ntext)
    post_roles = ("congress_work", "call") if closing_occasion else ("call",)
    if lay.points and lay.block_start is not None and lay.block_end is not None:
        pre = ("opening", "review", "situation")
        units.extend(_classify_region(lay, pos, lay.block_start, pre, "opening"))
        if lay.lead_in:
            units.append(_Unit(lay.lead_in[0], lay.lead_in[1], "requirements", forced=True))
        starts = [*lay.point_starts, lay.block_end]
        for n, item in enumerate(lay.points):
            units.append(
                _Unit(
                    starts[n],
                    starts[n + 1],
                    "requirements",
                    item.ordinal,
                    item.marker,
                    forced=True,
                )
            )
        units.extend(
            _classify_region(lay, lay.block_end, len(ntext), post_roles, "call", sticky=False)
        )
    else:
        roles = ("opening", "review", "situation", *post_roles)
        units.extend(_classify_region(lay, pos, len(ntext), roles, "opening"))

    # Bare re-addresses take the role of the unit after them.
    for n in range(len(units) - 1, -1, -1):
        if units[n].role == "__forward__":
            units[n].role = units[n + 1].role if n + 1 < len(units) else "other"
            if n + 1 < len(units) and units[n + 1].ordinal is not None:
                units[n].role = "requirements"

    sections = _merge(text, units)
    issues = numbering_issues(lay.enumerations, announced=lay.announced, text=text)
    return ParsedSpeech(tuple(sections), tuple(issues), tuple(lay.enumerations), lay.announced)


def _heading(text: str, marker: str) -> str:
    at = text.find(marker) if marker else -1
    body = text[at + len(marker) :] if at >= 0 else text
    body = body.lstrip("*_ ")
    first_line = re.split(r"\n|[ \t\u3000\u00a0]{1,}(?=\S)", body, maxsplit=1)[0]
    m = re.search(r"[。！？!?]", first_line)
    return (first_line[: m.end()] if m else first_line).strip().rstrip("*_").strip()


def _merge(text: str, units: Sequence[_Unit]) -> list[Section]:
    merged: list[list] = []  # [role, ordinal, marker, start, end]
    for u in sorted(units, key=lambda u: u.start):
        if u.end <= u.start:
            continue
        if (
            merged
            and merged[-1][0] == u.role
            and u.ordinal is None
            and (merged[-1][1] is None or u.role != "requirements")
        ):
            merged[-1][4] = u.end
            continue
        if merged and merged[-1][0] == u.role == "requirements" and u.ordinal is None:
            merged[-1][4] = u.end
            continue
        merged.append([u.role, u.ordinal, u.marker, u.start, u.end])
    out: list[Section] = []
    for role, ordinal, marker, a, b in merged:
        raw = text[a:b]
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if not body:
            continue
        start = a + lead
        heading = _heading(body, marker) if ordinal is not None else ""
        out.append(Section(role, ordinal, heading, body, marker, start, start + len(body)))
    return out
