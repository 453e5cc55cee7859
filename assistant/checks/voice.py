"""voice: the speaker speaks in the first person, for the organ the brief names.

A speech is read aloud by its speaker: "县人大常委会主任××强调" or "李明书记指出" in his own
speech names him in the third person; a 党委书记 saying "我们全体代表要" speaks as one of the
delegates, "我们镇政府将" as the government; "我代表X" with X not the brief's organ speaks
for someone else. Patterns in evals/style.yaml (`voice`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from assistant.checks.base import (
    PARAGRAPH,
    SPEECH,
    CheckResult,
    Subject,
    compiled,
    register,
    result_from_findings,
)
from assistant.checks.integrity import prose_paragraphs
from assistant.text import sentences, short

NAME = "voice"


@dataclass(frozen=True)
class _Patterns:
    verbs: str
    as_delegate: tuple[re.Pattern[str], ...]
    as_presidium: re.Pattern[str]
    as_title_plural: re.Pattern[str]
    as_post: re.Pattern[str]
    speak_for: re.Pattern[str]
    as_government: re.Pattern[str]
    as_supervised: re.Pattern[str]
    as_party_or_government: re.Pattern[str]
    kinds: tuple[tuple[str, re.Pattern[str]], ...]
    delegate_role: re.Pattern[str]
    narrated: re.Pattern[str]
    own_praise: re.Pattern[str]
    own_credit: re.Pattern[str]


def _build(data: Any) -> _Patterns:
    return _Patterns(
        verbs=data["report_verbs"],
        as_delegate=tuple(re.compile(p) for p in data["as_delegate"]),
        as_presidium=re.compile(data["as_presidium"]),
        as_title_plural=re.compile(data["as_title_plural"]),
        as_post=re.compile(data["as_post"]),
        speak_for=re.compile(data["speak_for"]),
        as_government=re.compile(data["as_government"]),
        as_supervised=re.compile(data["as_supervised"]),
        as_party_or_government=re.compile(data["as_party_or_government"]),
        kinds=tuple((k, re.compile(p)) for k, p in data["organ_kinds"].items()),
        delegate_role=re.compile(data["delegate_role"]),
        narrated=re.compile(data["narrated"]),
        own_praise=re.compile(data["own_praise"]),
        own_credit=re.compile(data["own_credit"]),
    )


def _patterns() -> _Patterns:
    return compiled("style.yaml", _build, "voice")


def own_title_before_we(text: str, role: str) -> list[tuple[str, str]]:
    """作为…书记，我们: the speaker's own title with a plural, as voice finds it, and the
    title's words in it (the drafting repair takes those out)."""
    return [
        (m.group(), m.group("title"))
        for m in _patterns().as_title_plural.finditer(text)
        if _own_title(m.group(), role)
    ]


@lru_cache(maxsize=32)
def _third_person(names: tuple[str, ...], verbs: str) -> re.Pattern[str]:
    # "县人大常委会主任××强调", "李明书记指出", "李明同志在…会上强调"; never 总书记, nor
    # 我这个镇党委书记要带头, the first person
    who = "|".join(re.escape(n) for n in names)
    return re.compile(
        # (县人大常委会主任会议决定…: the chairmen's council, an organ, not the speaker)
        rf"(?<!总)(?<!这个)(?<!我)(?:{who})(?!会议)[^。！？，；：“]{{0,4}}?(?:同志)?"
        rf"(?:在[^。！？，；]{{0,20}}上)?(?:{verbs})"
    )


def _kinds(text: str, pat: _Patterns) -> set[str]:
    return {name for name, rx in pat.kinds if rx.search(text)}


def _snippet(text: str, m: re.Match[str]) -> str:
    """The hit with a little context, kept within its paragraph."""
    a = max(0, m.start() - 6, text.rfind("\n", 0, m.start()) + 1)
    b = text.find("\n", m.end())
    b = min(m.end() + 14, len(text) if b < 0 else b)
    return short(text[a:b], 36)


_TITLES = ("书记", "主任", "主席", "省长", "市长", "州长", "县长", "区长", "镇长", "乡长")
_DOUBLE_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
    "夏侯",
    "司徒",
)


def _title_of(role: str) -> str:
    """The title a post ends in (镇党委书记 → 书记), or empty."""
    return next((t for t in _TITLES if role.endswith(t)), "")


