"""The optional LLM judge: a model scores the draft against a rubric for this genre.

Opt-in (`eval score --judge`, `eval run --judge`): a small model's verdicts agree with a
writer's only so far (bench/bench_judge.py measures it), so nothing depends on it by
default. The draft and the brief are fenced as data the model is told not to obey, and
the fence is one the text cannot close. An answer that cannot be read is a JudgeError,
never a default score.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import Any

from assistant.checks.base import CheckResult, Subject, register
from assistant.errors import ModelError

# The rubric's criteria: the JSON keys the prompt asks for, and how the reason names them.
CRITERIA: dict[str, str] = {
    "fidelity": "忠于简报",
    "structure": "结构与逻辑",
    "style": "文风与提法",
    "specificity": "具体",
    "fluency": "通顺",
    "voice": "口吻",
}
PASS_SCORE = 0.6  # the mean criterion must reach 3.4 of 5
MAX_TOKENS = 120  # six integers and a one-line reason

JudgeFn = Callable[..., CheckResult]  # (text, brief, occasion) -> the judge's verdict


class JudgeError(ModelError):
    """The judge model's answer could not be read: an error, never a default score."""


# -- the fence ---------------------------------------------------------------------------


def fence(text: str) -> str:
    """`text` made safe to put between <讲话稿> and </讲话稿>: every angle bracket (ASCII,
    full-width, guillemet) is removed, so no tag can appear inside it. Chinese speeches
    use 《》 for titles, which stay."""
    from assistant.prompts import fence_safe

    return fence_safe(text)


# -- parsing the answer ------------------------------------------------------------------

_REPAIRS = str.maketrans({"：": ":", "，": ",", "“": '"', "”": '"', "｛": "{", "｝": "}"})
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def _json_objects(answer: str) -> list[dict[str, Any]]:
    """Every JSON object in `answer`, in order, wherever it starts (in prose, in a code
    fence); then the same with full-width punctuation and trailing commas repaired."""
    found: list[dict[str, Any]] = []
    decoder = json.JSONDecoder()
    for variant in (answer, _TRAILING_COMMA.sub(r"\1", answer.translate(_REPAIRS))):
        for start in (i for i, ch in enumerate(variant) if ch == "{"):
            try:
                obj, _ = decoder.raw_decode(variant, start)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict):
                found.append(obj)
    return found


def _criterion(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and re.fullmatch(r"\s*[1-5](?:\.0)?\s*", value):
        value = float(value)
    if isinstance(value, int | float) and 1 <= value <= 5:
        return float(value)
    return None


def parse_scores(answer: str) -> tuple[dict[str, float], str]:
    """The per-criterion scores (1–5) and the model's reason, or JudgeError."""
    objects = _json_objects(answer)
    if not objects:
        raise JudgeError(f"评审模型没有输出 JSON：{_short(answer)}")
    # The first object that names every criterion; else report on the first one.
    obj = next((o for o in objects if all(k in o for k in CRITERIA)), objects[0])
    scores: dict[str, float] = {}
    for key in CRITERIA:
        if key not in obj:
            raise JudgeError(f"评审模型的 JSON 缺少 {key}：{_short(answer)}")
        value = _criterion(obj[key])
        if value is None:
            raise JudgeError(f"评审模型输出的 {key} 分值无效：{obj[key]!r}（应为 1–5）")
        scores[key] = value
    return scores, str(obj.get("reason") or "").strip()


def parse_judge(answer: str) -> tuple[float, str]:
    """(score 0..1, reason): the mean criterion mapped from 1..5 onto 0..1."""
    scores, reason = parse_scores(answer)
    return _to_unit(scores), reason


def _to_unit(scores: Mapping[str, float]) -> float:
    return (sum(scores.values()) / len(scores) - 1) / 4


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"


# -- the prompt and the judge ------------------------------------------------------------


def judge_messages(text: str, brief: Any = None, occasion: str | None = None) -> list[dict]:
    """The rendered judge prompt (prompts/judge.md) for one draft."""
    from assistant.corpus import OCCASIONS
    from assistant.prompts import load_prompt

    occasion = occasion or getattr(brief, "occasion", None)
    speaker = getattr(brief, "speaker", None)
    who = " ".join(x for x in (getattr(speaker, "role", None), getattr(speaker, "name", None)) if x)
    date = getattr(brief, "date", None)
    facts = "\n".join(f"- {t}" for _, t in brief.fact_items()) if brief is not None else ""
    return load_prompt("judge").render(
        occasion_label=OCCASIONS.get(occasion or "", "讲话"),
        date=date.isoformat() if date else "未给出",
        speaker=who or "未给出",
        facts=fence(facts) or "（未提供简报：忠于简报一项只看有无编造的数字、名称）",
        text=fence(text.strip()),
    )


def make_judge(llm: Any, *, temperature: float = 0.0, max_tokens: int = MAX_TOKENS) -> JudgeFn:
    """A judge through `llm` (its own client, at a pinned temperature): called with
    (text, brief, occasion), returns the `judge` CheckResult or raises JudgeError."""

    def judge(text: str, brief: Any = None, occasion: str | None = None) -> CheckResult:
        result = llm.chat(
            judge_messages(text, brief, occasion),
            temperature=temperature,
            max_tokens=max_tokens,
        )
        scores, reason = parse_scores(result.text)
        score = _to_unit(scores)
        model = getattr(getattr(llm, "endpoint", None), "model", None) or result.model
        marks = "、".join(f"{CRITERIA[k]} {v:g}" for k, v in scores.items())
        findings = tuple(
            f"{CRITERIA[k]} 仅 {v:g} 分（满分 5）" for k, v in scores.items() if v <= 2
        )
        return CheckResult(
            "judge",
            score >= PASS_SCORE,
            score,
            f"评审模型 {model}：{marks}" + (f"。{reason}" if reason else ""),
            findings + ((reason,) if reason else ()),
        )

    judge.model = getattr(getattr(llm, "endpoint", None), "model", None)  # type: ignore[attr-defined]
    return judge


@register("judge", needs=("judge",), optional=True, writer=True, weight=1.0, label="评审模型")
def judge_check(subject: Subject) -> CheckResult:
    return subject.judge(subject.raw, subject.brief, subject.occasion)
