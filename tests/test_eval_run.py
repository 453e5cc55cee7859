"""Eval runs with a fake drafting function: exit codes, reports, comparison, CLI."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from assistant.cli import app
from assistant.corpus import get_speech
from assistant.errors import ModelError
from assistant.evalrun import compare, load_cases, render_comparison, run_cases

runner = CliRunner()


@dataclass
class FakeDraft:
    text: str
    dir: Path


def reference_drafter(brief, *, out_dir):
    """Returns the reference speech whose brief this is: passes its case."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return FakeDraft(get_speech("qingxu-closing-2022").text, out_dir)


def bad_drafter(brief, *, out_dir):
    return FakeDraft("同志们：今年XX镇地区生产总值增长99%。<script>alert(1)</script>", out_dir)


def broken_drafter(brief, *, out_dir):
    raise ModelError("模型服务连接失败")


def qingxu_case():
    return load_cases("qingxu-closing-2022.toml")


def test_pass_run_exit_0_and_reports(tmp_path):
    result = run_cases(qingxu_case(), out_dir=tmp_path, draft_fn=reference_drafter)
    assert result.exit_code == 0
    data = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert {"config", "git_commit", "started", "finished", "cases", "summary"} <= set(data)
    run = data["cases"][0]["runs"][0]
    assert run["passed"] and run["draft_dir"].endswith("qingxu-closing-2022-r1")
    assert {c["name"] for c in run["checks"]} >= {"structure", "required_elements", "leakage"}
    assert (tmp_path / "report.html").is_file()


def test_failing_run_exit_1_and_html_escaped_self_contained(tmp_path):
    result = run_cases(qingxu_case(), out_dir=tmp_path, draft_fn=bad_drafter, repeat=2)
    assert result.exit_code == 1
    assert len(result.data["cases"][0]["runs"]) == 2
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "<script>" not in page
    assert "99%" in page  # the invented figure is shown in a reason
    for external in ("http://", "https://", "<link", "src="):
        assert external not in page


def test_harness_error_exit_2_recorded_per_case(tmp_path):
    result = run_cases(qingxu_case(), out_dir=tmp_path, draft_fn=broken_drafter)
    assert result.exit_code == 2
    assert "模型服务连接失败" in result.data["cases"][0]["runs"][0]["error"]


def test_compare_shows_case_and_check_flips(tmp_path):
    a = run_cases(qingxu_case(), out_dir=tmp_path / "a", draft_fn=reference_drafter)
    b = run_cases(qingxu_case(), out_dir=tmp_path / "b", draft_fn=bad_drafter)
    cmp = compare(a.out_dir, b.out_dir)
    flipped = {(f.case, f.check) for f in cmp.flips}
    assert ("qingxu-closing-2022", None) in flipped
    assert ("qingxu-closing-2022", "invented_facts") in flipped
    assert ("qingxu-closing-2022", "leakage") not in flipped  # passes in both
    assert "通过 → 未通过" in render_comparison(cmp)
    out = runner.invoke(app, ["eval", "compare", str(a.out_dir), str(b.out_dir), "--json"])
    assert out.exit_code == 0
    assert any(f["check"] == "invented_facts" for f in json.loads(out.stdout)["flips"])


def test_eval_score_json_schema(tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text(get_speech("gaodu-closing-2023").text, encoding="utf-8")
    brief = Path(__file__).resolve().parents[1] / "examples" / "brief-closing.toml"
    out = runner.invoke(app, ["eval", "score", str(speech), "--brief", str(brief), "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert set(data) == {"score", "passed", "checks"}
    assert isinstance(data["score"], float) and isinstance(data["passed"], bool)
    for check in data["checks"]:
        assert set(check) == {"name", "passed", "score", "reason"}
    names = {c["name"]: c for c in data["checks"]}
    # Scored against 青山镇's brief, 高都's own speech leaks 高都 and 张建军.
    assert not names["leakage"]["passed"] and "张建军" in names["leakage"]["reason"]


def test_eval_score_without_brief_reports_skips(tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text("同志们：\n今天召开会议，主要是部署工作。", encoding="utf-8")
    out = runner.invoke(app, ["eval", "score", str(speech), "--occasion", "symposium"])
    assert out.exit_code == 0
    assert "跳过 length" in out.stderr and "总分" in out.stdout


def test_eval_run_cli_harness_error_on_missing_cases(tmp_path):
    out = runner.invoke(app, ["eval", "run", "--cases", str(tmp_path / "none-*.toml")])
    assert out.exit_code == 2


def test_scale_case_shortens_target_for_drafting_and_length_check_alike():
    from assistant.evalrun import load_cases, scale_case

    case = next(c for c in load_cases(None) if c.name == "example-qingshan")
    small = scale_case(case, 0.25)
    assert small.brief.length == case.brief.length // 4
    assert small.brief.achievements == case.brief.achievements  # facts untouched
    assert case.brief.length == 3000  # the original is not mutated


def test_progress_reports_each_scored_draft(tmp_path):
    seen = []
    result = run_cases(
        qingxu_case(),
        out_dir=tmp_path,
        draft_fn=bad_drafter,
        repeat=2,
        on_case=lambda done, total, name, rec: seen.append((done, total, name, rec["passed"])),
    )
    assert [s[:3] for s in seen] == [(1, 2, "qingxu-closing-2022"), (2, 2, "qingxu-closing-2022")]
    assert all(passed is False for *_, passed in seen)
    assert result.exit_code == 1