def _surname_title(name: str, role: str) -> str:
    """周书记 for 乡党委书记周文斌: how others name the speaker (云溪 2013: 刚才周书记对大会
    做了工作报告, in the speech of 周文斌 himself). Empty for a name that is a mark."""
    if len(name) < 2 or re.search(r"[×xX＊*【]", name):
        return ""
    title = _title_of(role)
    surname = name[:2] if name.startswith(_DOUBLE_SURNAMES) else name[0]
    return surname + title if title else ""


# Posts of the speaker's hearers, not his own (作为村党支部书记，我们要带头干)
_HEARERS = re.compile("村|支部|社区|小组|站")


def _own_title(said: str, role: str) -> bool:
    """Whether 作为…书记 names the speaker's own post (镇党委书记), not a post of his hearers."""
    title = _title_of(role)
    if not title:
        return False
    return role in said or (title in said and not _HEARERS.search(said))


def _own_post(post: str, role: str) -> bool:
    """Whether 作为{post}，我 names one of the speaker's own posts (镇党委副书记 for 镇党委副书记、
    镇人大主席): the post is one of them or ends in its title, not 会议的书记员 for a 县委书记."""
    for part in (p for p in re.split("[、，,]", role) if p):
        title = _title_of(part)
        if part in post or (title and post.endswith(title) and not _HEARERS.search(post)):
            return True
    return False


# The organ a post or an organ's name ends in: 县委 (县委书记), 镇党委, 街道党工委, 县人大常委会,
# 镇人大主席团 (中共檀山县委 → 县委; 区十五届人大常委会 → 区人大常委会).
_ORGAN_TAIL = re.compile(
    r"(?:[镇乡]|街道)?党工?委|[省市州县区旗]委|[省市州县区镇乡]?人大(?:常委会|主席团|工委)"
)


def own_organs(brief: Any) -> tuple[str, ...]:
    """The organ the speaker speaks for in its short form: the brief's organ, else his posts'
    (a 镇党委副书记、镇人大主席 speaking for the 镇人大主席团 praises the 镇党委's leadership
    rightly)."""
    who = _Who.of(brief)
    for names in (
        [re.sub("[一二三四五六七八九十]+届", "", who.organ)],
        re.split("[、，,]", who.role),
    ):
        found = [tails[-1] for tails in map(_ORGAN_TAIL.findall, names) if tails]
        if found:
            return tuple(dict.fromkeys(found))
    return ()


def own_praise(text: str, brief: Any) -> list[tuple[str, str]]:
    """在县委的坚强领导下 said by the 县委书记: his own organ's leadership praised. Each as
    (what was said, what the speech says instead: the leadership of the others named, or
    nothing, the clause's comma with it)."""
    return _own_praise(text, own_organs(brief), _patterns())


def _own_praise(text: str, own: tuple[str, ...], pat: _Patterns) -> list[tuple[str, str]]:
    if not own:
        return []
    found = []
    for m in pat.own_praise.finditer(text):
        who = m.group("who")
        if not any(o in who for o in own):
            continue
        rest = who
        for o in own:
            rest = rest.replace(o, "")
        rest = re.sub("^[、和及与]+|[、和及与]+$", "", re.sub("[、和及与]{2,}", "、", rest))
        said = m.group() + ("，" if text[m.end() : m.end() + 1] == "，" else "")
        if re.search("委|中央|政府", rest):
            found.append((said, said.replace(who, rest, 1)))
        else:
            found.append((said, ""))
    return found


@lru_cache(maxsize=32)
def _called(called: str, verbs: str) -> re.Pattern[str] | None:
    """The speaker named as others name him, reporting or having reported (周书记强调,
    周书记对大会做了…). Not after an organ: 县委李书记作了重要讲话 is someone else."""
    if not called:
        return None
    return re.compile(
        rf"(?<![委府院团会部局厅办])(?:{re.escape(called)})[^。！？，；：“]{{0,4}}?"
        rf"(?:同志)?(?:{verbs}|[作做]了)"
    )


@dataclass(frozen=True)
class _Who:
    """The speaker as the brief gives him."""

    role: str
    name: str
    organ: str

    @classmethod
    def of(cls, brief: Any) -> _Who:
        speaker = getattr(brief, "speaker", None)
        return cls(*((getattr(speaker, k, None) or "").strip() for k in ("role", "name", "organ")))


