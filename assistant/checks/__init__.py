"""Checks of a speech or a candidate paragraph: one small module per check, one registry.

Importing this package imports every module in it, and each module registers its checks
(see `base.register`). Callers use `run_checks` and the registry, never a check by name.
"""

from __future__ import annotations

import importlib
import pkgutil

from assistant.checks.base import (
    PARAGRAPH,
    REGISTRY,
    SPEECH,
    Check,
    CheckResult,
    Scorecard,
    Subject,
    make_scorecard,
    register,
    run_checks,
)

for _info in pkgutil.iter_modules(__path__):
    if _info.name != "base":
        importlib.import_module(f"{__name__}.{_info.name}")

__all__ = [
    "PARAGRAPH",
    "REGISTRY",
    "SPEECH",
    "Check",
    "CheckResult",
    "Scorecard",
    "Subject",
    "make_scorecard",
    "register",
    "run_checks",
]
