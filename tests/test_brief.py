from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from assistant.brief import BriefError, chinese_number, load_brief, parse_brief

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "brief-closing.toml"


def test_example_brief_loads_with_all_fact_groups():
    b = load_brief(EXAMPLE)
    assert b.occasion == "closing_session"
    assert b.locality == "青山镇"
    assert b.date == dt.date(2026, 1, 16)
    assert b.session_name == "青山镇第十八届人民代表大会第六次会议"
    # The example's top-level lists must not be swallowed by the [speaker] table.
    assert len(b.achievements) == 6
    assert len(b.requirements) == 4
    assert b.speaker.organ == "镇党委"
    fields = {name for name, _ in b.fact_items()}
    assert {"achievements", "reports", "elections", "situation", "speaker.name"} <= fields
    assert "18.6亿元" in b.facts_text()


@pytest.mark.parametrize(
    ("n", "text"), [(1, "一"), (10, "十"), (17, "十七"), (20, "二十"), (35, "三十五")]
)
def test_chinese_number(n, text):
    assert chinese_number(n) == text


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({}, "occasion"),
        ({"occasion": "wedding"}, "occasion"),
        ({"occasion": "symposium", "level": "村委"}, "level"),
        ({"occasion": "symposium", "date": "2026-13-01"}, "date"),
        ({"occasion": "symposium", "length": 50}, "length"),
        ({"occasion": "symposium", "session": {"congress": "十八"}}, "session.congress"),
        ({"occasion": "symposium", "speaker": {"name": "李明", "reports": ["x"]}}, "speaker"),
        ({"occasion": "symposium", "achievments": ["typo"]}, "achievments"),
        ({"occasion": "symposium", "achievements": [{"a": 1}]}, "achievements"),
    ],
)
def test_validation_errors_name_the_field(data, field):
    with pytest.raises(BriefError) as exc:
        parse_brief(data)
    assert field in str(exc.value)


def test_yaml_brief_and_missing_file(tmp_path):
    p = tmp_path / "b.yaml"
    p.write_text(
        "occasion: symposium\nlocality: 东湖区\nlevel: 区\nlength: 1500\n", encoding="utf-8"
    )
    b = load_brief(p)
    assert (b.occasion, b.locality, b.length) == ("symposium", "东湖区", 1500)
    assert b.session_name is None  # no 届/次 given: nothing is made up
    with pytest.raises(BriefError, match="找不到"):
        load_brief(tmp_path / "nope.toml")


def test_brief_round_trips_through_dict():
    from assistant.brief import brief_from_dict

    b = load_brief(EXAMPLE)
    again = brief_from_dict(b.to_dict())
    assert again.to_dict() == b.to_dict()


def test_an_eval_case_drafts_as_its_inline_brief():
    case = Path(__file__).parent.parent / "evals" / "cases" / "new-yunxi-xiang-closing-2013.toml"
    b = load_brief(case)
    assert (b.locality, b.level, b.length) == ("云溪乡", "乡", 3000)


def test_an_eval_case_naming_its_brief_file_drafts_that_brief():
    case = Path(__file__).parent.parent / "evals" / "cases" / "example-qingshan.toml"
    got, want = load_brief(case), load_brief(EXAMPLE)
    assert (got.locality, got.date, got.length, got.achievements) == (
        want.locality, want.date, want.length, want.achievements,
    )  # fmt: skip
