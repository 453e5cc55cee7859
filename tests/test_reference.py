"""Drafts against their reference speeches: the measure measures (itself 1.0, a paraphrase
far above another speech, shuffled sections lower on alignment only), and the block reaches
eval run, results.json, the HTML report, eval compare and eval score."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from fakellm import fake_llm  # noqa: F401 - a fixture
from typer.testing import CliRunner

from assistant.cli import app
from assistant.config import Endpoint
from assistant.corpus import get_speech, load_corpus
from assistant.errors import InputError
from assistant.evalrun import compare, load_cases, render_comparison, run_cases, score_case_text
from assistant.llm import LLM
from assistant.reference import (
    CaseReference,
    Similarity,
    align,
    compare_texts,
    make_pairwise,
    parse_choice,
)
from assistant.structure import parse_speech

runner = CliRunner()

CLOSING = ("qingxu-closing-2022", "township-closing-2024", "xcity-closing-2020")
# Another speech of the same occasion for each
OTHER = {
    "qingxu-closing-2022": "township-closing-2024",
    "township-closing-2024": "xcity-closing-2020",
    "xcity-closing-2020": "qingxu-closing-2022",
}
CONTENT_FIGURES = ("content", "points", "coverage", "balance")
# The checks that look at the order of the parts themselves (the call after the review…):
# shuffling the parts may move them, and only them.
ORDER_CHECKS = {"structure", "required_elements"}


# -- the deterministic paraphraser and shuffler ------------------------------------------

SYNONYMS = (
    ("加强", "强化"),
    ("推动", "推进"),
    ("提高", "提升"),
    ("积极", "主动"),
    ("群众", "百姓"),
    ("全面", "全方位"),
    ("切实", "务必"),
    ("坚持", "坚守"),
    ("努力", "着力"),
    ("认真", "扎实"),
    ("不断", "持续"),
    ("重要", "关键"),
)


def paraphrase(text: str) -> str:
    """A light paraphrase: synonyms swapped, and in every other sentence of four clauses or
    more the second and third clauses exchanged (never the first: it carries the markers
    and the cues a reader finds the parts by)."""
    for a, b in SYNONYMS:
        text = text.replace(a, b)
    out = []
    for k, sent in enumerate(re.split(r"(?<=。)", text)):
        parts = sent.split("，")
        if k % 2 == 0 and len(parts) >= 4:
            parts[1], parts[2] = parts[2], parts[1]
        out.append("，".join(parts))
    return "".join(out)


def shuffle_sections(text: str, occasion: str) -> str:
    """The speech's own sections in another order: the parts before the requirements
    reversed, and those after them reversed; the requirements block stays whole between.
    (The parser knows a part partly by where it stands relative to the points, so a call
    moved before them would be read as another part, not as a call out of place.)"""
    secs = list(parse_speech(text, occasion).sections)
    idx = [i for i, s in enumerate(secs) if s.role == "requirements"]
    a, b = idx[0], idx[-1] + 1
    head = [s for s in secs[:a] if s.role in ("title", "salutation")]
    pre = [s for s in secs[:a] if s.role not in ("title", "salutation")]
    return "\n\n".join(s.text for s in [*head, *pre[::-1], *secs[a:b], *secs[b:][::-1]])


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def block_for(name: str, text: str, corpus, similarity=None) -> dict:
    case = load_cases(f"{name}.toml")[0]
    card = score_case_text(text, case, corpus=corpus)
    return CaseReference(case, corpus, similarity=similarity).compare(text, card)


# -- the measure must be shown to measure ------------------------------------------------


@pytest.mark.parametrize("name", CLOSING)
def test_reference_against_itself_scores_one_on_every_figure(name, corpus):
    block = block_for(name, get_speech(name).text, corpus)
    assert block["similarity"].startswith("embedding:")
    assert block["figures"] == {
        k: 1.0
        for k in ("alignment", "content", "points", "coverage", "balance", "checks", "overall")
    }
    assert block["alignment"]["differences"] == [] and block["points"]["uncovered"] == []


@pytest.mark.parametrize("similarity", [None, Similarity()], ids=["embedding", "lexical"])
@pytest.mark.parametrize("name", CLOSING)
def test_paraphrase_scores_clearly_higher_than_another_speech(name, similarity, corpus):
    ref = get_speech(name).text
    para = paraphrase(ref)
    changed = sum(1 for x, y in zip(para.split("。"), ref.split("。"), strict=False) if x != y)
    assert changed / len(ref.split("。")) > 0.3  # the paraphrase really differs
    mine = block_for(name, para, corpus, similarity)["figures"]
    other = block_for(name, get_speech(OTHER[name]).text, corpus, similarity)["figures"]
    for k in ("content", "points", "overall"):
        assert mine[k] > other[k] + 0.25, (k, mine[k], other[k])
    assert mine["coverage"] == 1.0 and other["coverage"] < 1.0
    assert mine["alignment"] >= other["alignment"]


@pytest.mark.parametrize("name", CLOSING)
def test_shuffled_sections_score_lower_on_alignment_only(name, corpus):
    speech = get_speech(name)
    block = block_for(name, shuffle_sections(speech.text, speech.occasion), corpus)
    f = block["figures"]
    assert f["alignment"] < 0.8
    assert any(e["op"] in ("replaced", "missing", "extra") for e in block["alignment"]["edits"])
    for k in CONTENT_FIGURES:
        assert f[k] == 1.0, (k, f[k])
    # The checks may see the disorder only through the checks of the order itself.
    moved = {c["name"] for c in block["ceiling"]["checks"] if c["gap"]}
    assert moved <= ORDER_CHECKS, moved


# -- the parts ---------------------------------------------------------------------------


def test_alignment_lists_missing_extra_and_replaced_parts():
    ref = ["salutation", "opening", "review", "point", "point", "call"]
    draft = ["salutation", "opening", "point", "point", "point", "call", "closing"]
    distance, edits = align(draft, ref)
    assert distance == 3  # a point is never "in place of" the review
    ops = [(e["op"], e["draft"], e["reference"]) for e in edits]
    assert ("missing", None, "review") in ops and ("extra", "point", None) in ops
    assert ("extra", "closing", None) in ops
    distance, edits = align(["salutation", "thanks", "point", "call"], ref)
    assert distance == 3
    ops = [(e["op"], e["draft"], e["reference"]) for e in edits]
    # 致谢 stands where the reference has 开场 or 回顾 (both are shortest); the point is missing
    assert {op for op, d, r in ops if d == "thanks"} == {"replaced"}
    assert ("missing", None, "point") in ops
    assert any(e["text"].startswith("草稿缺少要求第") for e in edits)


def test_a_dropped_point_is_listed_by_its_headline(corpus):
    name = "township-closing-2024"
    speech = get_speech(name)
    third = parse_speech(speech.text, speech.occasion).points()[2]
    block = block_for(name, speech.text.replace(third.text, ""), corpus)
    assert block["points"]["uncovered"] == [third.heading]
    assert "要求：草稿 3 点，参考稿 4 点" in block["alignment"]["differences"]
    assert block["figures"]["coverage"] == 0.75


def test_a_check_the_reference_fails_is_not_held_against_the_draft(corpus):
    # township-closing-2024 fails placeholders and tifa against its own case brief.
    name = "township-closing-2024"
    block = block_for(name, "同志们：\n今天召开会议。", corpus)
    rows = {c["name"]: c for c in block["ceiling"]["checks"]}
    failed_by_ref = [n for n, c in rows.items() if not c["reference_passed"]]
    assert failed_by_ref and all(rows[n]["gap"] is None for n in failed_by_ref)
    assert set(block["ceiling"]["not_held"]) == set(failed_by_ref)
    held = [c for c in rows.values() if c["reference_passed"]]
    assert any(c["gap"] > 0 for c in held)
    gaps = [c["gap"] for c in held]
    assert block["figures"]["checks"] == pytest.approx(1 - sum(gaps) / len(gaps), abs=1e-3)


def test_lexical_fallback_when_the_embedder_cannot_load(monkeypatch):
    from assistant import reference

    def broken(*a, **k):
        raise OSError("no model")

    monkeypatch.setattr(reference.EmbeddingSimilarity, "__init__", broken)
    sim = reference.default_similarity()
    assert sim.method == "lexical"
    ref = get_speech("qingxu-closing-2022").text
    assert compare_texts(ref, ref, similarity=sim)["figures"]["content"] == 1.0


# -- the pairwise judge ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "winner"),
    [(("A", "B"), "draft"), (("B", "A"), "reference"), (("A", "A"), "tie"), (("B", "B"), "tie")],
)
def test_pairwise_asks_twice_with_the_order_swapped(fake_llm, answers, winner):  # noqa: F811
    fake_llm.push(*answers)
    llm = LLM(Endpoint("custom", fake_llm.base_url, "judge-model", api_key="sk-test"))
    result = make_pairwise(llm)("草稿正文甲。", "参考正文乙。", None, "closing_session")
    assert result["winner"] == winner and result["model"] == "judge-model"
    first, second = (r.json["messages"][-1]["content"] for r in fake_llm.chat_requests)
    assert first.index("草稿正文甲") < first.index("参考正文乙")
    assert second.index("参考正文乙") < second.index("草稿正文甲")


def test_pairwise_unreadable_answer_is_not_a_verdict(fake_llm):  # noqa: F811
    fake_llm.push("两篇都不错", "A")
    llm = LLM(Endpoint("custom", fake_llm.base_url, "judge-model", api_key="sk-test"))
    assert make_pairwise(llm)("甲。", "乙。")["winner"] == "unreadable"
    assert parse_choice("B。") == "B" and parse_choice("A 或 B") is None


# -- eval run, results.json, HTML, compare, eval score -----------------------------------


@dataclass
class FakeDraft:
    text: str
    dir: Path


def _drafter(text):
    def draft(brief, *, out_dir):
        out_dir.mkdir(parents=True, exist_ok=True)
        return FakeDraft(text, out_dir)

    return draft


def test_eval_run_writes_the_reference_block_table_html_and_compare(tmp_path):
    cases = load_cases("township-closing-2024.toml")
    ref = get_speech("township-closing-2024").text
    third = parse_speech(ref, "closing_session").points()[2]
    asked = []

    def pairwise(draft, reference, brief, occasion):
        asked.append((draft[:10], reference[:10]))
        return {"winner": "tie", "answers": ["A", "A"], "model": "fake"}

    a = run_cases(cases, out_dir=tmp_path / "a", draft_fn=_drafter(ref), pairwise=pairwise)
    b = run_cases(
        cases, out_dir=tmp_path / "b", draft_fn=_drafter(ref.replace(third.text, "<b>不</b>"))
    )
    data = json.loads((tmp_path / "b" / "results.json").read_text(encoding="utf-8"))
    block = data["cases"][0]["runs"][0]["reference"]
    assert block["id"] == "township-closing-2024"
    assert block["points"]["uncovered"] == [third.heading]
    assert {"alignment", "content", "points", "coverage", "balance", "checks", "overall"} == set(
        block["figures"]
    )
    assert a.data["cases"][0]["runs"][0]["reference"]["pairwise"]["winner"] == "tie"
    assert asked and "pairwise" not in block
    page = (tmp_path / "b" / "report.html").read_text(encoding="utf-8")
    assert '<table class="side">' in page and "与参考稿 township-closing-2024 对照" in page
    assert '<mark class="only-draft">' in page and "&lt;b&gt;" in page and "<b>不</b>" not in page
    assert third.heading in page
    cmp = compare(a.out_dir, b.out_dir)
    moved = {(n, k): (x, y) for n, k, x, y in cmp.reference}
    x, y = moved[("township-closing-2024", "coverage")]
    assert x == 1.0 and y == 0.75
    assert "与参考稿对照" in render_comparison(cmp)
    out = runner.invoke(app, ["eval", "compare", str(a.out_dir), str(b.out_dir), "--json"])
    assert any(r["figure"] == "coverage" for r in json.loads(out.stdout)["reference"])
    from rich.console import Console

    console = Console(width=200, record=True)
    console.print(__import__("assistant.evalrun").evalrun.rich_table(data))
    shown = console.export_text()
    assert "参考稿" in shown and "要点 0.75" in shown


def test_a_case_without_reference_has_no_block(tmp_path):
    cases = load_cases("example-qingshan.toml")
    result = run_cases(cases, out_dir=tmp_path, draft_fn=_drafter("同志们：\n今天开会。"))
    assert "reference" not in result.data["cases"][0]["runs"][0]


def test_eval_score_with_reference(tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text(paraphrase(get_speech("xcity-closing-2020").text), encoding="utf-8")
    out = runner.invoke(
        app, ["eval", "score", str(speech), "--reference", "xcity-closing-2020", "--json"]
    )
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["reference"]["id"] == "xcity-closing-2020"
    assert data["reference"]["figures"]["content"] > 0.8
    text = runner.invoke(app, ["eval", "score", str(speech), "--reference", "xcity-closing-2020"])
    assert "与参考稿 xcity-closing-2020 对照" in text.stdout and "结构" in text.stdout
    bad = runner.invoke(app, ["eval", "score", str(speech), "--reference", "no-such"])
    assert isinstance(bad.exception, InputError) and "no-such" in str(bad.exception)
    lone = runner.invoke(app, ["eval", "score", str(speech), "--pairwise"])
    assert isinstance(lone.exception, InputError) and "--reference" in str(lone.exception)


def test_eval_score_pairwise_on_an_endpoint(fake_llm, monkeypatch, tmp_path):  # noqa: F811
    monkeypatch.setenv("OPENAI_BASE_URL", fake_llm.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    fake_llm.push("B", "A")  # the reference both times
    speech = tmp_path / "speech.txt"
    speech.write_text("各位代表、同志们：\n大会圆满完成了各项议程。", encoding="utf-8")
    out = runner.invoke(
        app,
        ["eval", "score", str(speech), "--reference", "gaodu-closing-2023", "--pairwise"]
        + ["--model", "judge-x", "--json"],
    )
    assert out.exit_code == 0, out.output
    pw = json.loads(out.stdout)["reference"]["pairwise"]
    assert pw == {"winner": "reference", "answers": ["B", "A"], "model": "judge-x"}
    assert [r.json["temperature"] for r in fake_llm.chat_requests] == [0, 0]
