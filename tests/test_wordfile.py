from __future__ import annotations

import datetime as dt

import docx
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from typer.testing import CliRunner

from assistant.brief import parse_brief
from assistant.draftdoc import DraftDoc, SectionRecord


def make_draft(tmp_path):
    brief = parse_brief(
        {
            "occasion": "closing_session",
            "locality": "青山镇",
            "level": "镇",
            "date": dt.date(2026, 1, 16),
            "session": {"congress": 18, "meeting": 6},
            "speaker": {"name": "李明", "role": "镇党委书记", "organ": "镇党委"},
        }
    )
    doc = DraftDoc(dir=tmp_path / "d", brief=brief.to_dict(), outline={}, sections=[])
    for sid, role, text in [
        ("s01-salutation", "salutation", "各位代表、同志们："),
        ("s02-opening", "opening", "青山镇第十八届人民代表大会第六次会议圆满完成了各项议程。"),
        (
            "s03-requirements-1",
            "requirements",
            "一、坚持党的领导，确保方向正确。我们要把党的领导贯穿始终。",
        ),
    ]:
        rec = SectionRecord(id=sid, role=role, title=role)
        rec.add_version(text, source="fixed")
        doc.sections.append(rec)
    doc.status = "complete"
    doc.record_history("初稿")
    doc.save()
    return doc


def east_asian(run):
    return run._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia"))


def test_docx_follows_the_official_layout(tmp_path):
    from assistant.wordfile import export_docx

    path = export_docx(make_draft(tmp_path).dir)
    d = docx.Document(str(path))
    sec = d.sections[0]
    assert abs(sec.page_width - Mm(210)) < Mm(0.1) and abs(sec.page_height - Mm(297)) < Mm(0.1)
    assert abs(sec.top_margin - Mm(37)) < Mm(0.1) and abs(sec.left_margin - Mm(28)) < Mm(0.1)
    assert abs(sec.bottom_margin - Mm(35)) < Mm(0.1) and abs(sec.right_margin - Mm(26)) < Mm(0.1)
    paras = [p for p in d.paragraphs if p.text.strip()]
    title = paras[0]
    # 26 字 at 2号 overflow the 156 mm line: turned after 大会, not inside 闭幕式
    assert title.text == "在青山镇第十八届人民代表大会\n第六次会议闭幕式上的讲话"
    assert all(east_asian(r) == "方正小标宋简体" and r.font.size == Pt(22) for r in title.runs)
    assert paras[1].text == "镇党委书记 李明" and east_asian(paras[1].runs[0]) == "楷体_GB2312"
    assert paras[2].text == "（2026年1月16日）"
    salutation = next(p for p in paras if p.text == "各位代表、同志们：")
    assert salutation.paragraph_format.first_line_indent in (None, 0)
    body = next(p for p in paras if p.text.startswith("青山镇第十八届"))
    assert east_asian(body.runs[0]) == "仿宋_GB2312" and body.runs[0].font.size == Pt(16)
    assert body.paragraph_format.first_line_indent == Pt(32)
    assert body.paragraph_format.line_spacing == Pt(28)
    point = next(p for p in paras if p.text.startswith("一、"))
    assert point.runs[0].text == "一、坚持党的领导，确保方向正确。"
    assert east_asian(point.runs[0]) == "黑体"
    assert east_asian(point.runs[1]) == "仿宋_GB2312"
    footer_xml = sec.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer_xml and sec.footer.paragraphs[0].text.startswith("— ")


def test_export_command_and_bad_suffix(tmp_path):
    from assistant.cli import app

    doc = make_draft(tmp_path)
    runner = CliRunner()
    ok = runner.invoke(app, ["export", str(doc.dir), "--out", str(tmp_path / "讲话.docx")])
    assert ok.exit_code == 0 and (tmp_path / "讲话.docx").stat().st_size > 5000
    bad = runner.invoke(app, ["export", str(doc.dir), "--out", str(tmp_path / "x.pdf")])
    assert bad.exit_code != 0
