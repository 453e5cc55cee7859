"""Length: the whole against the target (LongWriter's S_l), and every substantive
section against its outline budget (a requirement point of 28 字 against 450 fails)."""

from __future__ import annotations

from typing import Any

from assistant.checks.base import CheckResult, Subject, register, threshold
from assistant.text import han_count, short

LENGTH_PASS = 0.8
# Sections whose length the model is responsible for.
SUBSTANTIVE = ("opening", "review", "situation", "requirements", "congress_work")


def length_score(target: int, actual: int) -> float:
    """LongWriter's length score on a 0..1 scale (target x, output y)."""
    x, y = target, actual
    if y <= 0:
        return 0.0
    if y > x:
        return max(0.0, 1 - (y / x - 1) / 3)
    return max(0.0, 1 - (x / y - 1) / 2)


@register("length", needs=("brief",), weight=1.0, label="总长度")
def check_length(s: Subject) -> CheckResult:
    n = han_count(s.text)
    target = s.brief.length
    score = length_score(target, n)
    return CheckResult(
        "length",
        score >= LENGTH_PASS,
        score,
        f"{n} 字，目标 {target} 字（{n / target:.0%}）；长度分 {score * 100:.0f}",
        () if score >= LENGTH_PASS else (f"全文 {n} 字，目标 {target} 字",),
    )


def _draft_sections(s: Subject) -> list[tuple[str, str, int, str]]:
    """(label, role, 汉字, opening words) per outline section found in the draft, with its
    budget: requirement points matched by position, other roles summed by role."""
    if s.sections is not None:
        texts = dict(s.sections)
        return [
            (sec.title, sec.planned_han, han_count(texts.get(sec.id, "")),
             texts.get(sec.id, ""))
            for sec in s.outline.sections
            if not sec.fixed and sec.role in SUBSTANTIVE and sec.budget
        ]  # fmt: skip
    parsed = s.parsed
    points = parsed.points()
    by_role: dict[str, list[Any]] = {}
    for sec in parsed.sections:
        if sec.role != "requirements":
            by_role.setdefault(sec.role, []).append(sec)
    out = []
    k = 0
    for sec in s.outline.sections:
        if sec.fixed or sec.role not in SUBSTANTIVE or not sec.budget:
            continue
        if sec.role == "requirements":
            found = points[k] if k < len(points) else None
            k += 1
            text = found.text if found else ""
        else:
            text = "".join(x.text for x in by_role.get(sec.role, []))
        out.append((sec.title, sec.planned_han, han_count(text), text))
    return out


@register(
    "section_length",
    needs=("outline",),
    paragraph_needs=(),
    scopes=("speech", "paragraph"),
    weight=2.0,
    writer=True,
    label="各节长度",
)
def check_section_length(s: Subject) -> CheckResult:
    lo = threshold("section_length", "min_ratio", 0.5)
    hi = threshold("section_length", "max_ratio", 2.0)
    if s.scope == "paragraph":
        return _paragraph_length(s, lo, hi)
    rows = _draft_sections(s)
    if not rows:
        return CheckResult("section_length", True, 1.0, "提纲中没有需要模型写的节")
    findings = []
    scores = []
    for title, budget, n, text in rows:
        scores.append(length_score(budget, n))
        if n < budget * lo:
            what = f"“{short(text, 30)}”" if text else "（未找到）"
            findings.append(f"{title}只有 {n} 字，预算 {budget} 字：{what}")
        elif n > budget * hi:
            findings.append(f"{title}写了 {n} 字，预算 {budget} 字，超出太多")
    score = sum(scores) / len(scores)
    table = "；".join(f"{t} {n}/{b}" for t, b, n, _ in rows)
    if not findings:
        return CheckResult("section_length", True, score, f"各节长度均在预算范围内：{table}")
    reason = f"{len(findings)} 节长度不合预算：\n" + "\n".join(f"- {f}" for f in findings)
    return CheckResult(
        "section_length", False, min(score, 0.79), reason + f"\n（{table}）", tuple(findings)
    )


def _paragraph_length(s: Subject, lo: float, hi: float) -> CheckResult:
    if not s.budget:
        return CheckResult("section_length", True, 1.0, "本段没有字数预算")
    n = han_count(s.text)
    score = length_score(s.budget, n)
    if n < s.budget * lo:
        finding = f"这一段只有 {n} 字，太短：请写足约 {s.budget} 字，把道理和做法说透"
    elif n > s.budget * hi:
        finding = f"这一段写了 {n} 字，太长：约 {s.budget} 字即可"
    else:
        return CheckResult("section_length", True, score, f"{n} 字，预算 {s.budget} 字")
    return CheckResult("section_length", False, score, finding, (finding,))
