"""Scoring a speech: deterministic checks, each with a verdict, a 0..1 score and a reason.

Every check reads text normalised by `normalize` (full-width/half-width twins folded), so a
verdict never depends on which punctuation or digit width the writer used. Reasons are in
Chinese and quote the sentence or items that decided them. Checks that need a brief (brief
coverage, invented facts, length) are skipped without one, never faked.

The `find_*` functions are also what the drafting pipeline calls per section to repair.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant import paths, tifa
from assistant.brief import Brief, chinese_number
from assistant.errors import InputError, ModelError
from assistant.tifa import TifaHit

CHECKS = (
    "structure",
    "required_elements",
    "brief_coverage",
    "invented_facts",
    "leakage",
    "copying",
    "tifa",
    "placeholders",
    "length",
)
OPTIONAL_CHECKS = ("judge",)
DEFAULT_WEIGHTS = {
    "structure": 2.0,
    "required_elements": 2.0,
    "brief_coverage": 1.5,
    "invented_facts": 2.0,
    "leakage": 2.0,
    "copying": 1.0,
    "tifa": 1.0,
    "placeholders": 1.0,
    "length": 1.0,
    "judge": 1.0,
}
DEFAULT_THRESHOLDS = {"score": 0.8}

NGRAM = 13  # copying: length of shared 汉字 n-grams
COPY_RUN_FAIL = 50  # a verbatim run this long (汉字) is a pasted passage
COPY_SHARE_FAIL = 0.15
COPY_RUN_OK = 30  # set phrases (让我们更加紧密地团结在…) stay below this
COPY_SHARE_OK = 0.05
LENGTH_PASS = 0.8


@dataclass(frozen=True)
class CheckResult:
    name: str
    passed: bool
    score: float
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "passed": self.passed,
            "score": round(self.score, 4),
            "reason": self.reason,
        }


@dataclass(frozen=True)
class Scorecard:
    score: float
    passed: bool
    checks: tuple[CheckResult, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (check, why): not part of the JSON schema

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "passed": self.passed,
            "checks": [c.to_dict() for c in self.checks],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def check(self, name: str) -> CheckResult | None:
        return next((c for c in self.checks if c.name == name), None)


# ---------------------------------------------------------------- normalisation

_FULL_TO_HALF = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULL_TO_HALF.update({0x3000: 0x20, 0xFF61: ord("。"), 0xFF64: ord("、")})
_FULL_TO_HALF.update({0xFF62: ord("「"), 0xFF63: ord("」")})
# Sentence punctuation is then written in its Chinese (full-width) form, digits and
# letters in ASCII: one canonical text whichever twin the writer typed.
_TO_CJK = str.maketrans(
    {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
)
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")


def normalize(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_FULL_TO_HALF)
    text = _THOUSANDS.sub("", text)
    return text.translate(_TO_CJK)


def is_hanzi(ch: str) -> bool:
    cp = ord(ch)
    return 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2EBEF


def han_count(text: str) -> int:
    return sum(1 for ch in text if is_hanzi(ch))


_SENT_SPLIT = re.compile(r"(?<=[。！？；])|\n")


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT_SPLIT.split(text) if s and s.strip()]


def _short(s: str, limit: int = 60) -> str:
    return s if len(s) <= limit else s[:limit] + "…"


# ---------------------------------------------------------------- data files


@lru_cache(maxsize=8)
def _yaml(path: str, mtime: float) -> Any:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_yaml(name: str) -> Any:
    path = paths.evals_dir() / name
    if not path.is_file():
        raise InputError(f"找不到评测数据 {path}（应随仓库提供）")
    return _yaml(str(path), path.stat().st_mtime)


def occasion_spec(occasion: str) -> dict[str, Any]:
    data = load_yaml("elements.yaml") or {}
    if occasion not in data:
        raise InputError(f"evals/elements.yaml 中没有场合 {occasion!r}；可选：{'、'.join(data)}")
    return data[occasion]


# ---------------------------------------------------------------- numbers

_NUMBER = re.compile(r"(?<![\dA-Za-z.])(\d+(?:\.\d+)?)(万亿|亿|万|千)?(%|‰)?")
_TODO = re.compile(r"【待补[：:][^】]*】")
_YEAR_PLACEHOLDER = re.compile(r"(19|20)[xX×]{2}")
_LIST_MARKER = re.compile(r"(?m)^\s*\d+[.、]|（\d+）")


def _number_key(value: str, mult: str | None) -> str:
    return f"{float(value):g}{mult or ''}"


def _numbers(text: str) -> list[tuple[str, str, re.Match[str]]]:
    """(display, key, match) for each figure in normalised text."""
    return [(m.group(0), _number_key(m.group(1), m.group(2)), m) for m in _NUMBER.finditer(text)]


def brief_number_keys(brief: Brief) -> set[str]:
    keys = {key for _, key, _ in _numbers(normalize(brief.facts_text()))}
    for n in (brief.session.congress, brief.session.meeting):
        if n:
            keys.add(_number_key(str(n), None))
    return keys


def _is_exempt(text: str, m: re.Match[str], brief: Brief) -> bool:
    value, mult, pct = m.group(1), m.group(2), m.group(3)
    after = text[m.end() : m.end() + 4]
    if mult or pct:
        return False
    if "." not in value:
        n = int(value)
        if 1900 <= n <= 2100 and len(value) == 4:
            return True  # years are not facts to invent
        if after.startswith("月") and 1 <= n <= 12 or after[:1] in ("日", "号") and 1 <= n <= 31:
            return True
        if after.startswith(("届", "次会议")) and n in (
            brief.session.congress,
            brief.session.meeting,
        ):
            return True
    return False


def find_invented_numbers(text: str, brief: Brief) -> list[str]:
    """Figures in `text` that the brief does not give (years, dates, session ordinals,
    list markers and figures inside 【待补：…】 excepted), distinct, in order of appearance."""
    text = normalize(text)
    text = _TODO.sub(lambda m: "□" * len(m.group(0)), text)
    text = _YEAR_PLACEHOLDER.sub(lambda m: "□" * len(m.group(0)), text)
    text = _LIST_MARKER.sub(lambda m: "□" * len(m.group(0)), text)
    allowed = brief_number_keys(brief)
    out: list[str] = []
    for display, key, m in _numbers(text):
        if key in allowed or _is_exempt(text, m, brief) or display in out:
            continue
        out.append(display)
    return out


# ---------------------------------------------------------------- placeholders

_UNFILLED = re.compile(
    r"20[xX×]{2}|(?<![A-Za-z])[xX×]{1,3}(?![A-Za-z])|某某|○○|[～~]年|…{1,2}|\.{3,}|（[^（）]{0,12}(名称|数字|姓名|单位)）"
)


def find_placeholders(text: str) -> tuple[list[str], list[str]]:
    """(unfilled placeholders such as XX/××/20xx/……, 【待补：…】 markers) in `text`."""
    text = normalize(text)
    todo = _TODO.findall(text)
    rest = _TODO.sub("", text)
    unfilled = [m.group(0) for m in _UNFILLED.finditer(rest)]
    return unfilled, todo


# ---------------------------------------------------------------- leakage


@dataclass(frozen=True)
class LeakTerm:
    text: str
    speech_id: str
    kind: str  # place | person | figure | phrase
    pattern: re.Pattern[str]


_PLACE_SUFFIX = ("镇", "县", "乡", "市", "村", "区", "街道")


def _leak_pattern(term: str, kind: str) -> re.Pattern[str]:
    variants = [term]
    if kind == "place":
        for suffix in _PLACE_SUFFIX:
            if term.endswith(suffix) and len(term) - len(suffix) >= 2:
                variants.append(term[: -len(suffix)])
    alts = "|".join(re.escape(v) for v in sorted(set(variants), key=len, reverse=True))
    if kind == "figure":  # 36万 must not match inside 136万 or 36.5万
        return re.compile(rf"(?<![\d.])(?:{alts})(?![\d.])")
    return re.compile(alts)


def leak_lexicon(corpus: Iterable[Any]) -> list[LeakTerm]:
    """Names, people, figures and slogans specific to each corpus speech."""
    extra = load_yaml("leakage.yaml") or {}
    terms: list[LeakTerm] = []
    for speech in corpus:
        sid = speech.id
        entries: list[tuple[str, str]] = []
        if getattr(speech, "locality", None):
            entries.append((speech.locality, "place"))
        if getattr(speech, "speaker", None):
            entries.append((speech.speaker, "person"))
        data = extra.get(sid) or {}
        for key, kind in (
            ("places", "place"),
            ("people", "person"),
            ("figures", "figure"),
            ("phrases", "phrase"),
        ):
            entries += [(str(v), kind) for v in data.get(key) or ()]
        for text, kind in dict.fromkeys(entries):
            text = normalize(text)
            terms.append(LeakTerm(text, sid, kind, _leak_pattern(text, kind)))
    return terms


def _same_place(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    strip = lambda s: s[:-1] if s[-1:] in "镇县乡市区村" and len(s) > 2 else s  # noqa: E731
    return strip(a) == strip(b)


def find_leaks(
    text: str, brief: Brief | None, corpus: Iterable[Any], exclude_ids: Iterable[str] = ()
) -> list[str]:
    """Other corpus speeches' places, people, figures and slogans found in `text`.

    Terms that the brief itself mentions, terms of speeches for the brief's own locality and
    of speeches in `exclude_ids` (e.g. the reference being scored) are not leaks.
    """
    text = normalize(text)
    corpus = list(corpus)
    excluded = set(exclude_ids)
    if brief is not None:
        excluded |= {
            s.id for s in corpus if _same_place(getattr(s, "locality", None), brief.locality)
        }
    facts = normalize(brief.facts_text()) if brief is not None else ""
    found: list[str] = []
    for term in leak_lexicon(corpus):
        if term.speech_id in excluded or term.text in found:
            continue
        if facts and term.pattern.search(facts):
            continue
        if term.pattern.search(text):
            found.append(term.text)
    return found


def _leak_details(text: str, leaks: Sequence[str], corpus: Iterable[Any]) -> list[str]:
    lex = {t.text: t for t in leak_lexicon(corpus)}
    out = []
    for leak in leaks:
        term = lex.get(leak)
        m = term.pattern.search(text) if term else None
        where = f"：{tifa.sentence_at(text, m.start(), m.end(), 50)}" if m else ""
        source = f"（来自 {term.speech_id}）" if term else ""
        out.append(f"“{leak}”{source}{where}")
    return out


# ---------------------------------------------------------------- 提法


def find_stale_tifa(text: str, date: dt.date | None) -> list[TifaHit]:
    """Formulations not current on `date` (none when the date is unknown)."""
    if date is None:
        return []
    return tifa.find_stale(normalize(text), date)


# ---------------------------------------------------------------- copying


def _han_only(text: str) -> str:
    return "".join(ch for ch in text if is_hanzi(ch) or ch.isalnum())


_NGRAM_INDEX: dict[tuple, dict[str, str]] = {}


def _ngram_index(corpus: Sequence[Any]) -> dict[str, str]:
    key = tuple((s.id, hash(s.text)) for s in corpus)
    index = _NGRAM_INDEX.get(key)
    if index is None:
        index = {}
        for s in corpus:
            h = _han_only(normalize(s.text))
            for i in range(len(h) - NGRAM + 1):
                index.setdefault(h[i : i + NGRAM], s.id)
        _NGRAM_INDEX.clear()  # one corpus at a time is all a run needs
        _NGRAM_INDEX[key] = index
    return index


@dataclass(frozen=True)
class CopyStats:
    share: float  # share of the text's n-grams found in the corpus
    longest: int  # longest verbatim run, in characters (punctuation ignored)
    run_text: str
    source: str | None


def copy_stats(text: str, corpus: Sequence[Any]) -> CopyStats:
    h = _han_only(normalize(text))
    index = _ngram_index(corpus)
    total = max(0, len(h) - NGRAM + 1)
    if total == 0:
        return CopyStats(0.0, 0, "", None)
    hits = [h[i : i + NGRAM] in index for i in range(total)]
    best, best_start, run_start = 0, 0, None
    for i, hit in enumerate([*hits, False]):
        if hit and run_start is None:
            run_start = i
        elif not hit and run_start is not None:
            length = i - run_start + NGRAM - 1
            if length > best:
                best, best_start = length, run_start
            run_start = None
    run_text = h[best_start : best_start + best] if best else ""
    source = index.get(run_text[:NGRAM]) if best else None
    return CopyStats(sum(hits) / total, best, run_text, source)


# ---------------------------------------------------------------- the checks


def _ratio(value: float, ok: float, fail: float) -> float:
    """1 up to `ok`, falling linearly to 0 at twice the distance from ok to fail."""
    if value <= ok:
        return 1.0
    return max(0.0, 1.0 - (value - ok) / (2 * (fail - ok)))


_ADDRESS_ONLY = re.compile(r"^(各位代表|同志们|各位委员)[、，]?(同志们)?[：！，。]?$")
_SALUTATION = re.compile(r"^(各位代表|同志们|各位委员)")


def _call_in_last_paragraph(text: str, occasion: str) -> str | None:
    """The last paragraph, when it reads as a call (for parses that fold it into another role)."""
    call = next((e for e in occasion_spec(occasion)["elements"] if e["id"] == "call"), None)
    paras = [p.strip() for p in text.split("\n") if p.strip()]
    if call and paras and any(re.search(p, paras[-1]) for p in call["patterns"]):
        return paras[-1]
    return None


def check_structure(text: str, occasion: str) -> CheckResult:
    from assistant.structure import parse_speech

    text = normalize(text)
    spec = occasion_spec(occasion)["structure"]
    parsed = parse_speech(text, occasion)
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


def check_required_elements(text: str, occasion: str) -> CheckResult:
    spec = occasion_spec(occasion)["elements"]
    sents = sentences(text)
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
        hit = next((s for s in pool if any(re.search(p, s) for p in el["patterns"])), None)
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


def _bigrams(s: str) -> set[str]:
    h = _han_only(s)
    return {h[i : i + 2] for i in range(len(h) - 1)}


COVER_FIELDS = (
    "reports",
    "elections",
    "achievements",
    "situation",
    "themes",
    "requirements",
    "outline",
)


def coverage_items(text: str, brief: Brief) -> list[tuple[str, str, bool, str]]:
    """(field, item, covered, what is missing) for each fact of the brief a speech must carry."""
    text = normalize(text)
    draft_keys = {key for _, key, _ in _numbers(text)}
    draft_bigrams = _bigrams(text)
    out = []
    if brief.locality:
        loc = normalize(brief.locality)
        stem = loc[:-1] if loc[-1:] in "镇县乡市区" and len(loc) > 2 else loc
        out.append(("locality", loc, stem in text, "" if stem in text else "地名未出现"))
    s = brief.session
    if s.congress and s.meeting:
        marks = [f"第{chinese_number(s.congress)}届", f"第{chinese_number(s.meeting)}次"]
        missing = [m for m in marks if m not in text]
        out.append(("session", brief.session_name or "", not missing, "、".join(missing)))
    elif s.name:
        name = normalize(s.name)
        out.append(("session", name, name in text, "" if name in text else "会议名称未出现"))
    if brief.speaker.organ:
        organ = normalize(brief.speaker.organ)
        out.append(("speaker.organ", organ, organ in text, "" if organ in text else "未出现"))
    for name, item in brief.fact_items():
        if name not in COVER_FIELDS:
            continue
        item_n = normalize(item)
        nums = [d for d, key, _ in _numbers(item_n) if key not in draft_keys]
        grams = _bigrams(item_n)
        overlap = len(grams & draft_bigrams) / len(grams) if grams else 1.0
        problems = []
        if nums:
            problems.append("缺数字 " + "、".join(nums))
        if overlap < 0.5:
            problems.append(f"内容重合 {overlap:.0%}")
        out.append((name, item, not problems, "，".join(problems)))
    return out


def check_brief_coverage(text: str, brief: Brief) -> CheckResult:
    items = coverage_items(text, brief)
    if not items:
        return CheckResult("brief_coverage", True, 1.0, "简报中没有需要写入的事实")
    missed = [(f, i, why) for f, i, ok, why in items if not ok]
    score = 1 - len(missed) / len(items)
    hard = [
        m for m in missed if m[0] in ("locality", "session", "speaker.organ") or "缺数字" in m[2]
    ]
    passed = not hard and score >= 0.8
    if not missed:
        return CheckResult("brief_coverage", True, 1.0, f"简报 {len(items)} 项事实均已写入")
    lines = [f"简报 {len(items)} 项中 {len(missed)} 项未写入或写得不全："]
    lines += [f"- [{f}] {_short(i, 40)}（{why}）" for f, i, why in missed]
    return CheckResult("brief_coverage", passed, score, "\n".join(lines))


def check_invented_facts(text: str, brief: Brief) -> CheckResult:
    invented = find_invented_numbers(text, brief)
    if not invented:
        return CheckResult(
            "invented_facts", True, 1.0, "所有数字都来自简报（年份、日期、届次除外）"
        )
    norm = normalize(text)
    lines = [f"简报中没有的数字 {len(invented)} 个："]
    for num in invented:
        i = norm.find(num)
        lines.append(f"- {num}：{tifa.sentence_at(norm, i, i + len(num), 50)}")
    return CheckResult(
        "invented_facts", False, max(0.0, 1 - 0.25 * len(invented)), "\n".join(lines)
    )


def check_leakage(
    text: str, brief: Brief | None, corpus: Sequence[Any], exclude_ids: Iterable[str]
) -> CheckResult:
    leaks = find_leaks(text, brief, corpus, exclude_ids)
    if not leaks:
        return CheckResult("leakage", True, 1.0, "没有出现语料中其他地方的地名、人名、数字或口号")
    lines = ["出现了其他讲话特有的名称或数字："] + [
        "- " + d for d in _leak_details(normalize(text), leaks, corpus)
    ]
    return CheckResult("leakage", False, max(0.0, 1 - 0.34 * len(leaks)), "\n".join(lines))


def check_copying(text: str, corpus: Sequence[Any]) -> CheckResult:
    st = copy_stats(text, corpus)
    score = min(
        _ratio(st.longest, COPY_RUN_OK, COPY_RUN_FAIL),
        _ratio(st.share, COPY_SHARE_OK, COPY_SHARE_FAIL),
    )
    passed = st.longest < COPY_RUN_FAIL and st.share < COPY_SHARE_FAIL
    reason = f"与语料共有的 {NGRAM} 字片段占 {st.share:.1%}；最长连续相同 {st.longest} 字"
    if st.longest:
        reason += f"（{st.source}）：{_short(st.run_text, 60)}"
    if not passed:
        reason = (
            f"照抄范文（最长 ≥{COPY_RUN_FAIL} 字或占比 ≥{COPY_SHARE_FAIL:.0%} 即不通过）：" + reason
        )
    return CheckResult("copying", passed, score, reason)


def check_tifa(text: str, date: dt.date, occasion: str | None) -> CheckResult:
    norm = normalize(text)
    hits = tifa.find_stale(norm, date)
    missing = tifa.missing_expected(norm, date, occasion)
    score = max(0.0, 1 - 0.3 * len({h.entry_id for h in hits}) - 0.05 * len(missing))
    lines = []
    if hits:
        lines.append(f"按讲话日期 {date.isoformat()}，以下提法不当：")
        lines += ["- " + h.describe() for h in hits]
    else:
        lines.append(f"按讲话日期 {date.isoformat()}，未见过时提法")
    if missing:
        lines.append("建议写到的当前提法（未见）：" + "、".join(e.label for e in missing))
    return CheckResult("tifa", not hits, score, "\n".join(lines))


def check_placeholders(text: str) -> CheckResult:
    unfilled, todo = find_placeholders(text)
    todo_note = f"【待补】标记 {len(todo)} 处" + (
        f"：{'、'.join(_short(t, 30) for t in todo[:8])}" if todo else ""
    )
    if not unfilled:
        return CheckResult("placeholders", True, 1.0, f"没有未填的占位符；{todo_note}")
    shown = "、".join(dict.fromkeys(unfilled))
    return CheckResult(
        "placeholders",
        False,
        max(0.0, 1 - 0.2 * len(unfilled)),
        f"未填的占位符 {len(unfilled)} 处：{shown}；{todo_note}",
    )


def length_score(target: int, actual: int) -> float:
    """LongWriter's length score on a 0..1 scale (target x, output y)."""
    x, y = target, actual
    if y <= 0:
        return 0.0
    if y > x:
        return max(0.0, 1 - (y / x - 1) / 3)
    return max(0.0, 1 - (x / y - 1) / 2)


