"""`assistant corpus list|show|add` through the real CLI entry point."""

from __future__ import annotations

import json
import sys
import types
from dataclasses import dataclass

from typer.testing import CliRunner

from assistant import paths
from assistant.cli import app
from assistant.errors import InputError

runner = CliRunner()
FIELDS = {
    "id",
    "title",
    "occasion",
    "level",
    "locality",
    "date",
    "year",
    "speaker_role",
    "speaker",
    "source",
    "chars",
}


def test_list_json_has_nine_speeches_with_metadata():
    result = runner.invoke(app, ["corpus", "list", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert len(rows) == 9
    assert all(set(row) == FIELDS for row in rows)
    by_id = {row["id"]: row for row in rows}
    assert by_id["qingxu-closing-2022"]["speaker"] == "王剑峰"
    assert by_id["xcity-closing-2020"]["locality"] is None
    assert all(row["chars"] > 1000 for row in rows)
    assert "\\u" not in result.stdout  # ensure_ascii=False


def test_list_table_is_readable():
    result = runner.invoke(app, ["corpus", "list"])
    assert result.exit_code == 0
    assert "gaodu-closing-2023" in result.stdout and "人代会闭幕式讲话" in result.stdout


def test_show_prints_metadata_and_text():
    result = runner.invoke(app, ["corpus", "show", "gaodu-closing-2023"])
    assert result.exit_code == 0
    assert "讲话人：张建军" in result.stdout
    assert "一是凝心铸魂拼觉悟" in result.stdout


def test_show_json_has_text():
    result = runner.invoke(app, ["corpus", "show", "xcity-closing-2020", "--json"])
    data = json.loads(result.stdout)
    assert data["year"] == 2020 and data["text"].startswith("在市X届人大X次会议闭幕会上的讲话")


def test_show_unknown_id_is_an_input_error():
    result = runner.invoke(app, ["corpus", "show", "nope"])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)
    assert "chujiang-closing" in str(result.exception)


def test_show_sections_uses_the_structure_parser(monkeypatch):
    # Wiring only: a stand-in parser, so this test does not depend on the parser's output.
    @dataclass(frozen=True)
    class Sec:
        role: str
        ordinal: int | None
        heading: str
        text: str

    seen = {}

    def parse_speech(text, occasion=None):
        seen["occasion"] = occasion
        return types.SimpleNamespace(
            sections=(Sec("salutation", None, "", text[:5]), Sec("requirements", 1, "一是", "x"))
        )

    monkeypatch.setitem(
        sys.modules, "assistant.structure", types.SimpleNamespace(parse_speech=parse_speech)
    )
    result = runner.invoke(app, ["corpus", "show", "qingxu-closing-2022", "--sections", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert seen["occasion"] == "closing_session"
    assert data["sections"][1] == {
        "role": "requirements",
        "ordinal": 1,
        "heading": "一是",
        "text": "x",
    }
    plain = runner.invoke(app, ["corpus", "show", "qingxu-closing-2022", "--sections"])
    assert "【requirements #1】 一是" in plain.stdout


def test_show_sections_with_the_real_parser():
    result = runner.invoke(app, ["corpus", "show", "gaodu-closing-2023", "--sections", "--json"])
    assert result.exit_code == 0, result.output
    sections = json.loads(result.stdout)["sections"]
    assert sections and all({"role", "ordinal", "heading", "text"} <= set(s) for s in sections)
    assert "requirements" in [s["role"] for s in sections]


def test_add_gbk_file_with_flags_then_list(tmp_path):
    f = tmp_path / "town.txt"
    f.write_bytes("各位代表、同志们：\n会议圆满完成了各项议程。\n".encode("gbk"))
    result = runner.invoke(
        app,
        [
            "corpus",
            "add",
            str(f),
            "--occasion",
            "closing_session",
            "--level",
            "镇",
            "--year",
            "2024",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "assistant corpus ingest" in result.stdout
    rows = {r["id"]: r for r in json.loads(runner.invoke(app, ["corpus", "list", "--json"]).stdout)}
    assert rows["town"]["level"] == "镇" and rows["town"]["year"] == 2024
    assert rows["town"]["title"] is None and rows["town"]["speaker"] is None  # never invented
    assert rows["town"]["source"] == "town.txt"


def test_add_utf16_and_bom_files_together(tmp_path):
    a = tmp_path / "a.txt"
    a.write_bytes("同志们：\n一是要学习。\n".encode("utf-16"))
    b = tmp_path / "b.md"
    b.write_bytes("---\ntitle: 座谈会讲话\n---\n同志们：\n".encode("utf-8-sig"))
    result = runner.invoke(app, ["corpus", "add", str(a), str(b)])
    assert result.exit_code == 0, result.output
    show = json.loads(runner.invoke(app, ["corpus", "show", "b", "--json"]).stdout)
    assert show["title"] == "座谈会讲话"
    assert (
        json.loads(runner.invoke(app, ["corpus", "show", "a", "--json"]).stdout)["text"]
        == "同志们：\n一是要学习。"
    )


def test_failed_add_changes_nothing(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("同志们：\n", encoding="utf-8")
    runner.invoke(app, ["corpus", "add", str(good)])
    before = (paths.user_corpus_dir() / "good.md").read_bytes()
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    new = tmp_path / "new.txt"
    new.write_text("各位代表：\n", encoding="utf-8")
    result = runner.invoke(app, ["corpus", "add", str(new), str(binary), str(good), "--force"])
    assert result.exit_code != 0
    assert "bin.txt" in str(result.exception)
    assert not (paths.user_corpus_dir() / "new.md").exists()
    assert (paths.user_corpus_dir() / "good.md").read_bytes() == before


def test_add_existing_id_needs_force(tmp_path):
    f = tmp_path / "talk.txt"
    f.write_text("同志们：\n", encoding="utf-8")
    assert runner.invoke(app, ["corpus", "add", str(f)]).exit_code == 0
    again = runner.invoke(app, ["corpus", "add", str(f)])
    assert again.exit_code != 0 and "--force" in str(again.exception)
    assert runner.invoke(app, ["corpus", "add", str(f), "--force"]).exit_code == 0


def test_add_unknown_occasion_lists_allowed(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("同志们：\n", encoding="utf-8")
    result = runner.invoke(app, ["corpus", "add", str(f), "--occasion", "meeting"])
    assert result.exit_code != 0
    assert "presidium_meeting" in str(result.exception) and "closing_session" in str(
        result.exception
    )


def test_add_does_not_prompt_without_a_tty(tmp_path):
    f = tmp_path / "quiet.txt"
    f.write_text("同志们：\n", encoding="utf-8")
    # CliRunner's stdin is not a terminal: missing metadata must be left null, not asked for.
    result = runner.invoke(app, ["corpus", "add", str(f)], input="")
    assert result.exit_code == 0, result.output
    assert "标题" not in result.stdout.split("已添加")[0]
    data = json.loads(runner.invoke(app, ["corpus", "show", "quiet", "--json"]).stdout)
    assert data["title"] is None and data["occasion"] is None
