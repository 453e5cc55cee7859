"""Questions about the corpus (or a draft), answered from whole sections with checked citations.

    question ──► understand (assistant.question: speeches, roles, kind; no model)
             ──► gather passages (assistant.passages: role sections, or hybrid search in scope)
             ──► not found? (something named the corpus lacks, no such section, or the
                 passages carry too little of the question's content: `min_support`,
                 calibrated on evals/ask/questions.yaml) ── yes ──► say what was searched
             ──► model answers from numbered passages ──► ground (assistant.grounding:
                 markers checked, quotations verbatim, unmarked sentences attributed)

The model never sees passages when the corpus does not have the answer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant import prompts as prompt_files
from assistant.grounding import Grounded, ground
from assistant.passages import (
    Passage,
    PassageIndex,
    catalogue_from_store,
    gather,
    passage_index,
    search_in_scope,
    support,
)
from assistant.question import (
    SpeechInfo,
    Understanding,
    Vocabulary,
    catalogue_from,
    load_vocabulary,
    understand,
)
from assistant.structure import ROLE_LABELS
from assistant.text import overlap

NOT_FOUND = "语料中没有相关内容。"
SOURCE_CHARS = 500
# With many passages (all points of two speeches) each is cut shorter, so the prompt stays
# within a small model's context.
SOURCE_CHARS_MANY = 260
NO_MARKERS_NOTE = "\n（模型未标注出处，以下列出提供给模型的全部资料。）"


@dataclass(frozen=True)
class Citation:
    n: int
    speech_id: str
    role: str
    ordinal: int | None
    text: str


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    found: bool
    citations: tuple[Citation, ...] = ()
    usage: dict[str, Any] = field(default_factory=dict)
    understood: dict[str, Any] = field(default_factory=dict)
    grounding: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "found": self.found,
            "citations": [c.__dict__ for c in self.citations],
            "understood": self.understood,
            "grounding": self.grounding,
            "usage": self.usage,
        }


@dataclass
class Context:
    """Everything a question is read against: the store's sections and the speeches."""

    index: PassageIndex
    catalogue: list[SpeechInfo]
    corpus_text: str
    vocab: Vocabulary
    store: Any


def context(store: Any = None, vocab: Vocabulary | None = None) -> Context:
    from assistant.corpus import load_corpus
    from assistant.retrieval import default_store

    store = store if store is not None else default_store()
    index = passage_index(store)
    try:
        known = catalogue_from(load_corpus())
    except Exception:  # a broken user corpus file must not stop questions about the store
        known = []
    catalogue = catalogue_from_store(index, known)
    text = "\n".join(p.text for p in index.passages)
    return Context(index, catalogue, text, vocab or load_vocabulary(), store)


# ---------------------------------------------------------------- reading and gathering


@dataclass(frozen=True)
class Plan:
    understanding: Understanding
    passages: tuple[Passage, ...]
    support: float
    found: bool
    reason: str  # one Chinese line: what was searched, and why nothing was found if so


def plan(question: str, ctx: Context, *, k: int = 5) -> Plan:
    """Understand, gather and decide found / not found; no model involved."""
    u = understand(question, ctx.catalogue, vocab=ctx.vocab, corpus_text=ctx.corpus_text)
    passages = gather(u, ctx.index, ctx.store, ctx.vocab, k=k)
    s = support(u, passages, ctx.index)
    searched = u.describe(ctx.catalogue)
    if u.missing:
        have = "、".join(sp.label() for sp in ctx.catalogue)
        reason = f"语料库里没有{'、'.join(u.missing)}的讲话（现有 {len(ctx.catalogue)} 篇：{have}）"
        return Plan(u, (), 0.0, False, reason)
    if not passages:
        part = "、".join(ROLE_LABELS.get(r, r) for r in u.roles) or "相关段落"
        return Plan(u, (), 0.0, False, f"{searched}，这些讲话没有{part}")
    if s < ctx.vocab.min_support:
        return Plan(
            u, tuple(passages), s, False, f"{searched}，最相关的段落只覆盖问题内容的 {s:.0%}"
        )
    return Plan(u, tuple(passages), s, True, searched)


