"""Authorship: how much of the draft the model wrote, and how much the program supplied.

The program states what it can from the brief (salutation, session sentence, headlines,
the thanks line, the call's formula), adds brief facts the model left out, and marks what
it could not verify. All of that is scored by the other checks as if it were prose; this
check says how much of the text is the model's own work, from draft.json's record, so an
eval cannot be passed by scaffolding alone.
"""

from __future__ import annotations

from assistant.checks.base import CheckResult, Subject, register, threshold


@register("authorship", needs=("provenance",), weight=1.5, writer=True, label="模型写作占比")
def check_authorship(s: Subject) -> CheckResult:
    p = s.provenance or {}
    model = int(p.get("model_han", 0))
    program = int(p.get("program_han", 0))
    total = model + program
    if total == 0:
        return CheckResult("authorship", False, 0.0, "草稿没有文字", ("草稿没有文字",))
    share = program / total
    limit = threshold("authorship", "max_program_share", 0.2)
    repaired = int(p.get("repaired_paragraphs", 0))
    marks = int(p.get("marks", 0))
    detail = (
        f"模型写 {model} 字，程序提供 {program} 字（{share:.0%}：固定格式、简报原文、标记）；"
        f"经改写或修补的段落 {repaired} 个，【待补/待核】标记 {marks} 处"
    )
    if share <= limit:
        return CheckResult("authorship", True, 1.0, detail)
    # Steep: at twice the allowed share the draft is the program's, not the model's.
    score = max(0.0, 1.0 - (share - limit) / limit)
    finding = f"程序提供的文字占 {share:.0%}，超过 {limit:.0%}"
    return CheckResult("authorship", False, score, finding + "。" + detail, (finding,))
