"""Shared test setup: every test gets its own data dir, so no test touches a real home."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("assistant-home")
    monkeypatch.setenv("ASSISTANT_HOME", str(home))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "ASSISTANT_MODEL", "ASSISTANT_PROVIDER",
                "ASSISTANT_CHROMA_URL", "ASSISTANT_EMBEDDER"):
        monkeypatch.delenv(var, raising=False)
    # Anything that tries to reach a hub must fail fast instead of hanging.
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("ANONYMIZED_TELEMETRY", "False")
    return home
