"""Numbering markers: where they count as markers and where they are ordinary words."""

from __future__ import annotations

from assistant.numbering import chinese_number, numbering_issues
from assistant.structure import find_enumerations


def _systems(text: str) -> list[tuple[str, tuple[int, ...]]]:
    return [(e.system, e.ordinals) for e in find_enumerations(text)]


def test_ordinary_words_are_not_markers():
    # 统一是 / 第一场战役 / 第一要务 / 第二个百年 / 一定要 / 1-9月份 / 1.5倍
    text = (
        "思想统一是前提。打响第一场战役，把握第一要务，向第二个百年奋斗目标进军。"
        "我们一定要完成1-9月份的任务，增长1.5倍。"
    )
    assert find_enumerations(text) == []


def test_markers_after_commas_and_semicolons():
    text = "这三条原则，一是坚持方向，二是坚持民主，三是坚持群众路线。"
    assert _systems(text) == [("一是", (1, 2, 3))]


def test_paren_with_shi_is_one_marker():
    text = "（一）是要提高认识。\n（二）是要加强领导。"
    assert _systems(text) == [("（一）", (1, 2))]


def test_half_width_markers():
    text = "第一,要讲政治。\n第二,要抓发展。\n(一)加强学习。\n(二)完善制度。\n1.要建档案。\n2.要评先进。"
    systems = {s for s, _ in _systems(text)}
    assert {"第一", "（一）", "1．"} <= systems


def test_chinese_number_round_trip():
    from assistant.numbering import chinese_numeral

    for n in range(1, 21):
        assert chinese_numeral(chinese_number(n)) == n
    assert chinese_number(20) == "二十"


def test_messages_name_the_markers():
    text = "一是讲政治。\n三是抓发展。\n三是惠民生。"
    issues = numbering_issues(find_enumerations(text), text=text)
    messages = [i.message for i in issues]
    assert any("缺少“二是”" in m for m in messages)
    assert any("“三是”重复出现" in m for m in messages)
