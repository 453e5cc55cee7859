"""Eval runs: draft every case, score each draft, and report (JSON, HTML, terminal).

A case is data in evals/cases/*.toml: a brief (inline table or path), the occasion, the
reference speech id if any, thresholds and weights. A run writes results.json (config, git
commit, timestamps, per case per repeat the scores and reasons and the draft dir) and a
self-contained report.html; a case with a reference speech gets, per draft, a `reference`
block comparing the draft with it (assistant/reference.py). Exit codes: 0 all thresholds
met, 1 some missed, 2 harness error.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import subprocess
import threading
import time
import tomllib
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant import paths
from assistant.brief import Brief, load_brief, parse_brief
from assistant.errors import AssistantError, InputError
from assistant.reference import FIGURE_LABELS
from assistant.reference_report import figures_of, reference_changes, short_figures
from assistant.reference_report import html_block as reference_html
from assistant.scoring import ALL_CHECKS, CHECKS, score_text

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


@dataclass(frozen=True)
class Case:
    name: str
    occasion: str
    brief: Brief
    reference: str | None = None
    description: str = ""
    thresholds: dict[str, float] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)
    known_defects: tuple[str, ...] = ()  # checks the reference itself fails (data, with a note)
    path: Path | None = None


def scale_case(case: Case, factor: float) -> Case:
    """The case with its target length scaled: budgets and the length check move together."""
    from dataclasses import replace

    length = max(100, int(case.brief.length * factor))
    return replace(case, brief=replace(case.brief, length=length))


def parse_case(data: dict[str, Any], path: Path | None = None) -> Case:
    where = str(path) if path else "评测用例"
    name = data.get("name") or (path.stem if path else None)
    if not name:
        raise InputError(f"{where} 缺少 name")
    raw = data.get("brief")
    if isinstance(raw, str):
        base = path.parent if path else Path.cwd()
        brief = load_brief((base / raw).resolve())
    elif isinstance(raw, dict):
        brief = parse_brief(raw, source=path)
    else:
        raise InputError(f"{where} 的 brief 应为简报路径或内联表 [brief]")
    occasion = data.get("occasion") or brief.occasion
    if occasion != brief.occasion:
        raise InputError(
            f"{where} 的 occasion（{occasion}）与简报的 occasion（{brief.occasion}）不一致"
        )
    for key in ("thresholds", "weights"):
        table = data.get(key) or {}
        bad = [k for k in table if k not in (*ALL_CHECKS, "score")]
        if bad:
            raise InputError(f"{where} 的 {key} 中有未知检查：{', '.join(bad)}")
    return Case(
        name=str(name),
        occasion=occasion,
        brief=brief,
        reference=data.get("reference"),
        description=str(data.get("description") or ""),
        thresholds={k: float(v) for k, v in (data.get("thresholds") or {}).items()},
        weights={k: float(v) for k, v in (data.get("weights") or {}).items()},
        known_defects=tuple(data.get("known_defects") or ()),
        path=path,
    )


def load_case(path: Path) -> Case:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"评测用例 {path} 无法读取：{exc}") from exc
    return parse_case(data, path)


def load_cases(pattern: str | None = None) -> list[Case]:
    """Cases matching `pattern` (a glob; relative ones are tried from cwd, then evals/cases)."""
    if pattern is None:
        files = sorted((paths.evals_dir() / "cases").glob("*.toml"))
    else:
        p = Path(pattern)
        if p.is_absolute():
            files = sorted(Path(p.anchor).glob(str(p.relative_to(p.anchor))))
        else:
            files = sorted(Path.cwd().glob(pattern)) or sorted(
                (paths.evals_dir() / "cases").glob(pattern)
            )
    if not files:
        raise InputError(f"没有找到评测用例：{pattern or 'evals/cases/*.toml'}")
    return [load_case(f) for f in files]


def score_case_text(text: str, case: Case, corpus: Sequence[Any] | None = None, **kw: Any):
    """Score a text for a case: its brief, thresholds and weights; its reference excluded
    from the corpus (a draft is not copying when it resembles the speech it is compared with)."""
    return score_text(
        text,
        brief=case.brief,
        occasion=case.occasion,
        corpus=corpus,
        weights=case.weights,
        thresholds=case.thresholds,
        exclude_ids=[case.reference] if case.reference else [],
        **kw,
    )


# ---------------------------------------------------------------- running

DraftFn = Callable[..., Any]  # (brief, *, out_dir) -> object with .text and .dir


def git_commit() -> str | None:
    repo = paths.checkout_dir()
    if repo is None:  # an installed package: no commit to record
        return None
    try:
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip() or None


def _now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def default_out_dir() -> Path:
    return paths.home() / "evals" / dt.datetime.now().strftime("run-%Y%m%d-%H%M%S")


@dataclass
class RunResult:
    out_dir: Path
    data: dict[str, Any]

    @property
    def exit_code(self) -> int:
        return int(self.data["summary"]["exit_code"])


def run_cases(
    cases: Sequence[Case],
    *,
    endpoint: Any = None,
    model: str | None = None,
    provider: str | None = None,
    repeat: int = 1,
    out_dir: Path | None = None,
    use_cache: bool = True,
    concurrency: int | None = None,
    draft_fn: DraftFn | None = None,
    corpus: Sequence[Any] | None = None,
    judge: Any = None,
    on_case: Callable[[int, int, str, dict[str, Any]], None] | None = None,
    drafting: dict[str, Any] | None = None,
    pairwise: Any = None,
) -> RunResult:
    """Draft and score every case `repeat` times; write results.json and report.html.

    `on_case(done, total, case_name, record)` is called as each draft is scored. A case
    with a reference speech gets a `reference` block per draft (assistant/reference.py);
    `pairwise` (reference.make_pairwise) adds the optional A/B judge to it.
    """
    if repeat < 1:
        raise InputError("--repeat 至少为 1")
    out_dir = Path(out_dir) if out_dir else default_out_dir()
    out_dir.mkdir(parents=True, exist_ok=True)
    started = _now()
    config: dict[str, Any] = {
        "repeat": repeat,
        "use_cache": use_cache,
        "cases": [c.name for c in cases],
        "drafting": dict(drafting or {}),
    }
    draft_fn, llm, local = _drafter(
        draft_fn, endpoint, model, provider, use_cache, drafting, config
    )
    workers = concurrency or (1 if local else 4)
    config["concurrency"] = workers
    config["independent_samples"] = _takes_sample(draft_fn)  # False: a repeat may replay
    if judge is not None:
        config["judge"] = getattr(judge, "model", None) or getattr(judge, "__name__", "custom")
    if corpus is None:
        from assistant.corpus import load_corpus

        corpus = load_corpus()
    if pairwise is not None:
        config["pairwise"] = getattr(pairwise, "model", None) or "custom"
    from assistant.reference import case_references

    scorer = _CaseRun(draft_fn, out_dir, corpus, judge, pairwise, case_references(cases, corpus))
    jobs = [(case, k) for case in cases for k in range(1, repeat + 1)]
    try:
        records = _run_jobs(scorer, jobs, workers, on_case)
    finally:
        if llm is not None:
            llm.close()
    case_rows = _case_rows(cases, jobs, records)
    data = {
        "config": config,
        "git_commit": git_commit(),
        "started": started,
        "finished": _now(),
        "cases": case_rows,
        "summary": summarize(case_rows),
    }
    (out_dir / "results.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8"
    )
    (out_dir / "report.html").write_text(render_html(data), encoding="utf-8")
    return RunResult(out_dir=out_dir, data=data)


def _drafter(
    draft_fn: DraftFn | None,
    endpoint: Any,
    model: str | None,
    provider: str | None,
    use_cache: bool,
    drafting: dict[str, Any] | None,
    config: dict[str, Any],
) -> tuple[DraftFn, Any, bool]:
    """(draft_fn, llm to close or None, whether the model is local): the caller's drafter,
    else one on the endpoint's model; `config` records which."""
    if draft_fn is not None:
        name = getattr(draft_fn, "__name__", "custom")
        config.update({"model": model, "provider": provider, "draft_fn": name})
        return draft_fn, None, True
    draft_fn, llm, described = _model_drafter(endpoint, model, provider, use_cache, drafting)
    config.update(described)
    return draft_fn, llm, bool(getattr(llm.endpoint, "is_local", False))


