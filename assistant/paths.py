"""Where things live: the user's data dir, config dir and the repo's bundled data.

Nothing here touches the disk at import time.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# corpus/, prompts/ and evals/ sit beside the package in the repository (editable install).
REPO_DIR = PACKAGE_DIR.parent


def home() -> Path:
    """The data dir: ASSISTANT_HOME, else $XDG_DATA_HOME/assistant (~/.local/share/assistant)."""
    env = os.environ.get("ASSISTANT_HOME")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "assistant"


def config_file() -> Path:
    """config.toml: in ASSISTANT_HOME when set, else $XDG_CONFIG_HOME/assistant/."""
    env = os.environ.get("ASSISTANT_HOME")
    if env:
        return Path(env).expanduser() / "config.toml"
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "assistant" / "config.toml"


def bundled_corpus_dir() -> Path:
    return REPO_DIR / "corpus"


def user_corpus_dir() -> Path:
    """Speeches the user adds with `assistant corpus add` (the repo's corpus stays untouched)."""
    return home() / "corpus"


def store_dir() -> Path:
    return home() / "chroma"


def models_dir() -> Path:
    """Embedded GGUF models: ASSISTANT_MODELS_DIR, else <home>/models (large; shareable)."""
    env = os.environ.get("ASSISTANT_MODELS_DIR")
    return Path(env).expanduser() if env else home() / "models"


def prompts_dir() -> Path:
    return REPO_DIR / "prompts"


def evals_dir() -> Path:
    return REPO_DIR / "evals"


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
