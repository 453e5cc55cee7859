"""Retrieval over the store: dense (E5 vectors), lexical (BM25 on 汉字 unigrams+bigrams), hybrid.

Hybrid fuses the two rankings by reciprocal rank fusion (RRF, k=60). The default is the
method that measured best on the labelled query set (evals/retrieval/queries.yaml, run by
bench/bench_retrieval.py): lexical. On this corpus BM25 over characters and bigrams matches
or beats the 4-bit multilingual-e5-small even on paraphrased queries, because official
speeches share their vocabulary (提法) so heavily; hybrid ties it on recall@5 and trails
slightly on MRR (within bootstrap noise), dense trails both. Lexical also needs no model.
"""

from __future__ import annotations

import math
import os
import re
import threading
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant import embeddings, paths
from assistant.errors import InputError
from assistant.store import Store, StoredChunk
from assistant.text import HAN_RUN

METHODS = ("dense", "lexical", "hybrid")
# Measured on 66 labelled queries (recall@5 / MRR@5, speech+role): lexical 1.00 / 0.94,
# hybrid 1.00 / 0.91, dense 0.94 / 0.88. See the README's benchmark section.
DEFAULT_METHOD = "lexical"
RRF_K = 60
# How deep each ranking goes before fusion: deep enough that a chunk ranked modestly by both
# methods can still win, cheap at this corpus size.
FUSION_DEPTH = 50


@dataclass(frozen=True)
class Hit:
    speech_id: str
    role: str
    ordinal: int | None
    text: str
    score: float
    chunk_id: str
    metadata: dict[str, Any] = field(hash=False, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "speech_id": self.speech_id,
            "role": self.role,
            "ordinal": self.ordinal,
            "text": self.text,
            "score": round(self.score, 6),
            "chunk_id": self.chunk_id,
            "heading": self.metadata.get("heading") or None,
            "occasion": self.metadata.get("occasion"),
            "level": self.metadata.get("level"),
            "year": self.metadata.get("year"),
        }


# ---------------------------------------------------------------- BM25

_ASCII_WORD = re.compile(r"[A-Za-z0-9]+")


def tokenize(text: str) -> list[str]:
    """汉字 unigrams and bigrams within runs of 汉字 (never across punctuation), plus ASCII words.

    Bigrams carry most of the meaning of Chinese words (监督, 代表, 便民); unigrams keep
    recall for one-character words and for bigrams that happen to be split differently.
    """
    tokens: list[str] = []
    for run in HAN_RUN.findall(text):
        tokens.extend(run)
        tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    tokens.extend(w.lower() for w in _ASCII_WORD.findall(text))
    return tokens


