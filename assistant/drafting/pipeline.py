"""The drafting pipeline: brief → outline with paragraph plans → for each paragraph:
prompt → N candidates → checks → choose (→ one rewrite with the problems named →
repairs that are recorded) → the draft on disk, saved after every paragraph.

Everything the program supplies (fixed formulas, headlines, facts added verbatim, marks)
is counted apart from what the model wrote, so the eval can tell the model's work from
the scaffolding.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from assistant import prompts as prompt_files
from assistant.brief import Brief, brief_from_dict
from assistant.checks.integrity import short_paragraph, thin_paragraph
from assistant.checks.usage import renamed_terms, theme_terms
from assistant.draftdoc import DraftDoc, SectionRecord, now
from assistant.drafting import followup, write
from assistant.drafting.choose import Place, Verdict, choose, judge
from assistant.drafting.repair import KEEP_SHARE, Fixed, copied_from_plan, repair
from assistant.errors import InputError
from assistant.outline import (
    Outline,
    OutlineSection,
    build_outline,
    call_formula,
    plan_role,
    plan_values,
    report_titles,
    with_budgets_scaled,
)
from assistant.paragraphs import THEME_VERBS, about_theme, headline_core, overlaps
from assistant.plan import ParagraphPlan
from assistant.text import han_count, overlap, sentences

# At most this many candidates a paragraph, drawn until one passes every check: on the
# embedded model a third draw replaces the rewrite (which never passed), and costs a call
# only where two have failed.
DEFAULT_CANDIDATES = 3
LENGTH_LOW = 0.85  # a section below this share of its budget gets one more paragraph
# A last paragraph with fewer of the model's 汉字 than this said nothing, and one more would
# say nothing too. It was 20: 杏坪乡 2016 (untuned read, fifteenth session) kept an opening of
# the session sentence and the model's one line of 19 字, at a third of its budget.
SAID_SOMETHING = 10
MAX_EXTRA_PARAGRAPHS = 2


@dataclass
class _Turn:
    """What every paragraph of one section shares while it is written: the outline, the
    section (replaced when a paragraph is added for length), its exemplars and the
    writer's instruction, and where progress goes."""

    outline: Outline
    section: OutlineSection
    hits: list[Any]
    exemplars: str
    instruction: str
    event: Callable[..., None]


@dataclass(frozen=True)
class DraftEvent:
    kind: str  # outline | section_start | token | paragraph | repair | section_done | done
    index: int = 0
    total: int = 0
    section_id: str = ""
    title: str = ""
    text: str = ""
    tokens: int = 0
    seconds: float = 0.0
    elapsed: float = 0.0

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds > 0 else 0.0


EventSink = Callable[[DraftEvent], None]


@dataclass
class Draft:
    doc: DraftDoc

    @property
    def dir(self) -> Path:
        return self.doc.dir

    @property
    def text(self) -> str:
        return self.doc.text()

    @property
    def outline(self) -> Outline:
        return Outline.from_dict(self.doc.outline)

    @property
    def authorship(self) -> dict[str, int]:
        return self.doc.authorship()

    @property
    def sections(self) -> list[tuple[str, str]]:
        return [(s.id, s.text) for s in self.doc.sections]


