"""The vector store: corpus speeches cut into section/paragraph chunks, embedded, kept in Chroma.

Embedded `chromadb.PersistentClient` under the data dir by default; a Chroma server
(`chromadb.HttpClient`) when `ASSISTANT_CHROMA_URL` or an explicit URL is given, so an office
can share one corpus. One collection per embedder (its name derives from the embedder's
name, which is also recorded with the dimension in the collection metadata), so switching
embedder never mixes vectors. Vectors are always passed explicitly: Chroma's default
embedding function is never used. Ingest is incremental by content hash.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from assistant import paths
from assistant.corpus import Speech
from assistant.embeddings import Embedder, get_embedder
from assistant.errors import ConfigError, InputError
from assistant.text import han_count

# Long sections are split at paragraph (then sentence) boundaries into chunks of at most this
# many 汉字: small enough for E5's 512-token window (~1.9 汉字 per token on this corpus is
# well under it), large enough that a requirement point with its elaboration stays whole.
CHUNK_MAX_HAN = 600
# Bump when chunking changes: every speech hash changes with it, so the next ingest
# re-chunks everything instead of keeping chunks cut the old way.
CHUNKER_VERSION = "3"
# Sections not indexed: a title (with the speaker/date line under it) is metadata, already on
# every chunk as `title`; as a chunk it is short, so BM25's length normalisation made it
# outrank real passages for any query naming the occasion ("闭幕式上……").
SKIPPED_ROLES = frozenset({"title"})
COLLECTION_PREFIX = "speeches"
_ADD_BATCH = 256

ProgressCallback = Callable[[str, int, int], None]
"""progress(speech_id, chunks_done, chunks_total) after each speech's chunks are stored."""


@dataclass(frozen=True)
class ChunkDraft:
    """A piece of a speech before it is embedded."""

    speech_id: str
    index: int
    role: str
    ordinal: int | None
    heading: str
    text: str


@dataclass(frozen=True)
class StoredChunk:
    """A chunk as read back from the store."""

    id: str
    text: str
    metadata: dict[str, Any] = field(hash=False)

    @property
    def speech_id(self) -> str:
        return str(self.metadata.get("speech_id", ""))

    @property
    def role(self) -> str:
        return str(self.metadata.get("role", "other"))

    @property
    def ordinal(self) -> int | None:
        value = self.metadata.get("ordinal", -1)
        return None if value is None or value < 0 else int(value)


@dataclass(frozen=True)
class IngestReport:
    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    chunks_embedded: int
    chunks_deleted: int
    chunks_total: int
    seconds: float
    collection: str
    embedder: str
    location: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": list(self.added),
            "updated": list(self.updated),
            "unchanged": list(self.unchanged),
            "removed": list(self.removed),
            "chunks_embedded": self.chunks_embedded,
            "chunks_deleted": self.chunks_deleted,
            "chunks_total": self.chunks_total,
            "seconds": round(self.seconds, 3),
            "collection": self.collection,
            "embedder": self.embedder,
            "store": self.location,
        }


# ---------------------------------------------------------------- chunking

# A lossless cut (the pieces join back into the paragraph); text.sentences strips instead.
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;])")


