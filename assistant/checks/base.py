"""What a check is, what it reads, what it returns, and the registry that lists them.

A check is one small function `run(subject) -> CheckResult`, registered once with its
name, what it needs (a brief, a date, the corpus, the outline, the draft's provenance),
which scopes it reads (a whole speech, or one candidate paragraph while drafting), its
weight, and whether a failure is fatal (a political error fails the draft whatever the
other scores). The eval runs every check that applies; drafting asks the same registry
about a candidate paragraph. Nobody outside this package knows a check by name.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant import paths
from assistant.errors import InputError
from assistant.text import normalize

SPEECH, PARAGRAPH = "speech", "paragraph"
NEEDS = ("brief", "occasion", "date", "corpus", "outline", "provenance", "judge")
_NEED_LABELS = {
    "brief": "未提供简报",
    "occasion": "未指定场合（--occasion 或简报 occasion）",
    "date": "未给出讲话日期（--date 或简报 date）",
    "corpus": "未加载语料",
    "outline": "没有提纲（无简报时无法得知各节字数预算）",
    "provenance": "没有草稿记录（draft.json），无法区分模型与程序写的文字",
    "judge": "未配置评审模型",
}


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    score: float
    reason: str
    # Short lines, each quoting the text and saying what is wrong: what drafting feeds
    # back to the model and what the eval report lists. Not part of the JSON schema.
    findings: tuple[str, ...] = ()
    fatal: bool = False  # a failed fatal check fails the whole draft

    def to_dict(self) -> dict[str, Any]:
        out = {
            "name": self.name,
            "passed": self.passed,
            "score": round(self.score, 4),
            "reason": self.reason,
        }
        if self.fatal and not self.passed:
            out["fatal"] = True
        return out


@dataclass(frozen=True)
class Subject:
    """The text under check and everything a check may want to know about it."""

    raw: str
    brief: Any = None  # assistant.brief.Brief
    occasion: str | None = None
    date: dt.date | None = None
    corpus: tuple[Any, ...] | None = None
    exclude_ids: frozenset[str] = frozenset()
    outline: Any = None  # assistant.outline.Outline: budgets per section
    provenance: Mapping[str, Any] | None = None  # 汉字 by source: model / program
    # A draft's own sections as (outline section id, text): where each section starts and
    # ends is known by construction, so length checks need not guess it from the text.
    sections: tuple[tuple[str, str], ...] | None = None
    judge: Any = None  # callable(text, brief, occasion) -> CheckResult
    scope: str = SPEECH
    # Paragraph scope (drafting): where the candidate paragraph sits.
    context: str = ""  # the draft so far, earlier sections and paragraphs
    # the rest of this section as far as it is known: its earlier paragraphs and the
    # standing lines its later paragraphs open with
    siblings: str = ""
    section_role: str | None = None
    headline: str = ""  # the requirement point's own headline, if any
    other_headlines: tuple[str, ...] = ()
    budget: int | None = None  # the paragraph's 汉字 budget

    @cached_property
    def text(self) -> str:
        return normalize(self.raw)

    @cached_property
    def parsed(self) -> Any:
        from assistant.structure import parse_speech

        return parse_speech(self.text, self.occasion)

    @cached_property
    def reference_corpus(self) -> tuple[Any, ...]:
        """The corpus without the speeches this text may resemble (its own reference)."""
        return tuple(s for s in self.corpus or () if s.id not in self.exclude_ids)

    @property
    def level(self) -> str | None:
        return getattr(self.brief, "level", None)

    def has(self, need: str) -> bool:
        if need == "occasion":
            return bool(self.occasion)
        if need == "corpus":
            return self.corpus is not None
        return getattr(self, need) is not None


CheckFn = Callable[[Subject], CheckResult]


@dataclass(frozen=True)
class Check:
    name: str
    run: CheckFn
    needs: tuple[str, ...] = ()
    scopes: tuple[str, ...] = (SPEECH,)
    weight: float = 1.0
    fatal: bool = False
    writer: bool = False  # a writer-level check (reads the prose, not the scaffolding)
    optional: bool = False  # run only when asked for (the LLM judge)
    label: str = ""
    paragraph_needs: tuple[str, ...] | None = None  # None: the same as `needs`

    def missing(self, subject: Subject) -> str | None:
        """Why this check cannot run on `subject`, or None."""
        needs = self.needs
        if subject.scope == PARAGRAPH and self.paragraph_needs is not None:
            needs = self.paragraph_needs
        for need in needs:
            if not subject.has(need):
                return _NEED_LABELS[need]
        return None


REGISTRY: dict[str, Check] = {}


def register(
    name: str,
    *,
    needs: Iterable[str] = (),
    scopes: Iterable[str] = (SPEECH,),
    weight: float = 1.0,
    fatal: bool = False,
    writer: bool = False,
    optional: bool = False,
    label: str = "",
    paragraph_needs: Iterable[str] | None = None,
) -> Callable[[CheckFn], CheckFn]:
    """Decorator: add a check to the registry (once; a second name is a bug)."""
    needs = tuple(needs)
    bad = set(needs) - set(NEEDS)
    if bad:
        raise ValueError(f"unknown needs for {name}: {bad}")

    def deco(fn: CheckFn) -> CheckFn:
        if name in REGISTRY and REGISTRY[name].run is not fn:
            raise ValueError(f"check {name!r} registered twice")
        REGISTRY[name] = Check(
            name,
            fn,
            needs,
            tuple(scopes),
            weight,
            fatal,
            writer,
            optional,
            label or name,
            tuple(paragraph_needs) if paragraph_needs is not None else None,
        )
        return fn

    return deco


# -- data beside the code ----------------------------------------------------------------


@lru_cache(maxsize=32)
def _yaml(path: str, mtime: float) -> Any:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_yaml(name: str) -> Any:
    """A data file in evals/ (patterns, lexicons, thresholds), cached until it changes."""
    path = paths.evals_dir() / name
    if not path.is_file():
        raise InputError(f"找不到评测数据 {path}（应随仓库提供）")
    return _yaml(str(path), path.stat().st_mtime)


_COMPILED: dict[tuple[str, str | None, Callable[[Any], Any]], tuple[Any, Any]] = {}


def compiled(name: str, build: Callable[[Any], Any], section: str | None = None) -> Any:
    """`build(data)` for a data file in evals/ (or one `section` of it), built once per
    load of the file: a changed file is rebuilt, an unchanged one never. Compares the
    loaded object itself, not its id(), which Python may reuse after the old is freed."""
    data = load_yaml(name)
    key = (name, section, build)
    hit = _COMPILED.get(key)
    if hit is None or hit[0] is not data:
        hit = (data, build(data[section] if section else data))
        _COMPILED[key] = hit
    return hit[1]


def threshold(check: str, key: str, default: float) -> float:
    """A number from evals/checks.yaml (`check.key`), so thresholds are data, not code."""
    data = load_yaml("checks.yaml") or {}
    return float((data.get(check) or {}).get(key, default))


# -- results -----------------------------------------------------------------------------


def result_from_findings(
    name: str,
    findings: Sequence[str],
    *,
    ok_reason: str,
    penalty: float = 0.25,
    header: str = "",
    fatal: bool = False,
    limit: int = 12,
) -> CheckResult:
    """The common shape: pass with `ok_reason` when nothing was found, else fail with a
    score that falls by `penalty` per finding and a reason listing them."""
    if not findings:
        return CheckResult(name, True, 1.0, ok_reason)
    shown = list(findings[:limit])
    more = f"\n（另有 {len(findings) - limit} 处）" if len(findings) > limit else ""
    head = header or f"发现 {len(findings)} 处问题："
    reason = head + "\n" + "\n".join(f"- {f}" for f in shown) + more
    score = max(0.0, 1.0 - penalty * len(findings))
    return CheckResult(name, False, score, reason, tuple(findings), fatal=fatal)


@dataclass(frozen=True)
class Scorecard:
    score: float
    passed: bool
    checks: tuple[CheckResult, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (check, why): not part of the JSON schema
    extra: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "score": round(self.score, 4),
            "passed": self.passed,
            "checks": [c.to_dict() for c in self.checks],
        }
        out.update(self.extra)
        return out

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def check(self, name: str) -> CheckResult | None:
        return next((c for c in self.checks if c.name == name), None)

    @property
    def fatal(self) -> tuple[CheckResult, ...]:
        return tuple(c for c in self.checks if c.fatal and not c.passed)


DEFAULT_THRESHOLDS = {"score": 0.8}
FATAL_SCORE_CAP = 0.4  # a draft with a political error is worth no more than this


def make_scorecard(
    results: Sequence[CheckResult],
    *,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
    skipped: Sequence[tuple[str, str]] = (),
    extra: Mapping[str, Any] | None = None,
) -> Scorecard:
    """Weighted mean of the checks' scores; a check named in `thresholds` passes when its
    score reaches it; a failed fatal check fails the card and caps its score."""
    w = {name: c.weight for name, c in REGISTRY.items()} | dict(weights or {})
    t = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    final = []
    for r in results:
        if r.name in t:
            final.append(
                CheckResult(r.name, r.score >= t[r.name], r.score, r.reason, r.findings, r.fatal)
            )
        else:
            final.append(r)
    total_w = sum(w.get(r.name, 1.0) for r in final)
    score = sum(w.get(r.name, 1.0) * r.score for r in final) / total_w if total_w else 0.0
    fatal = any(r.fatal and not r.passed for r in final)
    if fatal:
        score = min(score, FATAL_SCORE_CAP)
    # The weighted mean alone lets scaffolding that passes the form checks outweigh prose
    # a writer would reject; each failed writer-level check lowers the ceiling.
    failed_writer = sum(1 for r in final if not r.passed and _is_writer(r.name))
    if failed_writer:
        score = min(score, 1.0 - threshold("scorecard", "writer_fail_penalty", 0.1) * failed_writer)
    passed = all(r.passed for r in final) and score >= t["score"] and not fatal
    return Scorecard(
        score=score,
        passed=passed,
        checks=tuple(final),
        skipped=tuple(skipped),
        extra=dict(extra or {}),
    )


def _is_writer(name: str) -> bool:
    check = REGISTRY.get(name)
    return bool(check and check.writer)


def run_checks(
    subject: Subject,
    names: Iterable[str] | None = None,
    *,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
) -> Scorecard:
    """Run the named checks (default: every non-optional one for the subject's scope)."""
    from assistant import checks as _package  # noqa: F401 - registers every check

    if names is None:
        wanted = [n for n, c in REGISTRY.items() if not c.optional and subject.scope in c.scopes]
    else:
        wanted = list(names)
        unknown = [n for n in wanted if n not in REGISTRY]
        if unknown:
            raise InputError(f"未知的检查：{'、'.join(unknown)}；可选：{'、'.join(REGISTRY)}")
    results: list[CheckResult] = []
    skipped: list[tuple[str, str]] = []
    for name in wanted:
        check = REGISTRY[name]
        why = check.missing(subject)
        if why:
            skipped.append((name, why))
            continue
        result = check.run(subject)
        if check.fatal and not result.fatal:
            result = CheckResult(
                result.name, result.passed, result.score, result.reason, result.findings, True
            )
        results.append(result)
    return make_scorecard(results, weights=weights, thresholds=thresholds, skipped=skipped)


def data_path(name: str) -> Path:
    return paths.evals_dir() / name
