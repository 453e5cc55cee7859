from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from assistant.brief import load_brief, parse_brief
from assistant.outline import (
    assign_themes,
    build_outline,
    load_outline,
    save_outline,
    with_budgets_scaled,
)

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "brief-closing.toml"


def roles(outline):
    out = []
    for s in outline.sections:
        if not out or out[-1] != s.role:
            out.append(s.role)
    return out


def test_closing_speech_outline_follows_the_anatomy():
    o = build_outline(load_brief(EXAMPLE), shares={})
    assert roles(o) == [
        "salutation",
        "opening",
        "thanks",
        "review",
        "situation",
        "requirements",  # 四、依法履职尽责，充分发挥人大代表作用: no separate congress_work
        "call",
        "closing",
    ]
    points = [s for s in o.sections if s.role == "requirements"]
    assert [p.ordinal for p in points] == [1, 2, 3, 4]
    assert points[1].lead.startswith("二、聚焦高质量发展")
    # Fixed elements come from the brief, not the model.
    first = o.sections[0]
    assert first.fixed and first.lead == "各位代表、同志们："
    assert o.sections[1].lead.startswith("青山镇第十八届人民代表大会第六次会议，")
    assert "我代表镇党委" in o.sections[2].lead
    # Budgets add up to roughly the asked length.
    assert 0.85 * 3000 <= o.budget <= 1.1 * 3000


def test_missing_facts_become_visible_placeholders_not_inventions():
    b = parse_brief({"occasion": "closing_session", "locality": "东湖镇", "length": 2000})
    o = build_outline(b, shares={})
    text = " ".join(s.lead for s in o.sections)
    assert "【待补：会议全称" in text
    assert "【待补：代表的党委" in text
    review = [s for s in o.sections if s.role == "review"]
    # A closing speech always reviews the year; without achievements it asks for them.
    assert len(review) == 1 and review[0].key_points == ("【待补：过去一年的主要成绩和数字】",)
    assert [s for s in o.sections if s.role == "situation"] == []  # optional, no material
    heads = [s.heading for s in o.sections if s.role == "requirements"]
    assert len(heads) == 3 and all(h.startswith("【待补：第") for h in heads)


def test_symposium_outline_announces_its_points():
    b = parse_brief(
        {
            "occasion": "symposium",
            "locality": "东湖区",
            "requirements": ["甲要求", "乙要求", "丙要求", "丁要求", "戊要求"],
        }
    )
    o = build_outline(b, shares={})
    assert o.sections[0].lead == "同志们："
    assert o.sections[1].tail == "下面，我讲五点意见。"
    assert o.sections[1].lead == "召开这次座谈会，主要是"
    assert roles(o) == ["salutation", "opening", "requirements", "call"]


def test_a_meeting_is_called_by_the_speakers_organ():
    """Seventeenth run: 石桥, 宁川 and 枫林 never named the speaker's organ (brief_coverage
    failed), and 石桥 had the 县人大主席团 call the symposium. A Party secretary's committee
    need not be the one calling it."""
    b = parse_brief(
        {
            "occasion": "symposium",
            "locality": "石桥县",
            "speaker": {"role": "县人大常委会主任", "organ": "县人大常委会"},
            "requirements": ["甲要求", "乙要求", "丙要求"],
        }
    )
    assert build_outline(b, shares={}).sections[1].lead == "县人大常委会召开这次座谈会，主要是"
    secretary = replace(b, speaker=replace(b.speaker, role="市委书记", organ="市委"))
    assert build_outline(secretary, shares={}).sections[1].lead == "召开这次座谈会，主要是"


def test_extra_headlines_fill_up_to_three_and_outline_round_trips(tmp_path):
    b = parse_brief({"occasion": "symposium", "requirements": ["加强代表联络"]})
    o = build_outline(b, shares={}, extra_headlines=["提升监督实效", "强化自身建设", "多余的一条"])
    heads = [s.heading for s in o.sections if s.role == "requirements"]
    assert heads == ["加强代表联络。", "提升监督实效。", "强化自身建设。"]
    path = tmp_path / "outline.yaml"
    save_outline(o, path)
    assert load_outline(path) == o
    small = with_budgets_scaled(o, 0.1)
    assert all(
        s.budget <= max(30, t.budget) for s, t in zip(small.sections, o.sections, strict=True)
    )
    assert small.budget < o.budget