class Drafter:
    """Writes the paragraphs of one draft with one LLM, one retriever and the checks."""

    def __init__(
        self,
        brief: Brief,
        llm: Any,
        *,
        retrieve: Callable[..., list] | None = None,
        corpus: list | None = None,
        on_event: EventSink | None = None,
        max_repairs: int | None = None,
        candidates: int = DEFAULT_CANDIDATES,
        exclude_speech_ids: tuple[str, ...] = (),
        sample: int = 1,
        strategy: str = "free",
    ) -> None:
        if strategy not in write.STRATEGIES:
            raise InputError(f"未知的写法 {strategy!r}；可选：{'、'.join(write.STRATEGIES)}")
        self.strategy = strategy
        self.brief = brief
        self.llm = llm
        self.retrieve = retrieve if retrieve is not None else _default_retrieve
        self.corpus = tuple(corpus) if corpus is not None else _load_corpus()
        self.on_event = on_event or (lambda e: None)
        self.max_repairs = default_repairs(llm) if max_repairs is None else max(0, max_repairs)
        self.candidates = max(1, candidates)
        self.exclude = tuple(exclude_speech_ids)
        self.sample = sample
        self.started = time.monotonic()
        self.written: list[str] = []  # text of the sections before the current one
        self.budgeted = 0  # 汉字 the model's paragraphs were budgeted so far…
        self.kept = 0  # …and of its own kept in them (see write.ADAPTIVE_LENGTH)
        self._grammars: dict[tuple[bool, bool], str] = {}

    def _grammar(self, plan: ParagraphPlan, role: str) -> str:
        """The paragraph's grammar: framed when it carries a figure, without ；when it
        carries the situation's facts (write.framed, write.plain); built once a kind."""
        kind = (write.framed(plan), write.plain(plan, role))
        if kind not in self._grammars:
            framed, plain = kind
            self._grammars[kind] = write.text_grammar(
                self.brief, framed=framed, semicolons=not plain
            )
        return self._grammars[kind]

    def emit(self, kind: str, **kw: Any) -> None:
        self.on_event(DraftEvent(kind=kind, elapsed=time.monotonic() - self.started, **kw))

    def exemplars_for(self, section: OutlineSection) -> list[Any]:
        query = " ".join([section.heading or section.title, section.purpose])
        kw: dict[str, Any] = {"k": write.EXEMPLARS, "role": section.role}
        if self.exclude:
            kw["exclude_speech_ids"] = self.exclude
        hits = self.retrieve(query, occasion=self.brief.occasion, **kw)
        return list(hits or self.retrieve(query, **kw))

    # -- one paragraph ---------------------------------------------------------------
    def paragraph(
        self,
        outline: Outline,
        section: OutlineSection,
        position: int,
        *,
        previous: str,
        context: str,
        exemplars: str,
        base: str = "",
        instruction: str = "",
        event: Callable[..., None],
        siblings: str = "",
    ) -> dict[str, Any]:
        """Write, choose, rewrite once if needed, repair: the paragraph's record."""
        plan = section.paragraphs[position - 1]
        lead = section.lead if position == 1 else ""
        place = self._place(outline, section, context, siblings)
        pool = _Pool()
        feedback = f"\n修改要求：{instruction}" if instruction else ""
        asked = self.asked(plan)
        for attempt in range(self.max_repairs + 1):
            messages = write.render(
                self.brief, outline, section, position, asked,
                exemplars=exemplars, previous=previous, lead=lead, feedback=feedback,
                base=base,
            )  # fmt: skip
            ranked = self._sample(
                pool, messages, plan, lead, attempt, event, place, asked,
                # the call's formula is the section's tail: the model's lead-up ends before it
                stop=write.CALL_STOP
                if section.role == "call" and section.tail
                else write.once_stops(plan.purpose, context, self._said_once(section.role)),
            )  # fmt: skip
            best = ranked[0]
            if best.acceptable or attempt == self.max_repairs:
                break
            problems = best.problems()
            event("repair", text="；".join(problems)[:300])
            feedback = rewrite_feedback(pool.texts[best.index], problems, instruction)
        label = f"{section.title}第{position}段"
        verdict, fixed = self._first_usable(ranked, pool, plan, context, label, place)
        ranked = [verdict, *(v for v in ranked if v is not verdict)]
        best = verdict
        if pool.calls[best.index].get("finish_reason") == "length":
            fixed.repairs.append("模型回复两次达到长度上限被截断，未写完的末句已删去")
        # (not the call, which ends on the program's formula: nothing goes on after it)
        short = fixed.text.startswith("【待补") or fixed.model_han < KEEP_SHARE * plan.budget
        if short and section.role != "call":
            fixed = self._go_on(messages, fixed, ranked, pool, plan, context, label, place) or fixed
        self._ending(messages, fixed, plan, place, pool)
        self._fill_mark(fixed, lead, section.role, section.tail)
        if section.role != "call":  # the call is the program's formula and a sentence or two
            self.budgeted += plan.model_room
            self.kept += fixed.model_han
        record = paragraph_record(position, plan, lead, pool, ranked, fixed, attempt)
        record["asked"] = asked.model_room
        return record

    def _said_once(self, role: str) -> tuple[str, ...]:
        """What the opening may not say again: the reports' titles its session sentence
        lists (a later section may well name one: 落实好《政府工作报告》确定的目标任务)."""
        return report_titles(self.brief) if role == "opening" else ()

    def _place(
        self, outline: Outline, section: OutlineSection, context: str, siblings: str
    ) -> Place:
        """Where a paragraph of `section` stands, for the checks that choose and repair."""
        return Place(
            brief=self.brief,
            corpus=self.corpus,
            exclude_ids=frozenset(self.exclude),
            context=context,
            section_role=section.role,
            headline=section.heading,
            other_headlines=tuple(
                s.heading for s in outline.sections if s.heading and s.id != section.id
            ),
            siblings=siblings,
        )

    def _fill_mark(self, fixed: Fixed, lead: str, role: str, tail: str = "") -> None:
        """A mark where the meeting's purpose or the call was due: the program writes it
        from the brief instead, recorded as its own."""
        fallback = ""
        if fixed.text.startswith("【待补") and lead.endswith("是"):
            fallback = meeting_purpose(self.brief)  # never leave the meeting's purpose a mark
        elif fixed.text.startswith("【待补") and role == "call" and tail:
            # the formula is the section's tail already: the call is that alone
            fixed.repairs.append("模型没有写出可用的铺垫，号召只有结尾的固定句")
            fixed.text, fixed.program_han, fixed.model_han, fixed.marks = "", 0, 0, 0
        elif fixed.text.startswith("【待补") and role == "call":
            fallback = call_formula(self.brief)  # the genre's formula, from the brief
        if fallback:
            fixed.repairs.append(f"模型没有写出可用的段落，程序按简报补写：{fallback}")
            fixed.text, fixed.program_han, fixed.model_han = fallback, han_count(fallback), 0
            fixed.marks = 0

    def asked(self, plan: ParagraphPlan) -> ParagraphPlan:
        """The plan as the model is asked for it: its budget raised by the draft's own
        shortfall so far (see write.ADAPTIVE_LENGTH)."""
        if not write.ADAPTIVE_LENGTH or self.budgeted < write.ASK_AFTER:
            return plan
        factor = min(write.ASK_MAX, max(1.0, self.budgeted / max(1, self.kept)))
        return replace(plan, budget=round(plan.budget * factor))

    def _ending(
        self,
        messages: list[dict[str, str]],
        fixed: Fixed,
        plan: ParagraphPlan,
        place: Place,
        pool: _Pool,
    ) -> None:
        """A paragraph of figures the repairs left ending on a figure gets its last
        sentence from the model (see drafting/followup.py), kept where the paragraph checks
        find no failure it did not have without it."""
        if not followup.needs_ending(fixed.text, plan):
            return
        ask = followup.ending_request(messages, fixed.text, plan)
        without = None  # the paragraph as it is, judged once, when a sentence comes
        for k in range(followup.TRIES):
            sentence, call = followup.draw_ending(
                self.llm, ask, plan.purpose,
                seed=1000 * self.sample + 500 + k, salt=f"sample-{self.sample}-ending-{k}",
            )  # fmt: skip
            pool.calls.append(call)
            if not sentence:
                continue
            without = without or judge(fixed.text, plan, place)
            with_it = judge(fixed.text + sentence, plan, place)
            if with_it.fatal or not set(with_it.failed) <= set(without.failed):
                continue
            fixed.text += sentence
            fixed.model_han += han_count(sentence)
            fixed.repairs.append(f"段末停在简报的数字上，请模型补写了结尾一句：{sentence}")
            return

    def _go_on(
        self,
        messages: list[dict[str, str]],
        fixed: Fixed,
        ranked: list[Verdict],
        pool: _Pool,
        plan: ParagraphPlan,
        context: str,
        label: str,
        place: Place,
    ) -> Fixed | None:
        """A paragraph that stopped after a sentence or two: the repaired text, or, where
        the repair left a mark, the best candidate (the headline said again). The model
        goes on from it once, in the same conversation (see drafting/followup.py); the
        whole is judged and repaired as the paragraph, and kept where the checks rank it
        no lower than what it went on from. None otherwise."""
        marked = fixed.text.startswith("【待补")
        start = (pool.texts[ranked[0].index] if marked else fixed.text).strip()
        # the model's own part measured, not the standing line it went on from (云溪 2013:
        # the supervision line, 59 字, and nothing after it was never asked to go on)
        if (
            not start
            or han_count(plan.models_part(start)) > plan.model_room * write.LONG_DRAW_BELOW
        ):
            return None
        cand = write.sample(
            self.llm, followup.go_on_request(messages, start, plan),
            budget=followup.go_on_room(start, plan), lead=start, k=len(pool.texts),
            purpose=plan.purpose, sample_index=self.sample, temperature=0.7,
            grammar=self._grammar(plan, place.section_role),
        )  # fmt: skip
        # what the model answered is kept whether or not it is taken (the record shows the
        # model's failures, not only what the program kept)
        pool.calls.append({**cand.call, "go_on": True, "reply": cand.raw})
        if not cand.text:
            return None
        whole = start + cand.text
        without, with_it = sorted(choose([start, whole], plan, place), key=lambda v: v.index)
        if with_it.fatal or (not marked and with_it.key > without.key):
            return None
        longer = self._repaired(whole, with_it, plan, context, label, place)
        if longer.model_han <= (0 if marked else fixed.model_han):
            return None
        longer.repairs.insert(0, f"段落写到“{start[-20:]}”就停了，请模型接着写完")
        return longer

    def _repaired(
        self,
        text: str,
        verdict: Verdict,
        plan: ParagraphPlan,
        context: str,
        label: str,
        place: Place,
    ) -> Fixed:
        """The repair of one candidate; the paragraph's standing line counted as the
        program's."""
        fixed = repair(
            text, verdict, plan, self.brief, self.corpus, self.exclude, context,
            label=label, headline=place.headline, other_headlines=place.other_headlines,
            section_role=place.section_role, siblings=place.siblings,
        )  # fmt: skip
        if plan.lead and fixed.text.startswith(plan.lead):
            moved = min(fixed.model_han, han_count(plan.lead))
            fixed.model_han -= moved
            fixed.program_han += moved
        return fixed

    def _first_usable(
        self,
        ranked: list[Verdict],
        pool: _Pool,
        plan: ParagraphPlan,
        context: str,
        label: str,
        place: Place,
    ) -> tuple[Verdict, Any]:
        """The best-ranked candidate the repair leaves a paragraph of, and that repair: a
        copied exemplar ranked first and, its copy dropped, became a 【待补】 mark while a
        shorter candidate of the model's own stood behind it (石桥 2016, 要求之一第2段), or
        became one short sentence while the second candidate, repaired, kept its paragraph
        (白沙 2026, 回顾第3段: 这些成绩的取得，离不开…。 alone). Failing that, the best the
        repair leaves some of the model's text of; failing that, the best, repaired to its
        mark."""

        first = usable = None
        for v in ranked:  # repaired one by one: each repair scans the corpus
            fixed = self._repaired(pool.texts[v.index], v, plan, context, label, place)
            first = first or (v, fixed)
            if fixed.model_han and not v.fatal:
                if fixed.model_han >= KEEP_SHARE * plan.budget:
                    return v, fixed
                usable = usable or (v, fixed)
        assert first is not None  # a pool always holds at least one candidate
        return usable or first

    def _sample(
        self,
        pool: _Pool,
        messages: list[dict[str, str]],
        plan: ParagraphPlan,
        lead: str,
        attempt: int,
        event: Callable[..., None],
        place: Place,
        asked: ParagraphPlan,
        stop: Sequence[str] = (),
    ) -> list[Verdict]:
        """Up to N candidates on the first attempt, one on a rewrite, each asked for
        `asked`'s length and judged by `plan`'s; drawing stops at the
        first candidate that passes every check (the rest would cost a model call each
        and could only tie it). The verdicts of the whole pool, best first."""
        n = self.candidates if attempt == 0 else 1
        for k in range(n):
            # every draw so far stopped far short: the next one is a long draw (not for the
            # call, whose closing formula is the program's and only a sentence or two leads
            # up to it: 宁川 2015 drew two long calls and kept the formula)
            short = (
                bool(pool.texts)
                and place.section_role != "call"
                and all(
                    han_count(plan.models_part(t)) < write.LONG_DRAW_BELOW * plan.model_room
                    for t in pool.texts
                )
            )
            cand = write.sample(
                self.llm,
                messages,
                budget=asked.model_room,
                lead=plan.lead or lead,
                purpose=plan.purpose,
                k=len(pool.texts),
                sample_index=self.sample,
                temperature=0.8 if self.candidates > 1 and attempt == 0 else 0.6,
                on_token=(lambda t: event("token", text=t)) if k == 0 else None,
                grammar=self._grammar(plan, place.section_role),
                long=short,
                stop=stop,
            )
            if plan.lead:  # the paragraph is the standing line and what the model went on with
                cand = replace(cand, text=plan.lead + cand.text)
            pool.add(cand, attempt)
            ranked = choose(pool.texts, plan, place)
            # a standing line with nothing of the model's after it, or the plan's own words
            # copied back, passes every check and is not the paragraph asked for (云溪 2013:
            # drawing stopped at the supervision line; 白沙 2026: at the call's formula alone)
            if ranked[0].acceptable and _own_words(pool.texts[ranked[0].index], plan):
                break
        return ranked

    # -- one section -----------------------------------------------------------------
    def section(
        self,
        outline: Outline,
        index: int,
        *,
        done: list[dict[str, Any]] | None = None,
        only: int | None = None,
        instruction: str = "",
        on_paragraph: Callable[[list[dict[str, Any]]], None] | None = None,
    ) -> tuple[str, dict[str, Any]]:
        """Text for one section and its version record. `done` are paragraph records kept
        as they are (resume, or a one-paragraph regen with `only` = its position)."""
        section = outline.sections[index]
        total = len(outline.sections)

        def event(kind: str, **kw: Any) -> None:
            self.emit(
                kind, index=index + 1, total=total, section_id=section.id, title=section.title, **kw
            )

        event("section_start")
        if section.fixed:
            event("section_done", text=section.lead)
            return section.lead, {
                "source": "fixed",
                "model_han": 0,
                "program_han": han_count(section.lead),
            }
        # The call is a standing formula: exemplars of it only invite pasting another
        # place's call (measured: the 1.5B copied gaodu's call, 美丽高都 and all).
        # The congress-work moves are the genre's standing lines: given exemplars of them,
        # all three candidates copied one (丰源 2025) and the section became a mark.
        # A meeting's opening says what this meeting is for: given exemplars, the 1.5B wrote
        # theirs (学习中央9号文件, 换届选举) into an anniversary symposium (枫林 2024).
        plain = ("call", "congress_work", "meeting_opening")
        hits = self.exemplars_for(section) if plan_role(section, self.brief) not in plain else []
        turn = _Turn(outline, section, hits, write.exemplar_block(hits), instruction, event)
        records = self._paragraphs(turn, list(done or []), only, on_paragraph)
        text = compose(turn.section, joined(records))
        meta = section_meta(turn.section, records, hits, instruction)
        secs = sum(c["seconds"] for r in records for c in r["calls"])
        toks = sum(c["completion_tokens"] for r in records for c in r["calls"])
        event("section_done", text=text, tokens=toks, seconds=secs)
        return text, meta

    def _paragraphs(
        self,
        turn: _Turn,
        records: list[dict[str, Any]],
        only: int | None,
        on_paragraph: Callable[[list[dict[str, Any]]], None] | None,
    ) -> list[dict[str, Any]]:
        """The section's paragraph records: each planned one not in `records` (or only
        paragraph `only`) written in order, then more while the section is short."""
        planned = len(turn.section.paragraphs)
        position = 0
        while True:
            position += 1
            if position > len(turn.section.paragraphs):
                if only is None:
                    _leave_out_marks(turn.section, records)
                written = sum(han_count(r["text"]) for r in records)
                if only is not None or not self._short(turn.section, records, planned, written):
                    return records
                # the angle of the role that planned it: a 主席团 meeting's opening was
                # given a closing session's (代表们在会上提出了许多宝贵的意见和建议)
                turn.section = turn.section.with_paragraph(
                    plan_values(self.brief, []), plan_role(turn.section, self.brief), written
                )
            if position <= len(records) and (only is None or position != only):
                continue
            record = self._write_at(turn, position, records, added=position > planned)
            if position <= len(records):
                records[position - 1] = record
            else:
                records.append(record)
            turn.event("paragraph", text=record["text"])
            if on_paragraph is not None:
                on_paragraph(records)

    def _write_at(
        self, turn: _Turn, position: int, records: list[dict[str, Any]], *, added: bool
    ) -> dict[str, Any]:
        """The record of paragraph `position`, written after `records`; `added`: a paragraph
        beyond the plan, written only for length."""
        section, hits = turn.section, turn.hits
        previous = records[position - 2]["text"] if position > 1 else ""
        if write.is_local(self.llm):
            # The embedded model copies what it is shown: given the previous paragraph it
            # wrote it again, given its last sentence it wrote that one again (临江 2019,
            # 开场第2段). The section plan says what came before; stronger endpoints get
            # the previous paragraph's last sentence to pick up from.
            previous = ""
        # the section's own lead (its headline) is part of what has been said: a
        # paragraph that restates it is a repeat, for the chooser and the repair alike
        context = "\n".join(
            [*self.written, section.lead, *(r["text"] for r in records[: position - 1])]
        )
        base = ""
        if self.strategy == "rewrite" and hits:
            plan = section.paragraphs[position - 1]
            base = write.rewrite_block(hits[(position - 1) % len(hits) :], plan.budget)
        record = self.paragraph(
            turn.outline, section, position,
            previous=previous, context=context, exemplars=turn.exemplars, base=base,
            instruction=turn.instruction, event=turn.event,
            siblings=siblings(section, records, position),
        )  # fmt: skip
        if added and (record["model_han"] == 0 or short_paragraph(record["text"])):
            # A paragraph added only for length that the model could not write is left
            # out, not left as a 【待补】 mark: the plan never asked for it. Nor a short
            # one, its angle copied back (抓落实的作风，要防止重部署轻落实…。 alone: in
            # three of the eighth session's full-length drafts, each failing integrity).
            record.update(text="", program_han=0, marks=0)
            record["repairs"] = [*record["repairs"], "为补足篇幅加写的段落没有可用内容，已略去"]
        elif (
            position > 1
            and record["text"]
            and not record["text"].startswith("【")
            and thin_paragraph(record["text"], section.role)
        ):
            # A planned paragraph that came out short (its angle copied back:
            # 抓落实的作风，要防止重部署轻落实…。 alone, in 丰源 2025 of the ninth full-length
            # run; in two sentences, in the fourteenth) is no paragraph: it closes the one before, where it reads
            # as that paragraph's last word (see `joined`; the record keeps its text).
            record["joins_previous"] = True
            record["repairs"] = [*record["repairs"], "这一段太单薄，并入上一段"]
        return record

    @staticmethod
    def _short(
        section: OutlineSection, records: list[dict[str, Any]], planned: int, written: int
    ) -> bool:
        """Length by more paragraphs, never by repeating: one more while the section is
        short of its budget (`written` 汉字 so far) and the model's last paragraph said
        something. Never after the call, which ends the speech's body on its formula."""
        return (
            section.role != "call"
            and written < section.budget * LENGTH_LOW
            and len(records) < planned + MAX_EXTRA_PARAGRAPHS
            and bool(records)
            and records[-1]["model_han"] >= SAID_SOMETHING
        )