def check_length(text: str, target: int) -> CheckResult:
    n = han_count(normalize(text))
    score = length_score(target, n)
    return CheckResult(
        "length",
        score >= LENGTH_PASS,
        score,
        f"{n} 字，目标 {target} 字（{n / target:.0%}）；长度分 {score * 100:.0f}",
    )


JudgeFn = Callable[[str, Brief | None, str], CheckResult]


def score_text(
    text: str,
    *,
    brief: Brief | None = None,
    occasion: str | None = None,
    date: dt.date | None = None,
    corpus: Sequence[Any] | None = None,
    checks: Iterable[str] | None = None,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
    exclude_ids: Iterable[str] = (),
    judge: JudgeFn | None = None,
) -> Scorecard:
    """Run the checks on `text`; overall score is the weighted mean of the checks run.

    A check passes by its own rule unless `thresholds` names it (then score >= threshold);
    the card passes when every check passes and the score reaches thresholds["score"].
    """
    occasion = occasion or (brief.occasion if brief else None)
    date = date or (brief.date if brief else None)
    wanted = list(checks) if checks is not None else list(CHECKS)
    unknown = set(wanted) - set(CHECKS) - set(OPTIONAL_CHECKS)
    if unknown:
        raise InputError(
            f"未知的检查：{'、'.join(sorted(unknown))}；可选：{'、'.join(CHECKS + OPTIONAL_CHECKS)}"
        )
    if corpus is None and ({"leakage", "copying"} & set(wanted)):
        from assistant.corpus import load_corpus

        corpus = load_corpus()
    exclude = set(exclude_ids)
    ref_corpus = [s for s in corpus or () if s.id not in exclude]
    results: list[CheckResult] = []
    skipped: list[tuple[str, str]] = []
    for name in wanted:
        if name in ("structure", "required_elements") and not occasion:
            skipped.append((name, "未指定场合（--occasion 或简报 occasion）"))
        elif name in ("brief_coverage", "invented_facts", "length") and brief is None:
            skipped.append((name, "未提供简报"))
        elif name == "tifa" and date is None:
            skipped.append((name, "未给出讲话日期（--date 或简报 date）"))
        elif name == "judge" and judge is None:
            skipped.append((name, "未配置评审模型"))
        elif name == "structure":
            results.append(check_structure(text, occasion))
        elif name == "required_elements":
            results.append(check_required_elements(normalize(text), occasion))
        elif name == "brief_coverage":
            results.append(check_brief_coverage(text, brief))
        elif name == "invented_facts":
            results.append(check_invented_facts(text, brief))
        elif name == "leakage":
            results.append(check_leakage(text, brief, corpus or [], exclude))
        elif name == "copying":
            results.append(check_copying(text, ref_corpus))
        elif name == "tifa":
            results.append(check_tifa(text, date, occasion))
        elif name == "placeholders":
            results.append(check_placeholders(text))
        elif name == "length":
            results.append(check_length(text, brief.length))
        elif name == "judge":
            results.append(judge(text, brief, occasion or ""))
    return make_scorecard(results, weights=weights, thresholds=thresholds, skipped=skipped)


