"""Grounding a model's answer in the passages it was given.

- Citation markers [n] that name no passage are removed.
- Every quotation (“…”, 「…」) must appear verbatim in a passage the sentence cites; one
  found in another given passage moves the sentence's citation there; one found nowhere
  loses its quotation marks and is marked 【引文未核实】, so it is never presented as a
  quotation of the corpus.
- A sentence without a marker gets the passage it overlaps most, when the overlap is
  clear; otherwise it stays unmarked and is counted.

Verbatim means the same characters once the width of punctuation is folded (the corpus has
both , and ，) and whitespace is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.text import normalise_punct, overlap

CITE = re.compile(r"[\[［【]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[\]］】]")
QUOTE = re.compile(r"“([^“”]{1,200})”|「([^「」]{1,200})」")
UNVERIFIED = "【引文未核实】"
# A sentence without a marker is attributed to a passage sharing at least this share of its
# character bigrams (below it the sentence is the model's own wording, left unattributed).
ATTRIBUTE_OVERLAP = 0.5
_ENDS = "。！？!?\n"
_TRAILING = re.compile(r"[。！？!?”」]*(?:\s*[\[［【]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]］】])*")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, never cut inside a quotation, markers kept with it."""
    spans: list[tuple[int, int]] = []
    start = i = 0
    depth = 0
    while i < len(text):
        ch = text[i]
        if ch in "“「":
            depth += 1
        elif ch in "”」":
            depth = max(depth - 1, 0)
        elif ch in _ENDS and depth == 0:
            end = _TRAILING.match(text, i).end()
            spans.append((start, max(end, i + 1)))
            start = i = max(end, i + 1)
            continue
        i += 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def fold(text: str) -> str:
    """The form quotations are compared in: full-width punctuation, no whitespace."""
    return re.sub(r"\s+", "", normalise_punct(text))


@dataclass(frozen=True)
class QuoteCheck:
    text: str
    verified: bool
    source: int | None  # the passage number it was found in


@dataclass
class Grounded:
    text: str
    cited: list[int]
    removed: list[int] = field(default_factory=list)  # markers naming no passage
    quotes: list[QuoteCheck] = field(default_factory=list)
    moved: int = 0  # citations moved to the passage that holds the quotation
    attributed: int = 0  # markers the program added by overlap
    unattributed: int = 0  # sentences left without any marker

    @property
    def quotes_verbatim(self) -> bool:
        return all(q.verified for q in self.quotes)

    def to_dict(self) -> dict[str, Any]:
        return {
            "removed_citations": self.removed,
            "quotes": [q.__dict__ for q in self.quotes],
            "quotes_verbatim": self.quotes_verbatim,
            "moved_citations": self.moved,
            "attributed_sentences": self.attributed,
            "unattributed_sentences": self.unattributed,
        }


def _numbers(marker: str) -> list[int]:
    return [int(n) for n in re.findall(r"\d+", marker)]


def raw_quotes_verbatim(answer: str, sources: Sequence[str]) -> tuple[int, int]:
    """(quotations, of them verbatim in some given source): the model's output as written."""
    folded = [fold(s) for s in sources]
    total = ok = 0
    for m in QUOTE.finditer(answer):
        q = fold(m.group(1) or m.group(2) or "")
        if not q:
            continue
        total += 1
        ok += any(q in s for s in folded)
    return total, ok


def ground(answer: str, sources: Sequence[str]) -> Grounded:
    """Check and repair `answer` against `sources` (passage n is sources[n-1])."""
    n_src = len(sources)
    folded = [fold(s) for s in sources]
    removed: list[int] = []
    quotes: list[QuoteCheck] = []
    moved = attributed = unattributed = 0
    out: list[str] = []
    pos = 0
    for start, end in split_sentences(answer):
        out.append(answer[pos:start])
        pos = end
        sentence = answer[start:end]
        cited: list[int] = []
        for cm in CITE.finditer(sentence):
            for n in _numbers(cm.group(1)):
                if 1 <= n <= n_src:
                    if n not in cited:
                        cited.append(n)
                else:
                    removed.append(n)
        body = CITE.sub("", sentence)
        trail = ""
        stripped = body.rstrip()
        trail = body[len(stripped) :]
        body = stripped

        def check(qm: re.Match[str], cited: list[int] = cited) -> str:
            inner = qm.group(1) if qm.group(1) is not None else qm.group(2)
            q = fold(inner)
            where = next((n for n in cited if q in folded[n - 1]), None)
            if where is None:
                where = next((i + 1 for i, s in enumerate(folded) if q and q in s), None)
            quotes.append(QuoteCheck(text=inner, verified=where is not None, source=where))
            return qm.group(0) if where is not None else inner + UNVERIFIED

        first_quote = len(quotes)
        body = QUOTE.sub(check, body)
        holders = [q.source for q in quotes[first_quote:] if q.source is not None]
        if holders:
            # A sentence that quotes cites where its quotations are, plus any other cited
            # passage its own wording clearly follows; a wrong marker is dropped (moved).
            keep = [
                n
                for n in cited
                if n in holders or overlap(body, sources[n - 1]) >= ATTRIBUTE_OVERLAP
            ]
            moved += sum(1 for n in cited if n not in keep)
            cited[:] = list(dict.fromkeys([*holders, *keep]))
        if not cited and body.strip() and any("\u4e00" <= ch <= "\u9fff" for ch in body):
            scores = [overlap(body, s) for s in sources]
            best = max(range(n_src), key=lambda i: scores[i]) if n_src else None
            if best is not None and scores[best] >= ATTRIBUTE_OVERLAP:
                cited.append(best + 1)
                attributed += 1
            else:
                unattributed += 1
        marks = "".join(f"[{n}]" for n in cited)
        if marks:
            # The marker goes before the sentence's closing punctuation, as the prompt asks.
            end = re.search(r"[。！？!?]+[”」]?$", body)
            body = body[: end.start()] + marks + body[end.start() :] if end else body + marks
        out.append(body + trail)
    out.append(answer[pos:])
    text = "".join(out).strip()
    cited_all: list[int] = []
    for cm in CITE.finditer(text):
        for n in _numbers(cm.group(1)):
            if n not in cited_all:
                cited_all.append(n)
    return Grounded(
        text=text,
        cited=sorted(cited_all),
        removed=removed,
        quotes=quotes,
        moved=moved,
        attributed=attributed,
        unattributed=unattributed,
    )