def _own_words(text: str, plan: ParagraphPlan) -> int:
    """汉字 of a candidate that are the model's own: not its standing line, nor sentences
    copied from its purpose."""
    own = plan.models_part(text)
    return han_count(own) - copied_from_plan(own, plan.purpose)


def default_repairs(llm: Any) -> int:
    """Rewrites with the problems named, per paragraph, when no candidate passes: none on
    the embedded model, one elsewhere. Measured on three 1.5B drafts (2026-11/12): of 38
    rewrites, none passed the checks and 4 scored higher than the candidates before them,
    at a model call each (about a quarter of a draft's time)."""
    return 0 if write.is_local(llm) else 1


def meeting_purpose(brief: Brief) -> str:
    """What a meeting is for, from the brief alone (the program's words, no new fact):
    the continuation of 召开这次…，主要是 when the model gives nothing usable."""
    topic = "、".join(t.strip("“”") for t in brief.themes[:2])
    about = f"围绕{topic}，" if topic else ""
    return f"{about}交流情况、分析形势，听取大家的意见和建议，对下一步工作作出安排。"


class _Pool:
    """The candidates of one paragraph, in sampling order."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.raws: list[str] = []
        self.calls: list[dict[str, Any]] = []

    def add(self, cand: write.Candidate, attempt: int) -> None:
        self.texts.append(cand.text)
        self.raws.append(cand.raw)
        self.calls.append({**cand.call, "attempt": attempt + 1})


def rewrite_feedback(previous: str, problems: list[str], instruction: str = "") -> str:
    """The rewrite request: the chosen candidate and what is wrong with it, quoted."""
    out = f"\n上一稿：{previous}\n上一稿有以下问题，请改正后重写这一段：\n"
    out += "\n".join(f"- {p}" for p in problems)
    return out + (f"\n修改要求：{instruction}" if instruction else "")


def siblings(section: OutlineSection, records: Sequence[dict[str, Any]], position: int) -> str:
    """The rest of the section as far as it is known when paragraph `position` is written:
    the other paragraphs written (all of them when one is regenerated), and for those not
    yet written the standing line each will open with (双桥乡 2022: the delegates' line,
    due in the third paragraph, copied by the model into the first)."""
    out = [r["text"] for i, r in enumerate(records) if i != position - 1]
    out += [p.lead for p in section.paragraphs[max(position, len(records)) :] if p.lead]
    # …less the paragraph's own standing line, wherever else it stands: it is the program's,
    # and the chooser must not hold it against every candidate
    own = section.paragraphs[position - 1].lead if position <= len(section.paragraphs) else ""
    said = "\n".join(x for x in out if x)
    for sent in sentences(own):
        said = said.replace(sent, "")
    return said


def paragraph_record(
    position: int,
    plan: ParagraphPlan,
    lead: str,
    pool: _Pool,
    ranked: list[Verdict],
    fixed: Any,
    attempt: int,
) -> dict[str, Any]:
    """What draft.json keeps of a paragraph: the text, the model's own text and raw reply,
    who wrote how much, the candidates' scores, the repairs and what is still wrong."""
    best = ranked[0]
    return {
        "position": position,
        "purpose": plan.purpose,
        "budget": plan.budget,
        "text": fixed.text,
        "model_text": pool.texts[best.index],
        "model_raw": pool.raws[best.index],
        "model_han": fixed.model_han,
        "program_han": fixed.program_han + han_count(lead),
        "marks": fixed.marks,
        "candidates": len(pool.texts),
        "chosen": best.index + 1,
        "rewrites": attempt,
        "scores": [round(v.card.score, 3) for v in sorted(ranked, key=lambda v: v.index)],
        "failed_checks": list(best.failed),
        "repairs": fixed.repairs,
        "problems_left": fixed.problems_left,
        "calls": pool.calls,
    }


