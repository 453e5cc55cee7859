"""`eval run --repeat N`: N independent samples, and the spread of the checks across them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from fakellm import fake_llm  # noqa: F401 - a fixture
from rich.console import Console

from assistant.config import Endpoint
from assistant.corpus import get_speech
from assistant.evalrun import load_cases, rich_table, run_cases, spread
from assistant.llm import LLM, ResponseCache

MESSAGES = [{"role": "user", "content": "写闭幕式讲话的开头。"}]


@dataclass
class FakeDraft:
    text: str
    dir: Path


def qingxu_case():
    return load_cases("qingxu-closing-2022.toml")


GOOD = get_speech("qingxu-closing-2022").text
BAD = "同志们：今年XX镇地区生产总值增长99%。"


# -- the repeat index reaches the drafter ------------------------------------------------


def test_repeats_receive_distinct_sample_indices(tmp_path):
    seen = []

    def drafter(brief, *, out_dir, sample):
        seen.append((sample, out_dir.name))
        return FakeDraft(GOOD, out_dir)

    result = run_cases(qingxu_case(), out_dir=tmp_path, draft_fn=drafter, repeat=3)
    assert sorted(seen) == [
        (1, "qingxu-closing-2022-r1"),
        (2, "qingxu-closing-2022-r2"),
        (3, "qingxu-closing-2022-r3"),
    ]
    assert result.data["config"]["independent_samples"] is True


def test_a_drafter_without_samples_still_runs_and_is_recorded_as_such(tmp_path):
    def drafter(brief, *, out_dir):
        return FakeDraft(GOOD, out_dir)

    result = run_cases(qingxu_case(), out_dir=tmp_path, draft_fn=drafter, repeat=2)
    assert all(r["error"] is None for r in result.data["cases"][0]["runs"])
    assert result.data["config"]["independent_samples"] is False


def test_the_default_drafter_passes_sample_to_draft_speech(tmp_path, monkeypatch):
    import assistant.drafting

    calls = []

    def fake_draft_speech(brief, *, llm, out_dir, exclude_speech_ids=(), sample=1):
        calls.append((sample, exclude_speech_ids, llm.cache is None))
        return FakeDraft(GOOD, out_dir)

    monkeypatch.setattr(assistant.drafting, "draft_speech", fake_draft_speech)
    endpoint = Endpoint("custom", "http://127.0.0.1:9/v1", "fake-model", api_key="sk-x")
    run_cases(qingxu_case(), endpoint=endpoint, out_dir=tmp_path, repeat=2, use_cache=False)
    assert sorted(calls) == [
        (1, ("qingxu-closing-2022",), True),
        (2, ("qingxu-closing-2022",), True),
    ]


# -- the cache salt ----------------------------------------------------------------------


def _llm(server, tmp_path) -> LLM:
    ep = Endpoint("custom", server.base_url, "fake-model", api_key="sk-test")
    return LLM(ep, cache=ResponseCache(tmp_path / "cache"))


def test_same_request_without_salt_is_a_replay(fake_llm, tmp_path):  # noqa: F811
    fake_llm.push("第一稿", "第二稿")
    llm = _llm(fake_llm, tmp_path)
    a = llm.chat(MESSAGES, temperature=0.7, max_tokens=50)
    b = llm.chat(MESSAGES, temperature=0.7, max_tokens=50)
    assert (a.text, b.text, b.cached) == ("第一稿", "第一稿", True)
    assert len(fake_llm.chat_requests) == 1


def test_a_salt_draws_a_new_sample_and_is_cached_under_its_own_key(fake_llm, tmp_path):  # noqa: F811
    fake_llm.push("第一稿", "第二稿", "第三稿")
    llm = _llm(fake_llm, tmp_path)
    first = llm.chat(MESSAGES, temperature=0.7, max_tokens=50)
    second = llm.chat(MESSAGES, temperature=0.7, max_tokens=50, cache_salt="repeat-2")
    again = llm.chat(MESSAGES, temperature=0.7, max_tokens=50, cache_salt="repeat-2")
    third = llm.chat(MESSAGES, temperature=0.7, max_tokens=50, cache_salt="repeat-3")
    assert [first.text, second.text, again.text, third.text] == [
        "第一稿",
        "第二稿",
        "第二稿",
        "第三稿",
    ]
    assert again.cached and not second.cached
    assert len(fake_llm.chat_requests) == 3
    # The salt is ours: it never reaches the API.
    for req in fake_llm.chat_requests:
        assert "cache_salt" not in req.json and "repeat-2" not in str(req.json)


# -- the spread --------------------------------------------------------------------------


def _run(score, **checks):
    return {
        "score": score,
        "checks": [{"name": n, "score": s, "passed": p} for n, (s, p) in checks.items()],
    }


def test_spread_is_min_mean_max_and_pass_count_per_check():
    runs = [
        _run(0.9, length=(0.5, False), tifa=(1.0, True)),
        _run(0.6, length=(1.0, True), tifa=(1.0, True)),
        _run(0.3, length=(0.0, False)),  # tifa skipped in this run
        {"score": None, "checks": []},  # a harness error
    ]
    sp = spread(runs)
    assert sp["score"] == {"min": 0.3, "mean": 0.6, "max": 0.9, "runs": 3}
    assert sp["checks"]["length"] == {"min": 0.0, "mean": 0.5, "max": 1.0, "passed": 1, "runs": 3}
    assert sp["checks"]["tifa"] == {"min": 1.0, "mean": 1.0, "max": 1.0, "passed": 2, "runs": 2}


def test_spread_of_nothing_is_empty():
    assert spread([{"score": None, "checks": []}]) == {"score": None, "checks": {}}


def test_run_reports_the_spread_in_json_html_and_terminal(tmp_path):
    def drafter(brief, *, out_dir, sample):
        return FakeDraft(GOOD if sample == 1 else BAD, out_dir)

    result = run_cases(qingxu_case(), out_dir=tmp_path, draft_fn=drafter, repeat=2)
    case = result.data["cases"][0]
    runs = {r["repeat"]: r for r in case["runs"]}
    facts = case["spread"]["checks"]["invented_facts"]
    assert (facts["passed"], facts["runs"]) == (1, 2)
    assert facts["min"] < facts["max"] == 1.0
    assert case["spread"]["score"]["max"] == pytest.approx(runs[1]["score"], abs=1e-4)
    assert case["spread"]["score"]["min"] == pytest.approx(runs[2]["score"], abs=1e-4)

    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "2 次独立起草的波动" in page
    assert "<td>invented_facts</td>" in page and "<td>1/2</td>" in page

    console = Console(record=True, width=240)
    console.print(rich_table(result.data))
    text = console.export_text()
    assert "波动" in text and "invented_facts 1/2" in text


def test_a_single_run_shows_no_spread_table(tmp_path):
    def drafter(brief, *, out_dir, sample):
        return FakeDraft(GOOD, out_dir)

    run_cases(qingxu_case(), out_dir=tmp_path, draft_fn=drafter)
    assert "独立起草的波动" not in (tmp_path / "report.html").read_text(encoding="utf-8")
