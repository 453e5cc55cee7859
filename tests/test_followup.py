"""The last sentence of a paragraph of figures, asked for again when a repair took it."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from assistant.brief import load_brief
from assistant.drafting import Drafter
from assistant.drafting.followup import needs_ending
from assistant.outline import build_outline
from assistant.plan import ParagraphPlan

BRIEF = Path(__file__).resolve().parents[1] / "examples" / "brief-closing.toml"
STALE = "我们要为“十四五”开好局、起好步而努力奋斗。"


class _Model:
    """Writes a paragraph's facts and ends it on a 提法 of another time (the repair drops
    it), and answers the request for an ending with `ending`."""

    def __init__(self, ending: str) -> None:
        self.endpoint = SimpleNamespace(is_local=False, model="m")
        self.ending = ending
        self.asked: list[list[dict]] = []

    def chat(self, messages, **kw):
        last = messages[-1]["content"]
        if "只写了开头一句就停了" in last:
            return SimpleNamespace(text="", finish_reason="stop")  # nothing to go on with
        if "停在了数字上" in last:
            self.asked.append(messages)
            return SimpleNamespace(text=self.ending, finish_reason="stop")
        facts = re.search(r"这一段必须写进这些事实，数字照抄：(.*)", last)
        body = facts.group(1).replace("；", "，") + "。" if facts else "各位代表要依法履职。"
        return SimpleNamespace(text=body + STALE, finish_reason="stop")


def _review(model):
    brief = load_brief(BRIEF)
    outline = build_outline(brief, shares={})
    index = next(i for i, s in enumerate(outline.sections) if s.role == "review")
    drafter = Drafter(brief, model, retrieve=lambda *a, **k: [], corpus=[], candidates=1)
    _, meta = drafter.section(outline, index, only=1)
    return meta["paragraphs"][0]


def test_a_paragraph_left_ending_on_a_figure_gets_the_models_last_sentence():
    good = "这些变化，群众看得见、摸得着，日子越过越有奔头。"
    model = _Model(good)
    record = _review(model)
    assert "十四五" not in record["text"]  # the stale ending went
    assert record["text"].endswith(good)
    assert any("补写了结尾一句" in r for r in record["repairs"])
    assert sum(bool(c.get("ending")) for c in record["calls"]) == 1
    # the same conversation: the paragraph as the model's answer, then the request
    assert model.asked[0][-2]["role"] == "assistant"
    assert model.asked[0][-2]["content"] in record["text"]


@pytest.mark.parametrize(
    "bad",
    [
        "这为“十四五”开好局打下了坚实基础。",  # a stale 提法 again: the checks refuse it
        "全镇新增就业岗位300个，群众得到了实惠。",  # a figure the brief lacks
    ],
)
def test_an_ending_the_checks_refuse_is_not_kept(bad):
    model = _Model(bad)
    record = _review(model)
    assert bad not in record["text"]
    assert re.search(r"[0-9][^。]*。$", record["text"])  # still ends on the figures
    assert not any("补写了结尾一句" in r for r in record["repairs"])
    assert sum(bool(c.get("ending")) for c in record["calls"]) == 2  # twice, then left


def test_only_a_paragraph_of_figures_ending_on_one_needs_an_ending():
    figures = ParagraphPlan("讲成绩", 150, facts=("粮食总产量稳定在3.1万吨",))
    plain = ParagraphPlan("提要求", 150)
    assert needs_ending("粮食总产量稳定在3.1万吨。", figures)
    assert not needs_ending("粮食总产量稳定在3.1万吨。这是全镇上下干出来的。", figures)
    assert not needs_ending("粮食总产量稳定在3.1万吨。", plain)
    assert not needs_ending("【待补：回顾第1段】", figures)


class _Headliner:
    """Every candidate of a point's paragraph is its headline said again (丰源 2025, 要求之二
    第1段, two runs alike); asked to go on, it answers `rest`."""

    def __init__(self, headline: str, rest: str) -> None:
        self.endpoint = SimpleNamespace(is_local=False, model="m")
        self.headline, self.rest = headline, rest
        self.asked: list[list[dict]] = []

    def chat(self, messages, **kw):
        if "只写了开头一句就停了" in messages[-1]["content"]:
            self.asked.append(messages)
            return SimpleNamespace(text=self.rest, finish_reason="stop")
        return SimpleNamespace(text="要" + self.headline, finish_reason="stop")


def _first_point(model_for):
    brief = load_brief(BRIEF)
    outline = build_outline(brief, shares={})
    index = next(i for i, s in enumerate(outline.sections) if s.role == "requirements")
    model = model_for(outline.sections[index].heading)
    drafter = Drafter(brief, model, retrieve=lambda *a, **k: [], corpus=[], candidates=2)
    _, meta = drafter.section(outline, index, only=1)
    return model, meta["paragraphs"][0]


def test_a_paragraph_that_stopped_at_its_headline_is_written_on_from_it():
    rest = (
        "党的领导是我们各项事业取得成功的根本保证。过去一年，全镇上下正是因为坚持党的领导，"
        "才在困难面前拧成一股绳。新的一年任务更重，越是这样越要把党的领导落实到每一项工作、"
        "每一个环节，让各项决策部署在青山落地生根、开花结果。"
    )
    model, record = _first_point(lambda head: _Headliner(head, rest))
    assert record["text"] == rest and "【待补" not in record["text"]
    assert record["model_han"] > 0
    assert any("接着写完" in r for r in record["repairs"])
    # the same conversation: the sentence it stopped after is the model's answer
    assert model.asked[0][-2]["role"] == "assistant"
    assert any(c.get("go_on") for c in record["calls"])


def test_a_paragraph_left_a_mark_when_going_on_gives_nothing_usable():
    model, record = _first_point(lambda head: _Headliner(head, ""))
    assert record["text"].startswith("【待补")
    assert sum(bool(c.get("go_on")) for c in record["calls"]) == 1  # once, not again and again


class _Terse:
    """One short sentence per paragraph (枫林 2024: 35 字 where 280 were planned); asked to
    go on, it answers `rest`."""

    SHORT = "要把这项工作摆在突出位置。"

    def __init__(self, rest: str) -> None:
        self.endpoint = SimpleNamespace(is_local=False, model="m")
        self.rest = rest

    def chat(self, messages, **kw):
        if "只写了开头一句就停了" in messages[-1]["content"]:
            return SimpleNamespace(text=self.rest, finish_reason="stop")
        return SimpleNamespace(text=self.SHORT, finish_reason="stop")


def test_a_paragraph_of_one_short_sentence_is_written_on_from_it():
    rest = (
        "这是全镇上下的共同责任，各级各部门要拿出实招硬招，一项一项抓落实，"
        "一件一件见成效，让群众实实在在感受到变化，用群众满意来检验工作成效。"
    )
    _, record = _first_point(lambda head: _Terse(rest))
    assert record["text"] == _Terse.SHORT + rest
    assert any("接着写完" in r for r in record["repairs"])


def test_going_on_into_a_political_error_is_not_kept():
    wrong = (
        "镇人大要加强对镇党委的监督，督促镇党委向镇人大报告工作，把党委的工作置于人大的监督之下。"
    )
    _, record = _first_point(lambda head: _Terse(wrong))
    assert record["text"] == _Terse.SHORT
    asked = [c for c in record["calls"] if c.get("go_on")]  # asked, and what came was refused
    assert asked and asked[0]["reply"] == wrong  # …and kept in the record as the model's


class _Silent:
    """Says nothing after a standing line (云溪 2013, 要求之四第2段: the supervision line
    alone); asked to go on, it answers `rest`."""

    def __init__(self, rest: str) -> None:
        self.endpoint = SimpleNamespace(is_local=False, model="m")
        self.rest = rest

    def chat(self, messages, **kw):
        ask = messages[-1]["content"]
        if "只写了开头一句就停了" in ask:  # only the supervision line's reasons
            return SimpleNamespace(
                text=self.rest if "接受监督" in ask else "", finish_reason="stop"
            )
        return SimpleNamespace(text="", finish_reason="stop")


def test_a_standing_line_with_nothing_after_it_is_drawn_again_and_written_on_from():
    brief = load_brief(BRIEF)
    outline = build_outline(brief, shares={})
    index, position = next(
        (i, k)
        for i, s in enumerate(outline.sections)
        for k, p in enumerate(s.paragraphs, 1)
        if p.lead and "监督" in p.lead
    )
    plan = outline.sections[index].paragraphs[position - 1]
    rest = (
        "监督不是挑毛病、找麻烦，而是帮助政府把工作做得更好。自觉接受监督，"
        "才能及时发现工作中的不足，把群众的意见变成改进工作的动力。"
    )
    model = _Silent(rest)
    drafter = Drafter(brief, model, retrieve=lambda *a, **k: [], corpus=[], candidates=2)
    _, meta = drafter.section(outline, index, only=position)
    record = meta["paragraphs"][position - 1]
    # the line alone passes every check, and is not a paragraph: drawing goes on
    assert record["candidates"] >= 2
    assert record["text"] == plan.lead + rest
    assert record["model_han"] > 0 and any(c.get("go_on") for c in record["calls"])


class _Copier:
    """Writes a call's formula, copied from its purpose, and nothing else on the first draw
    (白沙 2026 at full length); a sentence leading up to it on the next; never asked to go
    on after the formula."""

    LEAD_UP = "新的一年，任务艰巨、使命光荣，全镇上下要把大会的决策部署变成一项项实实在在的行动。"

    def __init__(self) -> None:
        self.endpoint = SimpleNamespace(is_local=False, model="m")
        self.draws = 0
        self.went_on = False

    def chat(self, messages, **kw):
        if "只写了开头一句就停了" in messages[-1]["content"]:
            self.went_on = True
            return SimpleNamespace(text="还要再写。", finish_reason="stop")
        found = re.search(r"最后以这句话收尾：(让我们[^！]+！)", messages[-1]["content"])
        assert found, messages[-1]["content"]
        formula = found.group(1)
        self.draws += 1
        text = formula if self.draws == 1 else self.LEAD_UP + formula
        return SimpleNamespace(text=text, finish_reason="stop")


def test_a_call_that_is_its_formula_copied_back_is_drawn_again(monkeypatch):
    from assistant import plan

    # the call's formula in its purpose, as it is without the program's tail (CALL_TAIL off)
    monkeypatch.setattr(plan, "CALL_TAIL", False)
    brief = load_brief(BRIEF)
    outline = build_outline(brief, shares={})
    index = next(i for i, s in enumerate(outline.sections) if s.role == "call")
    model = _Copier()
    drafter = Drafter(brief, model, retrieve=lambda *a, **k: [], corpus=[], candidates=2)
    _, meta = drafter.section(outline, index)
    record = meta["paragraphs"][0]
    assert model.draws == 2 and record["text"].startswith(_Copier.LEAD_UP)
    assert record["model_han"] > 0 and not model.went_on
    # nothing after the formula: no paragraph added for length either
    assert len(meta["paragraphs"]) == 1 and model.draws == 2


class _Short:
    """Writes about half of what each paragraph asks for (the 1.5B's points at full length
    came to 60–75% of their budgets)."""

    def __init__(self) -> None:
        self.endpoint = SimpleNamespace(is_local=False, model="m")
        self.asked: list[int] = []

    def chat(self, messages, **kw):
        found = re.search(r"篇幅：约(\d+)字", messages[-1]["content"])
        if not found:  # a follow-up
            return SimpleNamespace(text="", finish_reason="stop")
        budget = int(found.group(1))
        self.asked.append(budget)
        sentence = "要把这项工作摆在突出位置，一件一件抓落实，一项一项见成效。"
        reps = max(1, round(budget / 2 / len(sentence)))
        text = "".join(f"第{k}次强调，" + sentence for k in range(reps))
        return SimpleNamespace(text=text, finish_reason="stop")


def test_a_model_that_writes_half_is_asked_for_more_as_the_draft_goes_on(monkeypatch):
    from assistant.drafting import write

    brief = load_brief(BRIEF)
    outline = build_outline(brief, shares={})
    index = next(i for i, s in enumerate(outline.sections) if s.role == "requirements")
    planned = [p.model_room for p in outline.sections[index].paragraphs]
    for adaptive in (False, True):
        monkeypatch.setattr(write, "ADAPTIVE_LENGTH", adaptive)
        model = _Short()
        drafter = Drafter(brief, model, retrieve=lambda *a, **k: [], corpus=[], candidates=1)
        drafter.budgeted, drafter.kept = 1000, 500  # the draft so far: half of its budgets
        _, meta = drafter.section(outline, index)
        records = meta["paragraphs"][: len(planned)]
        asked = [r["asked"] for r in records]
        if adaptive:
            assert all(a > p for a, p in zip(asked, planned, strict=True))
            assert all(
                a <= round(p * write.ASK_MAX) + 1 for a, p in zip(asked, planned, strict=True)
            )
        else:
            assert asked == planned
        assert model.asked[0] == asked[0]  # the prompt says the length asked


class _Thin:
    """Writes each planned paragraph short; an added one as a single short sentence of its
    own (as 抓落实的作风要坚决做到“说得多做得少，办就办好”。 alone, 枫林 2024)."""

    SHORT = "抓落实，关键在一个干字，干就要干出样子。"

    BODIES = (
        "要把这项工作摆在突出位置，拿出实招硬招，一件一件抓落实，一项一项见成效。",
        "这是全镇上下的共同责任，各村各部门要主动认领任务，把担子扛在肩上。",
        "干部要沉到一线，帮助群众解决实际困难，让群众看到实实在在的变化。",
        "要用群众满不满意来检验工作成效，发现问题及时整改，不留尾巴。",
    )

    def __init__(self, planned: int) -> None:
        self.endpoint = SimpleNamespace(is_local=False, model="m")
        self.planned = planned

    def chat(self, messages, **kw):
        ask = messages[-1]["content"]
        if "只写了开头一句就停了" in ask:
            return SimpleNamespace(text="", finish_reason="stop")
        position = int(re.search(r"的第(\d+)段", ask).group(1))
        if position > self.planned:
            return SimpleNamespace(text=self.SHORT, finish_reason="stop")
        return SimpleNamespace(text=self.BODIES[position - 1], finish_reason="stop")


def test_a_paragraph_added_for_length_that_is_one_short_sentence_is_left_out():
    brief = load_brief(BRIEF)
    outline = build_outline(brief, shares={})
    index = next(i for i, s in enumerate(outline.sections) if s.role == "requirements")
    section = outline.sections[index]
    model = _Thin(len(section.paragraphs))
    drafter = Drafter(brief, model, retrieve=lambda *a, **k: [], corpus=[], candidates=1)
    text, meta = drafter.section(outline, index)
    added = meta["paragraphs"][len(section.paragraphs) :]
    assert added, "the section came out short: a paragraph is added"
    assert all(r["text"] == "" for r in added)
    assert all(any("略去" in x for x in r["repairs"]) for r in added)
    assert _Thin.SHORT not in text