def section_meta(
    section: OutlineSection, records: list[dict[str, Any]], hits: list[Any], instruction: str
) -> dict[str, Any]:
    """A section version's record: its paragraphs and the sums the eval reads."""
    meta: dict[str, Any] = {
        "source": "model",
        "exemplars": [h.speech_id for h in hits],
        "paragraphs": records,
        "model_han": sum(r["model_han"] for r in records),
        "program_han": sum(r["program_han"] for r in records) + han_count(section.tail),
        "marks": sum(r["marks"] for r in records),
        "repaired_paragraphs": sum(1 for r in records if r["repairs"]),
        "problems_left": [p for r in records for p in r["problems_left"]],
    }
    if instruction:
        meta["instruction"] = instruction
    return meta


def _leave_out_marks(section: OutlineSection, records: list[dict[str, Any]]) -> None:
    """A planned paragraph the model wrote nothing usable for, in a section whose other
    paragraphs it did write, is left out rather than left a 【待补】 mark (南川 2023,
    seventeenth full run: every candidate of 要求之四第1段 copied point 一's headline, and
    the mark stood between the headline and the point's other paragraphs); the section, now
    short, may get another paragraph of another angle. The record keeps what the model
    answered and says the paragraph was left out. Not where the section's lead waits for
    the paragraph to finish its sentence (…，主要是)."""
    written = [r for r in records if r["model_han"] >= SAID_SOMETHING]
    for k, r in enumerate(records):
        if not r["text"].startswith("【待补") or not written:
            continue
        if k == 0 and section.lead.endswith(("，", "是", "：")):
            continue
        r.update(text="", program_han=0, marks=0)
        r["repairs"] = [*r["repairs"], "模型没有写出这一段，本节其余段落已写出，略去这一段"]