def _split_long(paragraph: str, max_han: int) -> list[str]:
    """A paragraph longer than max_han, cut at sentence ends (hard cut only if a sentence is)."""
    pieces: list[str] = []
    current = ""
    for sentence in (s for s in _SENTENCE_END.split(paragraph) if s):
        if current and han_count(current + sentence) > max_han:
            pieces.append(current)
            current = ""
        while han_count(sentence) > max_han:  # one run-on "sentence": cut by characters
            pieces.append(sentence[: max_han * 3 // 2])
            sentence = sentence[max_han * 3 // 2 :]
        current += sentence
    if current:
        pieces.append(current)
    return pieces


def _pack(paragraphs: Sequence[str], max_han: int) -> list[str]:
    """Greedily join consecutive paragraphs into chunks of at most max_han 汉字."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for para in paragraphs:
        n = han_count(para)
        if n > max_han:
            if current:
                chunks.append("\n".join(current))
                current, size = [], 0
            chunks.extend(_split_long(para, max_han))
            continue
        if current and size + n > max_han:
            chunks.append("\n".join(current))
            current, size = [], 0
        current.append(para)
        size += n
    if current:
        chunks.append("\n".join(current))
    return chunks


def chunk_speech(speech: Speech, max_han: int = CHUNK_MAX_HAN) -> list[ChunkDraft]:
    """Sections from the structure parser (title excluded); one over max_han 汉字 split by paragraphs."""
    from assistant.structure import parse_speech, split_paragraphs

    parsed = parse_speech(speech.text, occasion=speech.occasion)
    drafts: list[ChunkDraft] = []
    for section in parsed.sections:
        text = section.text.strip()
        if not text or section.role in SKIPPED_ROLES:
            continue
        pieces = [text] if han_count(text) <= max_han else _pack(split_paragraphs(text), max_han)
        for piece in pieces:
            if not piece.strip():
                continue
            drafts.append(
                ChunkDraft(
                    speech_id=speech.id,
                    index=len(drafts),
                    role=section.role,
                    ordinal=section.ordinal,
                    heading=section.heading or "",
                    text=piece.strip(),
                )
            )
    return drafts


def embedding_text(speech: Speech, draft: ChunkDraft) -> str:
    """What the embedder sees for a chunk (the stored document is the chunk text itself)."""
    return draft.text


def speech_hash(speech: Speech, max_han: int = CHUNK_MAX_HAN) -> str:
    """Changes whenever anything that ends up in the store (text, metadata, chunking) changes."""
    payload = {
        "chunker": CHUNKER_VERSION,
        "max_han": max_han,
        "meta": [
            speech.id,
            speech.title,
            speech.occasion,
            speech.level,
            speech.locality,
            speech.date,
            speech.year,
            speech.speaker_role,
            speech.speaker,
        ],
        "text": speech.text,
    }
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(blob).hexdigest()


def chunk_metadata(speech: Speech, draft: ChunkDraft, s_hash: str) -> dict[str, Any]:
    # Chroma metadata cannot hold None: unknown year/locality are left out (so a year filter
    # excludes them), an absent ordinal is -1.
    meta: dict[str, Any] = {
        "speech_id": speech.id,
        "role": draft.role,
        "ordinal": -1 if draft.ordinal is None else int(draft.ordinal),
        "heading": draft.heading,
        "chunk": draft.index,
        "chunk_hash": hashlib.sha256(draft.text.encode("utf-8")).hexdigest()[:16],
        "speech_hash": s_hash,
    }
    for key in ("occasion", "level", "locality", "title"):
        value = getattr(speech, key)
        if value is not None:
            meta[key] = str(value)
    if speech.year is not None:
        meta["year"] = int(speech.year)
    return meta


# ---------------------------------------------------------------- the store


def collection_name(embedder_name: str) -> str:
    """A valid Chroma collection name per embedder: readable slug plus a hash of the full name."""
    slug = re.sub(r"[^a-zA-Z0-9]+", "-", embedder_name).strip("-").lower()[:40].strip("-")
    digest = hashlib.sha1(embedder_name.encode("utf-8")).hexdigest()[:8]
    return f"{COLLECTION_PREFIX}-{slug}-{digest}" if slug else f"{COLLECTION_PREFIX}-{digest}"


def _telemetry_off():
    from chromadb.config import Settings

    return Settings(anonymized_telemetry=False)


class Store:
    """One embedder's collection in a local or remote Chroma.

    Nothing is opened until first use, so building a Store is free and never fails.
    """

    def __init__(
        self,
        embedder: Embedder | None = None,
        url: str | None = None,
        path: str | os.PathLike[str] | None = None,
        max_han: int = CHUNK_MAX_HAN,
    ) -> None:
        self.embedder = embedder if embedder is not None else get_embedder()
        self.url = url if url else (os.environ.get("ASSISTANT_CHROMA_URL") or None)
        self.path = None if self.url else str(path if path else paths.store_dir())
        self.max_han = max_han
        self.collection_name = collection_name(self.embedder.name)
        self._client = None
        self._collection = None

    @property
    def location(self) -> str:
        return self.url or str(self.path)

    # -- connection

    @property
    def client(self):
        if self._client is None:
            import chromadb

            if self.url:
                parsed = urlparse(self.url if "://" in self.url else f"http://{self.url}")
                if not parsed.hostname:
                    raise ConfigError(
                        f"Chroma 地址无效：{self.url}（应形如 http://127.0.0.1:8000）。"
                    )
                ssl = parsed.scheme == "https"
                port = parsed.port or (443 if ssl else 8000)
                try:
                    self._client = chromadb.HttpClient(
                        host=parsed.hostname, port=port, ssl=ssl, settings=_telemetry_off()
                    )
                    self._client.heartbeat()
                except Exception as exc:  # chromadb raises ValueError/ConnectionError variants
                    raise ConfigError(
                        f"连不上 Chroma 服务 {self.url}：{exc}。请确认服务已启动"
                        "（chroma run --path DIR --port 8000），或取消 ASSISTANT_CHROMA_URL 改用本地库。"
                    ) from exc
            else:
                paths.ensure_dir(paths.home())
                self._client = chromadb.PersistentClient(
                    path=str(self.path), settings=_telemetry_off()
                )
        return self._client

    def _metadata(self) -> dict[str, Any]:
        return {"embedder": self.embedder.name, "dim": int(self.embedder.dim)}

    def _check(self, collection) -> None:
        meta = collection.metadata or {}
        name, dim = meta.get("embedder"), meta.get("dim")
        if name != self.embedder.name:
            raise ConfigError(
                f"集合 {collection.name} 属于嵌入模型 {name}，与当前的 {self.embedder.name} 不符；"
                "请运行 assistant corpus ingest --rebuild。"
            )
        if dim is not None and self.embedder.dim != dim:
            raise ConfigError(
                f"集合 {collection.name} 的向量维度是 {dim}，当前嵌入模型给出 {self.embedder.dim}；"
                "请运行 assistant corpus ingest --rebuild。"
            )

    def collection(self, create: bool = True):
        """The embedder's collection; None when it does not exist and create is False."""
        if self._collection is not None:
            return self._collection
        existing = {c if isinstance(c, str) else c.name for c in self.client.list_collections()}
        if self.collection_name in existing:
            col = self.client.get_collection(self.collection_name, embedding_function=None)
        elif create:
            col = self.client.create_collection(
                self.collection_name,
                metadata=self._metadata(),
                configuration={"hnsw": {"space": "cosine"}},
                embedding_function=None,
            )
        else:
            return None
        self._check(col)
        self._collection = col
        return col

    def drop(self) -> None:
        existing = {c if isinstance(c, str) else c.name for c in self.client.list_collections()}
        if self.collection_name in existing:
            self.client.delete_collection(self.collection_name)
        self._collection = None

    def count(self) -> int:
        col = self.collection(create=False)
        return 0 if col is None else col.count()

    # -- reading

    def chunk_ids(self) -> list[str]:
        """All chunk ids; they embed the speech hash, so they change whenever content does."""
        col = self.collection(create=False)
        return [] if col is None else list(col.get(include=[])["ids"])

    def all_chunks(self) -> list[StoredChunk]:
        col = self.collection(create=False)
        if col is None:
            return []
        got = col.get(include=["documents", "metadatas"])
        return [
            StoredChunk(id=i, text=d or "", metadata=dict(m or {}))
            for i, d, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
        ]

    def query(
        self, embedding: Sequence[float], n: int, where: dict[str, Any] | None = None
    ) -> list[tuple[StoredChunk, float]]:
        """Nearest chunks with cosine similarity (1 - cosine distance), best first."""
        col = self.collection(create=False)
        if col is None:
            return []
        if len(embedding) != (col.metadata or {}).get("dim", len(embedding)):
            raise ConfigError("查询向量维度与集合不符：请运行 assistant corpus ingest --rebuild。")
        total = col.count()
        if total == 0 or n <= 0:
            return []
        got = col.query(
            query_embeddings=[list(embedding)],
            n_results=min(n, total),
            where=where or None,
            include=["documents", "metadatas", "distances"],
        )
        return [
            (StoredChunk(id=i, text=d or "", metadata=dict(m or {})), 1.0 - float(dist))
            for i, d, m, dist in zip(
                got["ids"][0],
                got["documents"][0],
                got["metadatas"][0],
                got["distances"][0],
                strict=True,
            )
        ]

    # -- writing

    def _existing(self, col) -> dict[str, tuple[str, list[str]]]:
        """speech_id -> (speech_hash, chunk ids) from what is stored."""
        got = col.get(include=["metadatas"])
        out: dict[str, tuple[str, list[str]]] = {}
        for cid, meta in zip(got["ids"], got["metadatas"], strict=True):
            meta = meta or {}
            sid = str(meta.get("speech_id", ""))
            h = str(meta.get("speech_hash", ""))
            prev_hash, ids = out.get(sid, (h, []))
            # Mixed hashes for one speech (an interrupted ingest) must count as changed.
            out[sid] = (prev_hash if prev_hash == h else "", [*ids, cid])
        return out

    def ingest(
        self,
        speeches: Sequence[Speech] | None = None,
        rebuild: bool = False,
        progress: ProgressCallback | None = None,
    ) -> IngestReport:
        """Bring the collection in line with `speeches` (default: the whole corpus).

        Unchanged speeches are skipped without embedding; a changed speech's new chunks are
        embedded and stored before its old ones are deleted, so a failure midway never loses
        what was already ingested; speeches no longer present lose their chunks.
        """
        if self.path is None:  # a Chroma server serialises writers itself
            return self._ingest(speeches, rebuild, progress)
        with _ingest_lock(Path(self.path), INGEST_WAIT):
            return self._ingest(speeches, rebuild, progress)

    def _ingest(
        self,
        speeches: Sequence[Speech] | None,
        rebuild: bool,
        progress: ProgressCallback | None,
    ) -> IngestReport:
        start = time.perf_counter()
        if speeches is None:
            from assistant.corpus import load_corpus

            speeches = load_corpus()
        ids = [s.id for s in speeches]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise InputError(f"讲话稿 id 重复：{'、'.join(dupes)}。")
        if rebuild:
            self.drop()
        col = self.collection(create=True)
        existing = self._existing(col)

        todo: list[tuple[Speech, str, list[ChunkDraft]]] = []
        unchanged: list[str] = []
        for speech in speeches:
            h = speech_hash(speech, self.max_han)
            if speech.id in existing and existing[speech.id][0] == h:
                unchanged.append(speech.id)
            else:
                todo.append((speech, h, chunk_speech(speech, self.max_han)))

        total = sum(len(drafts) for _, _, drafts in todo)
        done = 0
        added: list[str] = []
        updated: list[str] = []
        deleted = 0
        for speech, h, drafts in todo:
            vectors = self.embedder.embed_documents([embedding_text(speech, d) for d in drafts])
            new_ids = [f"{speech.id}:{h[:12]}:{d.index}" for d in drafts]
            metas = [chunk_metadata(speech, d, h) for d in drafts]
            for at in range(0, len(drafts), _ADD_BATCH):
                col.upsert(
                    ids=new_ids[at : at + _ADD_BATCH],
                    embeddings=vectors[at : at + _ADD_BATCH],
                    documents=[d.text for d in drafts[at : at + _ADD_BATCH]],
                    metadatas=metas[at : at + _ADD_BATCH],
                )
            old = [i for i in existing.get(speech.id, ("", []))[1] if i not in set(new_ids)]
            if old:
                col.delete(ids=old)
                deleted += len(old)
            (updated if speech.id in existing else added).append(speech.id)
            done += len(drafts)
            if progress:
                progress(speech.id, done, total)

        current = set(ids)
        removed = sorted(sid for sid in existing if sid not in current)
        for sid in removed:
            col.delete(ids=existing[sid][1])
            deleted += len(existing[sid][1])

        return IngestReport(
            added=tuple(added),
            updated=tuple(updated),
            unchanged=tuple(unchanged),
            removed=tuple(removed),
            chunks_embedded=total,
            chunks_deleted=deleted,
            chunks_total=col.count(),
            seconds=time.perf_counter() - start,
            collection=self.collection_name,
            embedder=self.embedder.name,
            location=self.location,
        )

    def ensure_ingested(self, progress: ProgressCallback | None = None) -> IngestReport | None:
        """Ingest the corpus when the collection is empty (first use); None if nothing to do."""
        if self.count() > 0:
            return None
        return self.ingest(progress=progress)

    def stale(self, speeches: Sequence[Speech] | None = None) -> dict[str, list[str]]:
        """What an ingest would change, without embedding: speech ids missing from the index,
        changed since it was built, or indexed but no longer in the corpus."""
        if speeches is None:
            from assistant.corpus import load_corpus

            speeches = load_corpus()
        col = self.collection(create=False)
        existing = self._existing(col) if col is not None else {}
        missing = [s.id for s in speeches if s.id not in existing]
        changed = [
            s.id
            for s in speeches
            if s.id in existing and existing[s.id][0] != speech_hash(s, self.max_han)
        ]
        current = {s.id for s in speeches}
        removed = sorted(sid for sid in existing if sid not in current)
        return {"missing": missing, "changed": changed, "removed": removed}


INGEST_WAIT = 600.0  # seconds a second ingest waits for the first before giving up


@contextlib.contextmanager
def _ingest_lock(store_path: Path, wait: float) -> Iterator[None]:
    """One ingest at a time per local store: a second process waits for the first (the
    kernel drops the lock of a killed process), then fails with what to do. A killed
    ingest leaves chunks of mixed hashes, which the next ingest sees as changed and
    re-embeds (see `_existing`), so nothing ingested before is lost."""
    try:
        import fcntl
    except ImportError:  # not POSIX
        yield
        return
    store_path.mkdir(parents=True, exist_ok=True)
    with open(store_path / ".ingest.lock", "a+", encoding="utf-8") as fh:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError:
                if time.monotonic() >= deadline:
                    raise ConfigError(
                        f"另一个进程正在为 {store_path} 建立索引，等了 {wait:.0f} 秒仍未结束；"
                        "请等它完成后再运行 assistant corpus ingest"
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
