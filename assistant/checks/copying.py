"""Copying: a draft must not paste the corpus (long verbatim runs, or a large share of
shared 13-字 n-grams). Set phrases of the genre stay below the run limit."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from assistant.checks.base import CheckResult, Subject, register
from assistant.text import han_only as _han_only
from assistant.text import normalize
from assistant.text import short as _short

NGRAM = 13  # length of shared 汉字 n-grams
COPY_RUN_FAIL = 50  # a verbatim run this long (汉字) is a pasted passage
COPY_SHARE_FAIL = 0.15
COPY_RUN_OK = 30  # set phrases (让我们更加紧密地团结在…) stay below this
COPY_SHARE_OK = 0.05

_NGRAM_INDEX: dict[tuple, dict[str, str]] = {}


def _ngram_index(corpus: Sequence[Any]) -> dict[str, str]:
    key = tuple((s.id, hash(s.text)) for s in corpus)
    index = _NGRAM_INDEX.get(key)
    if index is None:
        index = {}
        for s in corpus:
            h = _han_only(normalize(s.text))
            for i in range(len(h) - NGRAM + 1):
                index.setdefault(h[i : i + NGRAM], s.id)
        _NGRAM_INDEX.clear()  # one corpus at a time is all a run needs
        _NGRAM_INDEX[key] = index
    return index


@dataclass(frozen=True)
class CopyStats:
    share: float  # share of the text's n-grams found in the corpus
    longest: int  # longest verbatim run, in characters (punctuation ignored)
    run_text: str
    source: str | None


def copy_stats(text: str, corpus: Sequence[Any]) -> CopyStats:
    h = _han_only(normalize(text))
    index = _ngram_index(corpus)
    total = max(0, len(h) - NGRAM + 1)
    if total == 0:
        return CopyStats(0.0, 0, "", None)
    hits = [h[i : i + NGRAM] in index for i in range(total)]
    best, best_start, run_start = 0, 0, None
    for i, hit in enumerate([*hits, False]):
        if hit and run_start is None:
            run_start = i
        elif not hit and run_start is not None:
            length = i - run_start + NGRAM - 1
            if length > best:
                best, best_start = length, run_start
            run_start = None
    run_text = h[best_start : best_start + best] if best else ""
    source = index.get(run_text[:NGRAM]) if best else None
    return CopyStats(sum(hits) / total, best, run_text, source)


def _ratio(value: float, ok: float, fail: float) -> float:
    """1 up to `ok`, falling linearly to 0 at twice the distance from ok to fail."""
    if value <= ok:
        return 1.0
    return max(0.0, 1.0 - (value - ok) / (2 * (fail - ok)))


@register("copying", needs=("corpus",), scopes=("speech", "paragraph"), weight=1.0, label="照抄")
def check_copying(s: Subject) -> CheckResult:
    st = copy_stats(s.raw, s.reference_corpus)
    # A paragraph is short: only a pasted run counts there, not the share.
    share_fail = COPY_SHARE_FAIL if s.scope == "speech" else 1.01
    limit = COPY_RUN_FAIL if s.scope == "speech" else COPY_RUN_OK
    score = min(
        _ratio(st.longest, COPY_RUN_OK, COPY_RUN_FAIL),
        _ratio(st.share, COPY_SHARE_OK, COPY_SHARE_FAIL) if s.scope == "speech" else 1.0,
    )
    passed = st.longest < limit and st.share < share_fail
    reason = f"与语料共有的 {NGRAM} 字片段占 {st.share:.1%}；最长连续相同 {st.longest} 字"
    if st.longest:
        reason += f"（{st.source}）：{_short(st.run_text, 60)}"
    findings: tuple[str, ...] = ()
    if not passed:
        reason = f"照抄范文（最长 ≥{limit} 字或占比 ≥{COPY_SHARE_FAIL:.0%} 即不通过）：" + reason
        findings = (f"照抄了范文的句子“{_short(st.run_text, 40)}”，请用自己的话写",)
    return CheckResult("copying", passed, score, reason, findings)