def joined(records: list[dict[str, Any]]) -> list[str]:
    """The paragraphs' texts, each marked `joins_previous` added to the end of the last
    paragraph before it that ends a sentence (not to a mark, nor after a clause left open);
    with none such, it stands as it is."""
    out: list[str] = []
    for r in records:
        text = r["text"]
        last = next((i for i in range(len(out) - 1, -1, -1) if out[i]), None)
        if (
            r.get("joins_previous")
            and last is not None
            and not out[last].startswith("【")
            and out[last].endswith(("。", "！", "？"))
        ):
            out[last] += text
            text = ""
        out.append(text)
    return out


def compose(section: OutlineSection, paragraphs: list[str]) -> str:
    """The section's text: its lead (headline, session sentence) joined to the first
    paragraph, the tail to the last (the call's formula a paragraph of its own), one
    paragraph a line."""
    paras = [p for p in paragraphs if p.strip()]
    if section.lead:
        first = paras[0] if paras else ""
        if not first and section.lead.endswith(("，", "是", "：")):
            first = f"【待补：{section.title}的内容】。"
        paras = [section.lead + first, *paras[1:]]
    if section.tail and paras and section.role != "call":
        paras[-1] += section.tail
    elif section.tail:
        # the call's formula a paragraph of its own, as speeches end (…。\n让我们…奋斗！): run
        # on after the lead-up, the call began mid-paragraph and the parse found none
        paras.append(section.tail)
    return "\n".join(paras)