def _run_jobs(
    scorer: Any,
    jobs: list[tuple[Case, int]],
    workers: int,
    on_case: Callable[[int, int, str, dict[str, Any]], None] | None,
) -> list[dict[str, Any]]:
    """Each (case, repeat) drafted and scored, `workers` at a time, in the jobs' order;
    `on_case` told of each as it is done."""
    done = 0
    lock = threading.Lock()

    def one(job: tuple[Case, int]) -> dict[str, Any]:
        nonlocal done
        record = scorer.run(*job)
        if on_case is not None:
            with lock:
                done += 1
                on_case(done, len(jobs), job[0].name, record)
        return record

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        return list(pool.map(one, jobs))


def _model_drafter(
    endpoint: Any,
    model: str | None,
    provider: str | None,
    use_cache: bool,
    drafting: dict[str, Any] | None,
) -> tuple[DraftFn, Any, dict[str, Any]]:
    """The drafting pipeline on a model endpoint: the draft function, its client (closed
    by the caller) and the endpoint's description for results.json (no key in it)."""
    from assistant.config import resolve_endpoint
    from assistant.drafting import draft_speech
    from assistant.llm import LLM, ResponseCache

    endpoint = endpoint or resolve_endpoint(model=model, provider=provider)
    cache = ResponseCache(paths.home() / "cache" / "llm") if use_cache else None
    llm = LLM(endpoint, cache=cache)

    def draft_fn(
        brief: Brief, *, out_dir: Path, exclude: tuple[str, ...] = (), sample: int = 1
    ) -> Any:
        # sample k > 1 draws a fresh sample (its own cache key and seed), not a replay
        return draft_speech(
            brief,
            llm=llm,
            out_dir=out_dir,
            exclude_speech_ids=exclude,
            sample=sample,
            **(drafting or {}),
        )

    draft_fn.excludes_reference = True  # type: ignore[attr-defined]
    return draft_fn, llm, endpoint.describe() if hasattr(endpoint, "describe") else {}


