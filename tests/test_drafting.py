"""The drafting pipeline against a real fake OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from fakellm import FakeLLMServer
from typer.testing import CliRunner

from assistant.brief import load_brief, parse_brief
from assistant.config import Endpoint
from assistant.draftdoc import DraftDoc
from assistant.drafting import clean_model_text, draft_speech, regenerate_section
from assistant.llm import LLM

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "brief-closing.toml"
TITLE = re.compile(r"现在请写第(\d+)节“([^”]+)”|这是第(\d+)节“([^”]+)”")


@dataclass(frozen=True)
class FakeHit:
    speech_id: str
    role: str
    ordinal: int | None
    text: str
    chunk_id: str = "c1"
    score: float = 1.0


def fake_retrieve(query, k=5, **filters):
    role = filters.get("role") or "other"
    return [
        FakeHit(
            "gaodu-closing-2023",
            role,
            None,
            "各位代表、同志们！惟其艰辛，方显勇毅。回首2023年，高都镇取得显著成绩。",
        )
    ][:k]


BUDGET = re.compile(r"篇幅：约(\d+)字")
CN = "一二三四五六七八九十"


def section_reply(body: dict) -> str:
    """A well-behaved model: facts only from the brief, about as long as asked."""
    user = body["messages"][-1]["content"]
    m = TITLE.search(user)
    title = (m.group(2) or m.group(4)) if m else ""
    text = _core_reply(title)
    title = title.replace("要求之", "第").split("（")[0]
    budget = int(BUDGET.search(user).group(1)) if BUDGET.search(user) else 0
    k = 0
    while len(re.findall(r"[\u4e00-\u9fff]", text)) < budget and k < 40:
        # Distinct filler sentences (no figures), so repeat-dropping leaves them alone.
        text += f"围绕{title}这项工作，要在{CN[k % 10]}个方面下足功夫第{CN[k // 10]}遍。"
        k += 1
    return text


def _core_reply(title: str) -> str:
    if "回顾" in title:
        return REVIEW
    if "形势" in title:
        return "2026年是“十五五”开局之年，也是青山镇推进农文旅融合发展的关键之年，我们要抢抓机遇。"
    if "号召" in title:
        return "各位代表、同志们，让我们更加紧密地团结在以习近平同志为核心的党中央周围，为建设美丽青山而努力奋斗！"
    if "人大" in title:
        return (
            "各级党委要支持人大依法履职，“一府一委两院”要自觉接受人大监督，各位代表要密切联系群众。"
        )
    if "要求" in title:
        return f"我们要坚持问题导向，把{title.replace('要求之', '第')[:2]}项要求落到实处，确保各项任务落地见效。"
    return OPENING


REVIEW = (
    "过去的一年，全镇地区生产总值完成18.6亿元，同比增长6.2%；一般公共预算收入完成1.35亿元，"
    "同比增长5.1%；农村居民人均可支配收入达到24860元，同比增长6.8%。\n"
    "我们新建高标准农田1.2万亩，粮食总产量稳定在3.1万吨；完成12个村人居环境整治提升，"
    "新改建农村公路18公里；镇人大主席团组织代表视察调研6次，督办代表建议47件，办结率100%。"
)
OPENING = "会议期间，各位代表依法履职、建言献策，这是一次民主团结、务实奋进的大会。"
NEW_OPENING = OPENING.replace("民主团结、务实奋进", "团结鼓劲、凝心聚力")


def make_llm(server: FakeLLMServer) -> LLM:
    return LLM(
        Endpoint(
            "custom", server.base_url, "fake-model", api_key="sk-test-secret", context_window=32768
        )
    )


def draft_with(srv, tmp_path, corpus, **kw):
    """The example brief drafted into tmp_path/d against the fake server."""
    return draft_speech(
        load_brief(EXAMPLE),
        llm=make_llm(srv),
        out_dir=tmp_path / "d",
        retrieve=fake_retrieve,
        corpus=corpus,
        **kw,
    )


@pytest.fixture
def corpus():
    from assistant.corpus import load_corpus

    return load_corpus()


def test_full_draft_has_every_section_in_order_and_fixed_parts_verbatim(tmp_path, corpus):
    brief = load_brief(EXAMPLE)
    events = []
    with FakeLLMServer(responder=section_reply) as srv:
        draft = draft_speech(
            brief,
            llm=make_llm(srv),
            out_dir=tmp_path / "d",
            retrieve=fake_retrieve,
            corpus=corpus,
            on_event=events.append,
        )
        n_calls = len(srv.chat_requests)
    doc = DraftDoc.load(draft.dir)
    assert doc.status == "complete"
    assert [s.role for s in doc.sections][:3] == ["salutation", "opening", "thanks"]
    assert all(s.current == 1 for s in doc.sections)
    text = draft.text
    assert text.startswith("各位代表、同志们：")
    assert "青山镇第十八届人民代表大会第六次会议，在全体代表和与会同志的共同努力下" in text
    # What the session did is stated by the program from the brief, not by the model.
    assert (
        "会议审议通过了《镇人民政府工作报告》、《2025年财政预算执行情况和2026年财政预算报告》"
        in text
    )
    assert "补选镇人民政府副镇长1名。会议期间，各位代表依法履职" in text
    assert "\n让我们更加紧密地团结在以习近平同志为核心的党中央周围，" in text
    assert (
        "二、聚焦高质量发展，做强特色农业和农文旅融合产业。我们要坚持问题导向，把第二项要求" in text
    )
    assert text.rstrip().endswith("谢谢大家！")
    # Fixed sections cost no model call: 12 sections, 3 fixed.
    assert n_calls == len(doc.sections) - 3
    md = (draft.dir / "draft.md").read_text(encoding="utf-8")
    assert md.startswith("# 在青山镇第十八届人民代表大会第六次会议闭幕式上的讲话")
    assert "镇党委书记 李明（2026年1月16日）" in md
    # Provenance: model, host, prompt hashes, exemplars, usage.
    data = json.loads((draft.dir / "draft.json").read_text(encoding="utf-8"))
    prov = data["provenance"]
    assert prov["model"] == "fake-model" and prov["endpoint_host"].startswith("127.0.0.1:")
    assert prov["prompts"]["section"].startswith("section@v")
    review = next(s for s in data["sections"] if s["role"] == "review")
    assert review["versions"][0]["exemplars"] == ["gaodu-closing-2023"]
    assert review["versions"][0]["calls"][0]["completion_tokens"] > 0
    assert prov["usage"]["completion_tokens"] > 0
    # The key never lands on disk.
    assert "sk-test-secret" not in (draft.dir / "draft.json").read_text(encoding="utf-8")
    kinds = [e.kind for e in events]
    assert kinds[0] == "outline" and kinds[-1] == "done"
    assert kinds.count("section_done") == len(doc.sections)


def test_exemplars_are_quoted_data_and_system_prefix_is_shared(tmp_path, corpus):
    with FakeLLMServer(responder=section_reply) as srv:
        draft_with(srv, tmp_path, corpus)
        reqs = srv.chat_requests
    systems = {r.json["messages"][0]["content"] for r in reqs}
    assert len(systems) == 1  # one shared prefix: llama.cpp can reuse its cache
    user = reqs[0].json["messages"][-1]["content"]
    assert "<范文1>" in user and "不是指令" in user
    assert "18.6亿元" in reqs[0].json["messages"][0]["content"]  # the brief's facts are given


def test_invented_number_triggers_repair_with_feedback(tmp_path, corpus):
    state = {"review_calls": 0}

    def responder(body):
        user = body["messages"][-1]["content"]
        if "回顾成绩" in user:
            state["review_calls"] += 1
            if state["review_calls"] == 1:
                return "过去一年，全镇财政收入增长了99.9%，新增企业321家。"
        return section_reply(body)

    with FakeLLMServer(responder=responder) as srv:
        draft = draft_with(srv, tmp_path, corpus)
        review_reqs = [
            r for r in srv.chat_requests if "回顾成绩" in r.json["messages"][-1]["content"]
        ]
    assert state["review_calls"] == 2
    assert "99.9%" in review_reqs[1].json["messages"][-1]["content"]  # feedback names the figure
    assert "99.9" not in draft.text and "321" not in draft.text


def test_a_model_that_keeps_inventing_gets_its_figures_marked(tmp_path, corpus):
    def responder(body):
        if "回顾成绩" in body["messages"][-1]["content"]:
            return "过去一年，全镇财政收入增长了99.9%。"
        return section_reply(body)

    with FakeLLMServer(responder=responder) as srv:
        draft = draft_with(srv, tmp_path, corpus, max_repairs=1)
    assert "【待核：99.9%" in draft.text
    review = next(s for s in DraftDoc.load(draft.dir).sections if s.role == "review")
    assert len(review.versions[0]["calls"]) == 2
    assert review.versions[0]["problems_left"]


def test_facts_the_model_leaves_out_are_asked_for_then_added_verbatim(tmp_path, corpus):
    def responder(body):
        if "回顾成绩" in body["messages"][-1]["content"]:
            return "过去的一年，全镇地区生产总值完成18.6亿元，同比增长6.2%，成绩来之不易。"
        return section_reply(body)

    with FakeLLMServer(responder=responder) as srv:
        draft = draft_with(srv, tmp_path, corpus, max_repairs=1)
        asks = [
            r.json["messages"][-1]["content"]
            for r in srv.chat_requests
            if "回顾成绩" in r.json["messages"][-1]["content"]
        ]
    assert len(asks) == 2 and "没有写到简报中的这些事实" in asks[1] and "24860元" in asks[1]
    review = next(s for s in DraftDoc.load(draft.dir).sections if s.role == "review").text
    for figure in ("1.35亿元", "24860元", "1.2万亩", "47件", "100%"):
        assert figure in review
    assert review.count("18.6亿元") == 1  # what the model did write is not repeated


def test_other_localities_never_survive(tmp_path, corpus):
    def responder(body):
        if "号召" in body["messages"][-1]["content"]:
            return "让我们团结一心，为建设美丽高都而努力奋斗！"
        return section_reply(body)

    with FakeLLMServer(responder=responder) as srv:
        draft = draft_with(srv, tmp_path, corpus)
    assert "高都" not in draft.text


def test_interrupted_draft_resumes_without_rewriting_done_sections(tmp_path, corpus):
    brief = load_brief(EXAMPLE)
    out = tmp_path / "d"
    with FakeLLMServer(responder=section_reply) as srv:
        seen = {"done": 0}

        def interrupt(event):
            if event.kind == "section_done":
                seen["done"] += 1
                if seen["done"] == 5:
                    raise KeyboardInterrupt  # the writer presses Ctrl-C mid-draft

        with pytest.raises(KeyboardInterrupt):
            draft_speech(
                brief,
                llm=make_llm(srv),
                out_dir=out,
                retrieve=fake_retrieve,
                corpus=corpus,
                on_event=interrupt,
            )
        partial = DraftDoc.load(out)
        done_before = {s.id: s.text for s in partial.sections if s.current}
        assert partial.status == "in_progress" and 0 < len(done_before) < len(partial.sections)
        before = len(srv.chat_requests)
        draft = draft_speech(
            brief, llm=make_llm(srv), out_dir=out, retrieve=fake_retrieve, corpus=corpus
        )
        resumed_calls = len(srv.chat_requests) - before
    doc = DraftDoc.load(draft.dir)
    assert doc.status == "complete"
    for sid, text in done_before.items():
        assert doc.find(sid).text == text
    model_sections = sum(1 for s in doc.sections if s.versions[0].get("source") == "model")
    model_done_before = sum(
        1 for sid in done_before if doc.find(sid).versions[0].get("source") == "model"
    )
    assert resumed_calls == model_sections - model_done_before


def test_other_brief_in_same_dir_is_refused(tmp_path, corpus):
    with FakeLLMServer(responder=section_reply) as srv:
        draft_with(srv, tmp_path, corpus)
        other = parse_brief({"occasion": "symposium", "locality": "东湖区"})
        with pytest.raises(Exception, match="另一份简报"):
            draft_speech(
                other,
                llm=make_llm(srv),
                out_dir=tmp_path / "d",
                retrieve=fake_retrieve,
                corpus=corpus,
            )


def test_regen_rewrites_one_section_and_keeps_the_rest_byte_identical(tmp_path, corpus):
    with FakeLLMServer(responder=section_reply) as srv:
        draft = draft_with(srv, tmp_path, corpus)
        before = DraftDoc.load(draft.dir)
        md_before = (draft.dir / "draft.md").read_text(encoding="utf-8")
        srv.responder = lambda body: NEW_OPENING
        doc, record = regenerate_section(
            draft.dir,
            "2",
            llm=make_llm(srv),
            instruction="更简洁",
            retrieve=fake_retrieve,
            corpus=corpus,
        )
        regen_user = srv.chat_requests[-1].json["messages"][-1]["content"]
    assert record.id.startswith("s02-opening") and record.current == 2
    assert "更简洁" in regen_user and before.sections[1].text in regen_user  # current text given
    assert "团结鼓劲、凝心聚力" in record.text
    assert record.versions[0]["text"] == before.sections[1].text  # old version kept
    for old, new in zip(before.sections, doc.sections, strict=True):
        if old.id != record.id:
            assert json.dumps(old.to_dict(), ensure_ascii=False) == json.dumps(
                new.to_dict(), ensure_ascii=False
            )
    md_after = (draft.dir / "draft.md").read_text(encoding="utf-8")
    changed = [b for b in md_before.split("\n\n") if b not in md_after.split("\n\n")]
    assert len(changed) == 1 and "圆满完成了各项议程" in changed[0]
    assert DraftDoc.load(draft.dir).render(version=1) == md_before
    assert len(doc.history) == 2


def test_cli_show_diff_and_regen_errors(tmp_path, corpus):
    from assistant.cli import app

    with FakeLLMServer(responder=section_reply) as srv:
        draft = draft_with(srv, tmp_path, corpus)
        srv.responder = lambda body: NEW_OPENING
        regenerate_section(
            draft.dir, "s02", llm=make_llm(srv), retrieve=fake_retrieve, corpus=corpus
        )
    runner = CliRunner()
    shown = runner.invoke(app, ["show", str(draft.dir)])
    assert shown.exit_code == 0 and "团结鼓劲、凝心聚力的大会" in shown.output
    first = runner.invoke(app, ["show", str(draft.dir), "--version", "1"])
    assert "凝心聚力的大会" not in first.output and "务实奋进的大会" in first.output
    d = runner.invoke(app, ["diff", str(draft.dir), "s02"])
    assert d.exit_code == 0
    added = [ln for ln in d.output.splitlines() if ln.startswith("+会议期间")]
    removed = [ln for ln in d.output.splitlines() if ln.startswith("-会议期间")]
    assert len(added) == 1 and "团结鼓劲" in added[0]
    assert len(removed) == 1 and "民主团结" in removed[0]
    bad = runner.invoke(app, ["diff", str(draft.dir), "99"])
    assert bad.exit_code != 0 and "没有第 99 节" in str(bad.exception or bad.output)


def test_clean_model_text_strips_markdown_and_echoed_lead():
    lead = "一、坚持党的领导。"
    raw = "**一、坚持党的领导。**\n## 小标题\n- 我们要把党的领导贯穿始终，确保方向正确。还有半句没"
    out = clean_model_text(raw, lead)
    assert not out.startswith("一、")
    assert "**" not in out and "#" not in out and not out.startswith("-")
    assert out.endswith("确保方向正确。")


def test_echoes_of_the_lead_and_of_our_instructions_are_dropped():
    from assistant.drafting import drop_echoes

    lead = "青山镇第十八届人民代表大会第六次会议，在全体代表和与会同志的共同努力下，圆满完成了各项议程，即将胜利闭幕。"
    body = (
        "在全体代表和与会同志的共同努力下，圆满完成了各项议程，即将胜利闭幕。会议期间，代表们建言献策。\n"
        "回顾过去一年的成绩，仅用简报中的数字。要求之一：坚持党的领导。我们要狠抓落实。"
    )
    out = drop_echoes(body, lead)
    assert out == "会议期间，代表们建言献策。\n我们要狠抓落实。"


def test_quarantine_marks_whole_figures_only():
    from assistant.drafting import Problems, quarantine

    p = Problems(items=["x"], invented=["2", "99.9%"])
    out = quarantine("2025年增长99.9%，新增2家。", p)
    assert out.startswith("2025年")
    assert "【待核：99.9%" in out and "新增【待核：2（" in out


def test_quarantine_never_marks_a_mark_twice():
    from assistant.drafting import Problems, quarantine

    p = Problems(items=["x"], invented=["36万", "36"], leaks=["36万", "清徐"])
    out = quarantine("激励36万清徐人民，36人参加。", p)
    assert (
        out
        == "激励【待核：36万（简报中无此数字）】【待补：本地名称】人民，【待核：36（简报中无此数字）】人参加。"
    )


def test_invented_quotations_and_bare_addresses_are_dropped():
    from assistant.drafting import drop_unsafe

    body = (
        "各位代表、同志们！\n习近平总书记指出：“人大工作要始终同人民群众保持密切联系。”我们要深入基层。\n"
        "正如李明同志强调的“实干兴镇”，要真抓实干。"
    )
    assert drop_unsafe(body, brief_text="") == "我们要深入基层。"
    # A quotation the writer put in the brief is theirs to use.
    assert "实干兴镇" in drop_unsafe(body, brief_text="李明同志强调“实干兴镇”")


def test_lists_headings_repeats_and_length_are_tidied():
    from assistant.drafting import (
        cap_length,
        drop_repeats_and_copies,
        merge_short_lines,
        strip_lists,
    )

    raw = "回顾成绩\n一、经济方面\n1. 地区生产总值稳步增长。\n（二）农业提质增效。"
    assert strip_lists(raw) == "一是地区生产总值稳步增长。\n一是农业提质增效。"
    seen = {"我们要坚持问题导向狠抓工作落实"}
    body = "我们要坚持问题导向，狠抓工作落实。大家要团结一心再创佳绩。大家要团结一心再创佳绩。"
    assert drop_repeats_and_copies(body, seen, corpus=None) == "大家要团结一心再创佳绩。"
    long = "这是一句十个汉字的话。" * 30
    capped = cap_length(long, budget=40)
    assert capped.endswith("。") and len(capped) < len(long)
    assert merge_short_lines("第一段很长" * 20 + "。\n短句。\n又一短句。").count("\n") == 0


def test_pasted_corpus_sentences_are_dropped(corpus):
    from assistant.drafting import drop_repeats_and_copies

    pasted = next(s for s in corpus if s.id == "qingxu-closing-2022").text.split("\n")[3][:120]
    body = "我们要坚定信心、乘势而上。" + pasted
    out = drop_repeats_and_copies(body, set(), corpus)
    assert out.startswith("我们要坚定信心、乘势而上。")
    assert len(out) < len(body) - 40


def test_excluded_speeches_are_never_retrieved_as_exemplars(tmp_path, corpus):
    asked = []

    def recording_retrieve(query, **kw):
        asked.append(kw)
        return fake_retrieve(query, **kw)

    with FakeLLMServer(responder=section_reply) as srv:
        draft_speech(
            load_brief(EXAMPLE),
            llm=make_llm(srv),
            out_dir=tmp_path / "d",
            retrieve=recording_retrieve,
            corpus=corpus,
            exclude_speech_ids=("qingxu-closing-2022",),
        )
    assert asked and all(kw["exclude_speech_ids"] == ("qingxu-closing-2022",) for kw in asked)


def test_bracketed_echoes_are_dropped_but_our_placeholders_stay():
    from assistant.drafting import drop_unsafe

    body = "【开门见山说明召开这次会议的目的】这次会议很重要。全年完成【待补：完成率】的任务。"
    assert drop_unsafe(body, "") == "这次会议很重要。全年完成【待补：完成率】的任务。"


def test_a_continuation_that_repeats_the_lead_is_joined_once():
    from assistant.drafting import compose
    from assistant.outline import OutlineSection

    sec = OutlineSection(
        id="s02-opening",
        role="opening",
        title="开场",
        purpose="",
        lead="召开这次座谈会，主要是",
        tail="下面，我讲三点意见。",
    )
    assert (
        compose(sec, "主要是总结经验、部署工作。")
        == "召开这次座谈会，主要是总结经验、部署工作。\n下面，我讲三点意见。"
    )


def test_model_sub_lists_cannot_break_the_speech_numbering():
    from assistant.drafting import demote_inline_markers
    from assistant.structure import parse_speech

    body = "要把握原则。一、要准确理解原则。二、要结合实际。三、要加强指导。"
    out = demote_inline_markers(body)
    assert out == "要把握原则。一是要准确理解原则。二是要结合实际。三是要加强指导。"
    speech = "同志们：\n下面，我讲两点意见。\n一、把握原则。" + out + "\n二、抓好落实。要真抓实干。"
    assert [p.ordinal for p in parse_speech(speech, "symposium").points()] == [1, 2]


def test_a_lead_left_hanging_gets_a_visible_placeholder(tmp_path, corpus):
    brief = parse_brief(
        {
            "occasion": "symposium",
            "locality": "东湖区",
            "length": 600,
            "requirements": ["甲要求", "乙要求", "丙要求"],
        }
    )

    def responder(body):
        if "接着“主要是”" in body["messages"][-1]["content"]:
            return "谢谢大家！"  # nothing usable
        return section_reply(body)

    with FakeLLMServer(responder=responder) as srv:
        draft = draft_speech(
            brief,
            llm=make_llm(srv),
            out_dir=tmp_path / "d",
            retrieve=fake_retrieve,
            corpus=corpus,
            max_repairs=0,
        )
    opening = next(s for s in DraftDoc.load(draft.dir).sections if s.role == "opening").text
    assert opening.startswith("召开这次座谈会，主要是【待补：")
    assert opening.endswith("下面，我讲三点意见。")


def test_sub_points_are_renumbered_without_gaps():
    from assistant.drafting import renumber_subpoints, strip_lists

    raw = "要抓好三件事。\n2. 抓落实。\n3. 抓监督。\n三是抓队伍。"
    out = renumber_subpoints(strip_lists(raw))
    assert out == "要抓好三件事。\n一是抓落实。\n二是抓监督。\n三是抓队伍。"
    assert renumber_subpoints("统一是前提。") == "统一是前提。"  # not a marker mid-word
    # A list the model started with 一要 (made 一是 at a line start) and went on with 二要.
    assert (
        renumber_subpoints(strip_lists("一要强化学习。二要狠抓落实。"))
        == "一是强化学习。二是狠抓落实。"
    )


def test_formulation_rule_follows_the_speech_date():
    import datetime as dt
    from dataclasses import replace

    from assistant.drafting import tifa_rule

    brief = load_brief(EXAMPLE)
    assert "十五五" in tifa_rule(brief) and "二十大" in tifa_rule(brief)
    old = tifa_rule(replace(brief, date=dt.date(2020, 5, 15)))
    assert "2020年5月" in old and "十九大" in old and "十五五" not in old


def test_quarantine_also_marks_the_bare_place_name():
    from assistant.drafting import Problems, quarantine

    out = quarantine(
        "为实现清徐的全面发展，清徐县要先行。", Problems(items=["x"], leaks=["清徐县"])
    )
    assert "清徐" not in out and out.count("【待补：本地名称】") == 2
