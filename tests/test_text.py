"""The Chinese text primitives every other module imports."""

from __future__ import annotations

import os

import pytest

from assistant.text import (
    HAN_RUN,
    atomic_write,
    atomic_write_bytes,
    bigrams,
    chinese_number,
    chinese_numeral,
    han_count,
    han_only,
    is_hanzi,
    normalise_punct,
    normalize,
    overlap,
    paragraphs,
    sentence_key,
    sentences,
    short,
    unquote,
)

# -- 汉字 --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cp", "what"),
    [
        (0x4E00, "一, first of the basic block"),
        (0x9FFF, "last of the basic block"),
        (0x3400, "first of Extension A"),
        (0x4DBF, "last of Extension A"),
        (0xF900, "first compatibility ideograph"),
        (0xFA29, "a compatibility ideograph (﨩)"),
        (0xFAFF, "last of the compatibility block"),
        (0x20000, "𠀀, first of Extension B"),
        (0x2A6DF, "last of Extension B"),
        (0x30000, "first of Extension G"),
        (0x3134A, "last assigned of Extension G"),
    ],
)
def test_hanzi_ranges(cp, what):
    assert is_hanzi(chr(cp)), what
    assert han_count(f"x{chr(cp)}，") == 1, what


@pytest.mark.parametrize(
    ("cp", "what"),
    [
        (0x33FF, "just below Extension A (a CJK compatibility square)"),
        (0x4DC0, "just above Extension A (a Yijing hexagram)"),
        (0xF8FF, "just below the compatibility block (private use)"),
        (0xFB00, "just above the compatibility block (ﬀ ligature)"),
        (0x1FFFF, "just below Extension B"),
        (0x3007, "〇 is a symbol, not in the ideograph blocks"),
        (0x2F00, "⼀, a Kangxi radical"),
        (0x3002, "。"),
        (0xFF10, "full-width digit"),
    ],
)
def test_not_hanzi(cp, what):
    assert not is_hanzi(chr(cp)), what
    assert han_count(chr(cp)) == 0, what


def test_han_count_skips_punctuation_digits_and_letters():
    assert han_count("同志们：2024年是X市的“关键之年”！") == 11
    assert han_count("") == 0
    assert han_count("㐀𠀀豈一") == 4


def test_han_run_uses_the_same_ranges():
    text = "为“十四五”开局，ABC 㐀𠀀豈一。"
    assert HAN_RUN.findall(text) == ["为", "十四五", "开局", "㐀𠀀豈一"]
    assert sum(len(r) for r in HAN_RUN.findall(text)) == han_count(text)


def test_han_only_keeps_hanzi_digits_and_letters():
    assert han_only("一、要抓 2 项工作：A 类！") == "一要抓2项工作A类"


def test_bigrams_and_overlap():
    assert bigrams("改革，发展") == {"改革", "革发", "发展"}
    assert bigrams("改") == set()
    assert overlap("改革发展", "深化改革，推动发展") == pytest.approx(2 / 3)
    assert overlap("改革发展", "生态环境") == 0.0
    assert overlap("，。", "改革") == 0.0


# -- width -------------------------------------------------------------------------------


def test_normalize_folds_full_width_letters_and_digits():
    assert normalize("ＧＤＰ增长６．５％") == "GDP增长6.5%"
    assert normalize("第\u3000一") == "第 一"


def test_normalize_writes_sentence_punctuation_in_chinese_form():
    assert normalize("好,很好;对吗?是的!(一):") == "好，很好；对吗？是的！（一）："
    assert normalize("Ｈｉ！") == "Hi！"


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("1,234,567元", "1234567元"),
        ("全年１，２００万元", "全年1200万元"),
        ("1,2,3", "1，2，3"),  # not a thousands separator: a list
        ("12,3456", "12，3456"),  # four digits after the comma
        ("2024,25", "2024，25"),
    ],
)
def test_normalize_drops_only_thousands_separators(raw, want):
    assert normalize(raw) == want


def test_normalize_unifies_line_ends():
    assert normalize("一\r\n二\r三\n") == "一\n二\n三\n"


def test_normalise_punct_keeps_length_and_offsets():
    raw = "第一,要讲政治;(二)抓发展!"
    out = normalise_punct(raw)
    assert out == "第一，要讲政治；（二）抓发展！"
    assert len(out) == len(raw)
    assert normalise_punct("１,０００") == "１，０００"  # no folding, no dropping


def test_unquote_removes_every_kind_of_quotation_mark():
    assert unquote("为“十四五”开好局") == "为十四五开好局"
    assert unquote("「一」『二』‘三’\"四\"'五'") == "一二三四五"
    assert unquote("《报告》（草案）") == "《报告》（草案）"


