"""Bad input: corpus files in every encoding an office produces (or no text at all),
briefs with wrong fields, questions and instructions that are empty, huge or full of
control characters. Each is read correctly or refused with one clear line; the user's
corpus keeps what it had."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.brief import load_brief
from assistant.cli import app
from assistant.errors import InputError

runner = CliRunner()
TEXT = "各位代表、同志们：\n会议圆满完成了各项议程，即将胜利闭幕。\n一是要坚持党的领导。\n"
TRAD = "各位代表、同志：\n會議圓滿完成了各項議程，即將勝利閉幕。\n一是要堅持黨的領導。\n"


def _bytes(kind: str) -> bytes:
    return {
        "utf-8": TEXT.encode("utf-8"),
        "utf-8 BOM": TEXT.encode("utf-8-sig"),
        "GBK": TEXT.encode("gbk"),
        "GB18030": (TEXT + "㐀䶮\n").encode("gb18030"),
        "Big5": TRAD.encode("big5"),
        "UTF-16 LE BOM": TEXT.encode("utf-16"),
        "UTF-16 LE": TEXT.encode("utf-16-le"),
        "UTF-16 BE": TEXT.encode("utf-16-be"),
        "UTF-16 BE BOM": b"\xfe\xff" + TEXT.encode("utf-16-be"),
    }[kind]


READABLE = ["utf-8", "utf-8 BOM", "GBK", "GB18030", "Big5", "UTF-16 LE BOM", "UTF-16 LE",
            "UTF-16 BE", "UTF-16 BE BOM"]  # fmt: skip


def _listing() -> dict:
    result = runner.invoke(app, ["corpus", "list", "--json"])
    assert result.exit_code == 0, result.output
    return {r["id"]: r for r in json.loads(result.stdout)}


def _add(path: Path, *more: str):
    return runner.invoke(
        app, ["corpus", "add", str(path), "--occasion", "closing_session", "--level", "镇", *more]
    )


@pytest.mark.parametrize("kind", READABLE)
def test_every_office_encoding_is_read_correctly(tmp_path, kind):
    f = tmp_path / "town.txt"
    f.write_bytes(_bytes(kind))
    result = _add(f)
    assert result.exit_code == 0, result.output
    from assistant import paths

    stored = (paths.user_corpus_dir() / "town.md").read_text(encoding="utf-8")
    expected = TRAD if kind == "Big5" else TEXT
    for line in expected.strip().splitlines():
        assert line in stored, (kind, line)


def _spoiled(tmp_path: Path, kind: str) -> Path:
    f = tmp_path / "bad.txt"
    if kind == "empty":
        f.write_bytes(b"")
    elif kind == "whitespace only":
        f.write_text(" \n\t\n　\n", encoding="utf-8")
    elif kind == "binary":
        f.write_bytes(bytes(range(256)) * 8)
    elif kind == "PDF renamed":
        f.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    elif kind == "docx renamed":
        f.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(200))
    elif kind == "100 MB":
        with open(f, "wb") as fh:  # sparse: the size check must come before any read
            fh.truncate(100 * 1024 * 1024)
    elif kind == "symlink loop":
        a, b = tmp_path / "a.txt", tmp_path / "b.txt"
        a.symlink_to(b)
        b.symlink_to(a)
        return a
    elif kind == "GBK jumble":
        f.write_bytes(bytes([0x81, 0x30, 0x81, 0x30]) * 50 + bytes([0xA1, 0xA1]) * 3)
    return f


BAD = ["empty", "whitespace only", "binary", "PDF renamed", "docx renamed", "100 MB",
       "symlink loop"]  # fmt: skip


@pytest.mark.parametrize("kind", BAD)
def test_a_file_that_is_no_speech_is_refused_and_the_corpus_keeps_what_it_had(tmp_path, kind):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    assert _add(good).exit_code == 0
    before = _listing()
    result = _add(_spoiled(tmp_path, kind), "--id", "bad")
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError), (kind, result.exception)
    msg = str(result.exception)
    assert "\n" not in msg and any("\u4e00" <= c <= "\u9fff" for c in msg)
    assert _listing() == before


def test_a_chinese_file_name_with_spaces_needs_an_id_then_works(tmp_path):
    f = tmp_path / "青山镇 闭幕式 讲话.txt"
    f.write_text(TEXT, encoding="utf-8")
    first = _add(f)
    assert first.exit_code != 0 and "--id" in str(first.exception)
    assert _add(f, "--id", "qingshan-2024").exit_code == 0
    assert _listing()["qingshan-2024"]["source"] == f.name


# -- briefs -------------------------------------------------------------------------------

BASE = 'occasion = "closing_session"\nlocality = "东湖镇"\nlevel = "镇"\n'


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ('locality = "东湖镇"\n', "occasion"),
        ('occasion = "wedding"\n', "occasion"),
        (BASE + "date = 2024-02-30\n".replace("2024-02-30", '"2024-02-30"'), "date"),
        (BASE + 'date = "去年"\n', "date"),
        (BASE + "length = 0\n", "length"),
        (BASE + "length = 10000000\n", "length"),
        (BASE + 'length = "三千"\n', "length"),
        (BASE + "achievements = [true]\n", "achievements"),
        (BASE + 'achievements = {a = "b"}\n', "achievements"),
        (BASE + 'speaker = "李明"\n', "speaker"),
        (BASE + 'requirements = ["一", "二", "三", "四", "五", "六", "七"]\n', "requirements"),
        (BASE + '[[outline]]\nrole = "banquet"\n', "role"),
        (BASE + 'colour = "red"\n', "colour"),
    ],
)
def test_a_bad_brief_names_its_field(tmp_path, body, field):
    f = tmp_path / "b.toml"
    f.write_text(body, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_brief(f)
    assert field in str(err.value) and "\n" not in str(err.value)
    result = runner.invoke(app, ["brief", "check", str(f)])
    assert result.exit_code != 0 and isinstance(result.exception, InputError)


def test_loose_types_that_mean_one_thing_are_handled(tmp_path):
    f = tmp_path / "b.toml"
    f.write_text(BASE + 'achievements = "一条成绩"\nthemes = [2026]\n', encoding="utf-8")
    brief = load_brief(f)
    assert brief.achievements == ("一条成绩",) and brief.themes == ("2026",)


def test_a_gbk_brief_is_read(tmp_path):
    f = tmp_path / "b.toml"
    f.write_bytes((BASE + 'achievements = ["全镇地区生产总值完成10亿元"]\n').encode("gbk"))
    assert load_brief(f).achievements == ("全镇地区生产总值完成10亿元",)


# -- questions and instructions -----------------------------------------------------------


@pytest.mark.parametrize(
    "question", ["", "   ", "\x00\x01\x02", "？" * 3, "问" * 100_000, "\u200b\u200b"]
)
def test_ask_refuses_an_unusable_question_before_any_model(question, monkeypatch):
    import assistant.drafting

    def boom(progress=None):
        raise AssertionError("the store must not be touched")

    monkeypatch.setattr(assistant.drafting, "ensure_store_ready", boom)
    result = runner.invoke(app, ["ask", question])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError), result.exception
    assert "问题" in str(result.exception)


@pytest.mark.parametrize("instruction", ["", "\x07\x1b\x00", "改" * 100_000])
def test_regen_refuses_an_unusable_instruction(instruction, tmp_path):
    result = runner.invoke(app, ["regen", str(tmp_path), "s02", "--instruction", instruction])
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)
    assert "修改要求" in str(result.exception)


def test_the_100_mb_file_is_refused_without_reading_it(tmp_path):
    f = _spoiled(tmp_path, "100 MB")
    assert os.path.getsize(f) == 100 * 1024 * 1024
    with pytest.raises(InputError, match="过大"):
        from assistant.textio import read_text_file

        read_text_file(f)


def test_control_characters_are_dropped_from_usable_text():
    from assistant.cli.draft_cmds import _user_text

    assert _user_text("代表\x00如何\u200b依法\x1b履职？", "问题", 100) == "代表如何依法履职？"


@pytest.mark.parametrize("kind", BAD)
def test_the_reader_itself_refuses_each_non_text(tmp_path, kind):
    from assistant.textio import read_text_file

    with pytest.raises(InputError) as err:
        read_text_file(_spoiled(tmp_path, kind))
    assert "\n" not in str(err.value)
