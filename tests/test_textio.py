"""Encoding detection: fixed rules, right on short Chinese text, clear refusals."""

from __future__ import annotations

import codecs
import re

import pytest

from assistant import paths
from assistant.errors import InputError
from assistant.textio import decode_bytes, detect_encoding, read_text_file

# Short strings are where charset guessers fail: 2–4 汉字 give a guesser almost nothing.
SHORT = [
    "同志们好",
    "谢谢",
    "谢谢大家！",
    "位",
    "慰问",
    "各位代表、同志们：",
    "你好",
    "一是",
    "（一）",
    "闭幕",
]


@pytest.mark.parametrize("text", SHORT)
@pytest.mark.parametrize(
    "codec", ["gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"]
)
def test_short_chinese_round_trips(tmp_path, text, codec):
    if codec in ("utf-16-le", "utf-16-be"):
        # Without a BOM, UTF-16 is only recognisable by the NUL high bytes of ASCII
        # characters, so these samples carry a line break as every saved file does.
        text = text + "\r\n"
    f = tmp_path / "s.txt"
    f.write_bytes(text.encode(codec))
    assert read_text_file(f) == text.replace("\r\n", "\n")


def test_gbk_bytes_that_are_also_valid_utf8_are_read_as_gbk():
    # "谢谢" in GBK is D0 BB D0 BB, which is also valid UTF-8 for Cyrillic "лл".
    data = "谢谢".encode("gbk")
    assert data.decode("utf-8") == "лл"
    assert decode_bytes(data) == ("谢谢", "gb18030")
    assert detect_encoding("慰".encode("gbk")) == "gb18030"


def test_utf8_two_characters_are_utf8():
    for text in ("你好", "讲话", "代表", "镇长"):
        assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


def test_every_short_window_of_a_real_speech_decodes_correctly():
    body = (paths.bundled_corpus_dir() / "qingxu-closing-2022.md").read_text(encoding="utf-8")
    han = re.sub(r"[^\u4e00-\u9fff，。、！：“”]", "", body.split("---\n", 2)[2])
    wrong = []
    for size in (1, 2, 3, 4):
        for i in range(0, len(han) - size, 7):
            sample = han[i : i + size]
            for codec in ("gbk", "utf-8"):
                if decode_bytes(sample.encode(codec))[0] != sample:
                    wrong.append((sample, codec))
    assert wrong == []


def test_boms_decide(tmp_path):
    for bom_codec, expect in [("utf-8-sig", "utf-8-sig"), ("utf-16", None), ("utf-32", None)]:
        data = "各位代表：".encode(bom_codec)
        text, codec = decode_bytes(data)
        assert text == "各位代表："
        if expect:
            assert codec == expect
    assert decode_bytes(codecs.BOM_UTF16_BE + "代表".encode("utf-16-be"))[1] == "utf-16-be"


def test_line_endings_normalised(tmp_path):
    f = tmp_path / "crlf.txt"
    f.write_bytes("一是\r\n二是\r三是\n".encode("gbk"))
    assert read_text_file(f) == "一是\n二是\n三是\n"


def test_empty_file_refused(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    with pytest.raises(InputError, match="空") as exc:
        read_text_file(f)
    assert "empty.txt" in str(exc.value)


def test_oversized_file_refused(tmp_path):
    f = tmp_path / "big.txt"
    f.write_bytes("同志们".encode() * 100)
    with pytest.raises(InputError, match="过大") as exc:
        read_text_file(f, max_bytes=200)
    assert "big.txt" in str(exc.value)


def test_missing_file_refused(tmp_path):
    with pytest.raises(InputError, match="找不到"):
        read_text_file(tmp_path / "nope.txt")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,  # NULs that no byte order explains
        b"\x89PNG\r\n\x1a\n" + bytes([7, 8, 1, 2, 3, 4, 5, 6] * 40),
        b"PK\x03\x04" + b"\x14\x00\x06\x00" * 50,  # a .docx
        b"%PDF-1.7\n" + b"abc",
    ],
)
def test_binary_refused(tmp_path, data):
    f = tmp_path / "x.txt"
    f.write_bytes(data)
    with pytest.raises(InputError) as exc:
        read_text_file(f)
    message = str(exc.value)
    assert "x.txt" in message
    assert "二进制" in message or "不是纯文本" in message


def test_docx_gets_a_save_as_hint(tmp_path):
    f = tmp_path / "讲话.txt"
    f.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(InputError, match="另存为"):
        read_text_file(f)


def test_undecodable_refused(tmp_path):
    f = tmp_path / "bad.txt"
    # 0x80 and 0xFF are invalid as single bytes in both UTF-8 and GB18030.
    f.write_bytes(b"abc\xff\x80\xffdef")
    with pytest.raises(InputError, match="UTF-8") as exc:
        read_text_file(f)
    assert "bad.txt" in str(exc.value)
