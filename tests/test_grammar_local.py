"""The drafting grammar run through llama.cpp's own grammar engine, with the embedded
model's vocabulary (loaded vocab-only: no weights, no decoding), token by token as the
server applies it: what a paragraph may and may not contain."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pytest
from test_e2e_local import MODEL, _require_local_model

from assistant import paths
from assistant.brief import load_brief
from assistant.drafting.write import text_grammar

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "brief-closing.toml"


@pytest.fixture(scope="module")
def vocab():
    _require_local_model()
    import llama_cpp

    params = llama_cpp.llama_model_default_params()
    params.vocab_only = True
    model = llama_cpp.llama_model_load_from_file(
        str(paths.models_dir() / f"{MODEL}.gguf").encode(), params
    )
    assert model, "the embedded model's vocabulary did not load"
    yield llama_cpp.llama_model_get_vocab(model)
    llama_cpp.llama_model_free(model)


def _allowed(llama_cpp, sampler, token: int) -> bool:
    data = (llama_cpp.llama_token_data * 1)()
    data[0].id, data[0].logit, data[0].p = token, 0.0, 0.0
    candidates = llama_cpp.llama_token_data_array(data, 1, -1, False)
    llama_cpp.llama_sampler_apply(sampler, ctypes.byref(candidates))
    return data[0].logit != float("-inf")


def _accepts(vocab, grammar: str, text: str, *, then_end: bool = False) -> bool:
    """Whether the grammar lets the model write `text`, tokenized as the model would, and
    (`then_end`) end its turn right after it."""
    import llama_cpp

    sampler = llama_cpp.llama_sampler_init_grammar(vocab, grammar.encode(), b"root")
    assert sampler, "llama.cpp could not parse the grammar"
    raw = text.encode()
    tokens = (llama_cpp.llama_token * (len(raw) + 8))()
    n = llama_cpp.llama_tokenize(vocab, raw, len(raw), tokens, len(raw) + 8, False, True)
    try:
        for token in tokens[:n]:
            if not _allowed(llama_cpp, sampler, token):
                return False
            llama_cpp.llama_sampler_accept(sampler, token)
        return not then_end or _allowed(llama_cpp, sampler, llama_cpp.llama_vocab_eot(vocab))
    finally:
        llama_cpp.llama_sampler_free(sampler)


SPEECH = [
    "青山镇第十九届人民代表大会第一次会议，在全体代表的共同努力下，圆满完成了各项议程。",
    "二〇二六年是“十五五”开局之年，我们要一以贯之抓落实，进一步把十件民生实事办好。",
    "全年完成投资十亿元以上，第一书记驻村全覆盖，《中华人民共和国宪法》要常学常新。",
    "茶园发展到1.8万亩，参合率98.6%，第18届大会在2013年1月18日闭幕，13个行政村通了路。",
    "坚持党的领导、人民当家作主、依法治国有机统一是我们的根本遵循，这是问题之一是否解决的关键。",
    "二〇二六年是开局之年。二〇二六年，我们要实现一、二、三产业融合发展。",
    "贫困发生率降到3%以下，县级以下人大要加强建设（2021—2025年），安全第一。",
    "让我们更加紧密地团结在以习近平同志为核心的党中央周围，为实现今年的目标任务而努力奋斗！",
    "十四五规划顺利实施，五年来成绩显著，一要加强领导，四要强化保障。",
    "思想统一就是力量，万众一心就是胜利，第一书记就是村里的带头人。",
    "第一要务是发展，第二要紧的是稳定，第十二届人大在第五次会议上通过了决议。",
    "五年来我们一定要记住，五个必须要坚持，七一前后开展主题党日活动。",
    "一定要把群众的事办好，一定程度上这是对我们的考验。",
    "党委书记是第一责任人，要在第一时间赶到一线，进入新发展阶段。",
]
LISTS = [
    "一是加强党的领导。",
    "要做好三方面工作，二是抓好落实。",
    "第一，要加强学习。",
    "第十二，要抓好落实。",
    "主要有以下几个方面。",
    "要把握好以下三点。",
    "具体措施有五条。1. 加强政策引导。",
    "一要加强领导，2、要强化保障。",
    "第一、要加强学习。",
    "要采取措施。一、优化产业结构。二、加强科技创新。",
    "第1，要加强学习。",
    "要做好三件事。二是抓好落实。",
    # the ASCII comma (清河 2023: 第一, 加强数字经济布局规划；第二, …)
    "要采取措施。第一, 加强数字经济布局规划。",
    "要做好三件事。一, 加强领导。",
    # past 四要 (松坪乡 2020: 一要…七要 in one paragraph)
    "要做好七件事，五要抓好落实。",
    "要做好七件事。七要加强协作。",
    # the way round 一是 (槐原 2018, 临江 2019, 柳塘 2021, 南川 2023 in the tenth full run)
    "要做好三件事。一就是加强领导。",
    "要做好三件事，二就是抓好落实。",
    "要采取措施。第一就是优化产业结构。",
    # 五需…六应 where 五要 is stopped (丰源 2025, eleventh full run)
    "做好这项工作，四要强化培训，五需加强信息收集。",
    "要做好五件事。第五要加强协作。",
    "要做好六件事。六应建立健全考核评价体系。",
    # …and 五既要…六必须要…七一定要 where 五需 is stopped too (丰源 2025, twelfth full run)
    "做好这项工作，四要强化培训，五既要加强市场准入管理，也要完善监管。",
    "要做好七件事。六必须要加强人才引进和培养。",
    # a Chinese numeral and a full stop (宁川 2015, twelfth full run: 五. 加强与人民群众的联系)
    "四要加强队伍建设。五. 加强与人民群众的联系。",
    "要做好三件事。一. 加强领导。",
    # a document's stages, tiers and kinds (宁川 2015, twentieth run: 第一阶段是…第二阶段;
    # 丰源 2025: 第一级部门…第二级)
    "要分步推进。第一阶段是思想准备。",
    "要明确责任，第一级部门负责制定政策。",
    "要做好三件事。第一件是加强学习。",
]


def test_the_grammar_lets_speech_through_and_stops_report_lists(vocab):
    brief = load_brief(EXAMPLE)
    grammar = text_grammar(brief)
    for text in SPEECH:
        # written whole, and ended there: a grammar that cannot end after 。 made every
        # paragraph run on to its token cap (a review's first version did)
        assert _accepts(vocab, grammar, text, then_end=True), text
    for text in LISTS:
        assert not _accepts(vocab, grammar, text), text
    # Without the list rules the same lists are possible: the rules are what stops them.
    plain = text_grammar(brief, lists=False)
    assert all(_accepts(vocab, plain, text) for text in LISTS)
    # Marks the grammar bans either way.
    for text in ("回顾成绩：", "**加强领导**", "Hello", "五は注重人才引进。", "인재를 중시한다"):
        assert not _accepts(vocab, grammar, text), text


def test_a_framed_paragraph_ends_on_what_the_figures_mean(vocab):
    brief = load_brief(EXAMPLE)
    framed = text_grammar(brief, framed=True)
    told = (
        "过去一年，我们始终把民生放在首位，新增城镇就业1.36万人，完成老旧小区改造23个。"
        "群众的获得感更加充实，日子越过越红火。"
    )
    assert _accepts(vocab, framed, told, then_end=True)
    # 临江 2019, 回顾第2段: the brief's facts joined by ；, the paragraph's whole text; it may
    # be written, but not end there, not even where its last clause has no digit (水质稳定
    # 达到Ⅲ类), nor on a clause that follows a figure in the same sentence
    pasted = "新增城镇就业1.36万人，城镇登记失业率控制在3.2%以内；空气优良天数达到320天，水质稳定达到Ⅲ类。"
    assert _accepts(vocab, framed, pasted)
    assert not _accepts(vocab, framed, pasted, then_end=True)
    assert _accepts(vocab, text_grammar(brief), pasted, then_end=True)
    tail = "这一年成效明显，新增城镇就业1.36万人，群众得到了实惠。"
    assert not _accepts(vocab, framed, tail, then_end=True)
    # it may end once a sentence without a digit follows, and the list rules still hold
    assert _accepts(vocab, framed, tail + "这些变化，群众看得见、摸得着。", then_end=True)
    assert not _accepts(vocab, framed, tail + "这些变化，", then_end=True)
    # …and not by a stop with nothing before it (a review found 420座。。 could end it)
    assert not _accepts(vocab, framed, tail + "。", then_end=True)
    assert not _accepts(vocab, framed, "。")
    for text in ("过去一年，" + t for t in LISTS[:6]):
        assert not _accepts(vocab, framed, text), text
    assert not _accepts(vocab, framed, "回顾成绩：")


def test_a_paragraph_does_not_open_with_a_run_of_demands(vocab):
    """枫林 2024 and 丰源 2025 at scale 0.5: 一要…四要 as a paragraph's whole text."""
    grammar = text_grammar(load_brief(EXAMPLE))
    assert not _accepts(vocab, grammar, "一要加强组织协调，二要强化服务保障。")
    assert not _accepts(vocab, grammar, "三要严格考核问效。")
    for text in (
        "做好这项工作，一要加强组织协调，二要强化服务保障。",
        "一年来，全镇上下团结奋斗。",
    ):
        assert _accepts(vocab, grammar, text, then_end=True), text
