"""提法: formulations must be current on the speech's date (lexicon in evals/tifa.yaml).

Quotation marks do not hide a stale term (为“十四五”开好局 in a 2026 speech). Expected
formulations of the year are suggested, not required; which organs a congress supervises
depends on its level, so that suggestion reads the brief's level.
"""

from __future__ import annotations

from assistant import tifa
from assistant.checks.base import CheckResult, Subject, register


@register("tifa", needs=("date",), scopes=("speech", "paragraph"), weight=1.0, label="提法")
def check_tifa(s: Subject) -> CheckResult:
    hits = tifa.find_stale(s.text, s.date)
    missing = (
        tifa.missing_expected(s.text, s.date, s.occasion, level=s.level)
        if s.scope == "speech"
        else []
    )
    score = max(0.0, 1 - 0.3 * len({h.entry_id for h in hits}) - 0.05 * len(missing))
    lines = []
    if hits:
        lines.append(f"按讲话日期 {s.date.isoformat()}，以下提法不当：")
        lines += ["- " + h.describe() for h in hits]
    else:
        lines.append(f"按讲话日期 {s.date.isoformat()}，未见过时提法")
    if missing:
        lines.append("建议写到的当前提法（未见）：" + "、".join(e.label for e in missing))
    findings = tuple(f"用了不合讲话日期的提法{h.describe()}" for h in hits)
    return CheckResult("tifa", not hits, score, "\n".join(lines), findings)
