"""A draft against its reference speech: how close it gets to the speech actually given.

Four measures, each 1.0 for the reference against itself:

- **alignment**: the two role sequences (each requirement point one `point` token, repeats
  of a role collapsed) as an edit distance, 1 - distance / longer length; the edits are
  listed (a part the draft lacks, one it adds, one in the other's place) with the point
  counts.
- **content** and **balance**: every section of the reference paired with the draft's
  section of the same role; similarity by the project's embedder (cosine of the chunks'
  mean vector, rescaled so that two different speeches of the genre score about 0: raw
  cosines of any two such texts sit around 0.9), character bigrams when the embedder is
  unavailable; the length ratio per section, and balance = how alike the two speeches
  share their length among the roles (1 - total variation distance), which a scaled-down
  draft can still match.
- **points** and **coverage**: the draft's requirement points matched to the reference's
  (highest similarity first, one to one); a reference point whose match is below
  `reference.cover_min` is not covered and is listed by its headline.
- **checks**: the reference scored by the same checks, the draft's gap per check; a check
  the reference itself fails is not held against the draft. 1 - the mean gap.

`overall` is the mean of the figures that could be computed. The optional pairwise judge
(`make_pairwise`) asks a model which of the two it would hand on, twice with the order
swapped; two different answers are a tie.
"""

from __future__ import annotations

import hashlib
import math
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from assistant.structure import ROLE_LABELS, ParsedSpeech, Section, parse_speech
from assistant.text import bigrams, han_count, normalize, sentences

# Roles that are not part of the speech's body: never aligned, never compared.
OFF_BODY = frozenset({"title", "outline", "other"})
# Compared for order but not for content (a 称谓 is a formula, not content).
NO_CONTENT = OFF_BODY | {"salutation"}
POINT = "point"
FIGURES = ("alignment", "content", "points", "coverage", "balance", "checks", "overall")
FIGURE_LABELS = {
    "alignment": "结构",
    "content": "内容",
    "points": "要点",
    "coverage": "覆盖",
    "balance": "篇幅分配",
    "checks": "检查差距",
    "overall": "总",
}
CHUNK_CHARS = 400  # below the embedder's 512 tokens for Chinese (≈ 0.66 token a character)


def _setting(key: str, default: float) -> float:
    from assistant.checks.base import threshold

    return threshold("reference", key, default)


# ---------------------------------------------------------------- structure alignment


def role_tokens(parsed: ParsedSpeech) -> list[str]:
    """The speech's parts in order: a role once per run, each requirement point a token."""
    tokens: list[str] = []
    for s in parsed.sections:
        if s.role in OFF_BODY:
            continue
        if s.role == "requirements":
            if s.ordinal is not None:
                tokens.append(POINT)
            continue  # the lead-in belongs to the points
        if not tokens or tokens[-1] != s.role:
            tokens.append(s.role)
    return tokens


def _label(token: str, nth: int | None = None) -> str:
    if token == POINT:
        return f"要求第{nth}点" if nth else "要求的一点"
    return ROLE_LABELS.get(token, token)


def align(draft: Sequence[str], reference: Sequence[str]) -> tuple[int, list[dict[str, Any]]]:
    """Edit distance between two token sequences and the edits, in reference order."""
    n, m = len(draft), len(reference)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            sub = _sub_cost(draft[i - 1], reference[j - 1])
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + sub)
    # Walk back; number the points on each side so an edit says which point it is.
    dn = _point_numbers(draft)
    rn = _point_numbers(reference)
    edits: list[dict[str, Any]] = []
    i, j = n, m
    while i or j:
        if i and j and draft[i - 1] == reference[j - 1] and d[i][j] == d[i - 1][j - 1]:
            i, j = i - 1, j - 1
        elif (
            i and j and _sub_cost(draft[i - 1], reference[j - 1]) == 1 == d[i][j] - d[i - 1][j - 1]
        ):
            a, b = _label(draft[i - 1], dn[i - 1]), _label(reference[j - 1], rn[j - 1])
            edits.append(
                {
                    "op": "replaced",
                    "draft": draft[i - 1],
                    "reference": reference[j - 1],
                    "text": f"参考稿第 {j} 部分是{b}，草稿此处是{a}",
                }
            )
            i, j = i - 1, j - 1
        elif j and d[i][j] == d[i][j - 1] + 1:
            edits.append(
                {
                    "op": "missing",
                    "draft": None,
                    "reference": reference[j - 1],
                    "text": f"草稿缺少{_label(reference[j - 1], rn[j - 1])}（参考稿第 {j} 部分）",
                }
            )
            j -= 1
        else:
            edits.append(
                {
                    "op": "extra",
                    "draft": draft[i - 1],
                    "reference": None,
                    "text": f"草稿多出{_label(draft[i - 1], dn[i - 1])}（草稿第 {i} 部分）",
                }
            )
            i -= 1
    edits.reverse()
    return d[n][m], edits