def test_fixed_texts_do_not_copy_any_corpus_speech():
    # The copy check flags a 50-字 run shared with the corpus; our own fixed formulas
    # must not trip it (the first thanks line did: it matched township-closing-2024).
    from assistant.corpus import load_corpus
    from assistant.scoring import COPY_RUN_OK, copy_stats

    corpus = load_corpus()
    o = build_outline(load_brief(EXAMPLE), shares={})
    for s in o.sections:
        if s.lead:
            assert copy_stats(s.lead, corpus).longest < COPY_RUN_OK, s.id
    roles_with_lead = {s.role for s in o.sections if s.lead}
    assert {"opening", "thanks", "closing"} <= roles_with_lead
    # The congress-work and call paragraphs are the model's: no program lead to splice
    # a model sentence onto (the splice a writer circled in the old drafts).
    assert not {"congress_work", "call"} & roles_with_lead


def test_each_theme_goes_to_one_requirement_point():
    b = parse_brief(
        {
            "occasion": "symposium",
            "requirements": ["甲", "乙", "丙"],
            "themes": ["主题一", "主题二", "主题三", "主题四"],
        }
    )
    points = [s for s in build_outline(b, shares={}).sections if s.role == "requirements"]
    assert [p.key_points for p in points] == [("主题一", "主题四"), ("主题二",), ("主题三",)]


def test_a_theme_goes_to_the_point_that_names_it_and_not_to_the_congress_point():
    """苍岭 2020 (untuned brief): by turn alone, 乡村振兴 went to the point on the people's
    congress system and 巩固脱贫成果 to the point on projects."""
    b = parse_brief(
        {
            "occasion": "closing_session",
            "level": "县",
            "requirements": [
                "要坚决打赢脱贫攻坚战，确保全面小康不落一户",
                "要扭住项目建设，推动县域经济高质量发展",
                "要坚持和完善人民代表大会制度，支持人大和代表依法履职",
            ],
            "themes": ["决胜全面建成小康社会", "巩固脱贫成果", "乡村振兴"],
        }
    )
    points = [s for s in build_outline(b, shares={}).sections if s.role == "requirements"]
    assert [p.key_points for p in points] == [
        ("决胜全面建成小康社会", "巩固脱贫成果"),
        ("乡村振兴",),
        (),
    ]
    # a theme its headline names does go to the congress point
    b2 = parse_brief({**b.to_dict(), "themes": ["全过程人民民主", "乡村振兴"]})
    points = [s for s in build_outline(b2, shares={}).sections if s.role == "requirements"]
    assert [p.key_points for p in points] == [(), ("乡村振兴",), ("全过程人民民主",)]
    # one shared word (人民) does not make a general theme the congress point's
    heads = ["要守护绿水青山", "要扭住项目建设不放", "要支持人大代表依法履职，密切同人民群众联系"]
    assert assign_themes(["坚持以人民为中心"], heads, b) == {1: ["坚持以人民为中心"]}


def test_themes_no_headline_names_spread_over_the_points():
    b = parse_brief({"occasion": "symposium"})
    heads = ["要扭住项目不放", "要抓好乡村振兴", "要守护绿水青山"]
    # 生态保护 names none: the point in its turn already has a theme, so the first that has none
    assert assign_themes(["乡村振兴", "生态保护"], heads, b) == {2: ["乡村振兴"], 1: ["生态保护"]}
    assert assign_themes(["乡村振兴"], [], b) == {}


def test_two_points_are_announced_as_two_not_as_an_ordinal():
    """石桥 2016's two points were announced 下面，我讲二点意见 (a count says 两)."""
    from assistant.evalrun import load_cases

    case = {c.name: c for c in load_cases()}["new-shiqiao-chairs-symposium-2016"]
    o = build_outline(case.brief, shares={})
    points = [s for s in o.sections if s.role == "requirements"]
    assert len(points) == 2
    assert o.sections[1].tail == "下面，我讲两点意见。"


