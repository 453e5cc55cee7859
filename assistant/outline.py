"""The outline: which sections a speech has, what each must say, and its length budget.

The skeleton comes from the occasion's typical structure (DOMAIN.md's anatomy);
budgets follow the share each role takes in the corpus speeches of the same
occasion; key points come from the brief. Fixed elements the program can fill
from the brief (salutation, the "meeting done" sentence, the "我代表…" line,
the ordinal and headline of each requirement) are set here as `lead` text so
the model never improvises them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from assistant import plan
from assistant.brief import Brief
from assistant.errors import InputError
from assistant.paragraphs import overlaps
from assistant.plan import (
    ALL_MOVES,
    DEFAULT_CREDIT,
    ParagraphPlan,
    congress_moves,
    extra_paragraph,
    level_terms,
    merge_purposes,
    party_centre,
    plan_section,
    split_budget,
)
from assistant.text import (
    bigrams,
    chinese_count,
    chinese_number,
    han_count,
    place_stem,
    place_unit,
)

ROLE_LABELS = {
    "salutation": "称谓",
    "opening": "开场与会议评价",
    "thanks": "祝贺与致谢",
    "review": "回顾成绩",
    "situation": "形势与定位",
    "requirements": "要求",
    "congress_work": "对人大工作的要求",
    "call": "号召",
    "closing": "结束语",
    "other": "其他",
}

# Roles in speaking order for each occasion; a trailing "?" marks an optional role
# that appears only when the brief has material for it.
TEMPLATES = {
    "closing_session": [
        "salutation",
        "opening",
        "thanks",
        "review",
        "situation?",
        "requirements",
        "congress_work",
        "call",
        "closing",
    ],
    "experience_exchange": [
        "salutation",
        "opening",
        "review?",
        "situation?",
        "requirements",
        "call",
    ],
    "symposium": ["salutation", "opening", "review?", "situation?", "requirements", "call"],
    "presidium_meeting": ["salutation", "opening", "review?", "situation?", "requirements", "call"],
}

# Share of the speech's 汉字 per role, measured on the corpus (see exemplar_shares);
# used when the corpus is unavailable.
DEFAULT_SHARES = {
    "opening": 0.08,
    "thanks": 0.03,
    "review": 0.14,
    "situation": 0.06,
    "requirements": 0.55,
    "congress_work": 0.08,
    "call": 0.05,
}

PURPOSES = {
    "opening": "评价这次会议：代表们如何依法履职、建言献策，会议开得怎样，用排比概括“这是一次……的大会”，并说明会议的意义",
    "thanks": "代表党委向大会表示祝贺，向代表和工作人员表示感谢",
    "review": "回顾过去一年的成绩，只用简报中的数字",
    "situation": "说明当前形势和今年的定位",
    "requirements": "只围绕本要点的标题句展开论述、提出具体要求；写成一段，不分条目，不写其他要点",
    # Which organs accept the congress's supervision depends on its level: the paragraph
    # plans name them (assistant.plan.level_terms).
    "congress_work": "党委支持人大依法履职；人大监督的机关自觉接受监督；人大代表依法履职、密切联系群众",
    "call": "号召全{place}干部群众团结奋斗，以“而努力奋斗！”结尾",
    "closing": "结束语",
}
MEETING_PURPOSE = "接着“主要是”往下写：这次会议的目的和意义"


EXTRA_MIN = 60  # 汉字 of a paragraph added for length: two or three sentences at least


@dataclass(frozen=True)
class OutlineSection:
    id: str
    role: str
    title: str
    purpose: str
    key_points: tuple[str, ...] = ()
    budget: int = 0  # 汉字
    ordinal: int | None = None
    heading: str = ""
    lead: str = ""  # fixed text the section starts with
    fixed: bool = False  # True: the lead is the whole section, no model call
    tail: str = ""  # fixed text the section ends with
    # Brief facts this section must carry; what the model leaves out is added verbatim.
    must_include: tuple[str, ...] = ()
    # The section's paragraphs: what each is for, its budget, the facts it carries.
    paragraphs: tuple[ParagraphPlan, ...] = ()

    @property
    def planned_han(self) -> int:
        """汉字 the section is planned at: the model's budget and the program's own lead
        (headline, session sentence) and tail (the call's formula)."""
        return self.budget + han_count(self.lead) + han_count(self.tail)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["key_points"] = list(self.key_points)
        data["must_include"] = list(self.must_include)
        data["paragraphs"] = [p.to_dict() for p in self.paragraphs]
        return data

    def with_paragraph(
        self,
        values: dict[str, str] | None = None,
        role: str | None = None,
        written: int | None = None,
    ) -> OutlineSection:
        """The section with one more paragraph planned (it came out short), on an angle
        its plan has not taken yet; `values` fill the purpose (see plan_values), `role`
        is the one that planned it (see plan_role; default the section's own). Its budget
        is what the section still lacks when the 汉字 `written` so far are known: a full
        paragraph's after an opening of 97 字 of 190 put 白沙 2026's at 144%."""
        budget = max(100, min(200, self.budget // max(1, len(self.paragraphs))))
        if written is not None:
            budget = max(EXTRA_MIN, min(budget, self.budget - written))
        values = {**(values or {}), "headline": (self.heading or "").rstrip("。")}
        if self.ordinal:
            values["turn"] = str(self.ordinal)
        used = tuple(p.purpose for p in self.paragraphs)
        more = extra_paragraph(budget, role or self.role, used, values)
        return replace(self, paragraphs=(*self.paragraphs, more))


@dataclass(frozen=True)
class Outline:
    occasion: str
    sections: tuple[OutlineSection, ...] = field(default_factory=tuple)

    @property
    def budget(self) -> int:
        return sum(s.budget for s in self.sections)

    @property
    def program_han(self) -> int:
        """汉字 the program writes itself: salutation, session sentence, thanks, headlines,
        the opening's tail, the closing."""
        return sum(han_count(s.lead) + han_count(s.tail) for s in self.sections)

    def summary(self) -> str:
        """One line per section, for prompts and the terminal."""
        lines = []
        for i, s in enumerate(self.sections, 1):
            head = f"：{s.heading}" if s.heading else ""
            lines.append(f"{i}. {s.title}{head}（约{s.budget}字）")
        return "\n".join(lines)

    def plan_text(self) -> str:
        """The outline with each section's paragraph plan, for --outline-only."""
        lines = []
        for i, s in enumerate(self.sections, 1):
            head = f"：{s.heading}" if s.heading else ""
            kind = "（固定文字）" if s.fixed else f"（约{s.budget}字，{len(s.paragraphs)}段）"
            lines.append(f"{i}. {s.title}{head}{kind}")
            for k, p in enumerate(s.paragraphs, 1):
                facts = f"；写入：{'；'.join(p.facts)}" if p.facts else ""
                themes = f"；重点：{'、'.join(p.themes)}" if p.themes else ""
                lead = f"以“{p.lead}”开头，" if p.lead else ""
                lines.append(f"   {k}) {lead}{p.purpose}（约{p.budget}字{facts}{themes}）")
            if s.tail:
                lines.append(f"   以“{s.tail}”结尾（固定文字）")
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"occasion": self.occasion, "sections": [s.to_dict() for s in self.sections]}

    @classmethod
    def from_dict(cls, data: dict) -> Outline:
        try:
            sections = tuple(
                OutlineSection(
                    **{
                        **s,
                        "key_points": tuple(s.get("key_points") or ()),
                        "must_include": tuple(s.get("must_include") or ()),
                        "paragraphs": tuple(
                            ParagraphPlan.from_dict(p) for p in s.get("paragraphs") or ()
                        ),
                    }
                )
                for s in data["sections"]
            )
            return cls(occasion=data["occasion"], sections=sections)
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(
                f"提纲格式有误：{exc}（可先用 --outline-only 生成提纲再修改）"
            ) from exc


def todo(what: str) -> str:
    return f"【待补：{what}】"


def _salutation(brief: Brief) -> str:
    return "各位代表、同志们：" if brief.occasion == "closing_session" else "同志们："


MEETING_NAMES = {
    "symposium": "座谈会",
    "experience_exchange": "经验交流会",
    "presidium_meeting": "主席团工作会议",
}


def meeting_name(brief: Brief) -> str:
    """The meeting as its title names it (在枫林街道纪念全国人民代表大会成立70周年暨辖区人大
    代表座谈会上的讲话 → 纪念…座谈会), else its kind: what the opening says it is for."""
    m = re.fullmatch(r"在(.{4,60}?)上的(?:讲话|致辞|发言)", (brief.title or "").strip())
    if m:
        return m.group(1)
    return MEETING_NAMES.get(brief.occasion, "会议")


def _opening_lead(brief: Brief) -> str:
    if brief.occasion != "closing_session":
        # The genre opens by stating the meeting's purpose; the model says what it is. A
        # congress speaker's organ calls it (县人大常委会召开这次座谈会): left to the model,
        # 石桥 2016 (seventeenth run) had the 县人大主席团 calling it, which a county's presidium
        # does not do between sessions. A Party secretary's committee need not be the one
        # calling it (the exchange meeting of the corpus: 市委书记, 市人大常委会决定召开).
        organ = (brief.speaker.organ or "").strip()
        caller = organ if re.search("人大|主席团", organ) else ""
        return f"{caller}召开这次{MEETING_NAMES[brief.occasion]}，主要是"
    name = brief.session_name or todo("会议全称，如××镇第×届人民代表大会第×次会议")
    text = f"{name}，在全体代表和与会同志的共同努力下，圆满完成了各项议程，即将胜利闭幕。"
    # What the session did is fact, so the program states it; the model only evaluates.
    done = []
    if brief.reports:
        done.append("审议通过了" + "、".join(report_titles(brief)))
    if brief.elections:
        done.append(_elections_said(brief.elections))
    if done:
        text += "会议" + "，".join(done) + "。"
    return text


def report_titles(brief: Brief) -> tuple[str, ...]:
    """The session's reports as the session sentence names them, each in 《》 once."""
    return tuple(f"《{r.strip('《》')}》" for r in brief.reports)


_ELECTION_VERBS = ("选举产生了", "选举产生", "补选了", "补选", "选举了", "选举", "决定任命")


def _elections_said(elections: tuple[str, ...]) -> str:
    """The session's elections in one clause, their shared verb said once (沙河 2016:
    选举产生了区第十七届人大常委会主任…、选举产生了区人民政府区长… → 选举产生了…，区人民政府
    区长…); items that name several people are parted by ， not 、."""
    items = [e.strip().rstrip("。；，") for e in elections]
    # each item's own verb, the longest it starts with: merged only when all are the same
    # (选举产生B and 选举产生了A share no verb to say once)
    verbs = {next((v for v in _ELECTION_VERBS if e.startswith(v)), "") for e in items}
    verb = verbs.pop() if len(verbs) == 1 else ""
    if verb and len(items) > 1:
        items = [items[0], *(e[len(verb) :] for e in items[1:])]
    said = ("，" if any("、" in e for e in items) else "、").join(items)
    # posts named with no verb at all (柏岭县 2016, the twentieth session's untuned read:
    # 县第十七届人大常委会主任、副主任、委员 read as a list of the reports) are the elected
    return said if verbs or verb else "选举产生了" + said


def is_first_session(brief: Brief) -> bool:
    """The first session of a new 届 (换届): it reviews five years, not one."""
    return brief.occasion == "closing_session" and brief.session.meeting == 1


def _thanks_text(brief: Brief) -> str:
    organ = brief.speaker.organ or todo("代表的党委，如镇党委")
    # Worded so that it shares no long run with any corpus speech (the copy check
    # would rightly flag a formula pasted from one). A speaker for the congress (its 主席团,
    # its 常委会) thanks; he does not congratulate the congress on its own success.
    cheer = "" if _own_congress(brief) else "对大会的圆满成功表示热烈祝贺！"
    if is_first_session(brief):
        return (
            f"在此，我代表{organ}，{cheer}向新当选的同志表示诚挚祝贺，"
            "向不再担任领导职务的老同志致以崇高敬意，向各位代表和全体会务工作人员致以衷心感谢！"
        )
    # a yearly session that elected (补选) someone congratulates them too (丰源 2025, twentieth
    # run: 选举林志远为县长, and the new 县长 not congratulated anywhere)
    elected = "向新当选的同志表示诚挚祝贺，" if brief.elections else ""
    return (
        f"在此，我代表{organ}，{cheer}{elected}"
        "向各位代表、列席会议的同志和全体会务工作人员致以衷心感谢！"
    )


def plan_values(brief: Brief, headlines: list[str]) -> dict[str, str]:
    """Words the paragraph purposes are filled with, from the brief and its level."""
    loc = brief.locality or ""
    stem = place_stem(loc)
    place = place_unit(loc) or "地"
    terms = level_terms(brief.level, brief.speaker.organ, brief.locality)
    # Supervisory commissions exist since the 监察法 took effect on 2018-03-20.
    if brief.date and brief.date < dt.date(2018, 3, 20) and terms["supervised"] == "“一府一委两院”":
        terms["supervised"] = "“一府两院”"
    # The meeting's theme, not the list of points (a model given the headlines pastes them).
    topics = f"，围绕{'、'.join(brief.themes[:2])}" if brief.themes else ""
    return {
        "place": place,
        "stem": stem,
        "years": "过去五年" if is_first_session(brief) else "过去一年",
        "hearts": "各位代表" if brief.occasion == "closing_session" else "在座各位",
        "actors": _actors(brief),
        "credit": _credit(brief, terms["party"]),
        "centre": party_centre(brief.date),
        "aim": plan.CALL_AIMS[_call_aim(brief)].format(stem=stem or "本地"),
        "topics": topics,
        "meeting": meeting_name(brief),
        **terms,
        **_own_congress(brief),
    }


# The speaker's organ as the congress's own: 人大 or 主席团 in it, no Party committee.
_CONGRESS_ORGAN = re.compile(r"人大|主席团|人民代表大会")
_PARTY_ORGAN = re.compile(r"党委|党工委|党组|[省市州县区旗]委(?!员)")


def _own_congress(brief: Brief) -> dict[str, str]:
    """For a speaker who speaks for the congress (镇人大主席团, 县人大常委会), the body that
    takes up the Party's line as its own duty and the committee it works under
    (plan.CONGRESS_OWN_LEAD); nothing for a Party secretary."""
    who = brief.speaker.organ or brief.speaker.role or ""
    if not _CONGRESS_ORGAN.search(who) or _PARTY_ORGAN.search(who):
        return {}
    level = brief.level or ""
    if level in ("镇", "乡"):
        return {"own_congress": f"{level}人大主席团", "own_party": f"{level}党委"}
    if level == "街道":
        return {"own_congress": "街道人大工委", "own_party": "街道党工委"}
    unit = level or place_unit(brief.locality or "") or "本级"
    return {"own_congress": f"{unit}人大常委会", "own_party": f"{unit}委"}


# Whom a closing speech's duties fall on, by level: a 乡镇 has no 各级 of its own (云溪乡 2013,
# seventeenth run: 各级各部门 five times in a 乡党委书记's speech).
_ACTORS = {
    "镇": "各村（社区）、各站所和广大干部",
    "乡": "各村、各站所和广大干部",
    "街道": "各社区、各科室和广大干部",
}


def _actors(brief: Brief) -> str:
    """Whom a point's duties fall on: the whole locality at a session the Party secretary
    closes; the people in the room at a symposium or an exchange (a 人大主席 symposium was
    told what 各级各部门和干部 must do)."""
    if brief.occasion != "closing_session":
        return "在座各位同志"
    return _ACTORS.get(brief.level or "", "各级各部门和广大干部")


def _credit(brief: Brief, party: str) -> str:
    """Whose leadership the year's results are owed to: a Party secretary names the Party
    committees above his; a congress's speaker the Party committee of his own level (宁川
    2015, seventeenth run: a 市人大常委会主任 credited 上级党委的正确领导, where the 市委 leads).
    `party`: level_terms' Party organ of the level (镇党委, 街道党工委), which above a 乡镇
    names 各级党组织, so there the committee is the level's own (县委, 市委)."""
    who = (brief.speaker.role or "") + (brief.speaker.organ or "")
    if not re.search("人大|主席团", who) or not brief.level:
        return DEFAULT_CREDIT
    own = party if brief.level in ("镇", "乡", "街道") else brief.level + "委"
    return f"{own}的坚强领导"


def _call_aim(brief: Brief) -> str:
    """Which of plan.CALL_AIMS the call strives for."""
    if brief.occasion != "closing_session":
        return "meeting"
    return "term" if is_first_session(brief) else "year"


def call_formula(brief: Brief) -> str:
    """The call's closing formula with the brief's own place and the Party centre of its
    date: the call's tail (plan.CALL_TAIL), or without it the call the program writes when
    every candidate pasted another speech's call or said nothing usable."""
    return plan.call_formula(plan_values(brief, []))


def _point_headline(text: str) -> str:
    text = text.strip().rstrip("。；;，,")
    return text + "。"


def requirement_headlines(brief: Brief, extra: list[str] | None = None) -> list[str]:
    """Headlines for the enumerated points: the brief's requirements, then proposed ones."""
    heads = [_point_headline(r) for r in brief.requirements]
    for h in extra or []:
        if len(heads) >= 3:
            break
        heads.append(_point_headline(h))
    if not brief.requirements and not extra and not brief.themes:
        # Nothing to propose from: say so rather than invent the speech's points.
        while len(heads) < 3:
            heads.append(todo(f"第{chinese_number(len(heads) + 1)}点要求的标题句"))
    for h in GENERIC_HEADLINES.get(brief.occasion, GENERIC_HEADLINES["closing_session"]):
        if len(heads) >= 3:
            break
        # not one the points already make (要坚持和完善人民代表大会制度… given, the genre's
        # 坚持和完善人民代表大会制度… would say it again)
        if not overlaps(heads, h):
            heads.append(_point_headline(h))
    return heads[:6]


# Last-resort headlines for a brief with too few requirements and themes: the genre's
# standing points, which carry no fact of their own.
GENERIC_HEADLINES = {
    "closing_session": (
        "锤炼过硬作风，确保大会确定的各项目标任务落到实处",
        "坚持和完善人民代表大会制度，充分发挥人大职能作用",
    ),
    "symposium": (
        "加强自身建设，不断提高依法履职的能力和水平",
        "锤炼过硬作风，推动各项工作落地见效",
    ),
}


def exemplar_shares(occasion: str) -> dict[str, float]:
    """Average share of 汉字 per role in the corpus speeches of this occasion that have the
    role. A speech without a section contributes no zero to its share: averaged over all
    five closing speeches, the congress-work part came to 5% (150 of 2,800 字, three moves of
    50 字 each, which the 1.5B wrote at 95–169 字), where the three speeches that have one
    give it 198–269 字, about 8%. The outline normalises the shares of the roles it has."""
    try:
        from assistant.corpus import load_corpus
        from assistant.structure import han_count, parse_speech
    except ImportError:
        return dict(DEFAULT_SHARES)
    totals: dict[str, float] = {}
    having: dict[str, int] = {}
    for speech in load_corpus():
        if speech.occasion != occasion:
            continue
        parsed = parse_speech(speech.text, occasion)
        whole = sum(han_count(s.text) for s in parsed.sections) or 1
        shares: dict[str, float] = {}
        for s in parsed.sections:
            shares[s.role] = shares.get(s.role, 0.0) + han_count(s.text) / whole
        for role, value in shares.items():
            totals[role] = totals.get(role, 0.0) + value
            having[role] = having.get(role, 0) + 1
    if not totals:
        return dict(DEFAULT_SHARES)
    return {role: value / having[role] for role, value in totals.items()}


def build_outline(
    brief: Brief,
    *,
    shares: dict[str, float] | None = None,
    extra_headlines: list[str] | None = None,
) -> Outline:
    """The outline for a brief. Pure: no model calls (headline proposals come in as data).
    The occasion's roles, their budgets, the sections, then each section's paragraph plan."""
    shares = shares if shares is not None else exemplar_shares(brief.occasion)
    headlines = requirement_headlines(brief, extra_headlines)
    overrides = {o.role: o for o in brief.outline}
    roles = _roles(brief, headlines, overrides)
    # The program's own text (salutation, the session sentence, thanks, headlines, the
    # closing) is part of the length asked: measured from the sections themselves, not
    # guessed (a guess of 60 字 against 250–320 of them put every half-scale draft of the
    # ten new briefs 8–20% over before the model wrote a word too many).
    bare = _sections(brief, roles, headlines, lambda _role: 0, overrides)
    # the call's formula (its tail) is inside the call's share of the corpus speeches: the
    # call's budget is its share less the formula, not every section's
    program = Outline(occasion=brief.occasion, sections=tuple(bare)).program_han
    program -= sum(han_count(s.tail) for s in bare if s.role == "call")
    budget_for = _budgets(brief, roles, shares, overrides, program)
    sections = _sections(brief, roles, headlines, budget_for, overrides)
    values = plan_values(brief, headlines)
    congress = [s.heading for s in sections if plan_role(s, brief) == "congress_point"]
    planned = tuple(_with_plan(sec, brief, values, congress) for sec in sections)
    return Outline(occasion=brief.occasion, sections=planned)


def _roles(brief: Brief, headlines: list[str], overrides: dict[str, Any]) -> list[str]:
    """The occasion's sections, the optional ones only with material from the brief."""
    optional_material = {"situation": brief.situation, "review": brief.achievements}
    roles = []
    for entry in TEMPLATES[brief.occasion]:
        role = entry.rstrip("?")
        if entry.endswith("?") and not optional_material.get(role):
            continue
        roles.append(role)
    if "congress_work" not in overrides and any(CONGRESS_POINT.search(h) for h in headlines):
        # one of the points already is the requirement on the congress's work (支持和保证人大
        # 依法行使职权…): a separate section after it would say the same thing twice
        roles = [r for r in roles if r != "congress_work"]
    return roles


def _budgets(
    brief: Brief,
    roles: list[str],
    shares: dict[str, float],
    overrides: dict[str, Any],
    program: int = 60,
) -> Callable[[str], int]:
    """Each written section's budget in 汉字: the brief's length less the `program`'s own
    汉字, shared by the corpus's shares of the roles, a floor for a section's facts, the
    user's own figure first."""
    weights = {r: max(shares.get(r, DEFAULT_SHARES.get(r, 0.05)), 0.02) for r in roles}
    for fixed in ("salutation", "closing", "thanks"):  # fixed text, no budget
        weights.pop(fixed, None)
    total_w = sum(weights.values()) or 1.0

    floors = _fact_floors(brief)
    shares_of = {r: w / total_w for r, w in weights.items()}
    # A section must have room for the brief facts it carries (a short brief with a long
    # list of figures): floor those, and the other roles share what is left.
    floored = {r: f for r, f in floors.items() if r in shares_of and r not in overrides}
    free_share = sum(v for r, v in shares_of.items() if r not in floored)
    # never less than half the length for the model: a tiny length with a long list of
    # reports is still a speech, not the program's text alone
    room = max(brief.length // 2, brief.length - program)
    need = [r for r in floored if room * shares_of[r] < floored[r]]
    if need and free_share > 0:
        left = max(0.0, room - sum(floored[r] for r in need))
        others = sum(v for r, v in shares_of.items() if r not in need)
        for r in shares_of:
            shares_of[r] = (
                floored[r] / room if r in need else shares_of[r] * left / room / (others or 1.0)
            )

    def budget_for(role: str) -> int:
        if role in overrides and overrides[role].chars:
            return overrides[role].chars
        share = shares_of.get(role, 0.0)
        return max(40, int(round(room * share / 10.0)) * 10)

    return budget_for


@dataclass(frozen=True)
class _Making:
    """What every section of an outline is made from."""

    brief: Brief
    roles: list[str]
    headlines: list[str]
    budget_for: Callable[[str], int]
    extra_points: tuple[str, ...]  # the brief's own outline points for the role


def _sections(
    brief: Brief,
    roles: list[str],
    headlines: list[str],
    budget_for: Callable[[str], int],
    overrides: dict[str, Any],
) -> list[OutlineSection]:
    """The sections in order, each with its purpose, the brief's points it carries, its
    budget and the program's own text (lead, tail) where the genre fixes it."""
    sections: list[OutlineSection] = []
    for role in roles:
        extra = overrides[role].points if role in overrides else ()
        making = _Making(brief, roles, headlines, budget_for, tuple(extra))
        for kw in _ROLE_SECTIONS[role](making):
            ordinal = kw.get("ordinal")
            suffix = f"-{ordinal}" if ordinal else ""
            sections.append(
                OutlineSection(
                    id=f"s{len(sections) + 1:02d}-{role}{suffix}",
                    role=role,
                    title=kw.pop("title", ROLE_LABELS[role]),
                    **kw,
                )
            )
    return sections


def _fixed_section(purpose: str, lead: Callable[[Brief], str]) -> Callable[[_Making], list]:
    return lambda m: [dict(purpose=purpose, lead=lead(m.brief), fixed=True)]


def _opening_section(m: _Making) -> list[dict[str, Any]]:
    return [dict(**_opening(m.brief, m.headlines, m.extra_points), budget=m.budget_for("opening"))]


def _review_section(m: _Making) -> list[dict[str, Any]]:
    years = "过去五年" if is_first_session(m.brief) else "过去一年"
    points = m.brief.achievements or (todo(f"{years}的主要成绩和数字"),)
    return [
        dict(
            purpose=PURPOSES["review"].replace("过去一年", years),
            key_points=tuple(points) + m.extra_points,
            budget=m.budget_for("review"),
            must_include=tuple(m.brief.achievements),
        )
    ]


def _situation_section(m: _Making) -> list[dict[str, Any]]:
    return [
        dict(
            purpose=PURPOSES["situation"],
            key_points=tuple(m.brief.situation) + m.extra_points,
            budget=m.budget_for("situation"),
            must_include=tuple(m.brief.situation),
        )
    ]


def _requirement_sections(m: _Making) -> list[dict[str, Any]]:
    """One section a point, the budget shared, each theme given to one point."""
    per_point = max(60, int(m.budget_for("requirements") / len(m.headlines) / 10) * 10)
    assigned = assign_themes(
        m.brief.themes, m.headlines, m.brief, congress_section="congress_work" in m.roles
    )
    return [
        dict(
            title=f"要求之{chinese_number(i)}",
            ordinal=i,
            heading=head,
            purpose=PURPOSES["requirements"],
            key_points=tuple(assigned.get(i, ())) + m.extra_points,
            budget=per_point,
            lead=f"{chinese_number(i)}、{head}",
        )
        for i, head in enumerate(m.headlines, 1)
    ]


def _written_section(role: str) -> Callable[[_Making], list[dict[str, Any]]]:
    """The congress's work or the call: the model's prose, the call's formula as the
    program's tail (plan.CALL_TAIL): the call's share of the corpus speeches holds its
    formula, so the model's lead-up is the rest."""

    def make(m: _Making) -> list[dict[str, Any]]:
        tail = call_formula(m.brief) if role == "call" and plan.CALL_TAIL else ""
        return [
            dict(
                purpose=PURPOSES[role].format(place=m.brief.locality or "本地"),
                key_points=m.extra_points,
                budget=max(20, m.budget_for(role) - han_count(tail)),
                tail=tail,
            )
        ]

    return make


_ROLE_SECTIONS: dict[str, Callable[[_Making], list[dict[str, Any]]]] = {
    "salutation": _fixed_section("称谓", lambda b: _salutation(b)),
    "opening": _opening_section,
    "thanks": _fixed_section(PURPOSES["thanks"], lambda b: _thanks_text(b)),
    "review": _review_section,
    "situation": _situation_section,
    "requirements": _requirement_sections,
    "congress_work": _written_section("congress_work"),
    "call": _written_section("call"),
    "closing": _fixed_section("结束语", lambda b: "谢谢大家！"),
}


def assign_themes(
    themes: Sequence[str],
    headlines: Sequence[str],
    brief: Brief,
    *,
    congress_section: bool = False,
) -> dict[int, list[str]]:
    """Each theme to one point (1-based), so every theme is written once and no point is
    asked to cover them all: to the point whose headline shares most of its words, else
    to the point in its turn; the point on the congress's work only takes a theme its
    headline names (苍岭 2020: by turn alone, 乡村振兴 went to 坚持和完善人民代表大会制度
    and 巩固脱贫成果 to 扭住项目建设, while the point on 脱贫攻坚 got neither).
    With `congress_section` (the speech's 对人大工作的要求, whose standing lines make the
    congress's moves) and no congress point, a theme about the congress goes to no point
    (丰源 2025, sixteenth run: 发展全过程人民民主，支持县人大…依法履职 went to the point on
    新质生产力 by its turn, and the point's second paragraph was about the congress)."""
    if not headlines:
        return {}
    congress = {
        i for i, h in enumerate(headlines, 1)
        if brief.occasion == "closing_session" and CONGRESS_POINT.search(h)
    }  # fmt: skip
    if congress_section and not congress:
        themes = [t for t in themes if not _CONGRESS_THEME.search(t)]
    others = [i for i in range(1, len(headlines) + 1) if i not in congress] or [1]
    assigned: dict[int, list[str]] = {}

    def count(i: int) -> int:
        return len(assigned.get(i, []))

    def fewest(points: Sequence[int]) -> int:  # the earlier one of those with fewest themes
        return min(points, key=count)

    for k, theme in enumerate(themes):
        words = bigrams(theme) - _COMMON_BIGRAMS
        scores = {i: len(words & bigrams(h)) for i, h in enumerate(headlines, 1)}
        for i in congress:
            # the congress point takes a theme about the congress (全过程人民民主), or one
            # its headline names in more than a word
            scores[i] = 2 if _CONGRESS_THEME.search(theme) else scores[i] * (scores[i] >= 2)
        best = max(scores.values(), default=0)
        if best:
            i = fewest([i for i in scores if scores[i] == best])
        else:  # the point in turn, unless that is the congress's or has more than others
            i = k % len(headlines) + 1
            if i in congress or count(i) > count(fewest(others)):
                i = fewest(others)
        assigned.setdefault(i, []).append(theme)
    return assigned


_CONGRESS_THEME = re.compile(r"民主|人大|代表|人民代表大会|监督")
# Words in almost every headline and theme: sharing them says nothing about the topic.
_COMMON_BIGRAMS = frozenset(
    {"发展", "建设", "推进", "推动", "坚持", "加强", "全面", "工作", "进一"}
)


def _opening(brief: Brief, headlines: list[str], extra_points: tuple[str, ...]) -> dict[str, Any]:
    """A closing speech's opening carries the reports and elections; another meeting's
    says what the meeting is for and announces the points."""
    if brief.occasion != "closing_session":
        return {
            "purpose": MEETING_PURPOSE,
            "key_points": extra_points,
            "lead": _opening_lead(brief),
            "tail": f"下面，我讲{chinese_count(len(headlines))}点意见。",
        }
    points = [f"大会审议通过了：{'、'.join(brief.reports)}"] if brief.reports else []
    points += [f"大会完成了选举：{'、'.join(brief.elections)}"] if brief.elections else []
    return {
        "purpose": PURPOSES["opening"],
        "key_points": tuple(points) + extra_points,
        "lead": _opening_lead(brief),
        "tail": "",
    }


# A requirement point about the congress's own work (its headline names the congress's
# powers, its supervision or its delegates' duties).
CONGRESS_POINT = re.compile(
    r"人大(?:工作|依法|及其常委会|主席团|代表)|接受[^，。]{0,4}人大监督|代表(?:依法)?履职|人大.{0,6}职权"
    # 汀浦 2025 (untuned read): 要坚持党的领导，支持人大、政府、监察委和法院、检察院依法履职
    r"|支持(?:和保证)?[^，。]{0,4}人大|人大[^，。]{0,16}依法(?:履职|行使)"
)


def _is_congress_point(sec: OutlineSection, brief: Brief) -> bool:
    """The point that stands for the 对人大工作的要求 section (see build_outline)."""
    return (
        brief.occasion == "closing_session"
        and not any(o.role == "congress_work" for o in brief.outline)
        and bool(CONGRESS_POINT.search(sec.heading or ""))
    )


def _fact_floors(brief: Brief) -> dict[str, int]:
    """The least room a section needs for the brief's facts it must carry, in 汉字: the
    facts themselves plus a sentence of evaluation per paragraph of three."""
    out = {}
    for role, facts in (("review", brief.achievements), ("situation", brief.situation)):
        if facts:
            n = sum(han_count(f) for f in facts)
            out[role] = int(n * 1.1) + 40 * -(-len(facts) // 3)
            if role == "situation" and plan.SITUATION_ROOM:
                # told, not read out (see plan.SITUATION_ROOM); never more than a third of
                # the speech, so a long list in a short speech leaves the points their room
                told = min(int(n * plan.SITUATION_ROOM_PER_HAN), brief.length // 3)
                out[role] = max(out[role], told)
    return out


def plan_role(sec: OutlineSection, brief: Brief) -> str:
    """The role whose purposes plan this section: a meeting's opening is not a session's,
    and the point standing for the congress's work takes that section's moves."""
    if sec.role == "opening" and brief.occasion != "closing_session":
        return "meeting_opening"
    if sec.role == "requirements" and _is_congress_point(sec, brief):
        return "congress_point"
    return sec.role


def _with_plan(
    sec: OutlineSection, brief: Brief, values: dict[str, str], congress: Sequence[str] = ()
) -> OutlineSection:
    """The section with its paragraph plan (fixed sections have none); `congress` are the
    headlines of the points about the congress's work, which share its moves."""
    if sec.fixed:
        return sec
    role = plan_role(sec, brief)
    facts: tuple[str, ...] = ()
    if sec.role == "review":
        facts = tuple(brief.achievements)
    elif sec.role == "situation":
        facts = tuple(brief.situation)
    # Themes: a point's assigned themes, plus whatever the writer's [[outline]] override
    # asks this section to say (for every role, not only the points).
    override = next((o for o in brief.outline if o.role == sec.role), None)
    own = tuple(p for p in sec.key_points if sec.role == "requirements")
    if sec.role == "congress_work":  # the congress's themes no point took (assign_themes)
        own = tuple(t for t in brief.themes if _CONGRESS_THEME.search(t))
    extra = tuple(override.points) if override else ()
    themes = tuple(dict.fromkeys(own + extra))
    turn = {"turn": str(sec.ordinal)} if sec.ordinal else {}
    moves = congress_moves(sec.heading, congress) if role == "congress_point" else ALL_MOVES
    paragraphs = plan_section(
        role, sec.budget, facts=facts, themes=themes, headline=sec.heading,
        values={**values, **turn}, moves=moves,
    )  # fmt: skip
    return replace(sec, paragraphs=paragraphs)


def with_budgets_scaled(outline: Outline, factor: float) -> Outline:
    """The same outline with every model-written budget scaled (small test drafts); a
    scaled section keeps fewer paragraphs, and the facts of those dropped move to the
    last one kept, so no fact is lost. The program's own text does not shrink: the model's
    budgets shrink the more, so the whole comes to `factor` of what it was."""
    model = sum(s.budget for s in outline.sections if not s.fixed) or 1
    program = outline.program_han
    own = max(0.05, (factor * (model + program) - program) / model)
    return Outline(
        occasion=outline.occasion,
        sections=tuple(_scaled(s, own) for s in outline.sections),
    )


def _scaled(sec: OutlineSection, factor: float) -> OutlineSection:
    if sec.fixed:
        return sec
    budget = max(30, int(sec.budget * factor))
    paras = list(sec.paragraphs)
    if not paras:
        return replace(sec, budget=budget)
    keep = max(1, min(len(paras), round(budget / 140), budget // 30))
    if sec.role == "review" and len(paras) > 1 and budget >= 60:
        keep = max(keep, 2)  # the facts alone need room: never all in one short paragraph
    kept, dropped = paras[:keep], paras[keep:]
    if dropped and any(p.lead for p in dropped):
        # every congress-work move stays (leadership, supervision, delegates), fewer to a
        # paragraph, in its own part or in a point on the congress's work: the half-scale
        # 云溪 2013 plan had kept the point's first two and lost the delegates'
        merged = merge_purposes([p.purpose for p in paras], keep)
        leads = merge_purposes([p.lead for p in paras], keep, sep="")
        kept = [
            replace(p, purpose=m, lead=lead) for p, m, lead in zip(kept, merged, leads, strict=True)
        ]
    moved = tuple(f for p in dropped for f in p.facts)
    moved_themes = tuple(t for p in dropped for t in p.themes)
    kept = [replace(p, budget=b) for p, b in zip(kept, split_budget(budget, keep), strict=True)]
    if moved or moved_themes:
        last = kept[-1]
        kept[-1] = replace(last, facts=last.facts + moved, themes=last.themes + moved_themes)
    return replace(sec, budget=budget, paragraphs=tuple(kept))


def save_outline(outline: Outline, path: Path) -> None:
    text = yaml.safe_dump(outline.to_dict(), allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(
        "# 讲话提纲：可修改 heading/key_points/budget/lead 后用 "
        "`assistant draft --brief 简报 --outline 本文件` 起草\n" + text,
        encoding="utf-8",
    )


def load_outline(path: Path) -> Outline:
    if not Path(path).is_file():
        raise InputError(f"找不到提纲文件：{path}")
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise InputError(f"提纲文件 {path} 格式有误：{exc}") from exc
    return Outline.from_dict(data or {})
