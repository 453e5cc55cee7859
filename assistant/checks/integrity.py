"""integrity: fragments and splices, the things a writer circles at first reading.

A paragraph or a point's body that opens with a bare predicate or connective ("是人大工作
的生命线，…") has lost its subject; one that stops without a sentence end was cut; a
requirement point that is its headline plus a phrase is no point; a re-address inside a
sentence ("…的领导，各位代表、同志们，人民代表大会制度是…") is two texts spliced together;
unpaired 《》“”（） and a headline repeated as body text are the same kind of seam.
Patterns live in evals/style.yaml (`integrity`), thresholds in evals/checks.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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
from assistant.paragraphs import HEADING_START, VOCATIVE_ONLY
from assistant.structure import CLOSING_OCCASIONS
from assistant.text import bigrams, chinese_number, han_count, overlap, paragraphs, sentences, short

NAME = "integrity"
# Roles whose lines are not prose (title lines, a printed 提纲) or are the bare 称谓.
_SKIP_ROLES = frozenset({"title", "outline", "salutation"})


@dataclass(frozen=True)
class _Patterns:
    starter: re.Pattern[str]
    readdress: re.Pattern[str]
    before: str
    after: str
    end: re.Pattern[str]
    lead_in: re.Pattern[str]
    pairs: tuple[tuple[str, str], ...]
    restart: re.Pattern[str]
    restart_late: re.Pattern[str]
    reopen: re.Pattern[str]
    instruction_echo: re.Pattern[str]
    early_call: re.Pattern[str]
    late_thanks: re.Pattern[str]
    early_thanks: re.Pattern[str]
    garbled: re.Pattern[str]


def _build(data: Any) -> _Patterns:
    return _Patterns(
        starter=re.compile("^(?:" + "|".join(data["bare_starters"]) + ")"),
        readdress=re.compile(data["readdress"]),
        before=data["readdress_before"],
        after=data["readdress_after"],
        end=re.compile(data["sentence_end"]),
        lead_in=re.compile(data["lead_in"]),
        pairs=tuple((a, b) for a, b in data["pairs"]),
        restart=re.compile(data["restart"]),
        restart_late=re.compile(data["restart_late"]),
        reopen=re.compile(data["reopen"]),
        instruction_echo=re.compile(data["instruction_echo"]),
        early_call=re.compile(data["early_call"]),
        late_thanks=re.compile(data["late_thanks"]),
        early_thanks=re.compile(data["early_thanks"]),
        # (the garbled wordings drafting mends as it goes are found all the same: mends.py)
        garbled=re.compile(
            "|".join([data["garbled"], *(m["pattern"] for m in data.get("garbled_mended", ()))])
        ),
    )


_CALL_ROLES = frozenset({"call", "closing", ""})


def thanks_section(occasion: str | None) -> bool:
    """Whether a speech of this occasion has a thanks section of its own (the closing
    session's 祝贺与致谢, assistant.outline.TEMPLATES)."""
    return occasion in CLOSING_OCCASIONS


def early_call(text: str, role: str) -> re.Match[str] | None:
    """Where a section before the call already calls (让我们…而努力奋斗！): the speech
    calls once, at its end. Shared with the drafting repair."""
    return None if role in _CALL_ROLES else _patterns().early_call.search(text)


def _out_of_place(parts: Any, thanks_section: bool = False) -> Iterator[str]:
    """(text, role) pairs: each part that calls before the call, or thanks outside the
    thanks (`thanks_section`: the speech has one of its own)."""
    for text, role in parts:
        m = early_call(text, role)
        if m:
            yield f"号召写在了号召之前（“{short(m.group(), 24)}”），讲话只在结尾号召一次"
        m = misplaced_thanks(text, role, thanks_section)
        if m:
            yield f"祝贺、感谢说在了致谢之外（“{short(m.group(), 24)}”），致谢只在祝贺与致谢里说一次"


# Where the speech has moved past its thanks: a 祝贺 or 感谢 here is the thanks said again.
_PAST_THANKS_ROLES = frozenset({"situation", "requirements", "congress_work"})


def misplaced_thanks(text: str, role: str, thanks_section: bool) -> re.Match[str] | None:
    """Thanks said outside the speech's thanks: again after it (白沙 2026, inside point 三:
    在此我代表镇党委向全体代表…表示热烈的祝贺), or, where the speech has a thanks section of
    its own, already in the opening before it (汶溪 2024: 非常感谢在座的各位代表…感谢大家！,
    then 在此，我代表市委…致以衷心感谢！). No reference opening thanks. Shared with the
    drafting repair."""
    if role in _PAST_THANKS_ROLES:
        return _patterns().late_thanks.search(text)
    if role == "opening" and thanks_section:
        return _patterns().early_thanks.search(text)
    return None


def _after_points(roles: list[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """(text, role) pairs, a thanks the parser cut out after the points (and before the
    call: 最后，我代表…向…工作人员表示感谢 closes a speech) counted as theirs."""
    seen = False
    for text, role in roles:
        if role in ("call", "closing"):
            seen = False
        seen = seen or role in ("requirements", "congress_work")
        yield text, ("requirements" if seen and role == "thanks" else role)


def instruction_echo() -> re.Pattern[str]:
    """Words of the drafting prompt (这一段, 范文, 讲话人不是人大代表…): a sentence carrying
    one is the model writing its instructions into the speech. Shared with write.clean."""
    return _patterns().instruction_echo


def _echoed_instructions(p: str) -> Iterator[str]:
    # the program's own marks (【待补：要求之一第2段】) are the placeholders check's business
    p = re.sub(r"【[^】]*】", lambda m: "　" * len(m.group()), p)
    m = instruction_echo().search(p)
    if m:
        yield f"写作要求的字眼（“{m.group()}”）写进了讲话：“{short(p[max(0, m.start() - 10) :], 30)}”"


def _patterns() -> _Patterns:
    return compiled("style.yaml", _build, "integrity")


def _is_heading_line(p: str) -> bool:
    """A point's headline on a line of its own ("二、明确工作努力方向"): no sentence end needed."""
    return bool(HEADING_START.match(p)) and not re.search("[。！？]", p) and han_count(p) <= 60


# -- the individual findings ---------------------------------------------------------------


def bare_start(text: str) -> bool:
    """Whether `text` starts without its subject or mid-clause (是…, 也…, 并且…: style.yaml's
    bare_starters)."""
    return bool(_patterns().starter.match(text))


def _bad_start(text: str, pat: _Patterns, where: str) -> str | None:
    m = pat.starter.match(text)
    if not m:
        return None
    if m.group().endswith("们"):
        return f"{where}以“{m.group()}”起头，不知指谁（上一段换了或删了）：“{short(text, 24)}”"
    return f"{where}缺主语或从半句开始（以“{m.group() or text[0]}”起头）：“{short(text, 24)}”"


def _bad_end(p: str, next_p: str | None, pat: _Patterns) -> str | None:
    if pat.end.search(p) or _is_heading_line(p) or VOCATIVE_ONLY.match(p):
        return None
    if re.search(r"【待[补核][：:][^】]*】$", p):
        return None  # a mark left for the writer: the placeholders check counts it
    if p.endswith("：") and (
        pat.lead_in.search(p) or (next_p is not None and HEADING_START.match(next_p))
    ):
        return None
    what = "以“" + p[-1] + "”收尾" if p[-1] in "，、：；" else "没有句末标点"
    return f"段落没有说完（{what}）：“…{p[-24:]}”"


def _readdresses(p: str, pat: _Patterns) -> Iterator[str]:
    for m in pat.readdress.finditer(p):
        a, b = m.start(), m.end()
        if a > 0 and p[a - 1] in pat.before and b < len(p) and p[b] in pat.after:
            snippet = p[max(0, a - 12) : b + 12]
            yield f"句中插入称呼“{m.group()}”，像两段话拼在一起：“…{snippet}…”"


# Where the speech begins: restart_late's patterns (下面，我讲几点意见…) are its own there. A
# paragraph of no known place is read as one of them.
OPENING_ROLES = frozenset({"", "opening", "meeting_opening", "salutation"})


def restart_in(text: str, late: bool = True, reopen: bool | None = None) -> re.Match[str] | None:
    """Where `text` begins the speech again (大家好; after the opening also 今天是…闭幕,
    谢谢大家参加…): another speech's opening spliced in. `reopen` (default: `late`): the
    session has been announced already, so announcing it again (今天，我们迎来了…闭幕) is a
    restart even inside the opening. Shared with the drafting repair."""
    pat = _patterns()
    reopen = late if reopen is None else reopen
    rxs = (pat.restart, *((pat.restart_late,) if late else ()), *((pat.reopen,) if reopen else ()))
    for rx in rxs:
        m = rx.search(text)
        if m:
            return m
    return None


# The session sentence (…第三次会议…即将闭幕, 今天我们召开…座谈会): said once, at the start.
_MEETING = "(?:会议|大会|座谈会|交流会)"
_ANNOUNCED = re.compile(
    rf"{_MEETING}[^。！？]{{0,40}}(?:闭幕|开幕|召开|举行)|(?:召开|举行)[^。！？]{{0,40}}{_MEETING}"
)


def announced(context: str) -> bool:
    """Whether the speech so far has announced its meeting."""
    return bool(_ANNOUNCED.search(context))


def reopened(text: str) -> re.Match[str] | None:
    """Where `text` announces the meeting again (今天，我们迎来了…闭幕): the drafting repair
    cuts that clause, the program's lead having announced it before the model writes."""
    return _patterns().reopen.search(text)


def _restarts(p: str, late: bool, reopen: bool | None = None) -> Iterator[str]:
    m = restart_in(p, late, reopen)
    if m:
        yield f"讲话中途又从头开讲（“{m.group()}”），像另一篇讲话的开头拼了进来：“{short(p[m.start() :], 24)}”"


def _unpaired(p: str, pat: _Patterns) -> Iterator[str]:
    for left, right in pat.pairs:
        opens, closes = p.count(left), p.count(right)
        if opens != closes or (closes and p.index(right) < p.index(left)):
            yield f"“{left}{right}”不成对：“{short(p, 30)}”"


def _thin_point(label: str, whole: str, body: str, minimum: float) -> str | None:
    n = han_count(body)
    if n >= minimum:
        return None
    return f"{label}只有标题和一句短语（正文仅{n}字），没有展开：“{short(whole, 40)}”"


def _same(a: set[str], b: set[str], cut: float) -> bool:
    """Both sides share `cut` of their bigrams (text.overlap both ways, sets made once)."""
    shared = len(a & b)
    return bool(a and b) and shared >= cut * len(a) and shared >= cut * len(b)


def _echoes(heading: str, body_sentences: list[str], cut: float) -> Iterator[str]:
    grams = bigrams(heading)
    if len(grams) < 7:  # a headline of under 8 字 may recur as a phrase, not an echo
        return
    size = len(heading)
    for s in body_sentences:
        # lengths far apart cannot share `cut` both ways: skip the costly bigrams
        if cut * size <= len(s) <= size / cut and _same(grams, bigrams(s), cut):
            yield f"标题句在正文里重复了一遍：“{short(s, 30)}”"


# A headline's subject before its 要 (新一届镇政府要…, 各级党组织要…), which a body saying
# the headline again may leave off.
_HEAD_SUBJECT = re.compile(r"^[^，。、要]{2,10}要")


def headline_cores(heading: str) -> tuple[str, ...]:
    """The headline without its marker, and without its subject where it names one: the
    body restates 新一届镇政府要依法行政、勤政为民，自觉接受镇人大监督 as 要依法行政、勤政为民，
    自觉接受镇人大监督 (柳塘 2021 at scale 0.5)."""
    core = HEADING_START.sub("", heading.strip()).rstrip("。；")
    m = _HEAD_SUBJECT.match(core)
    rest = core[m.end() :] if m and m.end() < len(core) else ""
    return (core, rest) if len(bigrams(rest)) >= 7 else (core,)


def restates_headline(heading: str, first_sentence: str) -> bool:
    """A paragraph of a point that opens with its headline again, words and all, and goes
    on (白沙 2026 point 二: 要牢牢抓住发展第一要务，做强特色产业，我们必须…, the second
    paragraph of three to open so): the point says its headline once."""
    cut = threshold(NAME, "restate_head", 0.8)
    return any(
        len(bigrams(core)) >= 7 and overlap(core, first_sentence) >= cut
        for core in headline_cores(heading)
    )


def _restated_heads(point: Any) -> Iterator[str]:
    """The point's paragraphs after its first that open with its headline."""
    for p in paragraphs(point.text)[1:]:
        sents = sentences(p)
        if sents and restates_headline(point.heading, sents[0]):
            yield f"{_point_label(point.ordinal)}的标题句又写在段首：“{short(p, 30)}”"


def quoted_headlines(heading: str, body: str) -> list[re.Match[str]]:
    """Where the headline stands in quotation marks inside its own body (要坚决做到“要坚持
    党的全面领导，确保…”): the body talking about its headline instead of developing it.
    Each match spans the quotation and a (的)要求 after it (宁川 2015, thirteenth full-length
    run: 落实“…”要求的具体举措 became 落实这一要求要求的…); group 2 is what follows it when that
    already names it (这一主题, 这项工作)."""
    core = HEADING_START.sub("", heading.strip()).rstrip("。；").lstrip("要")
    if han_count(core) < 8:
        return []
    return [
        m
        for m in re.finditer(r"“([^”]{8,})”(?:的?要求|(?=(这[一项个])))?", body)
        if overlap(m.group(1).lstrip("要"), core) >= 0.8
        and overlap(core, m.group(1).lstrip("要")) >= 0.8
    ]


def _quoted_headline(heading: str, body: str) -> Iterator[str]:
    for m in quoted_headlines(heading, body)[:1]:
        line_start = body.rfind("\n", 0, m.start()) + 1
        at = max(line_start, m.start() - 8)
        yield f"标题句加上引号又写进了正文，正文应直接展开：“{short(body[at:], 30)}”"


# -- scopes ---------------------------------------------------------------------------------


def _point_label(ordinal: int | None) -> str:
    return f"第{chinese_number(ordinal)}点要求" if ordinal and 0 < ordinal < 100 else "这一点要求"


def _placed(subject: Subject) -> Iterator[tuple[int, str]]:
    """Each whole paragraph of the text with the offset it starts at."""
    pos = 0
    for p in paragraphs(subject.text):
        at = subject.text.find(p, pos)
        pos = at + len(p)
        yield at, p


def _within(subject: Subject, roles: frozenset[str]) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in subject.parsed.sections if s.role in roles]


def prose_paragraphs(subject: Subject) -> list[str]:
    """Whole paragraphs (sections may cut one in two) outside title, outline and 称谓."""
    skip = _within(subject, _SKIP_ROLES)
    return [p for at, p in _placed(subject) if not any(a <= at < b for a, b in skip)]


# Sections whose paragraphs develop a thought: a paragraph there is more than one short line.
_DEVELOPED_ROLES = frozenset({"review", "situation", "requirements", "congress_work"})


def short_paragraph(text: str) -> bool:
    """A paragraph under `min_paragraph` 汉字, in one sentence or two (丰源 2025, fourteenth
    full-length run: 抓落实的保障是关键。明确责任、加强督查、严格考核，让每项任务都有人抓、
    有人管。, its plan's angle copied back): too thin to stand alone where a section develops
    its thought. No reference paragraph of those sections is."""
    return han_count(text) < threshold(NAME, "min_paragraph", 40)


def thin_paragraph(text: str, role: str) -> bool:
    """A paragraph that is short prose in a section that develops its
    thought (not a headline, an address or a lead-in): what `_thin_paragraphs` reports, for
    one paragraph of a known section."""
    return role in _DEVELOPED_ROLES and _thin_prose(text, _patterns())


def _thin_prose(text: str, pat: _Patterns) -> bool:
    """Short, and prose: not a headline, an address or a lead-in."""
    return short_paragraph(text) and not (
        HEADING_START.match(text) or VOCATIVE_ONLY.match(text) or pat.lead_in.search(text)
    )


def _thin_paragraphs(subject: Subject, pat: _Patterns) -> Iterator[str]:
    """A short paragraph where the section develops its thought (枫林 2024:
    今年，街道人大工委要抓出看得见的成效，让群众感受到变化。 alone between two paragraphs). A
    headline, an address (各位代表，同志们！) and a lead-in (…我讲四点意见：) are not prose; of
    the reference speeches' paragraphs nothing else is this thin. A fragment, and the body
    right after a bare headline, are reported as such, not again here."""
    spans = _within(subject, _DEVELOPED_ROLES)
    before = ""
    for at, p in _placed(subject):
        prev, before = before, p
        if not any(a <= at < b for a, b in spans) or not _thin_prose(p, pat):
            continue
        bare_headline = bool(HEADING_START.match(prev)) and len(sentences(prev)) <= 1
        if bare_headline or _bad_start(p, pat, "段首"):
            continue
        yield f"这一段太单薄，只有{han_count(p)}字，要展开或并入上下文：“{short(p, 30)}”"


def _speech_findings(subject: Subject, pat: _Patterns) -> list[str]:
    out: list[str] = []
    minimum = threshold(NAME, "min_point_body", 40)
    cut = threshold(NAME, "echo_overlap", 0.85)
    paras = prose_paragraphs(subject)
    before = ""  # the prose so far, for what a paragraph points back to
    for i, p in enumerate(paras):
        nxt = paras[i + 1] if i + 1 < len(paras) else None
        out.extend(f for f in (_bad_start(p, pat, "段首"), _bad_end(p, nxt, pat)) if f)
        out.extend(_readdresses(p, pat))
        out.extend(_restarts(p, late=i > 1, reopen=i > 0))
        out.extend(_unpaired(p, pat))
        out.extend(_echoed_instructions(p))
        out.extend(_stutters(p))
        out.extend(_garbled(p, pat))
        out.extend(_headless_lists(p))
        out.extend(_dangling_documents(p, before))
        before += p
    roles = [(sec.text, sec.role) for sec in subject.parsed.sections]
    out.extend(_out_of_place(_after_points(roles), any(r == "thanks" for _, r in roles)))
    out.extend(_thin_paragraphs(subject, pat))
    for point in subject.parsed.points():
        at = point.text.find(point.heading) if point.heading else -1
        rest = point.text[at + len(point.heading) :] if at >= 0 else ""
        body = rest.strip()
        label = _point_label(point.ordinal)
        # a body opening a new line is a paragraph, already checked above
        mid_paragraph = body and "\n" not in rest[: len(rest) - len(rest.lstrip())]
        found = [
            _thin_point(label, point.text, body, minimum),
            _bad_start(body, pat, label + "正文") if mid_paragraph else None,
        ]
        out.extend(f for f in found if f)
        out.extend(_echoes(point.heading, sentences(body), cut))
        out.extend(_quoted_headline(point.heading, body))
        if point.heading:
            out.extend(_restated_heads(point))
    return list(dict.fromkeys(out))


# A word of two to four 汉字 written twice running (抓落实的作风是确保这一要求要求得以有效实现的
# 关键, 柳塘 2021 at scale 0.5): a slip of the pen, not speech; the verbs a speaker doubles
# on purpose (研究研究) excepted. No reference speech has one.
_STUTTER = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
_DOUBLED_ON_PURPOSE = {"研究", "商量", "讨论", "考虑", "学习", "锻炼", "琢磨"}
# A noun then the same word as a verb (人大代表代表人民的利益, 这一要求要求我们…) is
# grammar; the slip is the word twice before 得以, 的 or a stop.
_NOUN_VERB = {"代表", "要求", "领导", "规定", "决定", "计划", "建议", "安排", "部署", "指示"}
_SLIP_AFTER = re.compile(r"得以|得到|的|[，。；！？]")


def _stutters(p: str) -> Iterator[str]:
    for m in _STUTTER.finditer(p):
        word = m.group(1)
        if word in _NOUN_VERB and not _SLIP_AFTER.match(p, m.end()):
            continue
        # 一件一件, 一项一项: one by one
        if word not in _DOUBLED_ON_PURPOSE and word[0] not in "一两":
            at = max(0, m.start() - 10)
            yield f"同一个词连写了两遍（“{m.group()}”），是笔误：“{p[at : m.end() + 10]}”"
            return


# A list's later items at a clause's start (二，…；三，…) and its first nowhere before them in
# the paragraph (沅桥市 2014, untuned read: 需要从三个方面下功夫。二，推进新型城镇化建设…；三，…).
_LATER_ITEM = re.compile(r"(?:^|(?<=[。！？；：]))([二三四五六七八九])，")
# (一是…；二，… mixes its markers, but its first item is there)
_FIRST_ITEM = re.compile(r"(?:^|(?<=[。！？；：]))(?:一[，是要、]|第一|首先|其一)")


def _headless_lists(p: str) -> Iterator[str]:
    m = _LATER_ITEM.search(p)
    if m and not _FIRST_ITEM.search(p, 0, m.start()):
        at = max(0, m.start() - 12)
        yield f"列举从“{m.group(1)}，”开始，缺了第一项：“{p[at : m.end() + 12]}”"


def garbled_sentences(text: str) -> list[str]:
    """The sentences of a paragraph a garbled wording is in (matched on the paragraph, as
    the check reads it: some wordings look at the sentence before), for drafting's repair."""
    pat = _patterns()
    spans, at = [], 0
    for x in sentences(text):
        start = text.find(x, at)
        if start < 0:
            continue
        spans.append((start, start + len(x), x))
        at = start + len(x)
    hits = {x for m in pat.garbled.finditer(text) for a, b, x in spans if a <= m.start() < b}
    return [x for _, _, x in spans if x in hits]


def _garbled(p: str, pat: _Patterns) -> Iterator[str]:
    m = pat.garbled.search(p)
    if m:
        at = max(0, m.start() - 6)
        yield f"语病（“{m.group()}”），读不成句：“{p[at : m.end() + 8]}”"


# A document pointed at as already named (这个决定, 该文件): no reference speech does so
# without having named it.
_THIS_DOCUMENT = re.compile(r"(?:这个|这一|这项|该)(决定|决议|文件|条例|规划|意见)")


def _dangling_documents(p: str, before: str) -> Iterator[str]:
    """A document pointed at that nothing before names (临江 2019, thirteenth full-length
    run: 一、要坚定政治方向…。这个决定对临江的发展具有重要意义…, no 决定 anywhere before)."""
    for m in _THIS_DOCUMENT.finditer(p):
        if m.group(1) not in before + p[: m.start()]:
            at = max(0, m.start() - 6)
            yield f"“{m.group()}”指的是什么，前文没有说过：“{p[at : m.end() + 12]}”"
            return


def _paragraph_findings(subject: Subject, pat: _Patterns) -> list[str]:
    p = subject.text.strip()
    if not p:
        return ["段落是空的"]
    out = [f for f in (_bad_start(p, pat, "段首"), _bad_end(p, None, pat)) if f]
    out.extend(_readdresses(p, pat))
    late = subject.section_role not in OPENING_ROLES
    out.extend(_restarts(p, late=late, reopen=late or announced(subject.context)))
    out.extend(_unpaired(p, pat))
    out.extend(_echoed_instructions(p))
    out.extend(_stutters(p))
    out.extend(_garbled(p, pat))
    out.extend(_headless_lists(p))
    out.extend(_dangling_documents(p, subject.context + subject.headline))
    out.extend(_out_of_place([(p, subject.section_role or "")], thanks_section(subject.occasion)))
    if subject.headline.strip():
        out.extend(_headline_findings(subject, p))
    return out


def _headline_findings(subject: Subject, p: str) -> Iterator[str]:
    """A candidate paragraph against its point's headline: echoed, or followed by a scrap."""
    headline = subject.headline.strip()
    sents = sentences(p)
    cut = threshold(NAME, "echo_overlap", 0.85)
    already = headline in subject.context[-400:]  # headline written before this paragraph
    opens = bool(sents) and overlap(headline, sents[0]) >= cut  # the headline itself
    # where the headline itself is placed (first sentence, or a sentence opening with its
    # marker, "…之年。第一，要…"), unless it was written before: not an echo
    placed = [
        not already and ((i == 0 and opens) or bool(HEADING_START.match(s)))
        for i, s in enumerate(sents)
    ]
    yield from _echoes(
        headline, [s for s, here in zip(sents, placed, strict=True) if not here], cut
    )
    yield from _quoted_headline(headline, p)
    # (a first sentence about the headline's length is the echo reported above)
    longer = bool(sents) and len(sents[0]) > len(headline) / cut
    if already and longer and restates_headline(headline, sents[0]):
        yield f"这一点要求的标题句又写在段首：“{short(p, 30)}”"
    rest = "".join(sents[1:])
    # The headline alone may be its own paragraph (the body follows); the headline plus a
    # scrap ("…落地见效。一是全过程人民民主。") is the point cut short.
    if opens and not already and rest and subject.section_role == "requirements":
        thin = _thin_point("这一点要求", p, rest, threshold(NAME, "min_point_body", 40))
        if thin:
            yield thin


@register(NAME, scopes=(SPEECH, PARAGRAPH), weight=2.0, writer=True, label="残句与拼接")
def run(subject: Subject) -> CheckResult:
    pat = _patterns()
    if subject.scope == PARAGRAPH:
        findings = _paragraph_findings(subject, pat)
    else:
        findings = _speech_findings(subject, pat)
    return result_from_findings(
        NAME,
        findings,
        ok_reason="句子完整：没有缺主语的段首、半截段落、句中称呼和不成对的标点",
        header=f"发现 {len(findings)} 处残句或拼接：",
    )
