"""Shared test setup: every test gets its own data dir, so no test touches a real home."""

from __future__ import annotations

import os

import pytest

from assistant import paths

# Installed models are large and read-only for tests: keep pointing at the real ones
# (resolved before any test moves ASSISTANT_HOME).
REAL_MODELS_DIR = str(paths.models_dir())


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("assistant-home")
    monkeypatch.setenv("ASSISTANT_HOME", str(home))
    monkeypatch.setenv(
        "ASSISTANT_MODELS_DIR", os.environ.get("ASSISTANT_MODELS_DIR", REAL_MODELS_DIR)
    )
    for var in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "ASSISTANT_MODEL",
        "ASSISTANT_PROVIDER",
        "ASSISTANT_CHROMA_URL",
        "ASSISTANT_EMBEDDER",
        "ASSISTANT_EMBEDDINGS_MODEL",
        "ASSISTANT_EMBEDDINGS_BASE_URL",
        "ASSISTANT_EMBED_THREADS",
    ):
        monkeypatch.delenv(var, raising=False)
    # Anything that tries to reach a hub must fail fast instead of hanging.
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    return home
