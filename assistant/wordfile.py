"""Word output following the conventions offices use for speeches (GB/T 9704-2012 style).

A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 2号 方正小标宋简体
centred; speaker/date line 3号 楷体_GB2312; body 3号 仿宋_GB2312 with a two-character
first-line indent and a fixed 28 pt line pitch (22 lines a page); the headline sentence of
each enumerated point in 3号 黑体; page numbers 4号 as "— 1 —". Fonts are named in the
east-Asian attribute even when this machine lacks them, so the office's machine renders them.
A title too long for one line is broken where a phrase ends, not wherever Word's line fills
(GB/T 9704-2012 7.3.1: 回行时要做到词意完整，排列对称).
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from assistant.draftdoc import DraftDoc, default_title
from assistant.text import atomic_write_bytes

SIZE_2 = 22  # 2号, pt
SIZE_3 = 16  # 3号
SIZE_4 = 14  # 4号
LINE_PITCH = 28  # pt, fixed
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "仿宋_GB2312"
KAI_FONT = "楷体_GB2312"
HEI_FONT = "黑体"
TEXT_WIDTH = (210 - 28 - 26) / 25.4 * 72  # the 156 mm text block, in pt
# Where a speech title may turn its line: after the meeting's name or an anniversary.
_TITLE_BREAK = re.compile(r"大会|会议|周年|主席团|暨")


@dataclass(frozen=True)
class Layout:
    """Type sizes and line pitch, in pt."""

    title: int = SIZE_2
    body: int = SIZE_3
    pitch: int = LINE_PITCH


STANDARD = Layout()
# The copy a leader reads from at the lectern: larger type, more air between lines.
LARGE_PRINT = Layout(title=24, body=18, pitch=30)

_HEADLINE = re.compile(
    r"^((?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+，)[^。！？]*[。！？])"
)


def _ems(text: str) -> float:
    """Width in ems: ASCII letters and digits half, everything else (汉字, “”，) one."""
    return sum(0.5 if ord(c) < 0x80 else 1.0 for c in text)


def title_lines(title: str, size: int) -> list[str]:
    """The title as the lines it is set in: one if it fits the text block at `size` pt,
    otherwise two, cut after a phrase (会议, 大会, 周年…) with both lines fitting and their
    lengths closest; one (left to Word) when no such cut exists."""
    room = TEXT_WIDTH / size
    if _ems(title) <= room:
        return [title]
    cuts = [m.end() for m in _TITLE_BREAK.finditer(title) if 0 < m.end() < len(title)]
    fits = [k for k in cuts if _ems(title[:k]) <= room and _ems(title[k:]) <= room]
    if not fits:
        return [title]
    k = min(fits, key=lambda k: abs(_ems(title[:k]) - _ems(title[k:])))
    return [title[:k], title[k:]]


def _font(run, name: str, size: int, bold: bool = False) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _paragraph(doc, *, indent: bool = True, align=None, layout: Layout = STANDARD):
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(layout.pitch)
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    if indent:
        fmt.first_line_indent = Pt(layout.body * 2)
    if align is not None:
        p.alignment = align
    return p


def _page_number_footer(section) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def text_run(text: str):
        run = p.add_run(text)
        _font(run, "宋体", SIZE_4)
        return run

    text_run("— ")
    run = p.add_run()
    _font(run, "宋体", SIZE_4)
    for kind, value in (("begin", None), ("instr", " PAGE "), ("end", None)):
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = value
        else:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
    text_run(" —")


def build_docx(doc: DraftDoc, version: int | None = None, *, large_print: bool = False) -> bytes:
    """The draft as a .docx file's bytes; body paragraphs justified (两端对齐)."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm

    layout = LARGE_PRINT if large_print else STANDARD
    word = Document()
    section = word.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    _page_number_footer(section)

    brief = doc.brief
    title = brief.get("title") or default_title(brief)
    p = _paragraph(word, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, layout=layout)
    for i, line in enumerate(title_lines(title, layout.title)):
        run = p.add_run()
        if i:
            run.add_break()  # a line break inside the one centred title paragraph
        run.add_text(line)
        _font(run, TITLE_FONT, layout.title)

    speaker = brief.get("speaker") or {}
    who = " ".join(x for x in (speaker.get("role"), speaker.get("name")) if x)
    if brief.get("date"):
        d = dt.date.fromisoformat(brief["date"])
        who = (
            f"{who}\n（{d.year}年{d.month}月{d.day}日）"
            if who
            else f"（{d.year}年{d.month}月{d.day}日）"
        )
    for line in who.split("\n") if who else []:
        p = _paragraph(word, indent=False, align=WD_ALIGN_PARAGRAPH.CENTER, layout=layout)
        _font(p.add_run(line), KAI_FONT, layout.body)
    _paragraph(word, indent=False, layout=layout)  # one blank line before the body

    heads = tuple(h.rstrip("。！？") for h in (s.heading for s in doc.sections) if h)
    for para in doc.text(version).split("\n"):
        para = para.strip()
        if not para:
            continue
        salutation = para.endswith("：") and len(para) <= 12
        p = _paragraph(word, indent=not salutation, align=WD_ALIGN_PARAGRAPH.JUSTIFY, layout=layout)
        m = _headline(para, heads)
        if m:
            _font(p.add_run(m.group(1)), HEI_FONT, layout.body)
            rest = para[len(m.group(1)) :]
            if rest:
                _font(p.add_run(rest), BODY_FONT, layout.body)
        else:
            _font(p.add_run(para), BODY_FONT, layout.body)

    buf = io.BytesIO()
    word.save(buf)
    return buf.getvalue()


def _headline(para: str, heads: tuple[str, ...]) -> re.Match[str] | None:
    """The point's headline sentence that opens `para`, set in 黑体. Where the draft names
    its points, only theirs: a 第一，…第五，… list inside a point is body text (白沙 2026
    had its first item set as a headline)."""
    m = _HEADLINE.match(para)
    if m and heads and not any(h[:12] in m.group(1) for h in heads):
        return None
    return m


def export_docx(
    draft_dir: str | Path,
    out: str | Path | None = None,
    version: int | None = None,
    *,
    large_print: bool = False,
) -> Path:
    doc = DraftDoc.load(draft_dir)
    target = Path(out) if out else doc.dir / "draft.docx"
    atomic_write_bytes(target, build_docx(doc, version, large_print=large_print))
    return target