def make_scorecard(
    results: Sequence[CheckResult],
    *,
    weights: Mapping[str, float] | None = None,
    thresholds: Mapping[str, float] | None = None,
    skipped: Sequence[tuple[str, str]] = (),
) -> Scorecard:
    w = {**DEFAULT_WEIGHTS, **(weights or {})}
    t = {**DEFAULT_THRESHOLDS, **(thresholds or {})}
    final = []
    for r in results:
        if r.name in t:
            final.append(CheckResult(r.name, r.score >= t[r.name], r.score, r.reason))
        else:
            final.append(r)
    total_w = sum(w.get(r.name, 1.0) for r in final)
    score = sum(w.get(r.name, 1.0) * r.score for r in final) / total_w if total_w else 0.0
    passed = all(r.passed for r in final) and score >= t["score"]
    return Scorecard(score=score, passed=passed, checks=tuple(final), skipped=tuple(skipped))


# ---------------------------------------------------------------- the optional LLM judge

JUDGE_PROMPT = """你是机关文稿审稿人。请按以下标准为一篇{occasion}打分（每项 1–5 分）：
1. 结构：称谓、开场、致谢、回顾、形势、要求、号召是否齐全、顺序得当；
2. 文风：是否符合机关讲话稿文体，语言庄重、凝练；
3. 事实：是否只使用简报中的事实，没有编造数字；
4. 提法：是否使用讲话日期时的规范提法。
只输出一个 JSON 对象，不要其他文字：{{"structure": n, "style": n, "facts": n, "tifa": n, "reason": "一句话理由"}}

简报事实：
{facts}

讲话稿：
{text}"""
JUDGE_KEYS = ("structure", "style", "facts", "tifa")


