"""Wordings drafting mends as it goes, read from the same data the eval's checks find them
by (evals/style.yaml: integrity's `garbled_mended`, register's phrases with a `mend`): a
finding and its mend cannot drift apart. The eval still reports what the model wrote; the
mend is recorded as the program's repair."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.checks.base import compiled


@dataclass(frozen=True)
class Mend:
    pattern: re.Pattern[str]
    replace: str  # re.sub's replacement (\1 for the pattern's first group)
    reason: str


def _build(data: Any) -> tuple[Mend, ...]:
    entries = [
        *data["integrity"].get("garbled_mended", ()),
        *(p for p in data["register"]["phrases"] if "mend" in p),
    ]
    return tuple(Mend(re.compile(e["pattern"], re.M), e["mend"], e["reason"]) for e in entries)


def mends() -> tuple[Mend, ...]:
    return compiled("style.yaml", _build)


def apply_mends(text: str, repairs: list[str]) -> str:
    """The text with every mend applied; each applied says what it changed in `repairs`."""
    for mend in mends():
        found = {m.group(): m.expand(mend.replace) for m in mend.pattern.finditer(text)}
        if not found:
            continue
        text = mend.pattern.sub(mend.replace, text)
        said = "、".join(f"“{a}”改为“{b}”" if b else f"删去“{a}”" for a, b in found.items())
        repairs.append(f"{mend.reason}：{said}")
    return text