def not_found_message(p: Plan) -> str:
    return f"{NOT_FOUND.rstrip('。')}：{p.reason}。可换个说法，或用 assistant corpus list 看语料库有哪些讲话。"


# ---------------------------------------------------------------- the prompt


def source_label(p: Passage, catalogue: Sequence[SpeechInfo]) -> str:
    info = next((s for s in catalogue if s.id == p.speech_id), None)
    bits = [p.speech_id]
    if info is not None:
        if info.title:
            bits.append(f"《{info.title}》")
        who = "".join(x for x in (info.speaker, f"（{info.date}）" if info.date else "") if x)
        if who:
            bits.append(who)
    bits.append(p.where())
    if p.heading and p.role == "requirements":
        bits.append(f"标题：{p.heading}")
    return "·".join(bits)


def sources_block(passages: Sequence[Passage], catalogue: Sequence[SpeechInfo]) -> str:
    limit = SOURCE_CHARS if len(passages) <= 5 else SOURCE_CHARS_MANY
    lines = []
    for i, p in enumerate(passages, 1):
        text = prompt_files.without_orders(p.text.strip().replace("\n", ""))
        if len(text) > limit:
            text = text[:limit] + "……"
        # Fenced as data and labelled with its source: a passage cannot close the fence.
        label = prompt_files.fence_safe(source_label(p, catalogue))
        lines.append(f"[{i}]（{label}）" + prompt_files.fence("资料", text))
    return "\n".join(lines)


def _answer_from_model(
    question: str,
    passages: Sequence[Passage],
    ctx: Context,
    llm: Any,
    understood: str,
    draft_block: str = "",
) -> tuple[str, Grounded | None, dict[str, Any]]:
    prompt = prompt_files.load_prompt("ask")
    messages = prompt.render(
        sources=sources_block(passages, ctx.catalogue),
        draft=draft_block,
        question=question,
        understood=understood,
    )
    result = llm.chat(messages, temperature=0.2, max_tokens=600)
    usage = {"prompt_tokens": result.prompt_tokens, "completion_tokens": result.completion_tokens}
    text = result.text.strip()
    if not text or NOT_FOUND.rstrip("。") in text:
        return NOT_FOUND, None, usage
    if getattr(result, "finish_reason", None) == "length":
        text += "……（回答达到长度上限，没有说完）"
    labels = [source_label(p, ctx.catalogue) for p in passages]
    grounded = ground(text, [f"{lab}\n{p.text}" for lab, p in zip(labels, passages, strict=True)])
    return grounded.text, grounded, usage


def _citations(passages: Sequence[Passage], numbers: Sequence[int]) -> tuple[Citation, ...]:
    return tuple(
        Citation(
            n=n,
            speech_id=passages[n - 1].speech_id,
            role=passages[n - 1].role,
            ordinal=passages[n - 1].ordinal,
            text=passages[n - 1].text,
        )
        for n in numbers
    )


def _understood(p: Plan) -> dict[str, Any]:
    return {**p.understanding.to_dict(), "support": round(p.support, 3), "searched": p.reason}


def ask(
    question: str,
    *,
    llm: Any,
    k: int = 5,
    store: Any = None,
    ctx: Context | None = None,
) -> Answer:
    question = question.strip()
    ctx = ctx or context(store)
    p = plan(question, ctx, k=k)
    if not p.found:
        return Answer(question, not_found_message(p), False, understood=_understood(p))
    text, grounded, usage = _answer_from_model(question, p.passages, ctx, llm, p.reason)
    if grounded is None:
        return Answer(question, text, False, usage=usage, understood=_understood(p))
    numbers = grounded.cited
    if not numbers:
        # Nothing in the answer could be tied to a passage: show every passage the model had,
        # and say so, rather than pretend to know which one was used.
        text += NO_MARKERS_NOTE
        numbers = list(range(1, len(p.passages) + 1))
    return Answer(
        question,
        text,
        True,
        _citations(p.passages, numbers),
        usage,
        _understood(p),
        grounded.to_dict(),
    )


