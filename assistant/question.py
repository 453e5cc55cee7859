"""Reading a writer's question before anything is retrieved: which speeches, which part, what kind.

Deterministic and data-driven: the cue words live in evals/ask/vocabulary.yaml and the
speeches' names come from the corpus metadata (locality, year, occasion, level, speaker),
so the embedded 0.5B model needs to understand nothing. The result, an `Understanding`,
says which speeches are in scope, which roles of assistant/structure.py the question is
about, whether it names one point (第三点), what kind of question it is (one speech, a
comparison, how the genre does something, a fact lookup), and what it names that the corpus
does not have (a place, a year, a kind of meeting), which is enough to say "not found".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from assistant import paths
from assistant.errors import ConfigError
from assistant.structure import ROLE_LABELS
from assistant.text import HAN_RUN, chinese_numeral, place_stem

KINDS = ("genre", "speech", "compare", "fact", "draft")
KIND_LABELS = {
    "genre": "文体写法",
    "speech": "某篇讲话",
    "compare": "比较",
    "fact": "事实查找",
    "draft": "草稿",
}
OCCASION_LABELS = {
    "closing_session": "闭幕式讲话",
    "symposium": "座谈会讲话",
    "experience_exchange": "经验交流会讲话",
    "presidium_meeting": "主席团工作会讲话",
}
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年?")


def vocabulary_file() -> Path:
    return paths.evals_dir() / "ask" / "vocabulary.yaml"


@dataclass(frozen=True)
class Vocabulary:
    roles: dict[str, tuple[str, ...]]
    suppresses: dict[str, tuple[str, ...]]
    fallback: dict[str, tuple[str, ...]]
    ordinal_patterns: tuple[re.Pattern[str], ...]
    kinds: dict[str, tuple[str, ...]]
    occasions: dict[str, tuple[str, ...]]
    levels: dict[str, tuple[str, ...]]
    aliases: dict[str, tuple[str, ...]]
    absent_occasions: tuple[str, ...]
    place_suffixes: tuple[str, ...]
    place_generic: frozenset[str]
    frame_words: tuple[str, ...]
    min_support: float


def _table(raw: Any, name: str) -> dict[str, tuple[str, ...]]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{vocabulary_file()}：{name} 应是“键: [词…]”的表。")
    return {str(k): tuple(str(w) for w in (v or ())) for k, v in raw.items()}


@lru_cache(maxsize=4)
def _load(path: str) -> Vocabulary:
    with open(path, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or {}
    try:
        return Vocabulary(
            roles=_table(raw["roles"], "roles"),
            suppresses=_table(raw.get("suppresses", {}), "suppresses"),
            fallback=_table(raw.get("fallback", {}), "fallback"),
            ordinal_patterns=tuple(re.compile(p) for p in raw.get("ordinal_patterns", ())),
            kinds=_table(raw["kinds"], "kinds"),
            occasions=_table(raw["occasions"], "occasions"),
            levels=_table(raw["levels"], "levels"),
            aliases=_table(raw.get("aliases", {}), "aliases"),
            absent_occasions=tuple(raw.get("absent_occasions", ())),
            place_suffixes=tuple(raw.get("place_suffixes", ())),
            place_generic=frozenset(raw.get("place_generic", ())),
            frame_words=tuple(sorted(raw.get("frame_words", ()), key=len, reverse=True)),
            min_support=float(raw["min_support"]),
        )
    except KeyError as exc:
        raise ConfigError(f"{path} 缺少 {exc.args[0]}。") from None


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    return _load(str(path or vocabulary_file()))


# ---------------------------------------------------------------- the speeches


@dataclass(frozen=True)
class SpeechInfo:
    """What a question can name a speech by."""

    id: str
    title: str | None = None
    occasion: str | None = None
    level: str | None = None
    locality: str | None = None
    year: int | None = None
    speaker: str | None = None
    date: str | None = None

    def names(self) -> list[str]:
        out = []
        if self.locality:
            out.append(self.locality)
            if place_stem(self.locality) != self.locality:
                out.append(place_stem(self.locality))
        if self.speaker:
            out.append(self.speaker)
        return out

    def label(self) -> str:
        """A short Chinese name for messages: 高都镇2023年闭幕式讲话."""
        place = self.locality or ""
        year = f"{self.year}年" if self.year else ""
        kind = OCCASION_LABELS.get(self.occasion or "", "讲话")
        if not place and self.title:
            return self.title
        return f"{place}{year}{kind}"


def catalogue_from(items: Iterable[Any]) -> list[SpeechInfo]:
    """SpeechInfo from corpus Speech objects (or anything with the same attributes)."""
    return [
        SpeechInfo(
            id=s.id,
            title=getattr(s, "title", None),
            occasion=getattr(s, "occasion", None),
            level=getattr(s, "level", None),
            locality=getattr(s, "locality", None),
            year=getattr(s, "year", None),
            speaker=getattr(s, "speaker", None),
            date=getattr(s, "date", None),
        )
        for s in items
    ]


# ---------------------------------------------------------------- the reading


@dataclass(frozen=True)
class Understanding:
    question: str
    kind: str
    scope: tuple[str, ...]  # speeches in scope, corpus order; all of them when nothing narrows
    named: tuple[str, ...] = ()  # speeches the question names (place, speaker, alias)
    groups: tuple[tuple[str, ...], ...] = ()  # for comparisons: one tuple of speech ids per side
    roles: tuple[str, ...] = ()
    ordinal: int | None = None
    occasion: str | None = None
    level: str | None = None
    years: tuple[int, ...] = ()
    content: tuple[str, ...] = ()  # runs of the question left once every cue is out
    missing: tuple[str, ...] = ()  # things named that the corpus has no speech of
    all_speeches: int = 0
    cues: dict[str, list[str]] = field(default_factory=dict, compare=False)

    @property
    def narrowed(self) -> bool:
        return 0 < len(self.scope) < self.all_speeches

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "speeches": list(self.scope) if self.narrowed else [],
            "named": list(self.named),
            "groups": [list(g) for g in self.groups],
            "roles": list(self.roles),
            "ordinal": self.ordinal,
            "occasion": self.occasion,
            "level": self.level,
            "years": list(self.years),
            "content": list(self.content),
            "missing": list(self.missing),
            "cues": self.cues,
            "summary": self.describe(),
        }

    def describe(self, catalogue: Sequence[SpeechInfo] = ()) -> str:
        """One Chinese line: what was understood (and so what is searched)."""
        by_id = {s.id: s for s in catalogue}

        def name(sid: str) -> str:
            return by_id[sid].label() if sid in by_id else sid

        if self.groups:
            where = " 与 ".join("、".join(name(s) for s in g) for g in self.groups)
        elif self.narrowed:
            where = "、".join(name(s) for s in self.scope)
        else:
            where = f"全部{self.all_speeches}篇讲话" if self.all_speeches else "语料库"
        part = "、".join(ROLE_LABELS.get(r, r) for r in self.roles) or "全文"
        if self.ordinal:
            part = f"要求第{self.ordinal}点"
        text = f"{KIND_LABELS.get(self.kind, self.kind)}：在{where}的{part}中查找"
        if self.content:
            text += "“" + "、".join(self.content) + "”"
        return text


def _found(text: str, cues: Iterable[str]) -> list[str]:
    return [c for c in cues if c and c in text]


def _mask(text: str, words: Iterable[str]) -> str:
    for w in sorted(set(words), key=len, reverse=True):
        if w:
            text = text.replace(w, "　" * len(w))
    return text


def _ordinal(text: str, vocab: Vocabulary) -> tuple[int | None, str | None]:
    for pattern in vocab.ordinal_patterns:
        m = pattern.search(text)
        if m:
            raw = m.group(1)
            value = int(raw) if raw.isdigit() else chinese_numeral(raw)
            if value:
                return value, m.group(0)
    return None, None


def _unknown_places(
    text: str, vocab: Vocabulary, known_text: str, frame_chars: set[str]
) -> list[str]:
    """Place names (two 汉字 + 市/县/镇…) that no speech of the corpus mentions."""
    out = []
    for i, ch in enumerate(text):
        if ch not in vocab.place_suffixes or i < 2:
            continue
        stem = text[i - 2 : i]
        word = stem + ch
        if not all("\u4e00" <= c <= "\u9fff" for c in stem):
            continue
        if word in vocab.place_generic or text[i - 1 : i + 1] in vocab.place_generic:
            continue
        if any(c in frame_chars for c in stem) or stem in known_text:
            continue
        out.append(word)
    return out


def understand(
    question: str,
    catalogue: Sequence[SpeechInfo],
    *,
    vocab: Vocabulary | None = None,
    corpus_text: str = "",
) -> Understanding:
    """Read `question` against the speeches of `catalogue` (corpus order).

    `corpus_text` (all speech texts joined) lets a place name the speeches mention count as
    known even when no speech is *about* it.
    """
    r = _Reading(question.strip(), catalogue, vocab or load_vocabulary())
    named = r.named()
    years, occasions, levels = r.filters(named, corpus_text)
    roles, ordinal = r.roles()
    kind_hits = {k: r.take(words) for k, words in r.vocab.kinds.items()}
    if named:
        scope, groups = named, ([(sid,) for sid in named] if len(named) >= 2 else [])
    else:
        scope, groups = r.scope(years, occasions, levels)
    if kind_hits["compare"] and not groups and len(scope) >= 2 and roles:
        groups = [(sid,) for sid in scope]
    narrowed = bool(named or occasions or levels or years)
    masked = _mask(r.q, [*r.used, *r.vocab.frame_words])
    return Understanding(
        question=r.q,
        kind=_kind(kind_hits, groups, scope, roles, narrowed),
        scope=tuple(scope),
        named=tuple(named),
        groups=tuple(groups),
        roles=tuple(roles),
        ordinal=ordinal,
        occasion=_one(occasions),
        level=_one(levels),
        years=tuple(years),
        content=tuple(run for run in HAN_RUN.findall(masked) if len(run) >= 2),
        missing=tuple(dict.fromkeys(r.missing)),
        all_speeches=len(catalogue),
        cues=r.cues,
    )


def _one(values: Sequence[Any]) -> Any:
    """The one value asked for, or None for none or several."""
    return values[0] if len(values) == 1 else None


def _kind(
    kind_hits: dict[str, list[str]],
    groups: Sequence[tuple[str, ...]],
    scope: Sequence[str],
    roles: Sequence[str],
    narrowed: bool,
) -> str:
    if len(groups) >= 2:
        return "compare"
    if len(scope) == 1 and narrowed:
        return "fact" if kind_hits["fact"] and not roles else "speech"
    if kind_hits["fact"] and (not kind_hits["genre"] or not roles):
        return "fact"
    return "genre"


def _matches(s: SpeechInfo, occ: str | None, lev: str | None, year: int | None) -> bool:
    return (
        (occ is None or s.occasion == occ)
        and (lev is None or s.level == lev)
        and (year is None or s.year == year)
    )


@dataclass
class _Reading:
    """A question being read: the cue words found so far (`used`, masked out of the
    content words), the cues shown to the user and what the corpus lacks."""

    q: str
    catalogue: Sequence[SpeechInfo]
    vocab: Vocabulary
    used: list[str] = field(default_factory=list)
    cues: dict[str, list[str]] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)

    def take(self, words: Iterable[str]) -> list[str]:
        """The words of `words` the question has, counted as used."""
        hits = _found(self.q, words)
        self.used += hits
        return hits

    def named(self) -> list[str]:
        """Speeches named by place, speaker or alias."""
        named: list[str] = []
        hits: list[str] = []
        for s in self.catalogue:
            found = self.take([*s.names(), *self.vocab.aliases.get(s.id, ())])
            if found:
                named.append(s.id)
                hits += found
        if named:
            self.cues["speeches"] = list(dict.fromkeys(hits))
        return named

    def filters(
        self, named: Sequence[str], corpus_text: str
    ) -> tuple[list[int], list[str], list[str]]:
        """Years, occasions and levels asked for; places and years the corpus lacks go to
        `missing` (places and years only when no speech is named)."""
        vocab, q = self.vocab, self.q
        occasions = [o for o, words in vocab.occasions.items() if self.take(words)]
        levels = [lv for lv, words in vocab.levels.items() if self.take(words)]
        if occasions:
            self.cues["occasion"] = occasions
        if levels:
            self.cues["level"] = levels
        self.missing += _found(q, vocab.absent_occasions)
        if named:
            return [], occasions, levels
        frame_chars = {w for w in vocab.frame_words if len(w) == 1} | set("何样么写怎")
        known = (
            corpus_text
            + "".join("".join(s.names()) + (s.title or "") for s in self.catalogue)
            + "".join(w for ws in vocab.aliases.values() for w in ws)
        )
        self.missing += _unknown_places(q, vocab, known, frame_chars)
        corpus_years = {s.year for s in self.catalogue if s.year}
        years: list[int] = []
        for y in (int(y) for y in _YEAR.findall(q)):
            if y in corpus_years:
                years.append(y)
            else:
                self.missing.append(f"{y}年")
        self.used += [m.group(0) for m in _YEAR.finditer(q)]
        return years, occasions, levels

    def roles(self) -> tuple[list[str], int | None]:
        """The parts of a speech asked about, and the point's number (要求第二点)."""
        found: dict[str, list[str]] = {}
        for role, words in self.vocab.roles.items():
            hits = _found(self.q, words)
            if hits:
                found[role] = hits
        for role in list(found):
            for weaker in self.vocab.suppresses.get(role, ()):
                found.pop(weaker, None)
        ordinal, ordinal_text = _ordinal(self.q, self.vocab)
        if ordinal and not found:
            found["requirements"] = [ordinal_text or ""]
        roles = [r for r in self.vocab.roles if r in found]
        for role in roles:
            self.used += found[role]
        if roles:
            self.cues["roles"] = roles
        if ordinal_text:
            self.used.append(ordinal_text)
        return roles, ordinal

    def scope(
        self, years: list[int], occasions: list[str], levels: list[str]
    ) -> tuple[list[str], list[tuple[str, ...]]]:
        """The speeches the filters select; two values of one field name the two sides of a
        comparison (groups)."""
        occ, lev, one_year = _one(occasions), _one(levels), _one(years)
        scope = [s.id for s in self.catalogue if _matches(s, occ, lev, one_year)]
        groups: list[tuple[str, ...]] = []
        for values, key in ((years, "year"), (levels, "lev"), (occasions, "occ")):
            if len(values) >= 2:
                groups = [
                    tuple(
                        s.id
                        for s in self.catalogue
                        if _matches(
                            s,
                            v if key == "occ" else occ,
                            v if key == "lev" else lev,
                            v if key == "year" else one_year,
                        )
                    )
                    for v in values
                ]
                groups = [g for g in groups if g]
                scope = [sid for g in groups for sid in g]
                break
        if not scope and (occasions or levels or years):
            self.missing.append(
                "、".join(
                    [*(f"{y}年" for y in years), *(lv + "级" for lv in levels)]
                    + [OCCASION_LABELS.get(o, o) for o in occasions]
                )
            )
        return scope, groups
