"""Where things live: the user's data dir, config dir and the data shipped with the package.

The package's data (corpus/, prompts/, evals/, examples/) sits at the repository's top level.
A built wheel carries it as `assistant/_data/<name>/` (see pyproject.toml) and it is found
through importlib.resources; in a checkout (editable install, or running from the tree) it is
the directory beside the package. Nothing here touches the disk at import time.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# In a checkout: the repository. In an installed wheel: site-packages (no data there).
REPO_DIR = PACKAGE_DIR.parent

DATA_DIRS = ("corpus", "prompts", "evals", "examples")


def data_dir(name: str) -> Path:
    """One of the package's data directories: the installed copy, else the checkout's."""
    if name not in DATA_DIRS:
        raise ValueError(f"unknown data dir {name!r}")
    shipped = resources.files("assistant").joinpath("_data", name)
    if shipped.is_dir():
        return Path(str(shipped))
    return REPO_DIR / name


def checkout_dir() -> Path | None:
    """The repository when running from a checkout (it has pyproject.toml), else None."""
    return REPO_DIR if (REPO_DIR / "pyproject.toml").is_file() else None


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
    return data_dir("corpus")


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
    return data_dir("prompts")


def evals_dir() -> Path:
    return data_dir("evals")


def examples_dir() -> Path:
    return data_dir("examples")


def ensure_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path
