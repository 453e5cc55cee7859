"""The Word file read back: justified body, line rule, page-number run, large-print option,
the long title's line break, and the speaking-time estimate shown by export and show."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from test_wordfile import east_asian, make_draft
from typer.testing import CliRunner

from assistant.errors import ConfigError
from assistant.speaking import estimate, speaking_rate
from assistant.wordfile import export_docx


def _paras(path):
    d = docx.Document(str(path))
    return d, [p for p in d.paragraphs if p.text.strip()]


def test_body_is_justified_and_lines_exact(tmp_path):
    d, paras = _paras(export_docx(make_draft(tmp_path).dir))
    title, body = paras[0], [p for p in paras[3:]]
    assert title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert paras[1].alignment == WD_ALIGN_PARAGRAPH.CENTER  # speaker line
    assert body and all(p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY for p in body)
    for p in paras:
        assert p.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
        assert p.paragraph_format.space_before == Pt(0) and p.paragraph_format.space_after == Pt(0)
    footer = d.sections[0].footer.paragraphs[0]
    assert footer.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert footer.text == "—  —"  # the PAGE field sits between the dashes
    assert all(r.font.size == Pt(14) and east_asian(r) == "宋体" for r in footer.runs)


def test_large_print_for_the_copy_read_aloud(tmp_path):
    _d, paras = _paras(export_docx(make_draft(tmp_path).dir, large_print=True))
    title = paras[0]
    assert title.runs[0].font.size == Pt(24) and east_asian(title.runs[0]) == "方正小标宋简体"
    body = next(p for p in paras if p.text.startswith("青山镇第十八届"))
    assert body.runs[0].font.size == Pt(18) and east_asian(body.runs[0]) == "仿宋_GB2312"
    assert body.paragraph_format.line_spacing == Pt(30)
    assert body.paragraph_format.first_line_indent == Pt(36)  # still two characters
    point = next(p for p in paras if p.text.startswith("一、"))
    assert point.runs[0].font.size == Pt(18) and east_asian(point.runs[0]) == "黑体"


def _title_lines(path):
    title = docx.Document(str(path)).paragraphs[0]
    assert len(title._p.findall(".//" + qn("w:br"))) == title.text.count("\n")
    return title.text.split("\n"), title.runs[0].font.size.pt


@pytest.mark.parametrize("large_print", [False, True])
def test_long_title_turns_where_a_phrase_ends(tmp_path, large_print):
    doc = make_draft(tmp_path)
    width = (210 - 28 - 26) / 25.4 * 72  # pt of the text block
    lines, size = _title_lines(export_docx(doc.dir, large_print=large_print))
    assert lines == ["在青山镇第十八届人民代表大会", "第六次会议闭幕式上的讲话"]
    assert all(len(line) * size <= width for line in lines)

    doc.brief["title"] = "在槐原镇人大主席团2018年第一次工作会议上的讲话"  # digits half width
    doc.save()
    lines, _ = _title_lines(export_docx(doc.dir, large_print=large_print))
    assert lines == ["在槐原镇人大主席团", "2018年第一次工作会议上的讲话"]

    doc.brief["title"] = "在石桥县乡镇人大主席座谈会上的讲话"  # fits: one line, no break
    doc.save()
    assert _title_lines(export_docx(doc.dir, large_print=large_print))[0] == [doc.brief["title"]]

    # no phrase end leaves both lines short enough: Word wraps it, nothing is forced
    doc.brief["title"] = "在" + "青山镇乡村振兴示范片区建设推进" * 2 + "上的讲话"
    doc.save()
    assert _title_lines(export_docx(doc.dir, large_print=large_print))[0] == [doc.brief["title"]]


def test_speaking_time_rate_from_flag_env_and_config(monkeypatch, tmp_path):
    text = "字" * 2200
    assert estimate(text).minutes == pytest.approx(10.0)
    assert estimate(text, 200).line() == "全文约 2,200 字，按每分钟 200 字约讲 11 分钟"
    monkeypatch.setenv("ASSISTANT_SPEAKING_RATE", "250")
    assert speaking_rate() == 250 and speaking_rate(180) == 180
    monkeypatch.delenv("ASSISTANT_SPEAKING_RATE")
    from assistant import paths

    paths.ensure_dir(paths.config_file().parent)
    paths.config_file().write_text("speaking_rate = 240\n", encoding="utf-8")
    assert speaking_rate() == 240
    with pytest.raises(ConfigError, match="每分钟字数"):
        speaking_rate(5)


def test_export_and_show_report_speaking_time(tmp_path):
    from assistant.cli import app

    doc = make_draft(tmp_path)
    han = estimate(doc.text()).han
    runner = CliRunner()
    out = tmp_path / "念稿.docx"
    result = runner.invoke(
        app, ["export", str(doc.dir), "--large-print", "-o", str(out), "--rate", "200"]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)  # stdout stays the path, for scripts
    assert f"全文约 {han} 字，按每分钟 200 字" in result.stderr
    assert docx.Document(str(out)).paragraphs[0].runs[0].font.size == Pt(24)

    shown = runner.invoke(app, ["show", str(doc.dir)])
    assert "按每分钟 220 字" in shown.stderr
    data = json.loads(runner.invoke(app, ["show", str(doc.dir), "--json", "--rate", "250"]).stdout)
    assert data["speaking"] == {"han": han, "rate": 250, "minutes": round(han / 250, 1)}


def test_a_numbered_list_inside_a_point_is_not_set_as_a_headline(tmp_path):
    """Only the draft's own points' headlines are 黑体: 第一，… inside a point is body text."""
    import shutil

    src = (
        Path(__file__).resolve().parents[1]
        / "examples"
        / "drafts"
        / "new-baisha-closing-2026-sparse"
    )
    draft = tmp_path / "d"
    shutil.copytree(src, draft)
    data = json.loads((draft / "draft.json").read_text(encoding="utf-8"))
    point = next(s for s in data["sections"] if s.get("ordinal"))
    version = point["versions"][point["current"] - 1]
    version["text"] += "\n第一，要强化监督。第二，要办好实事。第三，要改善面貌。"
    (draft / "draft.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    doc = docx.Document(str(export_docx(draft, tmp_path / "o.docx")))
    listed = next(p for p in doc.paragraphs if p.text.startswith("第一，要强化监督"))
    headed = next(p for p in doc.paragraphs if p.text.startswith("一、"))
    assert {east_asian(r) for r in listed.runs} == {"仿宋_GB2312"}
    assert "黑体" in {east_asian(r) for r in headed.runs}
