"""Structure and required elements: the parts of the genre, in order, numbered cleanly.

`structure` parses the speech into roles (assistant.structure) and compares them with the
occasion's spec in evals/elements.yaml; `required_elements` looks for each element's
patterns sentence by sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from assistant.checks.base import CheckResult, Subject, load_yaml, register
from assistant.errors import InputError
from assistant.text import sentences
from assistant.text import short as _short


def occasion_spec(occasion: str) -> dict[str, Any]:
    data = load_yaml("elements.yaml") or {}
    if occasion not in data:
        raise InputError(f"evals/elements.yaml 中没有场合 {occasion!r}；可选：{'、'.join(data)}")
    return data[occasion]


_ADDRESS_ONLY = re.compile(r"^(各位代表|同志们|各位委员)[、，]?(同志们)?[：！，。]?$")
_SALUTATION = re.compile(r"^(各位代表|同志们|各位委员)")


def _call_in_last_paragraph(text: str, occasion: str) -> str | None:
    """The last paragraph, when it reads as a call (for parses that fold it into another role)."""
    call = next((e for e in occasion_spec(occasion)["elements"] if e["id"] == "call"), None)
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    if call and paras and any(re.search(p, paras[-1]) for p in call["patterns"]):
        return paras[-1]
    return None


@register("structure", needs=("occasion",), weight=2.0, label="结构")
def check_structure(s: Subject) -> CheckResult:
    text, occasion = s.text, s.occasion
    spec = occasion_spec(occasion)["structure"]
    parsed = s.parsed
    # A bare "各位代表、同志们！" line is an address, not a section; it says nothing of order.
    sections = [
        s
        for s in parsed.sections
        if s.role not in ("other", "title", "outline") and not _ADDRESS_ONLY.match(s.text.strip())
    ]
    roles = [s.role for s in sections]
    notes = []
    if "call" not in roles and "call" in _flat(spec["required"]):
        last = _call_in_last_paragraph(text, occasion)
        if last:
            roles.append("call")
            notes.append(f"末段按号召计：{_short(last, 30)}")
    present = set(roles)
    missing = []
    for req in spec["required"]:
        group = req if isinstance(req, list) else [req]
        if not present & set(group):
            missing.append("或".join(_role_label(r) for r in group))
    missing_rec = []
    for rec in spec.get("recommended", []):
        if rec == "salutation":
            body = [s for s in parsed.sections if s.role not in ("title", "outline")]
            if not body or not _SALUTATION.match(body[0].text.strip()):
                missing_rec.append("称谓（各位代表、同志们：）")
        elif rec not in present:
            missing_rec.append(_role_label(rec))
    rank: dict[str, int] = {}
    for i, item in enumerate(spec["order"]):
        for r in item if isinstance(item, list) else [item]:
            rank[r] = i
    first = list(dict.fromkeys(r for r in roles if r in rank))
    disorder = [
        f"“{_role_label(b)}”出现在“{_role_label(a)}”之前"
        for a, b in zip(first, first[1:], strict=False)
        if rank[b] < rank[a]
    ]
    points = parsed.points()
    lo, hi = spec.get("points", [3, 6])
    problems = []
    if missing:
        problems.append("缺少：" + "、".join(missing))
    if disorder:
        problems.append("顺序不对：" + "；".join(disorder))
    numbering = [n.message for n in parsed.numbering]
    if numbering:
        problems.append("序号问题：" + "；".join(numbering))
    if not lo <= len(points) <= hi:
        problems.append(f"要点 {len(points)} 个，应为 {lo}–{hi} 个")
    required_n = len(spec["required"])
    score = 0.4 * (required_n - len(missing)) / max(1, required_n)
    score += 0.2 * (not disorder) + 0.2 * (not numbering) + 0.2 * (lo <= len(points) <= hi)
    score = max(0.0, score - 0.05 * len(missing_rec))
    order = "→".join(_role_label(r) for r in first)
    if missing_rec:
        notes.append("建议补上：" + "、".join(missing_rec))
    tail = ("。" + "；".join(notes)) if notes else ""
    if problems:
        return CheckResult(
            "structure", False, score, "；".join(problems) + f"。实际顺序：{order}{tail}"
        )
    return CheckResult(
        "structure",
        True,
        score,
        f"段落齐全、顺序正确（{order}），要点 {len(points)} 个，序号连贯{tail}",
    )


def _flat(items: Sequence[Any]) -> list[str]:
    return [r for item in items for r in (item if isinstance(item, list) else [item])]


def _role_label(role: str) -> str:
    try:
        from assistant.outline import ROLE_LABELS

        return ROLE_LABELS.get(role, role)
    except ImportError:  # pragma: no cover - outline is part of the package
        return role


@register("required_elements", needs=("occasion",), weight=2.0, label="必备要素")
def check_required_elements(s: Subject) -> CheckResult:
    spec = occasion_spec(s.occasion)["elements"]
    sents = sentences(s.text)
    n = len(sents)
    cut = max(1, round(n * 0.3))
    found, missing_req, missing_opt = [], [], []
    for el in spec:
        pool = (
            sents[:cut]
            if el.get("where") == "head"
            else sents[-cut:]
            if el.get("where") == "tail"
            else sents
        )
        hit = next((t for t in pool if any(re.search(p, t) for p in el["patterns"])), None)
        if hit:
            found.append(f"✓{el['label']}：{_short(hit)}")
        elif el.get("required", True):
            missing_req.append(el["label"])
        else:
            missing_opt.append(el["label"])
    score = len(found) / max(1, len(spec))
    parts = []
    if missing_req:
        parts.append("缺少必备要素：" + "、".join(missing_req))
    if missing_opt:
        parts.append("缺少（非必备）：" + "、".join(missing_opt))
    parts += found
    return CheckResult("required_elements", not missing_req, score, "\n".join(parts))