# -- sentences ---------------------------------------------------------------------------


def test_sentences_keep_closing_quotes_with_their_sentence():
    text = "他说：“要实干。”我们同意。"
    assert sentences(text) == ["他说：“要实干。”", "我们同意。"]


def test_sentences_end_at_semicolons_and_runs_of_marks():
    text = "一是抓学习；二是抓落实；行不行？！行！"
    assert sentences(text) == ["一是抓学习；", "二是抓落实；", "行不行？！", "行！"]


def test_sentences_break_at_line_ends_and_keep_an_unfinished_tail():
    text = "  标题\n第一句。  第二句没有句号"
    assert sentences(text) == ["标题", "第一句。", "第二句没有句号"]
    assert sentences("\n \n") == []


def test_paragraphs_drop_blank_lines():
    assert paragraphs("一段。\n\n  二段。 \n") == ["一段。", "二段。"]


def test_sentence_key_ignores_punctuation_and_quotes():
    assert sentence_key("要“抓落实”！") == sentence_key("要抓落实。") == "要抓落实"
    assert sentence_key("抓落实") != sentence_key("抓落")


def test_short():
    assert short("一二三", 3) == "一二三"
    assert short("一二三四", 3) == "一二三…"


# -- numerals ----------------------------------------------------------------------------


def test_chinese_number_round_trip_1_to_99():
    seen = set()
    for n in range(1, 100):
        written = chinese_number(n)
        assert chinese_numeral(written) == n
        seen.add(written)
    assert len(seen) == 99


@pytest.mark.parametrize(
    ("n", "written"),
    [(1, "一"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"), (35, "三十五"), (99, "九十九")],
)
def test_chinese_number_forms(n, written):
    assert chinese_number(n) == written


@pytest.mark.parametrize("n", [0, 100, -1, 1000])
def test_chinese_number_rejects_out_of_range(n):
    with pytest.raises(ValueError):
        chinese_number(n)


def test_chinese_numeral_reads_liang():
    assert chinese_numeral("两") == 2


@pytest.mark.parametrize(
    "s", ["", "是", "零", "〇", "百", "一百", "十十", "二二", "一十一十", "十二三", "3", "三点"]
)
def test_chinese_numeral_rejects(s):
    assert chinese_numeral(s) is None


# -- files -------------------------------------------------------------------------------


def test_atomic_write_creates_parents_and_leaves_no_temp_file(tmp_path):
    target = tmp_path / "a" / "b" / "draft.md"
    atomic_write(target, "讲话稿\n")
    assert target.read_bytes() == "讲话稿\n".encode()
    assert os.listdir(target.parent) == ["draft.md"]


def test_atomic_write_replaces_and_keeps_newlines(tmp_path):
    target = tmp_path / "draft.md"
    target.write_text("旧稿", encoding="utf-8")
    atomic_write(target, "新稿\r\n第二行\n")
    assert target.read_bytes() == "新稿\r\n第二行\n".encode()
    assert sorted(os.listdir(tmp_path)) == ["draft.md"]


def test_failed_atomic_write_keeps_the_old_file_and_no_temp_file(tmp_path):
    target = tmp_path / "draft.docx"
    atomic_write_bytes(target, b"old")
    with pytest.raises(TypeError):
        atomic_write_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["draft.docx"]


def test_sentence_pieces_give_the_text_back():
    from assistant.text import sentence_pieces

    text = "各位代表要履职。“要带头！”群众满意；工作落实"
    pieces = sentence_pieces(text)
    assert "".join(pieces) == text and pieces[1] == "“要带头！”"


def test_ascii_punctuation_by_han_is_found_and_written_full_width():
    from assistant.text import ascii_punct_by_han, full_width_by_han

    said = "通过几年的努力,我们实现了新跨越;“十四五”,开局!"
    assert len(ascii_punct_by_han(said)) == 4
    assert full_width_by_han(said) == "通过几年的努力，我们实现了新跨越；“十四五”，开局！"
    untouched = "总量达到1,000万元，接入Qwen,GLM等模型。"
    assert ascii_punct_by_han(untouched) == [] and full_width_by_han(untouched) == untouched


def test_a_place_is_called_by_its_stem_and_its_unit_as_the_speech_calls_it():
    from assistant.text import place_stem, place_unit

    assert [place_stem(x) for x in ("丰源县", "枫林街道", "南川市", "云溪乡", "沙镇", "清徐")] == [
        "丰源", "枫林", "南川", "云溪", "沙镇", "清徐",
    ]  # fmt: skip
    assert [place_unit(x) for x in ("丰源县", "枫林街道", "清徐", "南坪村")] == [
        "县",
        "街道",
        "",
        "村",
    ]