class BM25:
    """Okapi BM25 over pre-tokenised documents."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.tf = [Counter(d) for d in docs]
        self.len = [len(d) for d in docs]
        self.avglen = (sum(self.len) / len(docs)) if docs else 0.0
        df: Counter[str] = Counter()
        for counts in self.tf:
            df.update(counts.keys())
        n = len(docs)
        # The "+1" form of idf stays positive even for terms in most documents (的, 要).
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}

    def scores(
        self, query: Sequence[str], candidates: Iterable[int] | None = None
    ) -> dict[int, float]:
        terms = Counter(t for t in query if t in self.idf)
        out: dict[int, float] = {}
        for i in range(len(self.tf)) if candidates is None else candidates:
            counts, norm = self.tf[i], self.k1 * (1 - self.b + self.b * self.len[i] / self.avglen)
            s = 0.0
            for term, qtf in terms.items():
                f = counts.get(term)
                if f:
                    s += qtf * self.idf[term] * f * (self.k1 + 1) / (f + norm)
            if s > 0:
                out[i] = s
        return out


@dataclass
class _LexicalIndex:
    key: tuple[str, str, tuple[str, ...]]
    chunks: list[StoredChunk]
    bm25: BM25


_LEX_LOCK = threading.Lock()
_LEX_CACHE: dict[tuple[str, str], _LexicalIndex] = {}


def lexical_index(store: Store) -> _LexicalIndex:
    """The BM25 index of the store's chunks, rebuilt only when the chunk ids change.

    Chunk ids embed each speech's content hash, so any ingest that changes content changes
    the id set; reading ids alone is cheap even against a remote server.
    """
    ids = tuple(sorted(store.chunk_ids()))
    slot = (store.location, store.collection_name)
    key = (*slot, ids)
    with _LEX_LOCK:
        cached = _LEX_CACHE.get(slot)
        if cached is not None and cached.key == key:
            return cached
    chunks = sorted(store.all_chunks(), key=lambda c: c.id)
    index = _LexicalIndex(
        key=(*slot, tuple(c.id for c in chunks)),
        chunks=chunks,
        bm25=BM25([tokenize(c.text) for c in chunks]),
    )
    with _LEX_LOCK:
        _LEX_CACHE[slot] = index
    return index


# ---------------------------------------------------------------- filters


@dataclass(frozen=True)
class Filters:
    role: str | None = None
    occasion: str | None = None
    level: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    exclude_speech_ids: tuple[str, ...] = ()

    def where(self) -> dict[str, Any] | None:
        """The Chroma `where` clause."""
        conds: list[dict[str, Any]] = []
        for key in ("role", "occasion", "level"):
            value = getattr(self, key)
            if value is not None:
                conds.append({key: value})
        if self.year_from is not None:
            conds.append({"year": {"$gte": int(self.year_from)}})
        if self.year_to is not None:
            conds.append({"year": {"$lte": int(self.year_to)}})
        if self.exclude_speech_ids:
            conds.append({"speech_id": {"$nin": list(self.exclude_speech_ids)}})
        if not conds:
            return None
        return conds[0] if len(conds) == 1 else {"$and": conds}

    def accepts(self, meta: dict[str, Any]) -> bool:
        """The same conditions in Python, for the lexical index."""
        for key in ("role", "occasion", "level"):
            value = getattr(self, key)
            if value is not None and meta.get(key) != value:
                return False
        year = meta.get("year")
        if self.year_from is not None and (year is None or year < self.year_from):
            return False
        if self.year_to is not None and (year is None or year > self.year_to):
            return False
        return meta.get("speech_id") not in self.exclude_speech_ids


def _hit(chunk: StoredChunk, score: float) -> Hit:
    return Hit(
        speech_id=chunk.speech_id,
        role=chunk.role,
        ordinal=chunk.ordinal,
        text=chunk.text,
        score=float(score),
        chunk_id=chunk.id,
        metadata=chunk.metadata,
    )


# ---------------------------------------------------------------- methods


def dense_search(query: str, k: int, filters: Filters, store: Store) -> list[Hit]:
    vector = store.embedder.embed_query(query)
    return [_hit(c, s) for c, s in store.query(vector, k, filters.where())]


def lexical_search(query: str, k: int, filters: Filters, store: Store) -> list[Hit]:
    index = lexical_index(store)
    candidates = [i for i, c in enumerate(index.chunks) if filters.accepts(c.metadata)]
    scores = index.bm25.scores(tokenize(query), candidates)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], index.chunks[item[0]].id))
    return [_hit(index.chunks[i], s) for i, s in ranked[:k]]


def fuse(rankings: Sequence[Sequence[Hit]], k: int, rrf_k: int = RRF_K) -> list[Hit]:
    """Reciprocal rank fusion: score = sum over rankings of 1 / (rrf_k + rank)."""
    scores: dict[str, float] = {}
    first: dict[str, Hit] = {}
    for ranking in rankings:
        for rank, hit in enumerate(ranking, start=1):
            scores[hit.chunk_id] = scores.get(hit.chunk_id, 0.0) + 1.0 / (rrf_k + rank)
            first.setdefault(hit.chunk_id, hit)
    order = sorted(scores, key=lambda cid: (-scores[cid], cid))[:k]
    return [_with_score(first[cid], scores[cid]) for cid in order]


def _with_score(hit: Hit, score: float) -> Hit:
    return Hit(hit.speech_id, hit.role, hit.ordinal, hit.text, score, hit.chunk_id, hit.metadata)


def hybrid_search(query: str, k: int, filters: Filters, store: Store) -> list[Hit]:
    depth = max(k, FUSION_DEPTH)
    return fuse(
        [dense_search(query, depth, filters, store), lexical_search(query, depth, filters, store)],
        k,
    )


_SEARCHERS = {"dense": dense_search, "lexical": lexical_search, "hybrid": hybrid_search}
_DEFAULT_STORES: dict[tuple[str | None, str], Store] = {}


def default_store(url: str | None = None) -> Store:
    """The configured store, kept per process so the client and the model load once."""
    embedder = embeddings.get_embedder()
    effective = url or os.environ.get("ASSISTANT_CHROMA_URL") or None
    key = (effective or str(paths.store_dir()), embedder.name)
    store = _DEFAULT_STORES.get(key)
    if store is None:
        store = _DEFAULT_STORES[key] = Store(embedder=embedder, url=effective)
    return store


def retrieve(
    query: str,
    k: int = 5,
    *,
    role: str | None = None,
    occasion: str | None = None,
    level: str | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    method: str = DEFAULT_METHOD,
    exclude_speech_ids: Sequence[str] = (),
    store: Store | None = None,
) -> list[Hit]:
    """The k chunks that best match `query`, best first, within the filters.

    Raises InputError for an empty query, an unknown method, or an empty store (run
    `assistant corpus ingest` first).
    """
    if not query or not query.strip():
        raise InputError("检索词为空：请给出要查找的内容。")
    if method not in _SEARCHERS:
        raise InputError(f"未知的检索方法 “{method}”：可选 {'、'.join(METHODS)}。")
    if k <= 0:
        return []
    store = store if store is not None else default_store()
    if store.count() == 0:
        raise InputError(
            f"检索库为空（{store.location}，集合 {store.collection_name}）：请先运行 assistant corpus ingest。"
        )
    filters = Filters(
        role=role,
        occasion=occasion,
        level=level,
        year_from=year_from,
        year_to=year_to,
        exclude_speech_ids=tuple(exclude_speech_ids),
    )
    return _SEARCHERS[method](query.strip(), k, filters, store)


# ---------------------------------------------------------------- evaluation


@dataclass(frozen=True)
class LabelledQuery:
    id: str
    query: str
    relevant: tuple[str, ...]
    roles: tuple[str, ...] = ()

    def is_relevant(self, hit: Hit, use_roles: bool = False) -> bool:
        if hit.speech_id not in self.relevant:
            return False
        return not (use_roles and self.roles) or hit.role in self.roles


@dataclass(frozen=True)
class EvalResult:
    method: str
    k: int
    queries: int
    recall: float  # share of queries with a relevant hit in the top k
    mrr: float  # mean reciprocal rank of the first relevant hit (0 when none in the top k)
    recall_roles: float  # the same, a hit counting only when its role is also labelled
    mrr_roles: float
    misses: tuple[str, ...]  # ids of queries with no relevant hit in the top k
    # (query id, rank of the first relevant hit, the same counting roles); None = not in top k
    ranks: tuple[tuple[str, int | None, int | None], ...] = ()


def queries_file():
    return paths.evals_dir() / "retrieval" / "queries.yaml"


def load_queries(path=None) -> list[LabelledQuery]:
    import yaml

    from assistant.errors import ConfigError

    source = path or queries_file()
    with open(source, encoding="utf-8") as fh:
        raw = yaml.safe_load(fh) or []
    out: list[LabelledQuery] = []
    for item in raw:
        if not item.get("query") or not item.get("relevant"):
            raise ConfigError(f"{source}: 查询 {item.get('id')} 缺少 query 或 relevant。")
        out.append(
            LabelledQuery(
                id=str(item["id"]),
                query=str(item["query"]),
                relevant=tuple(item["relevant"]),
                roles=tuple(item.get("roles") or ()),
            )
        )
    return out


def _first_relevant(q: LabelledQuery, hits: Sequence[Hit], use_roles: bool) -> int | None:
    for rank, hit in enumerate(hits, start=1):
        if q.is_relevant(hit, use_roles):
            return rank
    return None


def evaluate(
    method: str,
    queries: Sequence[LabelledQuery] | None = None,
    store: Store | None = None,
    k: int = 5,
) -> EvalResult:
    """recall@k and MRR@k of `method` on the labelled query set."""
    queries = list(queries) if queries is not None else load_queries()
    if not queries:
        raise InputError("没有可评测的查询。")
    found = found_roles = 0
    rr = rr_roles = 0.0
    misses: list[str] = []
    ranks: list[tuple[str, int | None, int | None]] = []
    for q in queries:
        hits = retrieve(q.query, k, method=method, store=store)
        rank = _first_relevant(q, hits, use_roles=False)
        rank_roles = _first_relevant(q, hits, use_roles=True)
        ranks.append((q.id, rank, rank_roles))
        if rank:
            found += 1
            rr += 1.0 / rank
        else:
            misses.append(q.id)
        if rank_roles:
            found_roles += 1
            rr_roles += 1.0 / rank_roles
    n = len(queries)
    return EvalResult(
        method=method,
        k=k,
        queries=n,
        recall=found / n,
        mrr=rr / n,
        recall_roles=found_roles / n,
        mrr_roles=rr_roles / n,
        misses=tuple(misses),
        ranks=tuple(ranks),
    )
