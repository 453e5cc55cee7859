"""提法 (formulations) and the dates they are current for.

The lexicon is data (evals/tifa.yaml), not code: each entry is a regex with the dates it
may be used between, advice on what to write instead, and a note on why. A second list
names the formulations a speech of a given year and occasion is expected to carry.
Matching runs on text already normalised by `assistant.scoring.normalize`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from assistant import paths
from assistant.errors import InputError
from assistant.text import unquote

_SENTENCE_END = "。！？；\n"


@dataclass(frozen=True)
class TifaEntry:
    id: str
    pattern: re.Pattern[str]
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None
    advice: str = ""
    note: str = ""

    def status(self, date: dt.date) -> str | None:
        """'stale' after valid_until, 'early' before valid_from, None when current."""
        if self.valid_until and date > self.valid_until:
            return "stale"
        if self.valid_from and date < self.valid_from:
            return "early"
        return None

    def advice_for(self, status: str) -> str:
        """The entry's advice is for a formulation left standing after its time (write
        “十五五” in 2026); before its time (“十四五” in a 2019 speech) it would name the later
        wording, so the writer is told when the formulation began and why."""
        if status != "early" or self.valid_from is None:
            return self.advice
        since = f"{self.valid_from.year}年{self.valid_from.month}月{self.valid_from.day}日起才有"
        why = f"：{self.note}" if self.note else ""
        return f"{since}{why}；讲话当时写当时的提法"


@dataclass(frozen=True)
class ExpectedEntry:
    id: str
    pattern: re.Pattern[str]
    label: str
    start: dt.date | None
    until: dt.date | None
    occasions: tuple[str, ...] = ()
    levels: tuple[str, ...] = ()  # empty: every level

    def applies(self, date: dt.date, occasion: str | None, level: str | None = None) -> bool:
        if self.start and date < self.start:
            return False
        if self.until and date > self.until:
            return False
        if self.levels and level not in self.levels:
            return False
        return not self.occasions or occasion in self.occasions


@dataclass(frozen=True)
class TifaHit:
    """One out-of-date (or not-yet-current) formulation found in a text."""

    entry_id: str
    matched: str
    sentence: str
    status: str  # stale | early
    advice: str

    @property
    def message(self) -> str:
        return self.describe()

    def describe(self) -> str:
        when = "已过时" if self.status == "stale" else "讲话日期时尚未出现"
        return f"“{self.matched}”{when}（{self.advice}）：{self.sentence}"


@dataclass(frozen=True)
class Lexicon:
    terms: tuple[TifaEntry, ...]
    expected: tuple[ExpectedEntry, ...]


def _date(value: object, where: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"提法词表 {where} 的日期 {value!r} 应为 YYYY-MM-DD") from None


def _regex(value: object, where: str) -> re.Pattern[str]:
    try:
        return re.compile(str(value))
    except re.error as exc:
        raise InputError(f"提法词表 {where} 的正则有误：{exc}") from None


def parse_lexicon(data: dict) -> Lexicon:
    terms = []
    for i, item in enumerate(data.get("terms") or [], 1):
        where = f"terms 第{i}项（{item.get('id', '?')}）"
        if not item.get("id") or not item.get("pattern"):
            raise InputError(f"提法词表 {where} 缺少 id 或 pattern")
        terms.append(
            TifaEntry(
                id=str(item["id"]),
                pattern=_regex(item["pattern"], where),
                valid_from=_date(item.get("valid_from"), where),
                valid_until=_date(item.get("valid_until"), where),
                advice=str(item.get("advice") or ""),
                note=str(item.get("note") or ""),
            )
        )
    expected = []
    for i, item in enumerate(data.get("expected") or [], 1):
        where = f"expected 第{i}项（{item.get('id', '?')}）"
        if not item.get("id") or not item.get("pattern"):
            raise InputError(f"提法词表 {where} 缺少 id 或 pattern")
        expected.append(
            ExpectedEntry(
                id=str(item["id"]),
                pattern=_regex(item["pattern"], where),
                label=str(item.get("label") or item["pattern"]),
                start=_date(item.get("from"), where),
                until=_date(item.get("until"), where),
                occasions=tuple(item.get("occasions") or ()),
                levels=tuple(str(v) for v in item.get("levels") or ()),
            )
        )
    return Lexicon(terms=tuple(terms), expected=tuple(expected))


def default_lexicon_path() -> Path:
    return paths.evals_dir() / "tifa.yaml"


@lru_cache(maxsize=8)
def _load_cached(path: str, mtime: float) -> Lexicon:
    with open(path, encoding="utf-8") as fh:
        return parse_lexicon(yaml.safe_load(fh) or {})


def load_lexicon(path: Path | None = None) -> Lexicon:
    path = Path(path or default_lexicon_path())
    if not path.is_file():
        raise InputError(f"找不到提法词表 {path}（应随仓库提供 evals/tifa.yaml）")
    return _load_cached(str(path), path.stat().st_mtime)


def sentence_at(text: str, start: int, end: int, limit: int = 80) -> str:
    """The sentence around text[start:end], shortened around the match if long."""
    left = max((text.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
    rights = [i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0]
    right = min(rights) + 1 if rights else len(text)
    sentence = text[left:right].strip()
    if len(sentence) <= limit:
        return sentence
    rel = start - left
    lo = max(0, rel - limit // 2)
    return ("…" if lo else "") + sentence[lo : lo + limit] + "…"


def find_stale(text: str, date: dt.date, lexicon: Lexicon | None = None) -> list[TifaHit]:
    """Formulations not current on `date`, one hit per entry and matched wording.

    Quotation marks are removed first: 为“十四五”开好局 is the same formulation as
    为十四五开好局, and a quoted stale term is as stale as a bare one."""
    lexicon = lexicon or load_lexicon()
    text = unquote(text)
    hits: list[TifaHit] = []
    seen: set[tuple[str, str]] = set()
    for entry in lexicon.terms:
        status = entry.status(date)
        if status is None:
            continue
        for m in entry.pattern.finditer(text):
            key = (entry.id, m.group(0))
            if key in seen:
                continue
            seen.add(key)
            hits.append(
                TifaHit(
                    entry_id=entry.id,
                    matched=m.group(0),
                    sentence=sentence_at(text, m.start(), m.end()),
                    status=status,
                    advice=entry.advice_for(status),
                )
            )
    return hits


def missing_expected(
    text: str,
    date: dt.date,
    occasion: str | None,
    lexicon: Lexicon | None = None,
    level: str | None = None,
) -> list[ExpectedEntry]:
    """Formulations expected of a speech on `date` for `occasion` (and the congress's
    `level`: a 乡镇 congress supervises only its government) that the text lacks."""
    lexicon = lexicon or load_lexicon()
    text = unquote(text)
    return [
        e
        for e in lexicon.expected
        if e.applies(date, occasion, level) and not e.pattern.search(text)
    ]