class JudgeError(ModelError):
    """The judge model's answer could not be parsed: an error, never a default score."""


def parse_judge(answer: str) -> tuple[float, str]:
    m = re.search(r"\{.*\}", answer, re.S)
    if not m:
        raise JudgeError(f"评审模型没有输出 JSON：{_short(answer, 80)}")
    try:
        data = json.loads(m.group(0))
    except json.JSONDecodeError as exc:
        raise JudgeError(f"评审模型输出的 JSON 无法解析（{exc}）：{_short(answer, 80)}") from None
    values = []
    for key in JUDGE_KEYS:
        v = data.get(key)
        if isinstance(v, bool) or not isinstance(v, int | float) or not 1 <= v <= 5:
            raise JudgeError(f"评审模型输出的 {key} 分值无效：{v!r}（应为 1–5）")
        values.append(float(v))
    return (sum(values) / len(values) - 1) / 4, str(data.get("reason") or "")


def make_judge(llm: Any, *, temperature: float = 0.0, max_tokens: int = 300) -> JudgeFn:
    """A judge through the given LLM client, at a pinned temperature."""

    def judge(text: str, brief: Brief | None, occasion: str) -> CheckResult:
        from assistant.brief import OCCASIONS

        prompt = JUDGE_PROMPT.format(
            occasion=OCCASIONS.get(occasion, "讲话稿"),
            facts=brief.facts_text() if brief else "（无）",
            text=text,
        )
        result = llm.chat(
            [{"role": "user", "content": prompt}], temperature=temperature, max_tokens=max_tokens
        )
        score, reason = parse_judge(result.text)
        model = getattr(getattr(llm, "endpoint", None), "model", "?")
        return CheckResult("judge", score >= 0.6, score, f"评审模型 {model}：{reason}")

    return judge


def read_text(path: str | Path) -> str:
    from assistant.textio import read_text_file

    return read_text_file(Path(path))


__all__ = [
    "CheckResult",
    "Scorecard",
    "TifaHit",
    "normalize",
    "score_text",
    "find_invented_numbers",
    "find_leaks",
    "find_stale_tifa",
    "find_placeholders",
    "length_score",
    "make_judge",
]
