"""politics: political errors, the worst a draft can carry; any hit fails the draft.

Who leads whom (the Party committee leads the congress; the congress supervises the organs
it elects, never the Party committee), discipline (gifts, banquets, canvassing votes as
something to do), and the powers of each level (a 乡镇 congress makes no 法规; a 街道 has no
congress). See DOMAIN.md, "Level, organ and voice". Rules are data in evals/politics.yaml;
a rule's hit preceded by a negation in its clause ("严禁发放礼品", "不得拉票") is a rule
being stated, not broken, and does not count.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from assistant.checks.base import (
    PARAGRAPH,
    SPEECH,
    CheckResult,
    Subject,
    compiled,
    register,
    result_from_findings,
)
from assistant.text import sentences, unquote

NAME = "politics"
_CLAUSE_MARKS = "，；："


@dataclass(frozen=True)
class Rule:
    id: str
    pattern: re.Pattern[str]
    reason: str
    levels: frozenset[str]
    unless: re.Pattern[str] | None
    negatable: bool


@dataclass(frozen=True)
class _Rules:
    rules: tuple[Rule, ...]
    negation: re.Pattern[str]
    negation_after: re.Pattern[str]


def _build(data: Any) -> _Rules:
    rules = tuple(
        Rule(
            id=r["id"],
            pattern=re.compile(r["pattern"]),
            reason=r["reason"],
            levels=frozenset(r.get("levels") or ()),
            unless=re.compile(r["unless"]) if r.get("unless") else None,
            negatable=bool(r.get("negatable", True)),
        )
        for r in data["rules"]
    )
    return _Rules(rules, re.compile(data["negation"]), re.compile(data["negation_after"]))


def _rules() -> _Rules:
    return compiled("politics.yaml", _build)


def _negated(s: str, m: re.Match[str], rules: _Rules) -> bool:
    """A negation in the hit's clause up to its end ("人大不能监督党委", "严禁…发放礼品"), or
    the hit named as a wrong ("发放礼品的做法", "拉票贿选必须杜绝")."""
    start = max(s.rfind(c, 0, m.start()) for c in _CLAUSE_MARKS) + 1
    if rules.negation.search(s, start, m.end()):
        return True
    return bool(rules.negation_after.match(s, m.end()))


def _around(s: str, m: re.Match[str], pad: int = 14) -> str:
    a, b = max(0, m.start() - pad), min(len(s), m.end() + pad)
    return ("…" if a else "") + s[a:b] + ("…" if b < len(s) else "")


# A sentence that carries on the one before without a subject of its own (…。具体做法包括
# 定期向人民代表大会报告工作情况): read with that sentence's subject (松坪乡 2020, whose
# 乡党委要加强对人大工作的领导 came a sentence before).
_NO_SUBJECT = re.compile(r"^(?:具体做法|具体来说|具体而言|主要是|包括|同时[，]?|并且?|还要|其中)")
_SUBJECT = re.compile(r"^([^，。！？；：]{2,12}?)(?:要|应|应当|必须|需要|将)")


def _read_on(sents: list[str]) -> Iterator[tuple[str, str]]:
    """(sentence, the text to match): a subjectless sentence with the previous subject."""
    subject = ""
    for s in sents:
        m, carried = _SUBJECT.match(s), _NO_SUBJECT.match(s)
        if m:
            subject = m.group(1)
        elif not carried:
            subject = ""
        yield s, (subject + "：" + s if subject and carried else s)


def _errors(text: str, level: str | None) -> Iterator[tuple[str, str]]:
    """(sentence as written, finding) for each political error."""
    rules = _rules()
    active = [r for r in rules.rules if not r.levels or level in r.levels]
    for said, s in _read_on(sentences(unquote(text))):
        spans: list[tuple[int, int]] = []  # two rules on one phrase are one error
        for rule in active:
            if rule.unless and rule.unless.search(s):
                continue
            for m in rule.pattern.finditer(s):
                if rule.negatable and _negated(s, m, rules):
                    continue
                if any(a < m.end() and m.start() < b for a, b in spans):
                    continue
                spans.append(m.span())
                yield said, f"政治性错误（“{m.group()}”）：{rule.reason}。原句：“{_around(s, m)}”"
                break  # one finding per rule and sentence is enough to rewrite it


def political_errors(text: str, level: str | None) -> Iterator[str]:
    for _said, finding in _errors(text, level):
        yield finding


def erring_sentences(text: str, level: str | None) -> list[str]:
    """The sentences a political error is in, as written (sentence split as the check
    splits): what the drafting repair drops."""
    return list(dict.fromkeys(said for said, _ in _errors(text, level)))


@register(NAME, scopes=(SPEECH, PARAGRAPH), weight=3.0, fatal=True, writer=True, label="政治性错误")
def run(subject: Subject) -> CheckResult:
    findings = list(political_errors(subject.text, subject.level))
    return result_from_findings(
        NAME,
        findings,
        ok_reason="没有政治性错误：领导与监督关系、纪律要求和各级职权都写得对",
        header=f"发现 {len(findings)} 处政治性错误（任何一处都使讲话稿不合格）：",
        penalty=1.0,
        fatal=True,
    )