def test_a_standing_headline_the_points_already_make_is_not_added():
    """Review of the fifteenth session: given 要坚持和完善人民代表大会制度，支持人大依法履职
    alone, the genre's standing 坚持和完善人民代表大会制度，充分发挥人大职能作用 was added as
    another point, and the eval then failed the program's own outline (focus)."""
    from dataclasses import replace

    from assistant.outline import requirement_headlines
    from assistant.paragraphs import overlapping_headlines

    given = "要坚持和完善人民代表大会制度，支持人大依法履职"
    brief = replace(load_brief(EXAMPLE), requirements=(given,), themes=())
    heads = requirement_headlines(brief)
    assert heads[0] == given + "。"
    assert not any("充分发挥人大职能作用" in h for h in heads), heads
    assert overlapping_headlines(heads) == []
    other = replace(brief, requirements=("要全面深化改革，增强发展的动力和活力",))
    assert any("充分发挥人大职能作用" in h for h in requirement_headlines(other))


def test_a_congress_theme_goes_to_no_point_when_the_speech_has_its_congress_section():
    """丰源 2025 (sixteenth full run): 发展全过程人民民主，支持县人大及其常委会依法履职… went to the
    point on 新质生产力 by its turn. With 对人大工作的要求 in the speech and no point on the
    congress, that section's standing lines make those moves; no point takes it."""
    b = parse_brief({"occasion": "closing_session", "level": "县"})
    heads = [
        "坚持深入学习贯彻党的二十届三中全会精神",
        "因地制宜发展新质生产力，推进县域经济高质量发展",
    ]
    theme = "发展全过程人民民主，支持县人大及其常委会依法履职"
    assert assign_themes([theme], heads, b, congress_section=True) == {}
    assert assign_themes([theme], heads, b) == {1: [theme]}  # without the section, as before
    data = {
        "occasion": "closing_session",
        "level": "县",
        "locality": "丰源县",
        "length": 4000,
        "themes": [
            "深入学习贯彻党的二十届三中全会精神，进一步全面深化改革",
            "因地制宜发展新质生产力，推进县域经济高质量发展",
            theme,
        ],
        "speaker": {"role": "县委书记", "organ": "县委"},
    }
    outline = build_outline(parse_brief(data), shares={})
    assert any(s.role == "congress_work" for s in outline.sections)
    assert not any(
        theme in p.themes
        for s in outline.sections
        if s.role == "requirements"
        for p in s.paragraphs
    )
    congress = next(s for s in outline.sections if s.role == "congress_work")
    assert [t for p in congress.paragraphs for t in p.themes] == [theme]


def test_the_call_strives_for_what_the_meeting_is_for():
    """A year's session its year's tasks; a 换届 session the five years ahead; a meeting on
    the congress's work that work (a writer's read of the sixteenth full run: 柳塘 2021's
    换届 session and 枫林 2024's symposium both ended on 今年的目标任务)."""
    base = {
        "occasion": "closing_session",
        "locality": "柳塘镇",
        "level": "镇",
        "speaker": {"role": "镇党委书记", "organ": "镇党委"},
        "session": {"congress": 19, "meeting": 3},
    }

    def call(**change):
        outline = build_outline(parse_brief(base | change), shares={})
        return next(s.tail for s in outline.sections if s.role == "call")

    assert call().endswith("为实现柳塘今年的目标任务而努力奋斗！")
    assert call(session={"congress": 20, "meeting": 1}).endswith(
        "为实现柳塘今后五年的奋斗目标而努力奋斗！"
    )
    assert call(occasion="symposium").endswith("为开创柳塘人大工作新局面而努力奋斗！")


def test_duties_and_credit_are_said_for_the_speakers_level_and_organ():
    """云溪乡 2013 (seventeenth full run): 各级各部门 five times in a 乡党委书记's speech, a 乡
    having no levels of its own; 宁川 2015: a 市人大常委会主任 crediting 上级党委的正确领导 where
    the 市委 leads him."""
    from assistant.outline import plan_values

    def values(**change):
        base = {
            "occasion": "closing_session",
            "locality": "云溪乡",
            "level": "乡",
            "speaker": {"role": "乡党委书记", "organ": "乡党委"},
        }
        return plan_values(parse_brief(base | change), [])

    assert values()["actors"] == "各村、各站所和广大干部"
    assert values()["credit"] == "上级党委的正确领导"
    county = values(locality="石桥县", level="县")
    assert county["actors"] == "各级各部门和广大干部"
    chair = values(
        locality="宁川市", level="市", speaker={"role": "市人大常委会主任", "organ": "市人大常委会"}
    )
    assert chair["credit"] == "市委的坚强领导"
    assert values(occasion="symposium")["actors"] == "在座各位同志"