# -- the whole draft -----------------------------------------------------------------


def default_out_dir(brief: Brief) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    slug = re.sub(r"[^\w]+", "-", brief.locality or "draft").strip("-")
    return Path("drafts") / f"{stamp}-{slug}-{brief.occasion}"


def brief_hash(brief: Brief) -> str:
    return hashlib.sha256(
        json.dumps(brief.to_dict(), ensure_ascii=False, sort_keys=True).encode()
    ).hexdigest()[:16]


def provenance_for(llm: Any) -> dict[str, Any]:
    endpoint = getattr(llm, "endpoint", None)
    return {
        "model": getattr(endpoint, "model", None),
        "provider": getattr(endpoint, "provider", None),
        "endpoint_host": getattr(endpoint, "host", None),
        "prompts": {name: prompt_files.load_prompt(name).ref for name in ("paragraph", "outline")},
        "controls": {
            **write.CONTROLS,
            "grammar": write.GRAMMAR,
            "list_grammar": write.LIST_GRAMMAR,
            "framed": write.FRAMED,
            "lead_before_list": write.LEAD_BEFORE_LIST,
        },
    }


def propose_headlines(brief: Brief, llm: Any) -> list[str]:
    """Requirement headlines for a brief that names fewer than three: the model proposes
    them from the themes; each is checked for form; a theme that gets no usable proposal
    becomes a plain headline of its own words rather than a blank."""
    missing = 3 - len(brief.requirements)
    # a theme a requirement already carries is that point's (沅桥市 2014, untuned read: the
    # model's 坚持全面深化改革，推动新型城镇化建设… took up point 一's 要全面深化改革 again)
    themes = [t for t in brief.themes if not _carried(t, brief.requirements)]
    if missing <= 0 or not themes:
        return []
    prompt = prompt_files.load_prompt("outline")
    date_text = f"{brief.year}年" if brief.year else "（未给出）"
    messages = prompt.render(
        occasion_label=brief.occasion_label,
        locality=brief.locality or "（未给出）",
        date_text=date_text,
        themes="\n".join(f"- {t}" for t in themes),
        count=missing,
    )
    result = llm.chat(messages, temperature=0.3, max_tokens=60 * missing + 40)
    heads: list[str] = []
    # a proposal that renames a theme's term (打造现代商业环境 for 营商环境: 凤岗区 2020,
    # untuned read) is not taken: the theme's own words stand in its place
    terms = theme_terms(themes)
    for line in result.text.splitlines():
        head = _headline_form(line)
        if head and not overlaps([*brief.requirements, *heads], head):
            if not renamed_terms(head, terms):
                heads.append(head)
    for theme in themes:
        if len(heads) >= missing:
            break
        core = _balanced_quotes(theme.replace('"', "")).rstrip("。")
        # a proposal on a theme in its own words covers it (云岭县 2017, this session's
        # untuned read: 坚持精准扶贫，精准脱贫 shares a third of 脱贫攻坚's bigrams, the theme got
        # 聚焦脱贫攻坚 as well, two points on poverty, and 生态文明建设 none)
        if not any(about_theme(core, h) for h in heads):
            fallback = theme_headline(core)
            if not overlaps([*brief.requirements, *heads], fallback):
                heads.append(fallback)
    return heads[:missing]


def _carried(theme: str, requirements: Sequence[str]) -> bool:
    """Whether one of the requirements is already about the theme: the theme inside what its
    first clause is about (…，为高质量发展提供坚强保障 mentions 高质量发展; it is not about it)."""
    core = headline_core(theme)
    firsts = [headline_core(r) for r in requirements]
    return len(core) >= 3 and any(core in f or overlap(core, f) >= 0.8 for f in firsts)


# A theme that opens on a verb is a requirement as it stands (贯彻…, 依法做好…, 确保…).
_VERB_LED = re.compile(f"^(?:{THEME_VERBS})")


