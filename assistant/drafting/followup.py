"""Asking the model again, in the paragraph's own conversation, for what it left out.

Two follow-ups: a paragraph's last sentence when the repairs took it (`needs_ending`), and
the rest of a paragraph whose candidates all stopped after their first sentence, the
point's headline said again, which the repair cuts to nothing (`go_on_request`).

The last sentence: a paragraph that carries the brief's figures is drawn so that it ends on a sentence
without a digit (write.FRAMED): what the figures mean. The repairs after choosing may
drop exactly that sentence: a copied exemplar formula (柳塘 2021, 石桥 2016: 这些成绩的取得，
离不开…), a 提法 not yet current (槐原 2018: 为实现“十四五”规划目标而努力奋斗), another
place's name (南川 2023). What was left was the brief's list and nothing else, the `focus`
failure of four of the ten drafts of the sixth scale-0.5 run. Here the model is asked, in
the same conversation, for that one sentence; the paragraph checks keep it only where it
adds no failure, and the record says the sentence was asked for.
"""

from __future__ import annotations

import re
from typing import Any

from assistant import prompts as prompt_files
from assistant.drafting import write
from assistant.plan import ParagraphPlan
from assistant.text import han_count, sentences

# Draws of the sentence before the paragraph is left as it is.
TRIES = 2
# Tokens for one sentence of thirty to forty 汉字 (0.8 a 汉字 on the embedded model).
TOKENS = 90
# One sentence, no digit, Latin letter, list or report punctuation; eight characters or more.
GRAMMAR = 'root ::= c c c c c c c c c* "。"\nc ::= [^0-9０-９A-Za-z。！？；：:#*|<>\\n\\r\\t]\n'
_MARK = re.compile(r"【待[补核]")


def needs_ending(text: str, plan: ParagraphPlan) -> bool:
    """Whether the paragraph was meant to end on what its figures mean and, repaired,
    ends on a sentence with a digit instead."""
    if not write.framed(plan) or not text.strip() or _MARK.search(text):
        return False
    sents = sentences(text)
    return bool(sents) and bool(re.search(r"[0-9]", sents[-1]))


def ending_request(
    messages: list[dict[str, str]], text: str, plan: ParagraphPlan
) -> list[dict[str, str]]:
    """The paragraph's own conversation (its cached prefix), the paragraph as the model's
    answer, and the request for its last sentence."""
    last = sentences(text)[-1]
    ask = prompt_files.load_prompt("ending").render(
        last=write.brief_data(last[-40:]), purpose=write.brief_data(plan.purpose)
    )
    return [*messages, {"role": "assistant", "content": text}, *ask]


def draw_ending(
    llm: Any, messages: list[dict[str, str]], purpose: str, *, seed: int, salt: str
) -> tuple[str, dict[str, Any]]:
    """One sentence from the model (empty when it wrote none that is whole and without a
    digit), and the call's record."""
    extra: dict[str, Any] = dict(write.CONTROLS)
    if write.GRAMMAR and write.is_local(llm):
        extra["extra_body"] = {"grammar": GRAMMAR}
    result = llm.chat(
        messages, temperature=0.7, max_tokens=TOKENS, seed=seed, cache_salt=salt, **extra
    )
    call = {"ending": True, **write.call_record(result), "reply": result.text}
    cut = getattr(result, "finish_reason", None) == "length"
    cleaned = write.clean(result.text, cut=cut, purpose=purpose)
    first = sentences(cleaned)[:1]
    sentence = first[0].strip() if first else ""
    if han_count(sentence) < 8 or re.search(r"[0-9０-９]", sentence):
        sentence = ""
    return sentence, call


# The rest of a paragraph: all candidates of 丰源 2025's 要求之二第1段, in two runs, were
# 要聚焦因地制宜发展新质生产力，…。 and nothing else; the repair cut the restated headline
# and left 【待补：要求之二第1段】 (槐原 2018's 要求之四 the same). A paragraph the repair
# left one short sentence of fails integrity the same way (枫林 2024: 35 字 where 280 were
# planned). The model goes on from what there is; the least it is asked for:
GO_ON_MIN = 60


def go_on_room(start: str, plan: ParagraphPlan) -> int:
    """汉字 to ask for after `start` (its standing line included): what the paragraph still
    lacks, a few sentences at least."""
    return max(GO_ON_MIN, plan.room - han_count(start))


def go_on_request(
    messages: list[dict[str, str]], start: str, plan: ParagraphPlan
) -> list[dict[str, str]]:
    """The paragraph's conversation, what it stopped after as the model's answer, and the
    request to go on from it."""
    ask = prompt_files.load_prompt("go_on").render(
        budget=go_on_room(start, plan), purpose=write.brief_data(plan.purpose)
    )
    return [*messages, {"role": "assistant", "content": start}, *ask]
