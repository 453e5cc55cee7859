"""Passages for `ask`: whole sections of the stored speeches, gathered by what a question asks.

The store keeps chunks of at most 600 汉字; a writer asking "哪几点" wants whole points, so
consecutive chunks of one section are joined back into a `Passage`. `gather` then picks
passages by an `Understanding`: the roles asked about in the speeches in scope (all points
for 哪几点, one per speech for "一般怎样…", every side of a comparison), or hybrid search
within the scope when no role is named. `support` measures how much of the question's own
content the passages carry; `ask` compares it with the calibrated threshold.
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.question import SpeechInfo, Understanding, Vocabulary
from assistant.retrieval import BM25, Hit, retrieve, tokenize
from assistant.store import Store, StoredChunk
from assistant.structure import ROLE_LABELS
from assistant.text import bigrams, normalise_punct

# How many passages a "一般怎样…" question gets (one per speech, best first).
GENRE_PASSAGES = 5
_LATIN = re.compile(r"[A-Za-z]+")
# Hybrid search depth before chunks are mapped back to their sections.
SEARCH_DEPTH = 20


@dataclass(frozen=True)
class Passage:
    speech_id: str
    role: str
    ordinal: int | None
    heading: str
    text: str
    position: int  # the section's place in its speech (0-based, chunk order)
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> tuple[str, int]:
        return (self.speech_id, self.position)

    def where(self) -> str:
        label = ROLE_LABELS.get(self.role, self.role)
        if self.role == "requirements":
            label = f"要求第{self.ordinal}点" if self.ordinal else "要求（引言）"
        return label


@dataclass
class PassageIndex:
    key: tuple[str, ...]
    passages: list[Passage]
    bm25: BM25
    df: Counter[str]

    def of_speech(self, speech_id: str) -> list[Passage]:
        return [p for p in self.passages if p.speech_id == speech_id]

    def idf(self, gram: str) -> float:
        n = len(self.passages)
        return math.log(1 + (n + 1) / (self.df.get(gram, 0) + 0.5))


def sections_from_chunks(chunks: Sequence[StoredChunk]) -> list[Passage]:
    """Join each speech's consecutive chunks of one (role, ordinal) into one passage."""
    by_speech: dict[str, list[StoredChunk]] = {}
    for c in chunks:
        by_speech.setdefault(c.speech_id, []).append(c)
    out: list[Passage] = []
    for sid, items in by_speech.items():
        items.sort(key=lambda c: int(c.metadata.get("chunk", 0)))
        runs: list[list[StoredChunk]] = []
        for c in items:
            if runs and (c.role, c.ordinal) == (runs[-1][-1].role, runs[-1][-1].ordinal):
                runs[-1].append(c)
            else:
                runs.append([c])
        for position, run in enumerate(runs):
            first = run[0]
            out.append(
                Passage(
                    speech_id=sid,
                    role=first.role,
                    ordinal=first.ordinal,
                    heading=str(first.metadata.get("heading") or ""),
                    text="\n".join(c.text for c in run),
                    position=position,
                    meta=dict(first.metadata),
                )
            )
    return out


_LOCK = threading.Lock()
_CACHE: dict[tuple[str, str], PassageIndex] = {}


def passage_index(store: Store) -> PassageIndex:
    """Sections of every stored speech with a BM25 over them; rebuilt when chunk ids change."""
    ids = tuple(sorted(store.chunk_ids()))
    slot = (store.location, store.collection_name)
    with _LOCK:
        cached = _CACHE.get(slot)
        if cached is not None and cached.key == ids:
            return cached
    passages = sections_from_chunks(store.all_chunks())
    df: Counter[str] = Counter()
    for p in passages:
        df.update(bigrams(p.text))
    index = PassageIndex(
        key=ids, passages=passages, bm25=BM25([tokenize(p.text) for p in passages]), df=df
    )
    with _LOCK:
        _CACHE[slot] = index
    return index


def catalogue_from_store(index: PassageIndex, known: Sequence[SpeechInfo]) -> list[SpeechInfo]:
    """The speeches actually in the store, with corpus metadata where the corpus has them."""
    by_id = {s.id: s for s in known}
    out: list[SpeechInfo] = []
    seen: set[str] = set()
    for p in index.passages:
        if p.speech_id in seen:
            continue
        seen.add(p.speech_id)
        m = p.meta
        out.append(
            by_id.get(p.speech_id)
            or SpeechInfo(
                id=p.speech_id,
                title=m.get("title"),
                occasion=m.get("occasion"),
                level=m.get("level"),
                locality=m.get("locality"),
                year=m.get("year"),
            )
        )
    order = {s.id: i for i, s in enumerate(known)}
    out.sort(key=lambda s: order.get(s.id, len(order)))
    return out


# ---------------------------------------------------------------- gathering


def _roles_for(speech: list[Passage], roles: Sequence[str], vocab: Vocabulary) -> list[str]:
    """The asked roles this speech has, else their stand-ins (vocabulary `fallback`)."""
    have = {p.role for p in speech}
    chosen = [r for r in roles if r in have]
    if chosen:
        return chosen
    for r in roles:
        chosen += [f for f in vocab.fallback.get(r, ()) if f in have and f not in chosen]
    return chosen