def _findings(text: str, subject: Subject, pat: _Patterns) -> Iterator[str]:
    who = _Who.of(subject.brief)
    yield from _named_by_others(text, who, pat)
    yield from _as_a_member(text, who, pat)
    yield from _for_another_organ(text, who, pat)
    own = own_organs(subject.brief)
    praised = [said.rstrip("，") for said, _ in _own_praise(text, own, pat)]
    praised += [
        m.group() for m in pat.own_credit.finditer(text) if any(o in m.group("who") for o in own)
    ]
    for said in praised:
        yield f"讲话人称颂了自己机关的领导（“{said}”）：称颂的应是上级，如“在市委的坚强领导下”"
    yield from _wrong_address(text, subject.brief)


@lru_cache(maxsize=32)
def _own_post_as_other(role: str) -> re.Pattern[str]:
    post = re.escape(role)
    return re.compile(
        rf"(?<!我这个)(?<!我)在{post}(?:同志)?的(?:领导|带领|指导|统筹)"
        rf"|(?:与|向|同|跟|给)(?<!我){post}(?:同志)?(?:沟通|汇报|请示|报告|反映)"
    )


def _named_by_others(text: str, who: _Who, pat: _Patterns) -> Iterator[str]:
    """The speaker in the third person, narrated, or saying his own name."""
    names = tuple(n for n in (who.role, who.name) if len(n) >= 2)
    hits = []
    called = _surname_title(who.name, who.role)
    for rx in (_third_person(names, pat.verbs) if names else None, _called(called, pat.verbs)):
        for m in rx.finditer(text) if rx is not None else ():
            hits.append(m.span())
            yield f"讲话人把自己写成了第三人称（“{m.group()}”），讲话里要用“我”：“{_snippet(text, m)}”"
    if len(who.role) >= 4 and "、" not in who.role:
        # his own one post as someone else to be led by or to report to (枫林 2024, twentieth
        # run, the 街道党工委书记: 各基层人大工委要主动与街道党工委书记沟通联系; 在街道党工委书记
        # 的领导下): in one locality that post is the speaker
        for m in _own_post_as_other(who.role).finditer(text):
            if not any(a <= m.start() < b for a, b in hits):
                yield (
                    f"讲话人把自己的职务当成了别人（“{m.group()}”），讲话人就是{who.role}："
                    f"“{_snippet(text, m)}”"
                )
    for m in pat.narrated.finditer(text):
        yield f"讲话写成了叙述（“{m.group()}”），像旁人在转述讲话人：“{_snippet(text, m)}”"
    if len(who.name) >= 2 and not re.search(r"[×xX＊*]", who.name):
        # a speaker never says his own name ("作为区委书记韩立群，我们要…")
        for m in re.finditer(re.escape(who.name), text):
            if not any(a <= m.start() < b for a, b in hits):
                yield (
                    f"讲话人在讲话里说了自己的姓名（“{who.name}”），讲话里用“我”："
                    f"“{_snippet(text, m)}”"
                )


def _as_a_member(text: str, who: _Who, pat: _Patterns) -> Iterator[str]:
    """The speaker as one of the delegates, of the 人大 he does not serve, or his one post
    said with 我们."""
    if not pat.delegate_role.search(who.role):  # a 书记 or 主任 is not one of the delegates
        spans: list[tuple[int, int]] = []
        for rx in pat.as_delegate:
            for m in rx.finditer(text):
                if any(a < m.end() and m.start() < b for a, b in spans):
                    continue  # "作为…代表，我们全体代表": one slip, one finding
                spans.append(m.span())
                yield (
                    f"讲话人说成了代表中的一员（“{m.group()}”），应对代表说“各位代表要…”："
                    f"“{_snippet(text, m)}”"
                )
    for m in pat.as_title_plural.finditer(text):
        if not _own_title(m.group(), who.role):
            continue  # 作为村党支部书记，我们要带头干: the speaker's hearers, not himself
        yield (
            f"讲话人报出自己的职务却说“我们”（“{m.group()}”），一个人的职务配“我”，"
            f"或者不报职务直接说“我们”：“{_snippet(text, m)}”"
        )
    for m in pat.as_post.finditer(text):
        if who.role and not _own_post(m.group("post"), who.role):
            yield (
                f"讲话人是{who.role}，却自称“{m.group('post')}”：讲话人只以自己的职务说话："
                f"“{_snippet(text, m)}”"
            )
    if not re.search(r"人大|主席团|人民代表大会", who.role + who.organ):
        for m in pat.as_presidium.finditer(text):
            yield (
                f"讲话人不在人大任职，却说成了人大的一员（“{m.group()}”）：“{_snippet(text, m)}”"
            )