@dataclass(frozen=True)
class _CaseRun:
    """One draft of one case, scored: what every job of a run shares."""

    draft_fn: DraftFn
    out_dir: Path
    corpus: Sequence[Any]
    judge: Any
    pairwise: Any
    references: dict[str, Any]

    def run(self, case: Case, k: int) -> dict[str, Any]:
        draft_dir = self.out_dir / "drafts" / f"{case.name}-r{k}"
        t0 = time.monotonic()
        record: dict[str, Any] = {"repeat": k, "draft_dir": str(draft_dir)}
        kw: dict[str, Any] = {"out_dir": draft_dir}
        if getattr(self.draft_fn, "excludes_reference", False) and case.reference:
            kw["exclude"] = (case.reference,)  # its own reference must not be its exemplar
        if _takes_sample(self.draft_fn):
            kw["sample"] = k
        try:
            record.update(self._scored(case, self.draft_fn(case.brief, **kw), draft_dir))
        except (AssistantError, OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            # Recorded, not raised: one broken case must not hide the others' results.
            record.update(
                {
                    "score": None,
                    "passed": False,
                    "checks": [],
                    "skipped": [],
                    "error": f"{type(exc).__name__}: {exc}",
                }
            )
        record["seconds"] = round(time.monotonic() - t0, 2)
        return record

    def _scored(self, case: Case, draft: Any, draft_dir: Path) -> dict[str, Any]:
        authorship = getattr(draft, "authorship", None)
        card = score_case_text(
            draft.text,
            case,
            corpus=self.corpus,
            judge=self.judge,
            checks=[*CHECKS, "judge"] if self.judge else None,
            outline=getattr(draft, "outline", None),
            provenance=authorship,
            sections=getattr(draft, "sections", None),
        )
        record: dict[str, Any] = {"draft_dir": str(getattr(draft, "dir", draft_dir))}
        record.update(card.to_dict())
        if case.name in self.references:
            record["reference"] = self.references[case.name].compare(
                draft.text, card, self.pairwise
            )
        if authorship:
            # What the model wrote vs what the program supplied, so the eval measures
            # the model's work and not only the guards.
            record["authorship"] = authorship
        record["skipped"] = [{"name": n, "reason": r} for n, r in card.skipped]
        record["error"] = None
        return record


def _case_rows(
    cases: Sequence[Case], jobs: list[tuple[Case, int]], records: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each case with its runs, mean score and spread, in the cases' order."""
    by_case: dict[str, list[dict[str, Any]]] = {}
    for (case, _), rec in zip(jobs, records, strict=True):
        by_case.setdefault(case.name, []).append(rec)
    rows = []
    for case in cases:
        runs = by_case.get(case.name, [])
        scores = [r["score"] for r in runs if r["score"] is not None]
        rows.append(
            {
                "name": case.name,
                "occasion": case.occasion,
                "reference": case.reference,
                "description": case.description,
                "thresholds": case.thresholds,
                "weights": case.weights,
                "error": any(r["error"] for r in runs),
                "passed": bool(runs) and all(r["passed"] for r in runs),
                "mean_score": round(sum(scores) / len(scores), 4) if scores else None,
                "spread": spread(runs),
                "runs": runs,
            }
        )
    return rows


def _takes_sample(fn: Callable[..., Any]) -> bool:
    """Whether a drafting function accepts `sample=k` (the repeat index)."""
    import inspect

    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):
        return False
    return any(p.name == "sample" or p.kind is p.VAR_KEYWORD for p in params)


def _stats(values: Sequence[float]) -> dict[str, float]:
    return {
        "min": round(min(values), 4),
        "mean": round(sum(values) / len(values), 4),
        "max": round(max(values), 4),
    }


def spread(runs: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """How much the repeats of one case differ: the overall score and, per check, the
    min/mean/max score and how many of the runs that reached it passed it."""
    scores = [r["score"] for r in runs if r.get("score") is not None]
    per_check: dict[str, list[dict[str, Any]]] = {}
    for r in runs:
        for ch in r.get("checks") or []:
            per_check.setdefault(ch["name"], []).append(ch)
    checks = {
        name: {
            **_stats([float(c["score"]) for c in results]),
            "passed": sum(1 for c in results if c["passed"]),
            "runs": len(results),
        }
        for name, results in per_check.items()
    }
    return {
        "score": {**_stats(scores), "runs": len(scores)} if scores else None,
        "checks": checks,
    }


def summarize(case_rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    errors = sum(1 for c in case_rows if c["error"])
    passed = sum(1 for c in case_rows if c["passed"])
    per_check: dict[str, list[bool]] = {}
    for c in case_rows:
        for r in c["runs"]:
            for ch in r["checks"]:
                per_check.setdefault(ch["name"], []).append(bool(ch["passed"]))
    rates = {k: round(sum(v) / len(v), 4) for k, v in per_check.items()}
    code = EXIT_ERROR if errors else EXIT_OK if passed == len(case_rows) else EXIT_FAILED
    return {
        "cases": len(case_rows),
        "passed": passed,
        "failed": len(case_rows) - passed - errors,
        "errors": errors,
        "pass_rate_by_check": rates,
        "exit_code": code,
    }


# ---------------------------------------------------------------- reports

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;vertical-align:top}
th{background:#f3f3f3}.pass{color:#1a7f37;font-weight:bold}.fail{color:#c62828;font-weight:bold}
.err{color:#8e24aa;font-weight:bold}pre{white-space:pre-wrap;margin:0;font-family:inherit}
details{margin:.5em 0}summary{cursor:pointer}
table.side td{width:45%}mark.only-draft{background:#fff3b0}mark.only-ref{background:#d7ecff}
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _verdict(passed: Any, error: Any = None) -> str:
    if error:
        return '<span class="err">错误</span>'
    return '<span class="pass">通过</span>' if passed else '<span class="fail">未通过</span>'


def render_html(data: dict[str, Any]) -> str:
    """A single self-contained HTML page: inline CSS, no scripts, every text escaped."""
    s = data["summary"]
    out = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">',
        "<title>讲话稿评测报告</title><style>",
        _CSS,
        "</style></head><body>",
        "<h1>讲话稿评测报告</h1>",
        f"<p>提交 {_e(data.get('git_commit'))}；开始 {_e(data.get('started'))}；结束 {_e(data.get('finished'))}</p>",
        f"<p>配置：{_e(json.dumps(data.get('config'), ensure_ascii=False))}</p>",
        f"<p>用例 {s['cases']} 个：通过 {s['passed']}，未通过 {s['failed']}，错误 {s['errors']}</p>",
        "<h2>各检查通过率</h2><table><tr><th>检查</th><th>通过率</th></tr>",
    ]
    for name, rate in s["pass_rate_by_check"].items():
        out.append(f"<tr><td>{_e(name)}</td><td>{rate:.0%}</td></tr>")
    out.append(
        "</table><h2>用例</h2><table><tr><th>用例</th><th>场合</th><th>参考稿</th><th>平均分</th><th>结果</th></tr>"
    )
    for c in data["cases"]:
        mean = "—" if c["mean_score"] is None else f"{c['mean_score']:.3f}"
        out.append(
            f"<tr><td>{_e(c['name'])}</td><td>{_e(c['occasion'])}</td><td>{_e(c['reference'] or '—')}</td>"
            f"<td>{mean}</td><td>{_verdict(c['passed'], c['error'])}</td></tr>"
        )
    out.append("</table>")
    for c in data["cases"]:
        out.append(f"<h3>{_e(c['name'])}</h3><p>{_e(c['description'])}</p>")
        out.extend(_spread_html(c))
        for r in c["runs"]:
            out.append(
                f"<details open><summary>第 {r['repeat']} 次：{_verdict(r['passed'], r['error'])}"
                f"，得分 {_e(r['score'])}，草稿 {_e(r['draft_dir'])}</summary>"
            )
            if r["error"]:
                out.append(f'<pre class="err">{_e(r["error"])}</pre>')
            out.append("<table><tr><th>检查</th><th>得分</th><th>结果</th><th>理由</th></tr>")
            for ch in r["checks"]:
                out.append(
                    f"<tr><td>{_e(ch['name'])}</td><td>{ch['score']:.2f}</td>"
                    f"<td>{_verdict(ch['passed'])}</td><td><pre>{_e(ch['reason'])}</pre></td></tr>"
                )
            for sk in r.get("skipped", []):
                out.append(
                    f"<tr><td>{_e(sk['name'])}</td><td>—</td><td>跳过</td><td>{_e(sk['reason'])}</td></tr>"
                )
            out.append("</table>")
            out.extend(reference_html(r.get("reference")))
            out.append("</details>")
    out.append("</body></html>")
    return "\n".join(out)


def _spread_html(case_row: dict[str, Any]) -> list[str]:
    """The table of how the repeats differ, per check (only for more than one run)."""
    sp = case_row.get("spread")
    if len(case_row["runs"]) < 2 or not sp:
        return []
    out = [
        f"<p>{len(case_row['runs'])} 次独立起草的波动：</p>",
        "<table><tr><th>检查</th><th>最低</th><th>平均</th><th>最高</th><th>通过次数</th></tr>",
    ]
    rows = ([("总分", sp["score"])] if sp.get("score") else []) + list(sp["checks"].items())
    for name, st in rows:
        passed = f"{st['passed']}/{st['runs']}" if "passed" in st else "—"
        out.append(
            f"<tr><td>{_e(name)}</td><td>{st['min']:.2f}</td><td>{st['mean']:.2f}</td>"
            f"<td>{st['max']:.2f}</td><td>{passed}</td></tr>"
        )
    out.append("</table>")
    return out


def _spread_cells(case_row: dict[str, Any]) -> tuple[str, str]:
    """(score range, checks whose verdict varies or always fails) for the terminal."""
    sp = case_row.get("spread") or {}
    score = sp.get("score")
    rng = f"{score['min']:.3f}–{score['max']:.3f}（均 {score['mean']:.3f}）" if score else "—"
    notes = [
        f"{name} {st['passed']}/{st['runs']}（{st['min']:.2f}–{st['max']:.2f}）"
        for name, st in (sp.get("checks") or {}).items()
        if st["passed"] < st["runs"]
    ]
    return rng, "、".join(notes) or "全部检查每次都通过"


def _program_share(run: dict[str, Any]) -> str:
    """The share of the draft's 汉字 the program supplied (fixed text, pasted facts, marks)."""
    a = run.get("authorship") or {}
    total = a.get("model_han", 0) + a.get("program_han", 0)
    return f"{a['program_han'] / total:.0%}" if total else "—"


def rich_table(data: dict[str, Any]) -> Any:
    from rich.table import Table

    table = Table(title="评测结果")
    for col in ("用例", "次", "得分", "结果", "程序写", "参考稿", "未通过的检查"):
        table.add_column(col)
    for c in data["cases"]:
        for r in c["runs"]:
            if r["error"]:
                verdict, failed = "[magenta]错误[/]", r["error"][:60]
            else:
                verdict = "[green]通过[/]" if r["passed"] else "[red]未通过[/]"
                failed = "、".join(ch["name"] for ch in r["checks"] if not ch["passed"]) or "—"
            score = "—" if r["score"] is None else f"{r['score']:.3f}"
            ref = short_figures(figures_of(r))
            table.add_row(
                c["name"], str(r["repeat"]), score, verdict, _program_share(r), ref, failed
            )
        if len(c["runs"]) > 1:
            rng, notes = _spread_cells(c)
            table.add_row(c["name"], "波动", rng, "", "", "", notes, style="dim", end_section=True)
    return table


# ---------------------------------------------------------------- comparing runs


def load_results(run: str | Path) -> dict[str, Any]:
    path = Path(run)
    if path.is_dir():
        path = path / "results.json"
    if not path.is_file():
        raise InputError(f"找不到评测结果 {path}（应为 eval run 的输出目录或其中的 results.json）")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} 不是有效的 JSON：{exc}") from exc


def _check_verdicts(case_row: dict[str, Any]) -> dict[str, bool]:
    """Per check: passed in every repeat."""
    out: dict[str, bool] = {}
    for r in case_row["runs"]:
        for ch in r["checks"]:
            out[ch["name"]] = out.get(ch["name"], True) and bool(ch["passed"])
    return out


@dataclass(frozen=True)
class Flip:
    case: str
    check: str | None  # None: the case verdict itself
    before: bool | None
    after: bool | None


@dataclass(frozen=True)
class Comparison:
    rows: tuple[tuple[str, float | None, float | None, bool | None, bool | None], ...]
    flips: tuple[Flip, ...]
    # (case, figure, mean in A, mean in B): the reference figures, for cases that have them
    reference: tuple[tuple[str, str, float | None, float | None], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "cases": [
                {"name": n, "score_a": a, "score_b": b, "passed_a": pa, "passed_b": pb}
                for n, a, b, pa, pb in self.rows
            ],
            "flips": [f.__dict__ for f in self.flips],
            "reference": [
                {"name": n, "figure": k, "a": x, "b": y} for n, k, x, y in self.reference
            ],
        }


def compare(run_a: str | Path | dict, run_b: str | Path | dict) -> Comparison:
    a = run_a if isinstance(run_a, dict) else load_results(run_a)
    b = run_b if isinstance(run_b, dict) else load_results(run_b)
    ca = {c["name"]: c for c in a["cases"]}
    cb = {c["name"]: c for c in b["cases"]}
    rows, flips = [], []
    for name in list(dict.fromkeys([*ca, *cb])):
        x, y = ca.get(name), cb.get(name)
        pa = x["passed"] if x else None
        pb = y["passed"] if y else None
        rows.append((name, x and x["mean_score"], y and y["mean_score"], pa, pb))
        if pa != pb:
            flips.append(Flip(name, None, pa, pb))
        va = _check_verdicts(x) if x else {}
        vb = _check_verdicts(y) if y else {}
        for check in list(dict.fromkeys([*va, *vb])):
            if va.get(check) != vb.get(check):
                flips.append(Flip(name, check, va.get(check), vb.get(check)))
    return Comparison(rows=tuple(rows), flips=tuple(flips), reference=reference_changes(a, b))


def render_comparison(cmp: Comparison) -> str:
    def v(p: bool | None) -> str:
        return "—" if p is None else "通过" if p else "未通过"

    def sc(s: float | None) -> str:
        return "—" if s is None else f"{s:.3f}"

    lines = ["用例\tA 得分\tB 得分\tA\tB"]
    lines += [f"{n}\t{sc(a)}\t{sc(b)}\t{v(pa)}\t{v(pb)}" for n, a, b, pa, pb in cmp.rows]
    lines.append("")
    if not cmp.flips:
        lines.append("没有翻转")
    else:
        lines.append(f"翻转 {len(cmp.flips)} 处：")
        for f in cmp.flips:
            what = f"{f.case} / {f.check}" if f.check else f"{f.case}（整体）"
            lines.append(f"- {what}：{v(f.before)} → {v(f.after)}")
    if cmp.reference:
        lines += ["", "与参考稿对照（各次平均）：", "用例\t指标\tA\tB\t变化"]
        for n, k, x, y in cmp.reference:
            delta = "—" if x is None or y is None else f"{y - x:+.3f}"
            lines.append(f"{n}\t{FIGURE_LABELS[k]}\t{sc(x)}\t{sc(y)}\t{delta}")
    return "\n".join(lines)