def _role_passages(
    speech: list[Passage], roles: Sequence[str], ordinal: int | None, vocab: Vocabulary
) -> list[Passage]:
    wanted = _roles_for(speech, roles, vocab)
    picked = [p for p in speech if p.role in wanted]
    if ordinal is not None:
        point = [p for p in picked if p.role == "requirements" and p.ordinal == ordinal]
        picked = point or []
    return picked


def _rank(index: PassageIndex, question: str, passages: Sequence[Passage]) -> list[Passage]:
    """Passages by BM25 of the question over whole sections; ties keep speech order."""
    pos = {p.key: i for i, p in enumerate(index.passages)}
    cand = [pos[p.key] for p in passages if p.key in pos]
    scores = index.bm25.scores(tokenize(question), cand)
    return sorted(passages, key=lambda p: (-scores.get(pos.get(p.key, -1), 0.0), pos.get(p.key)))


def search_in_scope(
    question: str, scope: Sequence[str], index: PassageIndex, store: Store, k: int, method: str
) -> list[Passage]:
    """Hybrid search within the scope, chunks mapped back to their sections."""
    all_ids = {p.speech_id for p in index.passages}
    exclude = tuple(sorted(all_ids - set(scope))) if scope else ()
    hits: list[Hit] = retrieve(
        question, max(k, SEARCH_DEPTH), method=method, exclude_speech_ids=exclude, store=store
    )
    out: list[Passage] = []
    for h in hits:
        p = _passage_of(index, h)
        if p is not None and p not in out:
            out.append(p)
    return out[:k]


def _passage_of(index: PassageIndex, hit: Hit) -> Passage | None:
    for p in index.of_speech(hit.speech_id):
        if p.role == hit.role and p.ordinal == hit.ordinal and hit.text in p.text:
            return p
    return None


def gather(
    u: Understanding,
    index: PassageIndex,
    store: Store,
    vocab: Vocabulary,
    *,
    k: int = 5,
    method: str = "hybrid",
) -> list[Passage]:
    """The passages that answer `u`, best first (may exceed k: whole sets of points)."""
    if u.missing or not u.scope:
        return []
    if not u.roles:
        return search_in_scope(u.question, u.scope, index, store, k, method)

    per_speech = {
        sid: _role_passages(index.of_speech(sid), u.roles, u.ordinal, vocab) for sid in u.scope
    }
    if u.kind == "compare":
        sides = [[p for sid in g for p in per_speech.get(sid, [])] for g in u.groups]
        sides = [_rank(index, u.question, side) if len(side) > 1 else side for side in sides]
        if "requirements" in u.roles and u.ordinal is None:
            # 各提了几点: every point of every side, in speech order.
            return [p for sid in u.scope for p in per_speech.get(sid, [])]
        return _interleave(sides)
    if len(u.scope) == 1:
        return per_speech[u.scope[0]]
    # Genre: the best passage of each speech first, then the rest.
    best: list[Passage] = []
    rest: list[Passage] = []
    for sid in u.scope:
        ranked = _rank(index, u.question, per_speech[sid])
        if ranked:
            best.append(ranked[0])
            rest += ranked[1:]
    ordered = _rank(index, u.question, best) + _rank(index, u.question, rest)
    return ordered[: max(k, GENRE_PASSAGES)]


def _interleave(sides: Sequence[Sequence[Passage]]) -> list[Passage]:
    out: list[Passage] = []
    for i in range(max((len(s) for s in sides), default=0)):
        for side in sides:
            if i < len(side):
                out.append(side[i])
    return out


# ---------------------------------------------------------------- support


def content_grams(u: Understanding) -> set[str]:
    """What the question asks about beyond its cues: 汉字 bigrams and Latin words (GDP)."""
    grams: set[str] = set()
    for run in u.content:
        grams |= bigrams(run)
    grams |= {w.lower() for w in _LATIN.findall(u.question) if len(w) >= 2}
    return grams


def facets(u: Understanding) -> int:
    """How many structural things the question asks for that were resolved: the part of a
    speech (roles / a point), and which speeches (named or narrowed by metadata)."""
    return int(bool(u.roles)) + int(bool(u.named) or u.narrowed)


def support(u: Understanding, passages: Sequence[Passage], index: PassageIndex) -> float:
    """How much of what the question asks the best passage carries, from 0 to 1.

    The question's content bigrams weigh by IDF over the sections (a term no speech has
    weighs most); each resolved structural facet (the part asked for, the speeches asked
    about) counts as found, with the weight of an average content bigram. 1.0 when the
    question has no content beyond its cues (一般怎样致谢); 0.0 when nothing was gathered.
    """
    if not passages:
        return 0.0
    grams = content_grams(u)
    if not grams:
        return 1.0
    weights = {g: index.idf(g) for g in grams}
    total = sum(weights.values())
    structural = facets(u) * total / len(weights)
    best = 0.0
    for p in passages:
        text = (normalise_punct(p.text) + (p.meta.get("title") or "")).lower()
        have = bigrams(text) | set(_LATIN.findall(text))
        covered = sum(w for g, w in weights.items() if g in have)
        best = max(best, (structural + covered) / (structural + total))
    return best