def _sub_cost(a: str, b: str) -> int:
    """One part in place of another costs one edit; a point in place of a non-point part
    costs as much as a missing part plus an extra one, so it is never reported as such."""
    if a == b:
        return 0
    return 2 if POINT in (a, b) else 1


def _point_numbers(tokens: Sequence[str]) -> list[int | None]:
    out: list[int | None] = []
    k = 0
    for t in tokens:
        if t == POINT:
            k += 1
            out.append(k)
        else:
            out.append(None)
    return out


def structure_alignment(draft: ParsedSpeech, reference: ParsedSpeech) -> dict[str, Any]:
    a, b = role_tokens(draft), role_tokens(reference)
    distance, edits = align(a, b)
    longest = max(len(a), len(b))
    score = max(0.0, 1.0 - distance / longest) if longest else 1.0
    na, nb = a.count(POINT), b.count(POINT)
    differences = [e["text"] for e in edits]
    if na != nb:
        differences.append(f"要求：草稿 {na} 点，参考稿 {nb} 点")
    return {
        "score": round(score, 4),
        "distance": distance,
        "draft_roles": a,
        "reference_roles": b,
        "points": {"draft": na, "reference": nb},
        "edits": edits,
        "differences": differences,
    }


# ---------------------------------------------------------------- similarity


def _dice(a: str, b: str) -> float:
    ga, gb = bigrams(a), bigrams(b)
    if not ga and not gb:
        return 1.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