def theme_headline(theme: str) -> str:
    """A headline of the theme's own words where the model proposed none: the theme as it
    stands when it opens on a verb, else 聚焦 it. No tail of the program's: one formula
    closing every such headline (…，推动各项工作落地见效 in 石桥 2016 and 丰源 2025 of the
    tenth full run) was a refrain the model then copied into the opening and situation."""
    return theme if _VERB_LED.match(theme) else f"聚焦{theme}"


def _balanced_quotes(line: str) -> str:
    """The line without quotes around the whole of it, and without quote marks that do not
    pair; a quoted name inside (“千万工程”) stays."""
    if line.startswith("“") and line.endswith("”") and line.count("“") == 1:
        line = line[1:-1]
    if line.count("“") != line.count("”"):
        line = line.replace("“", "").replace("”", "")
    return line


def _headline_form(line: str) -> str:
    """A proposed headline as a sentence of 8–32 字 with no figures, or ''."""
    line = re.sub(r"^[\s\d一二三四五六七八九十、.．)）(（是要第-]*", "", line).strip()
    line = _balanced_quotes(re.sub(r"[*#\"]", "", line).rstrip("。；;，,")).rstrip("。；;，,")
    if not 8 <= han_count(line) <= 32 or re.search(r"\d|：|:", line):
        return ""
    return line


def _new_doc(out_dir: Path, brief: Brief, outline: Outline) -> DraftDoc:
    return DraftDoc(
        dir=out_dir,
        brief=brief.to_dict(),
        outline=outline.to_dict(),
        sections=[
            SectionRecord(id=s.id, role=s.role, title=s.title, ordinal=s.ordinal, heading=s.heading)
            for s in outline.sections
        ],
    )


def draft_speech(
    brief: Brief,
    *,
    llm: Any,
    out_dir: Path | None = None,
    outline: Outline | None = None,
    on_event: EventSink | None = None,
    retrieve: Callable[..., list] | None = None,
    corpus: list | None = None,
    budget_factor: float | None = None,
    max_repairs: int | None = None,
    candidates: int = DEFAULT_CANDIDATES,
    exclude_speech_ids: tuple[str, ...] = (),
    sample: int = 1,
    strategy: str = "free",
) -> Draft:
    """Draft (or resume drafting) a speech; returns the saved draft. On resume the
    recorded outline and scale hold: `budget_factor` None means "as recorded"."""
    out_dir = Path(out_dir) if out_dir else default_out_dir(brief)
    bhash = brief_hash(brief)
    doc, outline = _open_doc(out_dir, brief, bhash, llm, outline, budget_factor)
    # A resumed draft keeps the record of who wrote its first sections; each section
    # version names its own model (see `model_tag`).
    for key, value in provenance_for(llm).items():
        doc.provenance.setdefault(key, value)
    doc.provenance.update(
        {"brief_hash": bhash, "candidates": candidates, "sample": sample, "strategy": strategy}
    )
    doc.provenance.setdefault("started", now())
    doc.save()

    drafter = Drafter(
        brief, llm, retrieve=retrieve, corpus=corpus, on_event=on_event,
        max_repairs=max_repairs, candidates=candidates,
        exclude_speech_ids=exclude_speech_ids, sample=sample, strategy=strategy,
    )  # fmt: skip
    drafter.emit("outline", total=len(outline.sections), text=outline.plan_text())
    for i, record in enumerate(doc.sections):
        if record.current:  # written before an interruption
            drafter.written.append(record.text)
            continue

        def save_pending(records: list[dict[str, Any]], record: SectionRecord = record) -> None:
            record.pending = list(records)
            doc.save()

        text, meta = drafter.section(outline, i, done=record.pending, on_paragraph=save_pending)
        record.add_version(text, model=model_tag(llm), **meta)
        drafter.written.append(text)
        doc.provenance["authorship"] = doc.authorship()
        doc.save()
    if doc.status != "complete":
        doc.status = "complete"
        doc.record_history("初稿")
    doc.provenance["finished"] = now()
    doc.provenance["usage"] = usage_totals(doc)
    doc.provenance["authorship"] = doc.authorship()
    doc.save()
    drafter.emit("done", total=len(doc.sections))
    return Draft(doc)


def _open_doc(
    out_dir: Path,
    brief: Brief,
    bhash: str,
    llm: Any,
    outline: Outline | None,
    budget_factor: float | None,
) -> tuple[DraftDoc, Outline]:
    """The draft to write into: the one in `out_dir` to resume (same brief, same plan), or
    a new one on `outline` (proposed from the brief when None), scaled by `budget_factor`."""
    if (out_dir / "draft.json").is_file():
        doc = DraftDoc.load(out_dir)
        if doc.provenance.get("brief_hash") != bhash:
            raise InputError(
                f"{out_dir} 里已有另一份简报的草稿；换一个 --out 目录，或删除该目录后重试"
            )
        _refuse_changed_plan(doc, out_dir, outline, budget_factor)
        return doc, Outline.from_dict(doc.outline)
    if outline is None:
        outline = build_outline(brief, extra_headlines=propose_headlines(brief, llm))
    budget_factor = 1.0 if budget_factor is None else budget_factor
    if budget_factor != 1.0:
        outline = with_budgets_scaled(outline, budget_factor)
    doc = _new_doc(out_dir, brief, outline)
    doc.provenance["scale"] = budget_factor
    return doc, outline


def model_tag(llm: Any) -> str:
    """provider:model of the endpoint that wrote a section version."""
    endpoint = getattr(llm, "endpoint", None)
    return f"{getattr(endpoint, 'provider', '?')}:{getattr(endpoint, 'model', '?')}"