# ---------------------------------------------------------------- questions about a draft

SIMILAR_CUES = ("像", "相似", "相近", "接近", "类似", "雷同", "重合")


def _draft_section(doc: Any, u: Understanding):
    written = [s for s in doc.sections if s.current]
    if u.ordinal is not None:
        for s in written:
            if s.role == "requirements" and s.ordinal == u.ordinal:
                return s
        return None
    for role in u.roles:
        for s in written:
            if s.role == role:
                return s
    return None


def ask_draft(
    draft_dir: str | Path,
    question: str,
    *,
    llm: Any,
    k: int = 5,
    store: Any = None,
    ctx: Context | None = None,
) -> Answer:
    """A question about a draft: its section read against the corpus sections of that role."""
    from assistant.draftdoc import DraftDoc

    question = question.strip()
    doc = DraftDoc.load(draft_dir)
    ctx = ctx or context(store)
    u = understand(question, ctx.catalogue, vocab=ctx.vocab, corpus_text=ctx.corpus_text)
    section = _draft_section(doc, u)
    understood = {**u.to_dict(), "kind": "draft"}
    if section is None:
        asked = (
            f"第{u.ordinal}点" if u.ordinal else "、".join(ROLE_LABELS.get(r, r) for r in u.roles)
        )
        listing = "、".join(
            f"{s.id}（{ROLE_LABELS.get(s.role, s.role)}{f'第{s.ordinal}点' if s.ordinal else ''}）"
            for s in doc.sections
            if s.current
        )
        msg = (
            f"草稿中找不到问题所指的部分（{asked or '未指明'}）：请写明是第几点或哪一部分。"
            f"草稿已写的部分：{listing or '无'}。"
        )
        return Answer(question, msg, False, understood=understood)
    draft_text = section.text
    pool = [p for p in ctx.index.passages if p.role == section.role] or list(ctx.index.passages)
    ranked = sorted(pool, key=lambda p: -overlap(draft_text, p.text))
    # Wording (bigram overlap) and meaning (hybrid search with the section as the query)
    # both count: take the best of each, wording first.
    meaning = [
        p
        for p in search_in_scope(draft_text[:500], [], ctx.index, ctx.store, k, "hybrid")
        if p.role == section.role
    ]
    passages = list(dict.fromkeys([*ranked[: max(1, k - 2)], *meaning]))[:k]
    where = (
        f"草稿{section.id}（{ROLE_LABELS.get(section.role, section.role)}"
        + (f"第{section.ordinal}点" if section.ordinal else "")
        + "）"
    )
    understood["draft_section"] = section.id
    if any(cue in question for cue in SIMILAR_CUES):
        # A measurement, not an opinion: answered by the program, no model call.
        lines = [f"{where}与以下范文段落最相近（按字面重合排序）："]
        by_overlap = sorted(passages, key=lambda p: -overlap(draft_text, p.text))
        for n, p in enumerate(by_overlap, 1):
            info = next((s for s in ctx.catalogue if s.id == p.speech_id), None)
            name = info.label() if info else p.speech_id
            lines.append(f"{name}·{p.where()}，重合 {overlap(draft_text, p.text):.0%}[{n}]")
        return Answer(
            question,
            "\n".join(lines),
            True,
            _citations(by_overlap, range(1, len(by_overlap) + 1)),
            understood=understood,
        )
    block = f"草稿（{where}，不是资料，不要引用它）：\n{draft_text.strip()[:SOURCE_CHARS]}\n"
    text, grounded, usage = _answer_from_model(
        question, passages, ctx, llm, f"针对{where}，对照同类范文段落", block
    )
    if grounded is None:
        return Answer(question, text, False, usage=usage, understood=understood)
    numbers = grounded.cited or list(range(1, len(passages) + 1))
    if not grounded.cited:
        text += NO_MARKERS_NOTE
    return Answer(
        question, text, True, _citations(passages, numbers), usage, understood, grounded.to_dict()
    )
