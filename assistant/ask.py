"""Questions about the corpus, answered from retrieved passages with numbered citations.

When retrieval finds nothing that shares enough wording with the question, we
say the corpus does not contain the answer without asking the model; the model
is also told to say so, and an answer without citation markers lists every passage it was given.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from assistant import prompts as prompt_files
from assistant.text import HAN_RUN

NOT_FOUND = "语料中没有相关内容。"
SOURCE_CHARS = 500
# Minimum share of the question's content bigrams found in the best passage.
MIN_OVERLAP = 0.2

_CITE = re.compile(r"[\[［](\d+)[\]］]")
_STOP = set("的了是在和与及对把被要为也都就而并等如何怎么什么哪些哪个一个这个那个请问吗呢")


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "answer": self.answer,
            "found": self.found,
            "citations": [c.__dict__ for c in self.citations],
            "usage": self.usage,
        }


def content_bigrams(text: str) -> set[str]:
    grams = set()
    for run in HAN_RUN.findall(text):
        run = "".join(ch for ch in run if ch not in _STOP) if len(run) > 2 else run
        grams.update(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def overlap(question: str, passage: str) -> float:
    q = content_bigrams(question)
    if not q:
        return 0.0
    return len(q & content_bigrams(passage)) / len(q)


def sources_block(hits: list[Any]) -> str:
    lines = []
    for i, h in enumerate(hits, 1):
        text = prompt_files.without_orders(h.text.strip().replace("\n", ""))
        if len(text) > SOURCE_CHARS:
            text = text[:SOURCE_CHARS] + "……"
        where = f"{h.speech_id}·{h.role}" + (f"·{h.ordinal}" if h.ordinal else "")
        # Fenced as data and labelled with its source: a passage cannot close the fence.
        lines.append(
            f"[{i}]（{prompt_files.fence_safe(where)}）" + prompt_files.fence("资料", text)
        )
    return "\n".join(lines)


def ask(
    question: str, *, llm: Any, k: int = 5, retrieve: Callable[..., list] | None = None
) -> Answer:
    question = question.strip()
    if retrieve is None:
        from assistant.retrieval import retrieve as retrieve_default

        retrieve = retrieve_default
    hits = list(retrieve(question, k=k))
    best = max((overlap(question, h.text) for h in hits), default=0.0)
    if not hits or best < MIN_OVERLAP:
        return Answer(question=question, answer=NOT_FOUND, found=False)
    prompt = prompt_files.load_prompt("ask")
    messages = prompt.render(sources=sources_block(hits), question=question)
    result = llm.chat(messages, temperature=0.2, max_tokens=600)
    text = result.text.strip()
    if getattr(result, "finish_reason", None) == "length" and text:
        text += "……（回答达到长度上限，没有说完）"
    cited = sorted({int(n) for n in _CITE.findall(text) if 1 <= int(n) <= len(hits)})
    usage = {"prompt_tokens": result.prompt_tokens, "completion_tokens": result.completion_tokens}
    if NOT_FOUND.rstrip("。") in text or not text:
        return Answer(question=question, answer=NOT_FOUND, found=False, usage=usage)
    if not cited:
        # Small models often forget the markers: show every passage they were given,
        # and say so, rather than pretend to know which one was used.
        text += "\n（模型未标注出处，以下列出提供给模型的全部资料。）"
        cited = list(range(1, len(hits) + 1))
    citations = tuple(
        Citation(
            n=n,
            speech_id=hits[n - 1].speech_id,
            role=hits[n - 1].role,
            ordinal=hits[n - 1].ordinal,
            text=hits[n - 1].text,
        )
        for n in cited
    )
    return Answer(question=question, answer=text, found=True, citations=citations, usage=usage)