def chunks(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """The text cut at sentence ends into pieces of at most about `limit` characters."""
    out: list[str] = []
    cur = ""
    for s in sentences(text) or [text]:
        if cur and len(cur) + len(s) > limit:
            out.append(cur)
            cur = ""
        cur += s
        while len(cur) > limit:  # one sentence longer than a chunk
            out.append(cur[:limit])
            cur = cur[limit:]
    if cur:
        out.append(cur)
    return out


class Similarity:
    """Content similarity of two texts in [0, 1]; 1.0 for the same text."""

    method = "lexical"

    def __call__(self, a: str, b: str) -> float:
        if _same(a, b):
            return 1.0
        return self.raw(a, b)

    def raw(self, a: str, b: str) -> float:
        return _dice(a, b)


def _same(a: str, b: str) -> bool:
    from assistant.text import han_only

    return han_only(normalize(a)) == han_only(normalize(b))


class EmbeddingSimilarity(Similarity):
    """Cosine of the texts' mean chunk vectors, rescaled: (cos - baseline) / (1 - baseline),
    clipped to [0, 1]. The baseline is the cosine two different speeches' same-role sections
    have (measured over the corpus by bench/bench_reference.py, kept in evals/checks.yaml)."""

    _cache: dict[str, list[float]] = {}
    _lock = threading.Lock()

    def __init__(self, embedder: Any = None, baseline: float | None = None) -> None:
        from assistant.embeddings import E5Embedder

        self.embedder = embedder or E5Embedder()
        self.method = f"embedding:{self.embedder.name}"
        self.baseline = _setting("baseline_cosine", 0.92) if baseline is None else baseline

    def vector(self, text: str) -> list[float]:
        key = hashlib.sha256(f"{self.embedder.name}\n{text}".encode()).hexdigest()
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None:
            return hit
        pieces = chunks(text)
        vectors = self.embedder.embed_documents(pieces)
        dim = len(vectors[0])
        total = [0.0] * dim
        for piece, v in zip(pieces, vectors, strict=True):
            w = max(1, han_count(piece))
            for k in range(dim):
                total[k] += w * v[k]
        norm = math.sqrt(sum(x * x for x in total)) or 1.0
        out = [x / norm for x in total]
        with self._lock:
            if len(self._cache) > 4096:
                self._cache.clear()
            self._cache[key] = out
        return out

    def cosine(self, a: str, b: str) -> float:
        va, vb = self.vector(a), self.vector(b)
        return sum(x * y for x, y in zip(va, vb, strict=True))

    def raw(self, a: str, b: str) -> float:
        cos = self.cosine(a, b)
        return min(1.0, max(0.0, (cos - self.baseline) / (1.0 - self.baseline)))


def default_similarity() -> Similarity:
    """The embedder's similarity, or character bigrams when it cannot be loaded."""
    import os

    if os.environ.get("ASSISTANT_REFERENCE_SIMILARITY", "").strip() == "lexical":
        return Similarity()
    try:
        sim = EmbeddingSimilarity()
        sim.vector("测试")  # load now, so a missing model falls back here and not mid-way
        return sim
    except Exception:  # noqa: BLE001 - any failure to load the embedder means lexical
        return Similarity()


def cover_min(sim: Similarity) -> float:
    key = "cover_min_lexical" if sim.method == "lexical" else "cover_min"
    return _setting(key, 0.3 if sim.method == "lexical" else 0.5)


# ---------------------------------------------------------------- sections and points


def _role_texts(parsed: ParsedSpeech) -> dict[str, str]:
    """Body text per role (points excluded: they are compared one by one), in speech order."""
    out: dict[str, list[str]] = {}
    for s in parsed.sections:
        if s.role in NO_CONTENT or s.role == "requirements":
            continue
        out.setdefault(s.role, []).append(s.text)
    return {k: "\n".join(v) for k, v in out.items()}


def _shares(parsed: ParsedSpeech) -> dict[str, float]:
    counts: dict[str, int] = {}
    for s in parsed.sections:
        if s.role in NO_CONTENT:
            continue
        counts[s.role] = counts.get(s.role, 0) + han_count(s.text)
    total = sum(counts.values()) or 1
    return {k: v / total for k, v in counts.items()}


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def section_correspondence(
    draft: ParsedSpeech, reference: ParsedSpeech, sim: Similarity
) -> dict[str, Any]:
    dt, rt = _role_texts(draft), _role_texts(reference)
    rows: list[dict[str, Any]] = []
    for role in [*rt, *(r for r in dt if r not in rt)]:
        d, r = dt.get(role, ""), rt.get(role, "")
        rows.append(
            {
                "role": role,
                "label": ROLE_LABELS.get(role, role),
                "similarity": round(sim(d, r), 4) if d and r else (None if not r else 0.0),
                "length_ratio": _ratio(han_count(d), han_count(r)),
                "draft_chars": han_count(d),
                "reference_chars": han_count(r),
                "draft_text": d,
                "reference_text": r,
            }
        )
    scored = [row["similarity"] for row in rows if row["reference_text"]]
    content = sum(scored) / len(scored) if scored else None
    ds, rs = _shares(draft), _shares(reference)
    balance = 1.0 - 0.5 * sum(abs(ds.get(k, 0.0) - rs.get(k, 0.0)) for k in {*ds, *rs})
    return {
        "content": None if content is None else round(content, 4),
        "balance": round(max(0.0, balance), 4),
        "sections": rows,
    }


def match_points(draft: Sequence[Section], reference: Sequence[Section], sim: Similarity):
    """One-to-one pairs (draft index, reference index, similarity), best pair first."""
    scores = [
        (sim(d.text, r.text), i, j) for i, d in enumerate(draft) for j, r in enumerate(reference)
    ]
    scores.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_d: set[int] = set()
    used_r: set[int] = set()
    pairs: list[tuple[int, int, float]] = []
    for s, i, j in scores:
        if i in used_d or j in used_r:
            continue
        used_d.add(i)
        used_r.add(j)
        pairs.append((i, j, s))
    return pairs


def point_correspondence(
    draft: ParsedSpeech, reference: ParsedSpeech, sim: Similarity
) -> dict[str, Any]:
    dp, rp = draft.points(), reference.points()
    pairs = match_points(dp, rp, sim)
    floor = cover_min(sim)
    by_ref = {j: (i, s) for i, j, s in pairs}
    matches = []
    for j, r in enumerate(rp):
        i, s = by_ref.get(j, (None, 0.0))
        d = dp[i] if i is not None else None
        matches.append(
            {
                "reference": j + 1,
                "reference_headline": r.heading,
                "draft": None if d is None else i + 1,
                "draft_headline": "" if d is None else d.heading,
                "similarity": round(s, 4),
                "covered": d is not None and s >= floor,
                "length_ratio": None if d is None else _ratio(han_count(d.text), han_count(r.text)),
                "draft_text": "" if d is None else d.text,
                "reference_text": r.text,
            }
        )
    matched_d = {i for i, _, _ in pairs}
    extra = [
        {"draft": i + 1, "draft_headline": d.heading, "draft_text": d.text}
        for i, d in enumerate(dp)
        if i not in matched_d
    ]
    if not rp:
        return {"score": None, "coverage": None, "matches": [], "uncovered": [], "extra": extra}
    covered = sum(1 for m in matches if m["covered"])
    return {
        "score": round(sum(m["similarity"] for m in matches) / len(rp), 4),
        "coverage": round(covered / len(rp), 4),
        "cover_min": floor,
        "matches": matches,
        "uncovered": [
            m["reference_headline"] or f"第{m['reference']}点" for m in matches if not m["covered"]
        ],
        "extra": extra,
    }


# ---------------------------------------------------------------- the reference as ceiling


def check_gaps(draft_card: Any, reference_card: Any) -> dict[str, Any]:
    """Per check run on both: the draft's gap to the reference, held only where the
    reference passes the check itself."""
    ref = {c.name: c for c in reference_card.checks}
    rows = []
    for c in draft_card.checks:
        r = ref.get(c.name)
        if r is None:
            continue
        held = bool(r.passed)
        gap = max(0.0, r.score - c.score) if held else None
        rows.append(
            {
                "name": c.name,
                "draft": round(c.score, 4),
                "reference": round(r.score, 4),
                "draft_passed": bool(c.passed),
                "reference_passed": held,
                "gap": None if gap is None else round(gap, 4),
            }
        )
    gaps = [row["gap"] for row in rows if row["gap"] is not None]
    return {
        "score": round(1.0 - sum(gaps) / len(gaps), 4) if gaps else None,
        "draft_score": round(draft_card.score, 4),
        "reference_score": round(reference_card.score, 4),
        "not_held": [row["name"] for row in rows if not row["reference_passed"]],
        "checks": rows,
    }


# ---------------------------------------------------------------- the comparison


def compare_texts(
    draft_text: str,
    reference_text: str,
    *,
    reference_id: str = "",
    occasion: str | None = None,
    draft_card: Any = None,
    reference_card: Any = None,
    similarity: Similarity | None = None,
    pairwise: Callable[..., dict[str, Any]] | None = None,
    brief: Any = None,
    reference_parsed: ParsedSpeech | None = None,
) -> dict[str, Any]:
    """The `reference` block for one draft (JSON-ready)."""
    sim = similarity or default_similarity()
    d = parse_speech(normalize(draft_text), occasion)
    r = reference_parsed or parse_speech(normalize(reference_text), occasion)
    alignment = structure_alignment(d, r)
    sections = section_correspondence(d, r, sim)
    points = point_correspondence(d, r, sim)
    ceiling = check_gaps(draft_card, reference_card) if draft_card and reference_card else None
    figures: dict[str, float | None] = {
        "alignment": alignment["score"],
        "content": sections["content"],
        "points": points["score"],
        "coverage": points["coverage"],
        "balance": sections["balance"],
        "checks": ceiling["score"] if ceiling else None,
    }
    known = [figures[k] for k in ("alignment", "content", "points", "balance", "checks")]
    known = [v for v in known if v is not None]
    figures["overall"] = round(sum(known) / len(known), 4) if known else None
    block: dict[str, Any] = {
        "id": reference_id,
        "similarity": sim.method,
        "figures": figures,
        "alignment": alignment,
        "sections": sections["sections"],
        "points": points,
        "ceiling": ceiling,
    }
    if pairwise is not None:
        block["pairwise"] = pairwise(draft_text, reference_text, brief, occasion)
    return block


@dataclass
class CaseReference:
    """The reference side of an eval case, computed once however many drafts it meets."""

    case: Any  # assistant.evalrun.Case
    corpus: Sequence[Any]
    similarity: Similarity | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _card: Any = field(default=None, repr=False)
    _parsed: ParsedSpeech | None = field(default=None, repr=False)

    @property
    def speech(self) -> Any:
        for s in self.corpus:
            if s.id == self.case.reference:
                return s
        from assistant.errors import InputError

        raise InputError(f"用例 {self.case.name} 的参考稿 {self.case.reference} 不在语料库中")

    def _ready(self) -> None:
        with self._lock:
            if self._card is None:
                from assistant.evalrun import score_case_text

                text = self.speech.text
                self._card = score_case_text(text, self.case, corpus=self.corpus)
                self._parsed = parse_speech(normalize(text), self.case.occasion)
                if self.similarity is None:
                    self.similarity = default_similarity()

    def compare(
        self, draft_text: str, draft_card: Any, pairwise: Callable[..., Any] | None = None
    ) -> dict[str, Any]:
        self._ready()
        return compare_texts(
            draft_text,
            self.speech.text,
            reference_id=self.case.reference,
            occasion=self.case.occasion,
            draft_card=draft_card,
            reference_card=self._card,
            similarity=self.similarity,
            pairwise=pairwise,
            brief=self.case.brief,
            reference_parsed=self._parsed,
        )


def case_references(cases: Sequence[Any], corpus: Sequence[Any]) -> dict[str, CaseReference]:
    """One CaseReference per case that names a reference (nothing computed yet)."""
    return {c.name: CaseReference(c, corpus) for c in cases if c.reference}


# ---------------------------------------------------------------- the pairwise judge


_CHOICE = re.compile(r"(?<![A-Za-z])([AB])(?![A-Za-z])")


def parse_choice(answer: str) -> str | None:
    """'A' or 'B' when the answer names exactly one of them (first line first)."""
    for part in (answer.strip().splitlines()[:1], [answer]):
        found = {m.group(1) for m in _CHOICE.finditer(" ".join(part).upper())}
        if len(found) == 1:
            return found.pop()
    return None


def pairwise_messages(a: str, b: str, brief: Any = None, occasion: str | None = None):
    from assistant.checks.judge import fence
    from assistant.corpus import OCCASIONS
    from assistant.prompts import load_prompt

    occasion = occasion or getattr(brief, "occasion", None)
    return load_prompt("pairwise").render(
        occasion_label=OCCASIONS.get(occasion or "", "讲话"),
        a=fence(a.strip()),
        b=fence(b.strip()),
    )


def make_pairwise(llm: Any, *, temperature: float = 0.0, max_tokens: int = 8):
    """A pairwise judge through `llm`: asks twice, draft first then reference first."""

    def pairwise(draft: str, reference: str, brief: Any = None, occasion: str | None = None):
        from assistant.errors import ModelError

        answers: list[str | None] = []
        model = getattr(getattr(llm, "endpoint", None), "model", None)
        for a, b in ((draft, reference), (reference, draft)):
            try:
                result = llm.chat(
                    pairwise_messages(a, b, brief, occasion),
                    temperature=temperature,
                    max_tokens=max_tokens,
                )
            except ModelError as exc:
                # Recorded, not raised: the judge is optional and must not sink the draft.
                return {"winner": "error", "answers": answers, "model": model, "error": str(exc)}
            answers.append(parse_choice(result.text))
        first = {"A": "draft", "B": "reference"}.get(answers[0] or "")
        second = {"A": "reference", "B": "draft"}.get(answers[1] or "")
        if first is None or second is None:
            winner = "unreadable"
        else:
            winner = first if first == second else "tie"
        return {
            "winner": winner,
            "answers": answers,
            "model": model,
        }

    pairwise.model = getattr(getattr(llm, "endpoint", None), "model", None)  # type: ignore[attr-defined]
    return pairwise