def _refuse_changed_plan(
    doc: DraftDoc, out_dir: Path, outline: Outline | None, budget_factor: float | None
) -> None:
    """Resuming goes on with the recorded plan; a new --outline or --scale would silently
    not apply (or mix two plans in one speech), so it is refused with what to do instead."""
    started = sum(1 for s in doc.sections if s.current or s.pending)
    if outline is not None and outline.to_dict() != doc.outline:
        raise InputError(
            f"{out_dir} 是按原提纲写到一半的草稿（已写 {started} 节），续写不能换用新的 --outline；"
            "要用新提纲请换一个 --out 目录重新起草，续写原稿请去掉 --outline"
        )
    recorded = doc.provenance.get("scale")
    if None not in (recorded, budget_factor) and abs(float(recorded) - budget_factor) > 1e-9:
        raise InputError(
            f"{out_dir} 的草稿按 --scale {recorded:g} 起草，续写不能改为 {budget_factor:g}；"
            f"续写请用 --scale {recorded:g}（或不写），要换篇幅请换一个 --out 目录重新起草"
        )


def usage_totals(doc: DraftDoc) -> dict[str, Any]:
    prompt = completion = 0
    seconds = 0.0
    for s in doc.sections:
        for v in s.versions:
            for p in v.get("paragraphs", []):
                for c in p.get("calls", []):
                    prompt += c["prompt_tokens"]
                    completion += c["completion_tokens"]
                    seconds += c["seconds"]
    return {
        "prompt_tokens": prompt,
        "completion_tokens": completion,
        "model_seconds": round(seconds, 2),
    }


def regenerate_section(
    draft_dir: Path,
    key: str,
    *,
    llm: Any,
    instruction: str | None = None,
    paragraph: int | None = None,
    on_event: EventSink | None = None,
    retrieve: Callable[..., list] | None = None,
    corpus: list | None = None,
    candidates: int = DEFAULT_CANDIDATES,
) -> tuple[DraftDoc, SectionRecord]:
    """Rewrite one section (or one paragraph of it) on the same plan; every other
    section's text is left exactly as it was."""
    doc = DraftDoc.load(draft_dir)
    record = doc.find(key)
    brief = brief_from_dict(doc.brief)
    outline = Outline.from_dict(doc.outline)
    index = doc.sections.index(record)
    section = outline.sections[index]
    if section.fixed:
        raise InputError(
            f"第 {record.id} 节（{record.title}）是按简报生成的固定文字，不由模型写；"
            "请改简报后重新起草，或直接编辑 draft.md"
        )
    done: list[dict[str, Any]] = []
    if paragraph is not None:
        if not record.current:
            raise InputError(f"第 {record.id} 节还没有写完，不能只重写其中一段")
        done = list(record.version(record.current).get("paragraphs", []))
        if not 1 <= paragraph <= len(done):
            raise InputError(f"第 {record.id} 节共 {len(done)} 段，没有第 {paragraph} 段")
        # The plan may have grown by extra paragraphs: give it the written count.
        extra = [
            ParagraphPlan(purpose=str(r.get("purpose") or ""), budget=int(r.get("budget") or 120))
            for r in done[len(section.paragraphs) :]
        ]
        section = replace(section, paragraphs=(*section.paragraphs, *extra))
        outline = Outline(
            occasion=outline.occasion,
            sections=tuple(section if j == index else s for j, s in enumerate(outline.sections)),
        )
    # Each regen draws a fresh sample (its own seeds and cache key), never a replay.
    drafter = Drafter(brief, llm, retrieve=retrieve, corpus=corpus, on_event=on_event,
                      candidates=candidates, sample=len(record.versions) + 1,
                      strategy=doc.provenance.get("strategy", "free"))  # fmt: skip
    drafter.written = [s.text for s in doc.sections if s is not record and s.current]
    text, meta = drafter.section(
        outline, index, done=done, only=paragraph, instruction=instruction or ""
    )
    if paragraph is not None:
        meta["paragraph"] = paragraph
    record.add_version(text, model=model_tag(llm), **meta)
    doc.provenance.update(provenance_for(llm))
    what = f"重写 {record.id}" + (f" 第{paragraph}段" if paragraph else "")
    doc.record_history(what + (f"：{instruction}" if instruction else ""))
    doc.provenance["usage"] = usage_totals(doc)
    doc.provenance["authorship"] = doc.authorship()
    doc.save()
    return doc, record


def _default_retrieve(query: str, **kw: Any) -> list:
    from assistant.retrieval import retrieve

    return retrieve(query, **kw)


def _load_corpus() -> tuple[Any, ...]:
    """The corpus the leak and copy checks read. Drafting without it would silently drop
    those guards, so a corpus that cannot be loaded is an error, not a degraded draft."""
    from assistant.corpus import load_corpus

    try:
        speeches = tuple(load_corpus())
    except (OSError, ValueError) as exc:
        raise InputError(f"语料库无法加载（{exc}），串稿和照抄检查无法进行；请先修复语料") from exc
    if not speeches:
        from assistant import paths

        raise InputError(
            f"语料库是空的（{paths.bundled_corpus_dir()} 与 {paths.user_corpus_dir()} 中都没有讲话稿），"
            "串稿和照抄检查无法进行；请检查安装是否完整，或用 assistant corpus add 添加讲话稿"
        )
    return speeches


def ensure_store_ready(progress: Callable[[str], None] | None = None) -> None:
    """Ingest the corpus when the store is empty, so a first draft works out of the box."""
    from assistant.retrieval import default_store

    store = default_store()
    if store.count() == 0:
        if progress:
            progress("语料库尚未建立索引，正在建立索引（只需一次）……")
        store.ingest()


__all__ = [
    "DEFAULT_CANDIDATES",
    "Draft",
    "DraftEvent",
    "Drafter",
    "ParagraphPlan",
    "compose",
    "default_out_dir",
    "draft_speech",
    "ensure_store_ready",
    "regenerate_section",
    "replace",
]
