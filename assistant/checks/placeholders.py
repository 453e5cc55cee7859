"""Placeholders: XX, ××, 20xx, …… left unfilled. 【待补：…】 marks are the program's
visible requests for facts and are counted, not failed; a mark standing for a whole
paragraph the model could not write (【待补：要求之二第2段】) is missing speech, and fails."""

from __future__ import annotations

import re

from assistant.checks.base import CheckResult, Subject, register
from assistant.text import normalize, short

TODO = re.compile(r"【待补[：:][^】]*】")
MISSING_TEXT = re.compile(r"【待补[：:][^】]*(?:第\d+段|的内容)】")
_UNFILLED = re.compile(
    r"20[xX×]{2}|(?<![A-Za-z])[xX×]{1,3}(?![A-Za-z])|某某|○○|[～~]年|…{1,2}|\.{3,}"
    r"|（[^（）]{0,12}(名称|数字|姓名|单位)）"
)


def find_placeholders(text: str) -> tuple[list[str], list[str]]:
    """(unfilled placeholders such as XX/××/20xx/……, 【待补：…】 markers) in `text`."""
    text = normalize(text)
    todo = TODO.findall(text)
    rest = TODO.sub("", text)
    unfilled = [m.group(0) for m in _UNFILLED.finditer(rest)]
    return unfilled, todo


@register("placeholders", scopes=("speech", "paragraph"), weight=1.0, label="占位符")
def check_placeholders(s: Subject) -> CheckResult:
    unfilled, todo = find_placeholders(s.raw)
    todo_note = f"【待补】标记 {len(todo)} 处" + (
        f"：{'、'.join(short(t, 30) for t in todo[:8])}" if todo else ""
    )
    missing = [t for t in todo if MISSING_TEXT.fullmatch(t)]
    if missing and not unfilled:
        return CheckResult(
            "placeholders",
            False,
            max(0.0, 1 - 0.2 * len(missing)),
            f"{len(missing)} 段没有写出，留着待补标记：{'、'.join(missing[:6])}；{todo_note}",
            (f"模型没有写出这些段落，讲话稿缺了 {len(missing)} 段：{'、'.join(missing[:6])}",),
        )
    if not unfilled:
        return CheckResult("placeholders", True, 1.0, f"没有未填的占位符；{todo_note}")
    shown = "、".join(dict.fromkeys(unfilled))
    return CheckResult(
        "placeholders",
        False,
        max(0.0, 1 - 0.2 * len(unfilled)),
        f"未填的占位符 {len(unfilled)} 处：{shown}；{todo_note}",
        (f"留下了未填的占位符：{shown}（写出内容，或写成【待补：…】）",),
    )
