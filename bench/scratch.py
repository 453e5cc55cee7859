"""A scratch ASSISTANT_HOME for a bench run: no response cache or drafts of the user's, the
installed models still found."""

from __future__ import annotations

import os
import tempfile


def scratch_home(name: str) -> None:
    from assistant import paths

    models_dir = str(paths.models_dir())  # (read before the home moves)
    os.environ["ASSISTANT_HOME"] = tempfile.mkdtemp(prefix=f"bench-{name}-")
    os.environ.setdefault("ASSISTANT_MODELS_DIR", models_dir)