def _for_another_organ(text: str, who: _Who, pat: _Patterns) -> Iterator[str]:
    """The speaker speaking as an organ that is not his (the government, the supervised, the
    Party committee for a 人大 speaker), or of his own organ as someone else."""
    organ = who.organ
    own = _kinds(organ or who.role, pat)
    if "党委" in own and "政府" not in own:
        for m in pat.as_government.finditer(text):
            yield f"以党委名义讲话，却用了政府的口吻（“{m.group()}”），应说“镇政府要…”：“{_snippet(text, m)}”"
        for m in pat.as_supervised.finditer(text):
            yield (
                f"以党委名义讲话，却说成了接受人大监督的一方（“{m.group()}”）：党委领导人大，"
                f"接受监督的是政府：“{_snippet(text, m)}”"
            )
    # (a 镇党委副书记、镇人大主席 speaks for the Party committee too)
    if _kinds(organ + who.role, pat) == {"人大"}:
        for m in pat.as_party_or_government.finditer(text):
            yield (
                f"以人大名义讲话，却说成了党委、政府的一员（“{m.group()}”）：人大讲话说“各级党委要…"
                f"”“政府要…”：“{_snippet(text, m)}”"
            )
    if len(organ) >= 2:
        # the speaker's own organ doing something for "us" (丰源 2025, fifteenth full run:
        # 我们得到了县委对我们的大力支持和高度信任, the 县委书记 speaking): he is that organ
        for m in re.finditer(re.escape(organ) + "对我们", text):
            yield (
                f"讲话人以{organ}的名义讲话，却把{organ}说成了别人（“{m.group()}”）："
                f"“{_snippet(text, m)}”"
            )
    if own:
        for m in pat.speak_for.finditer(text):
            said = _kinds(m.group(1), pat)
            if said and not said & own:
                yield (
                    f"“我代表{m.group(1)}”与讲话人的身份不符，应是“我代表{organ or who.role}”："
                    f"“{_snippet(text, m)}”"
                )


# Meetings whose hearers are not the congress's delegates unless the title says so: a 座谈会 of
# 乡镇人大主席 is addressed 同志们 (outline._salutation), never 各位代表.
_NOT_DELEGATES = frozenset({"symposium", "experience_exchange"})
# …and as the subject of a demand (宁川 2015, nineteenth session's run, an exchange meeting of
# 乡镇人大 cadres: 各位代表要积极参与讨论): 各位 are the people in the hall.
_DELEGATES_ADDRESSED = re.compile(
    r"各位代表(?=[、，！：和]|同志们|(?:们)?(?:都|也|还)?(?:要|应当?|必须|能够))"
)


def _wrong_address(text: str, brief: Any) -> Iterator[str]:
    """各位代表 said to hearers who are not delegates (石桥 2016, a 乡镇人大主席座谈会: 各位代表、
    同志们，… in the call). A meeting of delegates names them in its title (…辖区人大代表座谈会)."""
    if getattr(brief, "occasion", None) not in _NOT_DELEGATES:
        return
    if "代表" in (getattr(brief, "title", None) or ""):
        return
    for m in _DELEGATES_ADDRESSED.finditer(text):
        yield (
            f"这次会议的与会者不是人大代表（称谓是“同志们”），不能称“各位代表”："
            f"“{_snippet(text, m)}”"
        )


def sentences_in_wrong_voice(text: str, brief: Any) -> list[str]:
    """The sentences of `text` the check finds in the wrong voice (枫林 2024, tenth
    full-length run: 这次会议的目标是传达街道党工委书记对各位代表的高度期望 in every candidate
    of the opening's second paragraph): what the drafting repair drops."""
    subject = Subject(raw="", brief=brief, scope=PARAGRAPH)
    pat = _patterns()
    return [x for x in sentences(text) if next(_findings(x, subject, pat), None)]


@register(NAME, scopes=(SPEECH, PARAGRAPH), weight=1.5, writer=True, label="讲话人的口吻")
def run(subject: Subject) -> CheckResult:
    # the body only: the byline under the title names the speaker, as it should
    text = subject.text if subject.scope == PARAGRAPH else "\n".join(prose_paragraphs(subject))
    findings = list(dict.fromkeys(_findings(text, subject, _patterns())))
    return result_from_findings(
        NAME,
        findings,
        ok_reason="讲话人用第一人称、以简报所写的机关名义讲话",
        header=f"发现 {len(findings)} 处口吻不对：",
    )
